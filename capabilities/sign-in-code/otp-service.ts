import { hmacHex } from "../../core/crypto/hash";
import { generateOtpCode, otpMessage } from "../../core/otp";
import { OTP_STARTS_PER_IP_HOUR, type Config } from "../../platform/config";
import { ApiError, errors } from "../../platform/http/errors";
import { mailTransport } from "../../platform/mail/transport";
import { otpMail } from "../../platform/mail/templates";
import type { UserRow } from "../account/accounts";
import { pepperHmacKey } from "../../platform/keys";
import {
  assertUnderLimit,
  countHit,
  enforceRateLimit,
  type RateLimit,
} from "../../platform/rate-limit";
import { database, type Database } from "../../platform/db/client";
import {
  attemptQuery,
  consumedCodeGrant,
  createAccountQueries,
  deleteChallenge,
  lastChallengeAt,
  replaceChallenge,
  signedInAccountQuery,
} from "./repository";
import { signInStatements, type PendingSignIn, type RequestInfo } from "../login-sessions/sign-in";

export const OTP_TTL_MS = 10 * 60 * 1000;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_COOLDOWN_MS = 60 * 1000;
const HOUR = 60 * 60 * 1000;

export const OTP_LIMITS = {
  startPerEmail: { limit: 5, windowMs: HOUR },
  startPerIp: { limit: OTP_STARTS_PER_IP_HOUR, windowMs: HOUR },
  verifyPerIp: { limit: 30, windowMs: 10 * 60 * 1000 },
} as const;

const invalidCode = () =>
  new ApiError(400, "invalid_code", "That code is wrong or has expired. Ask for a new one.");

export async function startOtp(
  config: Config,
  d1: D1Database,
  args: { email: string; ip: string; now: number },
): Promise<void> {
  const { email, ip, now } = args;
  const db = database(d1);
  const perIp = { ...OTP_LIMITS.startPerIp, limit: config.otpStartsPerIpHour };
  await enforceRateLimit(d1, { key: `otp-start:ip:${ip}`, ...perIp }, now);
  const last = await lastChallengeAt(db, email);
  if (last && now - last < OTP_RESEND_COOLDOWN_MS) {
    throw errors.rateLimited(Math.ceil((last + OTP_RESEND_COOLDOWN_MS - now) / 1000));
  }
  await enforceRateLimit(d1, { key: `otp-start:email:${email}`, ...OTP_LIMITS.startPerEmail }, now);

  const id = crypto.randomUUID();
  const code = generateOtpCode();
  const hmac = await codeHmac(config, email, code);
  await replaceChallenge(db, { id, email, codeHmac: hmac, now, ttlMs: OTP_TTL_MS });

  const sent = await mailTransport(config, d1)
    .send({ to: email, ...otpMail(code, OTP_TTL_MS / 60_000), idempotencyKey: id })
    .catch(() => ({ ok: false as const, error: "send failed", retryable: true }));
  if (!sent.ok) {
    // Drop the unsent code, which also lifts the cooldown, so the person can simply try again.
    await deleteChallenge(db, id);
    throw new ApiError(
      503,
      "mail_unavailable",
      "We could not send the email. Try again shortly.",
      [],
      {
        "Retry-After": "30",
      },
    );
  }
}

/** HMAC of a code for an address: the value stored at start and compared at verify. */
async function codeHmac(config: Config, email: string, code: string): Promise<string> {
  return hmacHex(await pepperHmacKey(config.authPepper), otpMessage(email, code));
}

const attempt = (db: Database, a: { email: string; hmac: string; now: number; limit: RateLimit }) =>
  attemptQuery(db, { ...a, maxAttempts: OTP_MAX_ATTEMPTS });

const verifyLimit = (ip: string): RateLimit => ({
  key: `otp-verify:ip:${ip}`,
  ...OTP_LIMITS.verifyPerIp,
});

/** The per-IP limit and the attempt of a batch: throws 429 or `invalid_code` unless it matched. */
function judgeAttempt(
  hit: { count: number }[],
  attempted: { id: string; matched: number }[],
  limit: RateLimit,
  now: number,
): string {
  assertUnderLimit(hit[0]?.count, limit, now);
  const row = attempted[0];
  if (row?.matched !== 1) throw invalidCode();
  return row.id;
}

/**
 * Checks and consumes a code (step-up). The per-IP limit and the attempt share one D1 round trip.
 */
export async function checkOtp(
  config: Config,
  d1: D1Database,
  args: { email: string; code: string; ip: string; now: number },
): Promise<{ challengeId: string }> {
  const { email, code, ip, now } = args;
  const db = database(d1);
  const limit = verifyLimit(ip);
  const hmac = await codeHmac(config, email, code);
  const [hit, attempted] = await db.batch([
    countHit(db, limit, now),
    attempt(db, { email, hmac, now, limit }),
  ]);
  return { challengeId: judgeAttempt(hit, attempted, limit, now) };
}

export interface OtpSignIn {
  user: UserRow;
  newUser: boolean;
  hasPasskey: boolean;
  pending: PendingSignIn;
}

/**
 * Signs in with an email code in one D1 round trip: the per-IP limit, the attempt, the account
 * (created on first use, with its personal tenant), the session, its login event and mail job,
 * and the answer's read-back are one batch — one transaction. Every write after the attempt is
 * conditional on the code having matched in this very batch (its challenge consumed at `now`
 * with this HMAC), so a wrong code writes nothing but the attempt. Two verifies of one code are
 * serialised by D1; the second finds the code consumed (or, in the same millisecond, trips the
 * unique `sessions.otp_challenge_id`, rolling its whole batch back).
 */
export async function signInWithOtp(
  config: Config,
  d1: D1Database,
  args: {
    email: string;
    code: string;
    ip: string;
    info: RequestInfo;
    now: number;
    /** The browser's device cookie, if it sent one. */
    deviceToken?: string | undefined;
  },
): Promise<OtpSignIn> {
  const { email, code, ip, info, now } = args;
  const db = database(d1);
  const limit = verifyLimit(ip);
  const hmac = await codeHmac(config, email, code);
  const account = { userId: crypto.randomUUID(), tenantId: crypto.randomUUID() };
  const pending = await signInStatements(db, {
    method: "email_code",
    authenticatedBy: "email_code",
    lifetimeMs: config.sessionLifetimeMs,
    info,
    now,
    deviceToken: args.deviceToken,
    grant: consumedCodeGrant(email, hmac, now),
  });
  let results;
  try {
    results = await db.batch([
      countHit(db, limit, now),
      attempt(db, { email, hmac, now, limit }),
      ...createAccountQueries(db, { ...account, email, hmac, now }),
      ...pending.statements,
      signedInAccountQuery(db, pending.sessionId, account.userId),
    ]);
  } catch (e) {
    // The unique otp_challenge_id lost a same-millisecond race with a concurrent verify.
    if (e instanceof Error && /UNIQUE/i.test(e.message)) throw invalidCode();
    throw e;
  }
  const [hit, attempted] = results;
  judgeAttempt(hit, attempted, limit, now);
  const row = (results.at(-1) as Awaited<ReturnType<typeof signedInAccountQuery>>)[0];
  // Matched but no session: the address's account vanished in between (deleted): start over.
  if (!row) throw invalidCode();
  const { newUser, hasPasskey, ...user } = row;
  return { user, newUser: newUser === 1, hasPasskey: hasPasskey === 1, pending };
}
