import { OpenAPIHono } from "@hono/zod-openapi";
import { iso } from "../../core/time";
import { requireSession } from "../login-sessions/principal";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { listSecurityEvents } from "./contract";
import { database } from "../../platform/db/client";
import { pageOf, rowsBefore } from "./time-cursor";
import { securityLogPage } from "./repository";

/**
 * The person's own security log: their sign-ins (from `login_events`) and every other account
 * event (`security_events`: passkeys added or removed, sessions revoked, "wasn't me" used,
 * admin tokens created in their name, role changes and removals), newest first.
 */
export const securityLogRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

securityLogRoutes.openapi(listSecurityEvents, async (c) => {
  const p = requireSession(c);
  const { cursor, limit } = c.req.valid("query");
  const results = await securityLogPage(database(c.env.DB), {
    userId: p.userId,
    ...rowsBefore(cursor),
    limit: limit + 1,
  });
  const { page, next_cursor } = pageOf(results, limit);
  return c.json(
    {
      events: page.map((e) => ({
        id: e.id,
        kind: e.kind,
        detail: JSON.parse(e.detail) as Record<string, string | number | null>,
        ip: e.ip,
        created_at: iso(e.created_at),
      })),
      next_cursor,
    },
    200,
  );
});
