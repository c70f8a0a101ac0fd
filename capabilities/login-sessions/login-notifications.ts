import type { Config } from "../../platform/config";
import { signEmailRevertToken } from "../account/email-revert-token";
import { signNotMeToken } from "./not-me-token";
import {
  accountDeletedMail,
  loginNotificationMail,
  securityNoticeMail,
} from "../../platform/mail/templates";
import { clock } from "../../platform/clock";
import type { RenderedMail, SecurityNoticeKind } from "../../platform/mail/templates";
import { mailTransport } from "../../platform/mail/transport";

const MAX_ATTEMPTS = 10;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;

interface LoginEventRow {
  user_id: string;
  email: string;
  method: "email_code" | "passkey" | "qr";
  new_device: number;
  ip: string | null;
  device: string;
  browser: string;
  os: string;
  location: string | null;
  created_at: number;
}

export function formatUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");
}

/**
 * Sends one queued notification. The job is claimed first by pushing its next attempt into the
 * future, so a concurrent cron run cannot send it twice; Resend's idempotency key covers the rest.
 */
export async function deliverMailJob(
  config: Config,
  db: D1Database,
  jobId: string,
  now: number,
): Promise<void> {
  const claimed = await db
    .prepare(
      `UPDATE mail_jobs SET attempts = attempts + 1,
         next_attempt_at = ?2 + MIN(?3, ?4 * (1 << MIN(attempts, 16)))
       WHERE id = ?1 AND sent_at IS NULL AND next_attempt_at <= ?2 AND attempts < ?5
       RETURNING kind, ref, attempts`,
    )
    .bind(jobId, now, MAX_BACKOFF_MS, BASE_BACKOFF_MS, MAX_ATTEMPTS)
    .first<{ kind: string; ref: string; attempts: number }>();
  if (!claimed) return;
  const rendered = await renderJob(config, db, claimed.kind, JSON.parse(claimed.ref));
  if (!rendered) {
    await markFailed(db, jobId, "the event to mail no longer exists", true);
    return;
  }
  const { to, mail } = rendered;
  let result;
  try {
    result = await mailTransport(config, db).send({
      to,
      ...mail,
      idempotencyKey: jobId,
    });
  } catch (e) {
    result = {
      ok: false as const,
      error: e instanceof Error ? e.name : "send failed",
      retryable: true,
    };
  }
  if (result.ok) {
    await db
      .prepare(
        "UPDATE mail_jobs SET sent_at = ?2, provider_id = ?3, last_error = NULL WHERE id = ?1",
      )
      .bind(jobId, clock.now(), result.id)
      .run();
  } else {
    await markFailed(db, jobId, result.error, !result.retryable);
  }
}

async function markFailed(db: D1Database, jobId: string, error: string, final: boolean) {
  await db
    .prepare(
      `UPDATE mail_jobs SET last_error = ?2, attempts = CASE WHEN ?3 THEN ?4 ELSE attempts END
       WHERE id = ?1`,
    )
    .bind(jobId, error.slice(0, 200), final ? 1 : 0, MAX_ATTEMPTS)
    .run();
}

/** The retry loop, run by the cron trigger: every unsent job whose next attempt is due. */
export async function deliverDueMail(config: Config, db: D1Database, now: number): Promise<number> {
  const { results } = await db
    .prepare(
      `SELECT id FROM mail_jobs WHERE sent_at IS NULL AND next_attempt_at <= ?1 AND attempts < ?2
       ORDER BY next_attempt_at LIMIT 50`,
    )
    .bind(now, MAX_ATTEMPTS)
    .all<{ id: string }>();
  for (const { id } of results) await deliverMailJob(config, db, id, now);
  return results.length;
}

/** What a job sends, rendered from the rows it names (so a retry shows the same facts). */
async function renderJob(
  config: Config,
  db: D1Database,
  kind: string,
  ref: { loginEventId?: string; securityEventId?: string; to?: string; at?: number },
): Promise<{ to: string; mail: RenderedMail } | null> {
  if (kind === "account_notice") {
    // The account is gone: the job carries the address itself.
    if (typeof ref.to !== "string" || typeof ref.at !== "number") return null;
    return {
      to: ref.to,
      mail: accountDeletedMail(
        formatUtc(ref.at),
        "If you did not delete it, someone was signed in as you with a recent confirmation. Sign up again with this address and contact your tenants' owners.",
      ),
    };
  }
  if (kind === "security_notice") {
    const e = await db
      .prepare(
        `SELECT e.user_id, e.kind, e.detail, e.created_at, u.email FROM security_events e
           JOIN users u ON u.id = e.user_id WHERE e.id = ?1`,
      )
      .bind(ref.securityEventId ?? "")
      .first<{
        user_id: string;
        kind: string;
        detail: string;
        created_at: number;
        email: string;
      }>();
    if (!e) return null;
    const detail = JSON.parse(e.detail) as Record<string, string>;
    // An email change is told to the previous address, whose link undoes that change.
    if (e.kind === "email_changed") {
      const token = await signEmailRevertToken(
        config.authPepper,
        e.user_id,
        detail.change_id ?? "",
      );
      const url = `${config.origins[0]}/auth/email-revert?token=${encodeURIComponent(token)}`;
      const mail = securityNoticeMail("email_changed", detail, formatUtc(e.created_at), url);
      return { to: detail.from ?? e.email, mail };
    }
    const token = await signNotMeToken(config.authPepper, e.user_id, ref.securityEventId!);
    const mail = securityNoticeMail(
      e.kind as SecurityNoticeKind,
      detail,
      formatUtc(e.created_at),
      notMeUrl(config, token),
    );
    return { to: e.email, mail };
  }
  const loginEventId = ref.loginEventId ?? "";
  const event = await db
    .prepare(
      `SELECT e.user_id, u.email, e.method, e.new_device, e.ip, e.device, e.browser, e.os, e.location,
              e.created_at
         FROM login_events e JOIN users u ON u.id = e.user_id WHERE e.id = ?1`,
    )
    .bind(loginEventId)
    .first<LoginEventRow>();
  if (!event) return null;
  const token = await signNotMeToken(config.authPepper, event.user_id, loginEventId);
  const mail = loginNotificationMail({
    when: formatUtc(event.created_at),
    method: event.method,
    newDevice: event.new_device === 1,
    device: event.device,
    browser: event.browser,
    os: event.os,
    ip: event.ip,
    location: event.location,
    notMeUrl: notMeUrl(config, token),
  });
  return { to: event.email, mail };
}

const notMeUrl = (config: Config, token: string) =>
  `${config.origins[0]}/auth/not-me?token=${encodeURIComponent(token)}`;
