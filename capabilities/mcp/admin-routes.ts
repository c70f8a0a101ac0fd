import { clock } from "../../platform/clock";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { checkUpstreamUrl, upstreamLoopbackAllowed } from "../../core/mcp/upstream-egress";
import { can } from "../../core/permissions";
import { iso, isoOrNull } from "../../core/time";
import type { AppEnv } from "../login-sessions/app-env";
import { ApiError, errors } from "../../platform/http/errors";
import { validationHook } from "../../platform/http/validation";
import { tenantStub, unwrap } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { McpRpc } from "./tenant-do/rpc";
import { errorResponses, IsoTime, json, jsonBody, Ok } from "../../core/contract/common";
import { SecretName } from "../vault/contract";
import { auditedQuery } from "../audit/outbox";
import { database } from "../../platform/db/client";
import { grantsOfTenant, liveGrantById, revokeGrant, type GrantListing } from "./repository";
import { requireTenantAccess } from "../tenancy/access";
import { authorizationServer } from "./oauth-server";

/** The console's MCP screens: connected clients (grants) and upstream MCP servers. */
export const mcpAdminRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const TenantParam = z.object({ t: z.string().min(1).max(64) });
const GrantParams = TenantParam.extend({ id: z.string().min(1).max(64) });
const ServerParams = TenantParam.extend({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/, "lowercase letters, digits, _ and -, at most 32"),
});

const Grant = z
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

const grantJson = (g: GrantListing) => ({
  ...g,
  scopes: g.scopes.split(" ").filter(Boolean),
  created_at: iso(g.created_at),
  last_used_at: isoOrNull(g.last_used_at),
  revoked_at: isoOrNull(g.revoked_at),
});

mcpAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/mcp/grants",
    tags: ["mcp"],
    summary: "MCP clients connected through OAuth (yours; everyone's with tokens.read)",
    request: { params: TenantParam },
    responses: { 200: json(z.object({ grants: z.array(Grant) })), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "tenant.read");
    const all = can(access.role, "tokens.read");
    const results = await grantsOfTenant(
      database(c.env.DB),
      access.tenantId,
      all ? null : access.userId,
    );
    return c.json({ grants: results.map(grantJson) }, 200);
  },
);

mcpAdminRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/api/tenants/{t}/mcp/grants/{id}",
    tags: ["mcp"],
    summary: "Disconnect an MCP client (its tokens stop working on their next request)",
    request: { params: GrantParams },
    responses: { 200: json(Ok), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "tenant.read");
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    const grant = await liveGrantById(db, access.tenantId, id);
    if (!grant) throw errors.notFound("Grant");
    if (grant.user_id !== access.userId && !can(access.role, "tokens.revoke")) {
      throw errors.forbidden(
        `Your role (${access.role}) does not allow tokens.revoke: only the person who connected it may disconnect it.`,
      );
    }
    // The row is what every MCP request checks: revocation holds from here on.
    await db.batch([
      revokeGrant(db, id, clock.now()),
      auditedQuery(
        c,
        db,
        access,
        "mcp.grant_revoked",
        {
          grant_id: id,
          user_id: grant.user_id,
          client_id: grant.client_id,
          client_name: grant.client_name,
        },
        { ifChanged: true },
      ),
    ]);
    // Then drop the library's grant and tokens too (refresh tokens included).
    const oauth = authorizationServer(c.var.config.origins[0]!, access.tenantId).getOAuthApi(c.env);
    let cursor: string | undefined;
    do {
      const page = await oauth.listUserGrants(grant.user_id, cursor ? { cursor } : {});
      for (const g of page.items) {
        if ((g.metadata as { grant_ref?: string } | null)?.grant_ref === id) {
          await oauth.revokeGrant(g.id, grant.user_id);
        }
      }
      cursor = page.cursor;
    } while (cursor);
    return c.json({ ok: true as const }, 200);
  },
);

// ── upstream servers ─────────────────────────────────────────────────────────────────────
const Server = z
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

const ServerBody = z
  .strictObject({
    url: z.url({ protocol: /^https?$/ }).max(2048),
    transport: z.literal("streamable-http").default("streamable-http"),
    credential_secret: SecretName.nullable().default(null),
    timeout_ms: z.number().int().min(1000).max(120_000).default(30_000),
  })
  .openapi("McpUpstreamServerBody");

mcpAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/mcp/servers",
    tags: ["mcp"],
    summary: "Upstream MCP servers and the tools last seen on each",
    request: { params: TenantParam },
    responses: { 200: json(z.object({ servers: z.array(Server) })), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "policies.read");
    const servers = unwrap(await tenantStub<McpRpc>(c.env, access.tenantId).mcpListServers());
    return c.json({ servers }, 200);
  },
);

mcpAdminRoutes.openapi(
  createRoute({
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
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "policies.write");
    const { name } = c.req.valid("param");
    const body = c.req.valid("json");
    const egress = checkUpstreamUrl(body.url, upstreamLoopbackAllowed(c.env));
    if (!egress.allowed) {
      throw new ApiError(400, "invalid_request", "The request is not valid.", [
        { path: "url", message: `refused by the egress rules: ${egress.reason}` },
      ]);
    }
    const result = unwrap(
      await tenantStub<McpRpc>(c.env, access.tenantId).mcpPutServer(
        {
          name,
          url: body.url,
          credential_secret: body.credential_secret,
          timeout_ms: body.timeout_ms,
        },
        actorOf(access),
      ),
    );
    return c.json(result, 200);
  },
);

mcpAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/mcp/servers/{name}/test",
    tags: ["mcp"],
    summary: "Test the connection: connect, list the tools, remember them",
    request: { params: ServerParams },
    responses: { 200: json(z.object({ server: Server })), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "policies.write");
    const { name } = c.req.valid("param");
    const server = unwrap(await tenantStub<McpRpc>(c.env, access.tenantId).mcpRefreshServer(name));
    return c.json({ server }, 200);
  },
);

mcpAdminRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/api/tenants/{t}/mcp/servers/{name}",
    tags: ["mcp"],
    summary: "Remove an upstream MCP server (its tools disappear from tools/list)",
    request: { params: ServerParams },
    responses: { 200: json(Ok), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "policies.write");
    const { name } = c.req.valid("param");
    unwrap(await tenantStub<McpRpc>(c.env, access.tenantId).mcpRemoveServer(name, actorOf(access)));
    return c.json({ ok: true as const }, 200);
  },
);
