import { clock } from "../../platform/clock";
import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import type { Database } from "../../platform/db/client";
import { insertSelect } from "../../platform/db/insert-select";
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

/** The security-log row and, for mailed kinds, its mail job: queries for the change's batch. */
export interface PendingSecurityQueries {
  eventId: string;
  mailJobId: string | null;
  queries: BatchItem<"sqlite">[];
}

/** The security-log row and, for mailed kinds, its mail job: to append to the change's batch. */
export function securityEventQueries(db: Database, e: SecurityEventInput): PendingSecurityQueries {
  const eventId = crypto.randomUUID();
  const queries: BatchItem<"sqlite">[] = [
    insertSelect(
      db,
      securityEvents,
      {
        id: eventId,
        userId: e.userId,
        kind: e.kind,
        detail: JSON.stringify(e.detail),
        ip: e.ip,
        createdAt: e.now,
      },
      e.ifChanged ? sql`WHERE changes() > 0` : undefined,
    ),
  ];
  if (!MAILED.has(e.kind)) return { eventId, mailJobId: null, queries };
  const mailJobId = crypto.randomUUID();
  queries.push(
    insertSelect(
      db,
      mailJobs,
      {
        id: mailJobId,
        kind: "security_notice",
        ref: JSON.stringify({ securityEventId: eventId }),
        attempts: 0,
        nextAttemptAt: e.now,
        createdAt: e.now,
      },
      // Chained on the row above, so a notice is queued only for an event that was recorded.
      sql`WHERE EXISTS (SELECT 1 FROM ${securityEvents} WHERE ${securityEvents.id} = ${eventId})`,
    ),
  );
  return { eventId, mailJobId, queries };
}

/** After the batch committed: send the notice now, in the background (the cron retries). */
export function sendSecurityNotice(
  c: Context<AppEnv>,
  pending: Pick<PendingSecurityQueries, "mailJobId">,
): void {
  if (!pending.mailJobId) return;
  const job = deliverMailJob(c.var.config, c.env.DB, pending.mailJobId, clock.now());
  try {
    c.executionCtx.waitUntil(job);
  } catch {
    void job;
  }
}
