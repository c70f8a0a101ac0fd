import { OpenAPIHono } from "@hono/zod-openapi";
import { iso } from "../../core/time";
import { requireSession } from "../login-sessions/principal";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { listSecurityEvents } from "./contract";

/**
 * The person's own security log: their sign-ins (from `login_events`) and every other account
 * event (`security_events`: passkeys added or removed, sessions revoked, "wasn't me" used,
 * admin tokens created in their name, role changes and removals), newest first.
 */
export const securityLogRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

interface Row {
  id: string;
  kind: string;
  detail: string;
  ip: string | null;
  created_at: number;
}

securityLogRoutes.openapi(listSecurityEvents, async (c) => {
  const p = requireSession(c);
  const { cursor, limit } = c.req.valid("query");
  const [afterTime, afterId] = cursor ? cursor.split("_") : [String(Number.MAX_SAFE_INTEGER), ""];
  const { results } = await c.env.DB.prepare(
    `SELECT * FROM (
         SELECT id, kind, detail, ip, created_at FROM security_events WHERE user_id = ?1
         UNION ALL
         SELECT id, 'sign_in' AS kind,
                json_object('method', method, 'device', device, 'browser', browser, 'os', os,
                            'location', location, 'new_device', new_device) AS detail, ip,
                created_at
           FROM login_events WHERE user_id = ?1)
        WHERE created_at < ?2 OR (created_at = ?2 AND id > ?3)
        ORDER BY created_at DESC, id LIMIT ?4`,
  )
    .bind(p.userId, Number(afterTime), afterId, limit + 1)
    .all<Row>();
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
