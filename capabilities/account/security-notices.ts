import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import type { Database } from "../../platform/db/client";
import { mailJobs, securityEvents } from "../../platform/db/schema";
import type { AppEnv } from "../login-sessions/app-env";
import { deliverMailJob } from "../login-sessions/login-notifications";

/**
 * A person's own security log (D1 `security_events`): account events that concern nobody else.
 * The kinds in MAILED send a security email (with the signed "this wasn't me" link), queued in
 * the same batch and retried by the cron like sign-in notifications.
 */
export const SECURITY_KINDS = [
  "sign_in",
  "passkey_added",
  "passkey_removed",
  "passkey_counter_regression",
  "session_revoked",
  "sessions_revoked",
  "not_me_revoke_all",
  "admin_token_created",
  "role_changed",
  "removed_from_tenant",
  "email_changed",
  // Issue 17:
  "email_change_reverted",
  "device_sign_in_approved",
  "device_sign_in_denied",
  "account_deleted",
] as const;
export type SecurityKind = (typeof SECURITY_KINDS)[number];

export const MAILED: ReadonlySet<SecurityKind> = new Set<SecurityKind>([
  "passkey_added",
  "passkey_removed",
  "not_me_revoke_all",
  "admin_token_created",
  "role_changed",
  "removed_from_tenant",
  "email_changed",
  "email_change_reverted",
]);

export interface SecurityEventInput {
  userId: string;
  kind: SecurityKind;
  /** Ids, names and roles; never a credential. */
  detail: Record<string, string | number | null>;
  ip: string | null;
  now: number;
  /** Chain after a conditional write in the same batch: written only if it changed a row. */
  ifChanged?: boolean;
}

export interface PendingSecurityEvent {
  eventId: string;
  mailJobId: string | null;
  statements: D1PreparedStatement[];
}

/** The security-log row and, for mailed kinds, its mail job: to append to the change's batch. */
export function securityEventStatements(
  db: D1Database,
  e: SecurityEventInput,
): PendingSecurityEvent {
  const eventId = crypto.randomUUID();
  const when = e.ifChanged ? "changes() > 0" : "1";
  const statements = [
    db
      .prepare(
        `INSERT INTO security_events (id, user_id, kind, detail, ip, created_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE ${when}`,
      )
      .bind(eventId, e.userId, e.kind, JSON.stringify(e.detail), e.ip, e.now),
  ];
  if (!MAILED.has(e.kind)) return { eventId, mailJobId: null, statements };
  const mailJobId = crypto.randomUUID();
  statements.push(
    db
      .prepare(
        // Chained on the row above, so a notice is queued only for an event that was recorded.
        `INSERT INTO mail_jobs (id, kind, ref, attempts, next_attempt_at, created_at)
         SELECT ?1, 'security_notice', ?2, 0, ?3, ?3
          WHERE EXISTS (SELECT 1 FROM security_events WHERE id = ?4)`,
      )
      .bind(mailJobId, JSON.stringify({ securityEventId: eventId }), e.now, eventId),
  );
  return { eventId, mailJobId, statements };
}

/** The drizzle form of `PendingSecurityEvent`: its queries go in a `db.batch([...])`. */
export interface PendingSecurityQueries {
  eventId: string;
  mailJobId: string | null;
  queries: BatchItem<"sqlite">[];
}

/** The drizzle form of `securityEventStatements`: the same two INSERT … SELECTs, the same rules. */
export function securityEventQueries(db: Database, e: SecurityEventInput): PendingSecurityQueries {
  const eventId = crypto.randomUUID();
  // INSERT … SELECT through the builder (batchable): the SELECT lists every column in table order.
  const queries: BatchItem<"sqlite">[] = [
    db.insert(securityEvents).select(
      sql`SELECT ${eventId}, ${e.userId}, ${e.kind}, ${JSON.stringify(e.detail)}, ${e.ip}, ${e.now}
             WHERE ${e.ifChanged ? sql`changes() > 0` : sql`1`}`,
    ),
  ];
  if (!MAILED.has(e.kind)) return { eventId, mailJobId: null, queries };
  const mailJobId = crypto.randomUUID();
  queries.push(
    db.insert(mailJobs).select(
      // Chained on the row above, so a notice is queued only for an event that was recorded.
      sql`SELECT ${mailJobId}, 'security_notice', ${JSON.stringify({ securityEventId: eventId })},
                 0, ${e.now}, NULL, NULL, NULL, ${e.now}
           WHERE EXISTS (SELECT 1 FROM security_events WHERE id = ${eventId})`,
    ),
  );
  return { eventId, mailJobId, queries };
}

/** After the batch committed: send the notice now, in the background (the cron retries). */
export function sendSecurityNotice(
  c: Context<AppEnv>,
  pending: Pick<PendingSecurityEvent, "mailJobId">,
): void {
  if (!pending.mailJobId) return;
  const job = deliverMailJob(c.var.config, c.env.DB, pending.mailJobId, Date.now());
  try {
    c.executionCtx.waitUntil(job);
  } catch {
    void job;
  }
}
