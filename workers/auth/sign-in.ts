import type { Context } from "hono";
import { randomToken, sha256Hex } from "../../core/crypto/hash";
import { describeUserAgent } from "../../core/user-agent";
import { placeOf, type CfPlace } from "../../core/place";
import type { AppEnv } from "../http/context";
import { readDeviceCookie, setDeviceCookie, setSessionCookie } from "./cookies";
import { deliverMailJob } from "../mail/login-notifications";

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
 * The writes every sign-in makes, for the caller to batch with its own (so a sign-in is all or
 * nothing): the session, its login event and the notification mail job.
 */
export async function signInStatements(
  db: D1Database,
  args: {
    userId: string;
    method: SignInMethod;
    /** `email_code`, or `passkey:<credential id>`: what confirmed the session. */
    authenticatedBy: string;
    lifetimeMs: number;
    info: RequestInfo;
    now: number;
    otpChallengeId?: string;
    /** When the person last proved presence on this browser (default: now, the sign-in). */
    confirmedAt?: number;
    /** The browser's device cookie, if it sent one (`readDeviceCookie`). */
    deviceToken?: string | undefined;
  },
): Promise<PendingSignIn> {
  const { userId, method, info, now } = args;
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
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?11, ?6, ?7, ?8, ?9, ?10)`,
      )
      .bind(
        sessionId,
        await sha256Hex(token),
        userId,
        method,
        now,
        now + args.lifetimeMs,
        info.ip,
        info.userAgent,
        args.otpChallengeId ?? null,
        args.authenticatedBy,
        args.confirmedAt ?? now,
      ),
    db
      .prepare(
        `INSERT INTO login_events (id, user_id, session_id, method, ip, user_agent, device, browser,
           os, location, created_at, device_hash, new_device)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
           NOT EXISTS (SELECT 1 FROM login_events WHERE user_id = ?2 AND device_hash = ?12))`,
      )
      .bind(
        loginEventId,
        userId,
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
         VALUES (?1, 'login_notification', ?2, 0, ?3, ?3)`,
      )
      .bind(mailJobId, JSON.stringify({ loginEventId }), now),
  ];
  return { token, deviceToken, sessionId, mailJobId, statements };
}

/** After the batch committed: hand out the cookie and send the notification in the background. */
/** The device cookie to pass to `signInStatements`. */
export const deviceTokenOf = (c: Context<AppEnv>) => readDeviceCookie(c);

export function finishSignIn(c: Context<AppEnv>, pending: PendingSignIn): void {
  setSessionCookie(c, pending.token);
  if (readDeviceCookie(c) !== pending.deviceToken) setDeviceCookie(c, pending.deviceToken);
  c.executionCtx.waitUntil(deliverMailJob(c.var.config, c.env.DB, pending.mailJobId, Date.now()));
}
