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
import { database, type Database } from "../../platform/db/client";
import { securityEventWithEmail } from "../account/repository";
import {
  claimMailJob,
  dueMailJobIds,
  loginEventWithEmail,
  markMailFailed,
  markMailSent,
  type MailRetry,
} from "./repository";

const RETRY: MailRetry = { maxAttempts: 10, baseMs: 30_000, maxMs: 60 * 60 * 1000 };

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
  d1: D1Database,
  jobId: string,
  now: number,
): Promise<void> {
  const db = database(d1);
  const claimed = await claimMailJob(db, jobId, now, RETRY);
  if (!claimed) return;
  const rendered = await renderJob(config, db, claimed.kind, JSON.parse(claimed.ref));
  if (!rendered) {
    await markFailed(db, jobId, "the event to mail no longer exists", true);
    return;
  }
  const { to, mail } = rendered;
  let result;
  try {
    result = await mailTransport(config, d1).send({
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
  if (result.ok) await markMailSent(db, jobId, result.id, clock.now());
  else await markFailed(db, jobId, result.error, !result.retryable);
}

const markFailed = (db: Database, jobId: string, error: string, final: boolean) =>
  markMailFailed(db, jobId, error.slice(0, 200), final ? RETRY.maxAttempts : undefined);

/** The retry loop, run by the cron trigger: every unsent job whose next attempt is due. */
export async function deliverDueMail(config: Config, db: D1Database, now: number): Promise<number> {
  const due = await dueMailJobIds(database(db), now, RETRY.maxAttempts, 50);
  for (const id of due) await deliverMailJob(config, db, id, now);
  return due.length;
}

/** What a job sends, rendered from the rows it names (so a retry shows the same facts). */
async function renderJob(
  config: Config,
  db: Database,
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
    const e = await securityEventWithEmail(db, ref.securityEventId ?? "");
    if (!e) return null;
    const detail = JSON.parse(e.detail) as Record<string, string>;
    // An email change is told to the previous address, whose link undoes that change.
    if (e.kind === "email_changed") {
      const token = await signEmailRevertToken(config.authPepper, e.userId, detail.change_id ?? "");
      const url = `${config.origins[0]}/auth/email-revert?token=${encodeURIComponent(token)}`;
      const mail = securityNoticeMail("email_changed", detail, formatUtc(e.createdAt), url);
      return { to: detail.from ?? e.email, mail };
    }
    const token = await signNotMeToken(config.authPepper, e.userId, ref.securityEventId!);
    const mail = securityNoticeMail(
      e.kind as SecurityNoticeKind,
      detail,
      formatUtc(e.createdAt),
      notMeUrl(config, token),
    );
    return { to: e.email, mail };
  }
  const loginEventId = ref.loginEventId ?? "";
  const event = await loginEventWithEmail(db, loginEventId);
  if (!event) return null;
  const token = await signNotMeToken(config.authPepper, event.userId, loginEventId);
  const mail = loginNotificationMail({
    when: formatUtc(event.createdAt),
    method: event.method,
    newDevice: event.newDevice,
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
