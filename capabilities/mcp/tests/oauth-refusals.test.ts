import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "../../../tests/helpers/client";
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
import { ownerWithTenant } from "../../../tests/helpers/tenant";
import { post } from "./helpers";

const ping = { jsonrpc: "2.0", id: 1, method: "ping" };

/** The first leg of an authorization request with exactly these parameters (no consent). */
async function startAuthorization(
  endpoint: string,
  params: Record<string, string>,
  cookie: string,
) {
  const url = new URL(endpoint);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const res = await SELF.fetch(url, { redirect: "manual", headers: { cookie } });
  const location = res.headers.get("location") ?? "";
  return {
    status: res.status,
    location,
    error: location ? new URL(location, url).searchParams.get("error") : null,
    handle: location ? new URL(location, url).searchParams.get("handle") : null,
  };
}

describe("MCP authorization refusals", () => {
  it("refuses an authorization request without PKCE, or with the plain method", async () => {
    const owner = await ownerWithTenant();
    const { as } = await discover(owner.tenantId);
    const clientId = await registerClient(as.registration_endpoint);
    const { challenge } = await pkce();
    const base = {
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      state: "s",
      scope: "mcp",
      resource: resourceOf(owner.tenantId),
    };
    const missing = await startAuthorization(as.authorization_endpoint, base, owner.cookie);
    const plain = await startAuthorization(
      as.authorization_endpoint,
      { ...base, code_challenge: challenge, code_challenge_method: "plain" },
      owner.cookie,
    );
    // A validated client and redirect URI: the refusal goes back to the client, no consent.
    for (const refused of [missing, plain]) {
      expect(refused.status).toBe(302);
      expect(refused.location.startsWith(`${REDIRECT_URI}?`)).toBe(true);
      expect(refused.error).toBe("invalid_request");
      expect(refused.handle).toBeNull();
    }
    // The same request with S256 is accepted (the refusals above are about PKCE alone).
    const ok = await startAuthorization(
      as.authorization_endpoint,
      { ...base, code_challenge: challenge, code_challenge_method: "S256" },
      owner.cookie,
    );
    expect(ok.handle).toBeTruthy();
  });

  it("refuses a redirect URI the client did not register, without redirecting there", async () => {
    const owner = await ownerWithTenant();
    const { as } = await discover(owner.tenantId);
    const clientId = await registerClient(as.registration_endpoint);
    const { challenge } = await pkce();
    const res = await startAuthorization(
      as.authorization_endpoint,
      {
        response_type: "code",
        client_id: clientId,
        redirect_uri: "https://attacker.example/callback",
        code_challenge: challenge,
        code_challenge_method: "S256",
        resource: resourceOf(owner.tenantId),
      },
      owner.cookie,
    );
    expect(res.status).toBe(400);
    expect(res.location).toBe("");
  });

  it("a code is only exchanged for this tenant's resource, at this tenant's token endpoint", async () => {
    const owner = await ownerWithTenant();
    const other = await ownerWithTenant();
    const { as } = await discover(owner.tenantId);
    const clientId = await registerClient(as.registration_endpoint);
    const { verifier, challenge } = await pkce();
    const auth = await authorize(as, clientId, challenge, resourceOf(owner.tenantId), owner);
    if (!auth.ok || !auth.code) throw new Error("authorization failed");
    const params = {
      grant_type: "authorization_code",
      code: auth.code,
      redirect_uri: REDIRECT_URI,
      client_id: clientId,
      code_verifier: verifier,
    };
    const elsewhere = await exchange(as.token_endpoint.replace(owner.tenantId, other.tenantId), {
      ...params,
      resource: resourceOf(other.tenantId),
    });
    expect(elsewhere.status).toBeGreaterThanOrEqual(400);
    expect(elsewhere.status).toBeLessThan(500);
    expect(elsewhere.body.access_token).toBeUndefined();
    const wrongResource = await exchange(as.token_endpoint, {
      ...params,
      resource: resourceOf(other.tenantId),
    });
    expect(wrongResource.status).toBe(400);
    expect(wrongResource.body.error).toBe("invalid_target");
    expect(wrongResource.body.access_token).toBeUndefined();
  });

  it("a tampered or made-up bearer gets the 401 challenge", async () => {
    const owner = await ownerWithTenant();
    const { accessToken } = await connectClient(owner.tenantId, owner);
    const last = accessToken.at(-1) === "A" ? "B" : "A";
    for (const token of [accessToken.slice(0, -1) + last, "not-a-token", "gth_" + "x".repeat(43)]) {
      const res = await post(owner.tenantId, token, ping);
      expect(res.status, token).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain(
        `resource_metadata="${ORIGIN}/.well-known/oauth-protected-resource/mcp/${owner.tenantId}"`,
      );
    }
  });

  it("malformed token and registration requests get a 4xx OAuth error, never a 5xx", async () => {
    const owner = await ownerWithTenant();
    const { as } = await discover(owner.tenantId);
    const form = (body: string) =>
      SELF.fetch(as.token_endpoint, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      });
    const register = (body: string, type = "application/json") =>
      SELF.fetch(as.registration_endpoint, {
        method: "POST",
        headers: { "content-type": type },
        body,
      });
    const answers = [
      await form(""),
      await form("grant_type=password&username=a&password=b"),
      await form("grant_type=authorization_code&code=nope&client_id=nope"),
      await form("grant_type=refresh_token&refresh_token=nope&client_id=nope"),
      await form("%%%garbage"),
      await register("{not json"),
      await register(JSON.stringify({ redirect_uris: "http://127.0.0.1/cb" })),
      await register(JSON.stringify({ redirect_uris: ["javascript:alert(1)"] })),
      await register("[]"),
    ];
    for (const res of answers) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const body = (await res.json()) as { error?: unknown };
      expect(typeof body.error).toBe("string");
    }
  });

  it("answers unknown tenants and malformed tenant ids with 404, not a 5xx", async () => {
    for (const path of [
      "/mcp/not%20a%20tenant",
      "/.well-known/oauth-protected-resource/mcp/" + "x".repeat(65),
      "/.well-known/oauth-authorization-server/oauth/bad%2Fid",
    ]) {
      const res = await SELF.fetch(`${ORIGIN}${path}`, { method: "GET" });
      expect(res.status, path).toBe(404);
    }
  });
});
