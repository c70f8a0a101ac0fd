import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../login-sessions/app-env";
import { drainAuditOutbox } from "./outbox";

/**
 * After a route wrote audit-outbox rows (`auditedQuery`), the tenant's Durable Object pulls them into
 * its hash chain before the answer leaves, so an export right after shows the event. A failed
 * drain does not fail the request: the rows stay pending for the cron.
 */
export const drainAuditAfterResponse = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  for (const tenantId of c.var.auditDrain ?? []) await drainAuditOutbox(c.env, tenantId);
});
