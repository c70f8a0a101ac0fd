import { SELF } from "cloudflare:test";
import { call, ORIGIN } from "../../../tests/helpers/client";
import { bearer, ownerWithTenant } from "../../../tests/helpers/tenant";
import { json } from "../../../tests/helpers/sessions";

export const PROTOCOL = "2025-11-25";

export interface RpcMessage {
  jsonrpc: "2.0";
  id?: string | number | null;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown> & {
    content?: { type: string; text: string }[];
    isError?: boolean;
    tools?: { name: string; annotations?: Record<string, unknown> }[];
  };
  error?: { code: number; message: string };
}

/** An API token of the tenant with the given scopes (made the real way, over the API). */
export async function apiToken(
  t: { tenantId: string; cookie: string },
  scopes: string[],
  role = "operator",
) {
  const { token } = await json<{ token: string }>(
    await call(`/api/tenants/${t.tenantId}/tokens`, {
      body: { name: `mcp ${scopes.join(" ")}`, role, scopes },
      cookie: t.cookie,
    }),
    201,
  );
  return token;
}

/** A tenant with an owner and an `mcp`-scoped API token (a headless MCP client's credential). */
export async function mcpTenant() {
  const owner = await ownerWithTenant();
  return { ...owner, token: await apiToken(owner, ["mcp"]) };
}

/** A Streamable HTTP POST as an MCP client sends it. */
export function post(
  tenantId: string,
  token: string | null,
  body: unknown,
  opts: { session?: string; headers?: Record<string, string>; raw?: string } = {},
) {
  return SELF.fetch(`${ORIGIN}/mcp/${tenantId}`, {
    method: "POST",
    headers: {
      accept: "application/json, text/event-stream",
      "content-type": "application/json",
      "mcp-protocol-version": PROTOCOL,
      ...(token ? bearer(token) : {}),
      ...(opts.session ? { "mcp-session-id": opts.session } : {}),
      ...opts.headers,
    },
    body: opts.raw ?? JSON.stringify(body),
  });
}

/** The JSON-RPC messages of a response, whether JSON or an SSE stream. */
export async function messagesOf(res: Response): Promise<RpcMessage[]> {
  const text = await res.text();
  if (res.headers.get("content-type")?.includes("text/event-stream")) {
    return text
      .split("\n")
      .filter((l) => l.startsWith("data: "))
      .map((l) => JSON.parse(l.slice(6)) as RpcMessage);
  }
  const parsed = JSON.parse(text) as RpcMessage | RpcMessage[];
  return Array.isArray(parsed) ? parsed : [parsed];
}

export async function initialize(tenantId: string, token: string, clientName = "test-client") {
  const res = await post(tenantId, token, {
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: {
      protocolVersion: PROTOCOL,
      capabilities: {},
      clientInfo: { name: clientName, version: "1.0.0" },
    },
  });
  if (res.status !== 200) throw new Error(`initialize: ${res.status} ${await res.text()}`);
  const session = res.headers.get("mcp-session-id");
  const [message] = await messagesOf(res);
  if (!session) throw new Error("no session id");
  const ack = await post(
    tenantId,
    token,
    { jsonrpc: "2.0", method: "notifications/initialized" },
    { session },
  );
  if (ack.status !== 202) throw new Error(`initialized: ${ack.status}`);
  return { session, result: message!.result! };
}

let nextId = 100;

/** A request in an initialized session; returns the final response message. */
export async function request(
  t: { tenantId: string; token: string; session: string },
  method: string,
  params: Record<string, unknown> = {},
) {
  const id = ++nextId;
  const res = await post(
    t.tenantId,
    t.token,
    { jsonrpc: "2.0", id, method, params },
    { session: t.session },
  );
  const messages = await messagesOf(res);
  const reply = messages.find((m) => m.id === id);
  if (!reply) throw new Error(`no reply to ${method}: ${res.status} ${JSON.stringify(messages)}`);
  return { status: res.status, reply, messages };
}

export const callTool = (
  t: { tenantId: string; token: string; session: string },
  name: string,
  args: Record<string, unknown>,
  meta?: Record<string, unknown>,
) => request(t, "tools/call", { name, arguments: args, ...(meta ? { _meta: meta } : {}) });

export const textOf = (m: RpcMessage) => m.result?.content?.map((c) => c.text).join("\n") ?? "";

export async function activatePolicy(t: { tenantId: string; cookie: string }, source: string) {
  const base = `/api/tenants/${t.tenantId}`;
  const { policy } = await json<{ policy: { version: number } }>(
    await call(`${base}/policies`, { body: { source }, cookie: t.cookie }),
    201,
  );
  await json(
    await call(`${base}/policies/${policy.version}/activate`, { method: "POST", cookie: t.cookie }),
  );
}

/** An initialized session of a fresh tenant running `policy`. */
export async function sessionWith(policy?: string) {
  const t = await mcpTenant();
  if (policy) await activatePolicy(t, policy);
  const { session } = await initialize(t.tenantId, t.token);
  return { ...t, session };
}
