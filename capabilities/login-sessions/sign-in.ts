import { clock } from "../../platform/clock";
import type { Context } from "hono";
import { randomToken, sha256Hex } from "../../core/crypto/hash";
import { describeUserAgent } from "../../core/user-agent";
import { placeOf, type CfPlace } from "../../core/place";
import type { AppEnv } from "./app-env";
import { readDeviceCookie, setDeviceCookie, setSessionCookie } from "./cookies";
import { deliverMailJob } from "./login-notifications";

export type SignInMethod = "email_code" | "passkey" | "qr";

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
  location: string | null;
}

export function requestInfo(c: Context<AppEnv>): RequestInfo {
  return {
    ip: c.req.header("cf-connecting-ip") ?? null,
    userAgent: c.req.header("user-agent")?.slice(0, 512) ?? null,
    location: placeOf(c.req.raw.cf as CfPlace | undefined, c.var.config.environment),
  };
}

export interface PendingSignIn {
  token: string;
  /** The browser's device id (cookie), new unless the browser sent one. */
  deviceToken: string;
  sessionId: string;
  mailJobId: string;
  statements: D1PreparedStatement[];
}

/**
 * Who the session is for, as a SELECT of `(user_id, otp_challenge_id)` rows: one row grants the
 * session, none grants nothing (and then no row of the sign-in is written). It lets a sign-in's
 * check and its writes share one D1 batch. Its parameters are numbered from ?9; it may refer to
 * ?1, the new session's id.
 */
export interface SignInGrant {
  sql: string;
  params: unknown[];
}

/** A grant for a user already known to the Worker. */
const knownUser = (userId: string, otpChallengeId: string | null): SignInGrant => ({
  sql: "SELECT ?9 AS user_id, ?10 AS otp_challenge_id",
  params: [userId, otpChallengeId],
});

/**
 * The writes every sign-in makes, for the caller to batch with its own (so a sign-in is all or
 * nothing): the session, its login event and the notification mail job. The login event and the
 * mail job are written only if the session row was.
 */
export async function signInStatements(
  db: D1Database,
  args: {
    method: SignInMethod;
    /** `email_code`, or `passkey:<credential id>`: what confirmed the session. */
    authenticatedBy: string;
    lifetimeMs: number;
    info: RequestInfo;
    now: number;
    /** When the notification may first be sent (default `now`); see passkey sign-in. */
    mailNotBefore?: number;
    /** When the person last proved presence on this browser (default: now, the sign-in). */
    confirmedAt?: number;
    /** The browser's device cookie, if it sent one (`readDeviceCookie`). */
    deviceToken?: string | undefined;
  } & ({ userId: string; otpChallengeId?: string } | { grant: SignInGrant }),
): Promise<PendingSignIn> {
  const { method, info, now } = args;
  const grant = "grant" in args ? args.grant : knownUser(args.userId, args.otpChallengeId ?? null);
  const token = randomToken(32);
  const deviceToken = args.deviceToken ?? randomToken(32);
  const deviceHash = await sha256Hex(deviceToken);
  const sessionId = crypto.randomUUID();
  const loginEventId = crypto.randomUUID();
  const mailJobId = crypto.randomUUID();
  const ua = describeUserAgent(info.userAgent);
  const statements = [
    db
      .prepare(
        `INSERT INTO sessions (id, token_hash, user_id, auth_method, created_at, last_seen_at,
           authenticated_at, expires_at, ip, user_agent, otp_challenge_id, authenticated_by)
         SELECT ?1, ?2, g.user_id, ?3, ?4, ?4, ?4, ?5, ?6, ?7, g.otp_challenge_id, ?8
           FROM (${grant.sql}) g`,
      )
      .bind(
        sessionId,
        await sha256Hex(token),
        method,
        now,
        now + args.lifetimeMs,
        info.ip,
        info.userAgent,
        args.authenticatedBy,
        ...grant.params,
      ),
    // A sign-in that did not itself prove presence (QR: the phone only scanned) keeps the time
    // the person last did, so it is no step-up.
    ...(args.confirmedAt !== undefined
      ? [
          db
            .prepare(`UPDATE sessions SET authenticated_at = ?2 WHERE id = ?1`)
            .bind(sessionId, args.confirmedAt),
        ]
      : []),
    db
      .prepare(
        `INSERT INTO login_events (id, user_id, session_id, method, ip, user_agent, device, browser,
           os, location, created_at, device_hash, new_device)
         SELECT ?1, s.user_id, s.id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
                NOT EXISTS (SELECT 1 FROM login_events e WHERE e.user_id = s.user_id AND e.device_hash = ?11)
           FROM sessions s WHERE s.id = ?2`,
      )
      .bind(
        loginEventId,
        sessionId,
        method,
        info.ip,
        info.userAgent,
        ua.device,
        ua.browser,
        ua.os,
        info.location,
        now,
        deviceHash,
      ),
    db
      .prepare(
        `INSERT INTO mail_jobs (id, kind, ref, attempts, next_attempt_at, created_at)
         SELECT ?1, 'login_notification', ?2, 0, ?4, ?5 WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ?3)`,
      )
      .bind(mailJobId, JSON.stringify({ loginEventId }), sessionId, args.mailNotBefore ?? now, now),
  ];
  return { token, deviceToken, sessionId, mailJobId, statements };
}

/**
 * After the batch committed: hand out the cookie and send the notification in the background,
 * after `confirm` (statements that release it, see passkey sign-in) ran. The background work
 * starts on the next macrotask, once the answer has left, so it never delays it.
 */
export function finishSignIn(
  c: Context<AppEnv>,
  pending: PendingSignIn,
  confirm: D1PreparedStatement[] = [],
): void {
  setSessionCookie(c, pending.token);
  if (readDeviceCookie(c) !== pending.deviceToken) setDeviceCookie(c, pending.deviceToken);
  const db = c.env.DB;
  c.executionCtx.waitUntil(
    new Promise((resolve) => setTimeout(resolve, 0))
      .then(() => (confirm.length > 0 ? db.batch(confirm) : undefined))
      .then(() => deliverMailJob(c.var.config, db, pending.mailJobId, clock.now())),
  );
}
