import { afterEach, describe, expect, it, vi } from "vitest";
import { call, ORIGIN } from "../../../tests/helpers/client";
import {
  authorize,
  connectClient,
  discover,
  exchange,
  pkce,
  REDIRECT_URI,
  registerClient,
  resourceOf,
} from "../../../tests/helpers/mcp-oauth";
import { json } from "../../../tests/helpers/sessions";
import { ownerWithTenant } from "../../../tests/helpers/tenant";
import { initialize, post, request } from "./helpers";

afterEach(() => vi.useRealTimers());

describe("MCP authorization (OAuth 2.1 + PKCE, RFC 9728 / 8414 / 8707 / 7591)", () => {
  it("discovers the tenant's authorization server from a 401 challenge", async () => {
    const owner = await ownerWithTenant();
    const { header, prm, as } = await discover(owner.tenantId);
    expect(header).toContain(
      `resource_metadata="${ORIGIN}/.well-known/oauth-protected-resource/mcp/${owner.tenantId}"`,
    );
    expect(prm.resource).toBe(resourceOf(owner.tenantId));
    expect(prm.authorization_servers).toEqual([`${ORIGIN}/oauth/${owner.tenantId}`]);
    expect(as.issuer).toBe(`${ORIGIN}/oauth/${owner.tenantId}`);
    expect(as.authorization_endpoint).toBe(`${ORIGIN}/oauth/${owner.tenantId}/authorize`);
    expect(as.token_endpoint).toBe(`${ORIGIN}/oauth/${owner.tenantId}/token`);
    expect(as.registration_endpoint).toBe(`${ORIGIN}/oauth/${owner.tenantId}/register`);
    expect(as.code_challenge_methods_supported).toEqual(["S256"]);
  });

  it("runs code + PKCE end to end: the consent screen shows the client, the token works on MCP", async () => {
    const owner = await ownerWithTenant();
    const { as } = await discover(owner.tenantId);
    const clientId = await registerClient(as.registration_endpoint, "Claude (test)");
    const { verifier, challenge } = await pkce();
    const auth = await authorize(as, clientId, challenge, resourceOf(owner.tenantId), owner);
    expect(auth.ok).toBe(true);
    if (!auth.ok) return;
    expect(auth.view).toMatchObject({
      tenant: { id: owner.tenantId },
      client: { id: clientId, name: "Claude (test)" },
      redirect_host: "127.0.0.1",
      redirect_is_loopback: true,
      scopes: ["mcp"],
      may_connect: true,
    });
    expect(auth.redirect.origin + auth.redirect.pathname).toBe(REDIRECT_URI);
    expect(auth.redirect.searchParams.get("state")).toBe("state-123");
    expect(auth.redirect.searchParams.get("iss")).toBe(`${ORIGIN}/oauth/${owner.tenantId}`);

    const wrongVerifier = await exchange(as.token_endpoint, {
      grant_type: "authorization_code",
      code: auth.code!,
      redirect_uri: REDIRECT_URI,
      client_id: clientId,
      code_verifier: (await pkce()).verifier,
    });
    expect(wrongVerifier.status).toBe(400);
    expect(wrongVerifier.body.error).toBe("invalid_grant");

    // A code that failed PKCE once is spent: run the flow again for a fresh one.
    const again = await authorize(as, clientId, challenge, resourceOf(owner.tenantId), owner);
    const token = await exchange(as.token_endpoint, {
      grant_type: "authorization_code",
      code: (again as { code: string }).code,
      redirect_uri: REDIRECT_URI,
      client_id: clientId,
      code_verifier: verifier,
      resource: resourceOf(owner.tenantId),
    });
    expect(token.status).toBe(200);
    expect(token.body.token_type).toMatch(/bearer/i);
    const accessToken = token.body.access_token as string;

    const { session } = await initialize(owner.tenantId, accessToken, "oauth-client");
    const listed = await request(
      { tenantId: owner.tenantId, token: accessToken, session },
      "tools/list",
    );
    expect(listed.reply.result!.tools!.length).toBeGreaterThan(0);

    // The session's run is recorded as the person, through the client they approved.
    const { grants } = await json<{
      grants: {
        client_id: string;
        client_name: string;
        user_id: string;
        revoked_at: string | null;
      }[];
    }>(await call(`/api/tenants/${owner.tenantId}/mcp/grants`, { cookie: owner.cookie }));
    // Authorizing the same client again replaced the first grant (the library revoked it too).
    expect(grants.map((g) => g.revoked_at === null)).toEqual([true, false]);
    expect(grants[0]).toMatchObject({
      client_id: clientId,
      client_name: "Claude (test)",
      user_id: owner.user.id,
    });
    const { runs } = await json<{
      runs: { agent: string; created_by: { kind: string; id: string } }[];
    }>(await call(`/api/tenants/${owner.tenantId}/runs`, { cookie: owner.cookie }));
    expect(runs.find((r) => r.agent === "mcp:oauth-client")?.created_by).toMatchObject({
      kind: "user",
      id: owner.user.id,
    });
  });

  it("a denied consent sends the browser back with access_denied and grants nothing", async () => {
    const owner = await ownerWithTenant();
    const { as } = await discover(owner.tenantId);
    const clientId = await registerClient(as.registration_endpoint);
    const { challenge } = await pkce();
    const auth = await authorize(
      as,
      clientId,
      challenge,
      resourceOf(owner.tenantId),
      owner,
      "deny",
    );
    expect(auth.ok && auth.redirect.searchParams.get("error")).toBe("access_denied");
    const { grants } = await json<{ grants: unknown[] }>(
      await call(`/api/tenants/${owner.tenantId}/mcp/grants`, { cookie: owner.cookie }),
    );
    expect(grants).toEqual([]);
  });

  it("refuses an authorization request for a resource that is not this tenant's", async () => {
    const owner = await ownerWithTenant();
    const other = await ownerWithTenant();
    const { as } = await discover(owner.tenantId);
    const clientId = await registerClient(as.registration_endpoint);
    const { challenge } = await pkce();
    const auth = await authorize(as, clientId, challenge, resourceOf(other.tenantId), owner);
    expect(auth.ok).toBe(false);
    if (auth.ok) return;
    // A validated client and redirect URI: the error goes back to the client as invalid_target.
    expect(auth.status).toBe(302);
    expect(new URL(auth.location).searchParams.get("error")).toBe("invalid_target");
  });

  it("refuses an expired access token with a 401 challenge", async () => {
    const owner = await ownerWithTenant();
    const { accessToken } = await connectClient(owner.tenantId, owner);
    expect(
      (await post(owner.tenantId, accessToken, { jsonrpc: "2.0", id: 1, method: "ping" })).status,
    ).not.toBe(401);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 2 * 60 * 60 * 1000);
    const late = await post(owner.tenantId, accessToken, { jsonrpc: "2.0", id: 1, method: "ping" });
    expect(late.status).toBe(401);
    expect(late.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("refreshes a token (rotation) and the refreshed token still works", async () => {
    const owner = await ownerWithTenant();
    const c = await connectClient(owner.tenantId, owner);
    const refreshed = await exchange(c.as.token_endpoint, {
      grant_type: "refresh_token",
      refresh_token: c.refreshToken,
      client_id: c.clientId,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(c.refreshToken);
    await initialize(owner.tenantId, refreshed.body.access_token as string);
  });

  it("revoking the grant stops its token on the very next request", async () => {
    const owner = await ownerWithTenant();
    const { accessToken } = await connectClient(owner.tenantId, owner);
    const { session } = await initialize(owner.tenantId, accessToken);
    const { grants } = await json<{ grants: { id: string }[] }>(
      await call(`/api/tenants/${owner.tenantId}/mcp/grants`, { cookie: owner.cookie }),
    );
    await json(
      await call(`/api/tenants/${owner.tenantId}/mcp/grants/${grants[0]!.id}`, {
        method: "DELETE",
        cookie: owner.cookie,
      }),
    );
    const after = await post(
      owner.tenantId,
      accessToken,
      { jsonrpc: "2.0", id: 2, method: "tools/list" },
      { session },
    );
    expect(after.status).toBe(401);
  });

  it("an API token needs the mcp scope, and an mcp-only token is nobody on the REST API", async () => {
    const owner = await ownerWithTenant();
    const mint = async (scopes: string[]) =>
      (
        await json<{ token: string; api_token: { scopes: string[] } }>(
          await call(`/api/tenants/${owner.tenantId}/tokens`, {
            body: { name: scopes.join("+"), role: "operator", scopes },
            cookie: owner.cookie,
          }),
          201,
        )
      ).token;
    const apiOnly = await mint(["api"]);
    const mcpOnly = await mint(["mcp"]);
    const ping = { jsonrpc: "2.0", id: 1, method: "ping" };
    expect((await post(owner.tenantId, apiOnly, ping)).status).toBe(401);
    expect(
      (
        await call(`/api/tenants/${owner.tenantId}/runs`, {
          headers: { authorization: `Bearer ${mcpOnly}` },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await call(`/api/tenants/${owner.tenantId}/runs`, {
          headers: { authorization: `Bearer ${apiOnly}` },
        })
      ).status,
    ).toBe(200);
    await initialize(owner.tenantId, mcpOnly);
  });
});
