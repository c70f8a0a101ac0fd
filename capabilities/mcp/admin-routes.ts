import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import { checkUpstreamUrl, upstreamLoopbackAllowed } from "../../core/mcp/upstream-egress";
import { can } from "../../core/permissions";
import { iso, isoOrNull } from "../../core/time";
import type { AppEnv } from "../login-sessions/app-env";
import { ApiError, errors } from "../../platform/http/errors";
import { validationHook } from "../../platform/http/validation";
import { unwrap } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { McpRpc } from "./tenant-do/rpc";

import { auditedQuery } from "../audit/outbox";
import { database } from "../../platform/db/client";
import { grantsOfTenant, liveGrantById, revokeGrant, type GrantListing } from "./repository";
import { authorize } from "../tenancy/access";
import { authorizationServer } from "./oauth-server";
import {
  listMcpGrants,
  deleteMcpGrant,
  listMcpServers,
  putMcpServer,
  testMcpServer,
  deleteMcpServer,
} from "./contract";

/** The console's MCP screens: connected clients (grants) and upstream MCP servers. */
export const mcpAdminRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const grantJson = (g: GrantListing) => ({
  ...g,
  scopes: g.scopes.split(" ").filter(Boolean),
  created_at: iso(g.created_at),
  last_used_at: isoOrNull(g.last_used_at),
  revoked_at: isoOrNull(g.revoked_at),
});

mcpAdminRoutes.openapi(listMcpGrants, async (c) => {
  const access = authorize(c, "tenant.read");
  const all = can(access.role, "tokens.read");
  const results = await grantsOfTenant(
    database(c.env.DB),
    access.tenantId,
    all ? null : access.userId,
  );
  return c.json({ grants: results.map(grantJson) }, 200);
});

mcpAdminRoutes.openapi(deleteMcpGrant, async (c) => {
  const access = authorize(c, "tenant.read");
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
});

mcpAdminRoutes.openapi(listMcpServers, async (c) => {
  const access = authorize(c, "policies.read");
  const servers = unwrap(await access.stub<McpRpc>().mcpListServers());
  return c.json({ servers }, 200);
});

mcpAdminRoutes.openapi(putMcpServer, async (c) => {
  const access = authorize(c, "policies.write");
  const { name } = c.req.valid("param");
  const body = c.req.valid("json");
  const egress = checkUpstreamUrl(body.url, upstreamLoopbackAllowed(c.env));
  if (!egress.allowed) {
    throw new ApiError(400, "invalid_request", "The request is not valid.", [
      { path: "url", message: `refused by the egress rules: ${egress.reason}` },
    ]);
  }
  const result = unwrap(
    await access.stub<McpRpc>().mcpPutServer(
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
});

mcpAdminRoutes.openapi(testMcpServer, async (c) => {
  const access = authorize(c, "policies.write");
  const { name } = c.req.valid("param");
  const server = unwrap(await access.stub<McpRpc>().mcpRefreshServer(name));
  return c.json({ server }, 200);
});

mcpAdminRoutes.openapi(deleteMcpServer, async (c) => {
  const access = authorize(c, "policies.write");
  const { name } = c.req.valid("param");
  unwrap(await access.stub<McpRpc>().mcpRemoveServer(name, actorOf(access)));
  return c.json({ ok: true as const }, 200);
});
