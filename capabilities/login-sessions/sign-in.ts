import { clock } from "../../platform/clock";
import { eq, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { randomToken, sha256Hex } from "../../core/crypto/hash";
import { describeUserAgent } from "../../core/user-agent";
import { placeOf, type CfPlace } from "../../core/place";
import type { AppEnv } from "./app-env";
import { readDeviceCookie, setDeviceCookie, setSessionCookie } from "./cookies";
import { deliverMailJob } from "./login-notifications";
import { database, type Database } from "../../platform/db/client";
import { insertSelect } from "../../platform/db/insert-select";
import { loginEvents, mailJobs, loginSessions } from "../../platform/db/schema";

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
  statements: [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];
}

/**
 * Who the session is for, as a SELECT of `(user_id, otp_challenge_id)` rows: one row grants the
 * session, none grants nothing (and then no row of the sign-in is written). It lets a sign-in's
 * check and its writes share one D1 batch. It is given the new session's id.
 */
export type SignInGrant = (sessionId: string) => SQL;

/** A grant for a user already known to the Worker. */
const knownUser =
  (userId: string, otpChallengeId: string | null): SignInGrant =>
  () =>
    sql`SELECT ${userId} AS user_id, ${otpChallengeId} AS otp_challenge_id`;

/**
 * The writes every sign-in makes, for the caller to batch with its own (so a sign-in is all or
 * nothing): the session, its login event and the notification mail job. The login event and the
 * mail job are written only if the session row was.
 */
export async function signInStatements(
  db: Database,
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
  const statements: PendingSignIn["statements"] = [
    insertSelect(
      db,
      loginSessions,
      {
        id: sessionId,
        tokenHash: await sha256Hex(token),
        userId: sql`g.user_id`,
        authMethod: method,
        createdAt: now,
        lastSeenAt: now,
        authenticatedAt: now,
        authenticatedBy: args.authenticatedBy,
        expiresAt: now + args.lifetimeMs,
        ip: info.ip,
        userAgent: info.userAgent,
        otpChallengeId: sql`g.otp_challenge_id`,
      },
      sql`FROM (${grant(sessionId)}) g`,
    ),
    // A sign-in that did not itself prove presence (QR: the phone only scanned) keeps the time
    // the person last did, so it is no step-up.
    ...(args.confirmedAt !== undefined
      ? [
          db
            .update(loginSessions)
            .set({ authenticatedAt: args.confirmedAt })
            .where(eq(loginSessions.id, sessionId)),
        ]
      : []),
    insertSelect(
      db,
      loginEvents,
      {
        id: loginEventId,
        userId: sql`s.user_id`,
        sessionId: sql`s.id`,
        method,
        ip: info.ip,
        userAgent: info.userAgent,
        device: ua.device,
        browser: ua.browser,
        os: ua.os,
        location: info.location,
        createdAt: now,
        deviceHash,
        newDevice: sql`NOT EXISTS (SELECT 1 FROM ${loginEvents} e
                                    WHERE e.user_id = s.user_id AND e.device_hash = ${deviceHash})`,
      },
      sql`FROM ${loginSessions} s WHERE s.id = ${sessionId}`,
    ),
    insertSelect(
      db,
      mailJobs,
      {
        id: mailJobId,
        kind: "login_notification",
        ref: JSON.stringify({ loginEventId }),
        attempts: 0,
        nextAttemptAt: args.mailNotBefore ?? now,
        createdAt: now,
      },
      sql`WHERE EXISTS (SELECT 1 FROM ${loginSessions} WHERE id = ${sessionId})`,
    ),
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
  confirm: BatchItem<"sqlite">[] = [],
): void {
  setSessionCookie(c, pending.token);
  if (readDeviceCookie(c) !== pending.deviceToken) setDeviceCookie(c, pending.deviceToken);
  const d1 = c.env.DB;
  const [first, ...rest] = confirm;
  c.executionCtx.waitUntil(
    new Promise((resolve) => setTimeout(resolve, 0))
      .then(() => (first ? database(d1).batch([first, ...rest]) : undefined))
      .then(() => deliverMailJob(c.var.config, d1, pending.mailJobId, clock.now())),
  );
}
