import { describe, expect, it } from "vitest";
import { call, ORIGIN } from "../helpers/client";
import {
  connectClient,
  cookiesOf,
  discover,
  pkce,
  REDIRECT_URI,
  registerClient,
  resourceOf,
} from "../helpers/mcp-oauth";
import { json } from "../helpers/sessions";
import { memberOf, ownerWithTenant } from "../helpers/tenant";
import { initialize, post } from "../../capabilities/mcp/tests/helpers";
import { SELF } from "cloudflare:test";

describe("attack: MCP grants and the consent screen", () => {
  it("a revoked grant's token and refresh token stop working on the next request", async () => {
    const owner = await ownerWithTenant();
    const c = await connectClient(owner.tenantId, owner);
    const { session } = await initialize(owner.tenantId, c.accessToken);
    const { grants } = await json<{ grants: { id: string }[] }>(
      await call(`/api/tenants/${owner.tenantId}/mcp/grants`, { cookie: owner.cookie }),
    );
    await json(
      await call(`/api/tenants/${owner.tenantId}/mcp/grants/${grants[0]!.id}`, {
        method: "DELETE",
        cookie: owner.cookie,
      }),
    );
    const res = await post(
      owner.tenantId,
      c.accessToken,
      { jsonrpc: "2.0", id: 3, method: "tools/list" },
      { session },
    );
    expect(res.status).toBe(401);
    const refresh = await SELF.fetch(c.as.token_endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: c.refreshToken,
        client_id: c.clientId,
      }).toString(),
    });
    expect(refresh.status).toBe(400);
  });

  it("a viewer cannot revoke another member's grant", async () => {
    const owner = await ownerWithTenant();
    await connectClient(owner.tenantId, owner);
    const viewer = await memberOf(owner.tenantId, "viewer");
    const { grants } = await json<{ grants: { id: string }[] }>(
      await call(`/api/tenants/${owner.tenantId}/mcp/grants`, { cookie: owner.cookie }),
    );
    const res = await call(`/api/tenants/${owner.tenantId}/mcp/grants/${grants[0]!.id}`, {
      method: "DELETE",
      cookie: viewer.cookie,
    });
    expect(res.status).toBe(403);
  });

  it("CSRF: another site cannot make a signed-in person approve a pending consent", async () => {
    const owner = await ownerWithTenant();
    const { as } = await discover(owner.tenantId);
    const clientId = await registerClient(as.registration_endpoint, "Evil Agent");
    const { challenge } = await pkce();
    const url = new URL(as.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      code_challenge: challenge,
      code_challenge_method: "S256",
      state: "s",
      scope: "mcp",
      resource: resourceOf(owner.tenantId),
    }).toString();
    const start = await SELF.fetch(url, { redirect: "manual" });
    const handle = new URL(start.headers.get("location")!, ORIGIN).searchParams.get("handle")!;
    const cookie = [owner.cookie, ...cookiesOf(start)].join("; ");
    const forged = await call(`/api/oauth/consents/${handle}`, {
      body: { decision: "approve" },
      cookie,
      origin: "https://evil.example",
    });
    expect(forged.status).toBe(403);
    const { grants } = await json<{ grants: unknown[] }>(
      await call(`/api/tenants/${owner.tenantId}/mcp/grants`, { cookie: owner.cookie }),
    );
    expect(grants).toEqual([]);
  });

  it("a consent started in the attacker's browser cannot be approved by the victim", async () => {
    const victim = await ownerWithTenant();
    const { as } = await discover(victim.tenantId);
    const clientId = await registerClient(as.registration_endpoint, "Evil Agent");
    const { challenge } = await pkce();
    // The attacker starts the flow in their own browser and sends the victim the link.
    const url = new URL(as.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      code_challenge: challenge,
      code_challenge_method: "S256",
      state: "s",
      scope: "mcp",
      resource: resourceOf(victim.tenantId),
    }).toString();
    const start = await SELF.fetch(url, { redirect: "manual" });
    const handle = new URL(start.headers.get("location")!, ORIGIN).searchParams.get("handle")!;
    // The victim opens it in their own browser: signed in, but without the attacker's cookie.
    const answer = await call(`/api/oauth/consents/${handle}`, {
      body: { decision: "approve" },
      cookie: victim.cookie,
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { redirect_to?: string }).redirect_to).toBeUndefined();
    const { grants } = await json<{ grants: unknown[] }>(
      await call(`/api/tenants/${victim.tenantId}/mcp/grants`, { cookie: victim.cookie }),
    );
    expect(grants).toEqual([]);
  });

  it("a consent opened by one member cannot be answered by another", async () => {
    const owner = await ownerWithTenant();
    const other = await memberOf(owner.tenantId, "admin");
    const { as } = await discover(owner.tenantId);
    const clientId = await registerClient(as.registration_endpoint);
    const { challenge } = await pkce();
    const url = new URL(as.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      code_challenge: challenge,
      code_challenge_method: "S256",
      state: "s",
      scope: "mcp",
      resource: resourceOf(owner.tenantId),
    }).toString();
    const start = await SELF.fetch(url, { redirect: "manual" });
    const handle = new URL(start.headers.get("location")!, ORIGIN).searchParams.get("handle")!;
    const consentCookies = cookiesOf(start);
    const opened = await call(`/api/oauth/consents/${handle}`, {
      cookie: [owner.cookie, ...consentCookies].join("; "),
    });
    expect(opened.status).toBe(200);
    const stolen = await call(`/api/oauth/consents/${handle}`, {
      body: { decision: "approve" },
      cookie: [other.cookie, ...consentCookies].join("; "),
    });
    expect(stolen.status).toBe(404);
  });
});
