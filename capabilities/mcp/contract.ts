import { errorResponses, Ok, json, IsoTime, jsonBody } from "../../core/contract/common";
import { z, createRoute } from "@hono/zod-openapi";
import { SecretName } from "../vault/contract";

export const TenantParam = z.object({ t: z.string().min(1).max(64) });

export const GrantParams = TenantParam.extend({ id: z.string().min(1).max(64) });

export const ServerParams = TenantParam.extend({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/, "lowercase letters, digits, _ and -, at most 32"),
});

export const Grant = z
  .object({
    id: z.string(),
    client_id: z.string(),
    client_name: z.string(),
    redirect_host: z.string(),
    user_id: z.string(),
    user_email: z.string(),
    scopes: z.array(z.string()),
    created_at: IsoTime,
    last_used_at: IsoTime.nullable(),
    revoked_at: IsoTime.nullable(),
  })
  .openapi("McpGrant");

// ── upstream servers ─────────────────────────────────────────────────────────────────────
export const Server = z
  .object({
    name: z.string(),
    url: z.string(),
    transport: z.literal("streamable-http"),
    credential_secret: z.string().nullable(),
    timeout_ms: z.number(),
    tools: z.array(z.object({ name: z.string(), description: z.string() })),
    tools_seen_at: IsoTime.nullable(),
    last_error: z.string().nullable(),
    created_at: IsoTime,
    updated_at: IsoTime,
  })
  .openapi("McpUpstreamServer");
export type UpstreamServerView = z.output<typeof Server>;

export const ServerBody = z
  .strictObject({
    url: z.url({ protocol: /^https?$/ }).max(2048),
    transport: z.literal("streamable-http").default("streamable-http"),
    credential_secret: SecretName.nullable().default(null),
    timeout_ms: z.number().int().min(1000).max(120_000).default(30_000),
  })
  .openapi("McpUpstreamServerBody");
export const listMcpGrants = createRoute({
  method: "get",
  path: "/api/tenants/{t}/mcp/grants",
  tags: ["mcp"],
  summary: "MCP clients connected through OAuth (yours; everyone's with tokens.read)",
  request: { params: TenantParam },
  responses: { 200: json(z.object({ grants: z.array(Grant) })), ...errorResponses },
});

export const deleteMcpGrant = createRoute({
  method: "delete",
  path: "/api/tenants/{t}/mcp/grants/{id}",
  tags: ["mcp"],
  summary: "Disconnect an MCP client (its tokens stop working on their next request)",
  request: { params: GrantParams },
  responses: { 200: json(Ok), ...errorResponses },
});

export const listMcpServers = createRoute({
  method: "get",
  path: "/api/tenants/{t}/mcp/servers",
  tags: ["mcp"],
  summary: "Upstream MCP servers and the tools last seen on each",
  request: { params: TenantParam },
  responses: { 200: json(z.object({ servers: z.array(Server) })), ...errorResponses },
});

export const putMcpServer = createRoute({
  method: "put",
  path: "/api/tenants/{t}/mcp/servers/{name}",
  tags: ["mcp"],
  summary: "Register or change an upstream MCP server; connects and lists its tools",
  description:
    "The URL must pass the egress rules (public http(s) addresses only). `credential_secret` names a vault secret sent as `Authorization: Bearer` to this server.",
  request: { params: ServerParams, body: jsonBody(ServerBody) },
  responses: {
    200: json(z.object({ server: Server, created: z.boolean() })),
    ...errorResponses,
  },
});

export const testMcpServer = createRoute({
  method: "post",
  path: "/api/tenants/{t}/mcp/servers/{name}/test",
  tags: ["mcp"],
  summary: "Test the connection: connect, list the tools, remember them",
  request: { params: ServerParams },
  responses: { 200: json(z.object({ server: Server })), ...errorResponses },
});

export const deleteMcpServer = createRoute({
  method: "delete",
  path: "/api/tenants/{t}/mcp/servers/{name}",
  tags: ["mcp"],
  summary: "Remove an upstream MCP server (its tools disappear from tools/list)",
  request: { params: ServerParams },
  responses: { 200: json(Ok), ...errorResponses },
});

export const HandleParam = z.object({ handle: z.string().min(16).max(200) });

export const ConsentView = z
  .object({
    tenant: z.object({ id: z.string(), name: z.string() }),
    role: z.string(),
    may_connect: z.boolean(),
    client: z.object({
      id: z.string(),
      name: z.string(),
      domain: z.string().nullable(),
      uri: z.string().nullable(),
    }),
    redirect_host: z.string(),
    redirect_is_loopback: z.boolean(),
    scopes: z.array(z.string()),
  })
  .openapi("McpConsent");
export const getOauthConsent = createRoute({
  method: "get",
  path: "/api/oauth/consents/{handle}",
  tags: ["mcp"],
  summary: "What an MCP client asks for (the consent screen)",
  request: { params: HandleParam },
  responses: {
    200: json(ConsentView),
    404: json(z.any(), "Unknown or expired"),
    ...errorResponses,
  },
});

export const answerOauthConsent = createRoute({
  method: "post",
  path: "/api/oauth/consents/{handle}",
  tags: ["mcp"],
  summary: "Approve or deny an MCP client's connection; answers where to send the browser",
  request: {
    params: HandleParam,
    body: jsonBody(z.strictObject({ decision: z.enum(["approve", "deny"]) })),
  },
  responses: {
    200: json(z.object({ redirect_to: z.string() })),
    404: json(z.any(), "Unknown or expired"),
    ...errorResponses,
  },
});
