import { OpenAPIHono } from "@hono/zod-openapi";
import { iso } from "../../core/time";
import { requireSession } from "../login-sessions/principal";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { listSecurityEvents } from "./contract";
import { database } from "../../platform/db/client";
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
  const [afterTime, afterId] = cursor ? cursor.split("_") : [String(Number.MAX_SAFE_INTEGER), ""];
  const results = await securityLogPage(database(c.env.DB), {
    userId: p.userId,
    beforeTime: Number(afterTime),
    afterId: afterId ?? "",
    limit: limit + 1,
  });
  const page = results.slice(0, limit);
  return c.json(
    {
      events: page.map((e) => ({
        id: e.id,
        kind: e.kind,
        detail: JSON.parse(e.detail) as Record<string, string | number | null>,
        ip: e.ip,
        created_at: iso(e.created_at),
      })),
      next_cursor: results.length > limit ? `${page.at(-1)!.created_at}_${page.at(-1)!.id}` : null,
    },
    200,
  );
});
