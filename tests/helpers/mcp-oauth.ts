import { SELF } from "cloudflare:test";
import { call, ORIGIN } from "./client";

export const REDIRECT_URI = "http://127.0.0.1:33418/callback";
export const resourceOf = (tenantId: string) => `${ORIGIN}/mcp/${tenantId}`;

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

/** An RFC 7636 S256 verifier and challenge, computed independently of the code under test. */
export async function pkce() {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = b64url(
    new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))),
  );
  return { verifier, challenge };
}

/** `name=value` of each cookie a response set. */
export const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** Discovers the tenant's authorization server from its MCP endpoint, as an MCP client does. */
export async function discover(tenantId: string) {
  const challenge = await SELF.fetch(resourceOf(tenantId), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
  });
  const header = challenge.headers.get("www-authenticate") ?? "";
  const prmUrl = /resource_metadata="([^"]+)"/.exec(header)?.[1];
  if (challenge.status !== 401 || !prmUrl)
    throw new Error(`no challenge: ${challenge.status} ${header}`);
  const prm = (await (await SELF.fetch(prmUrl)).json()) as {
    resource: string;
    authorization_servers: string[];
  };
  const issuer = new URL(prm.authorization_servers[0]!);
  const asUrl = `${issuer.origin}/.well-known/oauth-authorization-server${issuer.pathname}`;
  const as = (await (await SELF.fetch(asUrl)).json()) as {
    issuer: string;
    authorization_endpoint: string;
    token_endpoint: string;
    registration_endpoint: string;
    code_challenge_methods_supported: string[];
  };
  return { header, prm, as };
}

export async function registerClient(registrationEndpoint: string, name = "Test Agent") {
  const res = await SELF.fetch(registrationEndpoint, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      client_name: name,
      redirect_uris: [REDIRECT_URI],
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
    }),
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { client_id: string }).client_id;
}

/** The browser leg: authorize → consent screen (as `person`) → the client's redirect with a code. */
export async function authorize(
  as: { authorization_endpoint: string },
  clientId: string,
  challenge: string,
  resource: string,
  person: { cookie: string },
  decision: "approve" | "deny" = "approve",
) {
  const url = new URL(as.authorization_endpoint);
  for (const [k, v] of Object.entries({
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    code_challenge: challenge,
    code_challenge_method: "S256",
    state: "state-123",
    scope: "mcp",
    resource,
  })) {
    url.searchParams.set(k, v);
  }
  const start = await SELF.fetch(url, { redirect: "manual", headers: { cookie: person.cookie } });
  const location = start.headers.get("location") ?? "";
  const handle = new URL(location, url).searchParams.get("handle");
  if (start.status !== 302 || !handle) {
    return { ok: false as const, status: start.status, location, body: await start.text() };
  }
  const cookie = [person.cookie, ...cookiesOf(start)].join("; ");
  const view = await call(`/api/oauth/consents/${encodeURIComponent(handle)}`, { cookie });
  const answer = await call(`/api/oauth/consents/${encodeURIComponent(handle)}`, {
    body: { decision },
    cookie,
  });
  const { redirect_to } = (await answer.json()) as { redirect_to: string };
  const back = new URL(redirect_to);
  return {
    ok: true as const,
    handle,
    consentCookie: cookiesOf(start),
    view: (await view.json()) as Record<string, unknown>,
    redirect: back,
    code: back.searchParams.get("code"),
  };
}

export async function exchange(
  tokenEndpoint: string,
  params: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await SELF.fetch(tokenEndpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The whole flow for `person` on `tenantId`: an access token bound to that tenant's MCP. */
export async function connectClient(tenantId: string, person: { cookie: string }) {
  const { as } = await discover(tenantId);
  const clientId = await registerClient(as.registration_endpoint);
  const { verifier, challenge } = await pkce();
  const auth = await authorize(as, clientId, challenge, resourceOf(tenantId), person);
  if (!auth.ok || !auth.code) throw new Error(`authorize failed: ${JSON.stringify(auth)}`);
  const token = await exchange(as.token_endpoint, {
    grant_type: "authorization_code",
    code: auth.code,
    redirect_uri: REDIRECT_URI,
    client_id: clientId,
    code_verifier: verifier,
    resource: resourceOf(tenantId),
  });
  if (token.status !== 200) throw new Error(`token: ${JSON.stringify(token)}`);
  return {
    as,
    clientId,
    accessToken: token.body.access_token as string,
    refreshToken: token.body.refresh_token as string,
  };
}
