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
  UNDER_LIMIT_SQL,
  type RateLimit,
} from "../../platform/rate-limit";
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
  db: D1Database,
  args: { email: string; ip: string; now: number },
): Promise<void> {
  const { email, ip, now } = args;
  const perIp = { ...OTP_LIMITS.startPerIp, limit: config.otpStartsPerIpHour };
  await enforceRateLimit(db, { key: `otp-start:ip:${ip}`, ...perIp }, now);
  const last = await db
    .prepare("SELECT MAX(created_at) AS at FROM otp_challenges WHERE email = ?1")
    .bind(email)
    .first<{ at: number | null }>();
  if (last?.at && now - last.at < OTP_RESEND_COOLDOWN_MS) {
    throw errors.rateLimited(Math.ceil((last.at + OTP_RESEND_COOLDOWN_MS - now) / 1000));
  }
  await enforceRateLimit(db, { key: `otp-start:email:${email}`, ...OTP_LIMITS.startPerEmail }, now);

  const id = crypto.randomUUID();
  const code = generateOtpCode();
  const hmac = await codeHmac(config, email, code);
  await db.batch([
    db
      .prepare(
        `UPDATE otp_challenges SET voided_at = ?2
          WHERE email = ?1 AND consumed_at IS NULL AND voided_at IS NULL`,
      )
      .bind(email, now),
    db
      .prepare(
        `INSERT INTO otp_challenges (id, email, code_hmac, created_at, expires_at, attempts)
         VALUES (?1, ?2, ?3, ?4, ?5, 0)`,
      )
      .bind(id, email, hmac, now, now + OTP_TTL_MS),
  ]);

  const sent = await mailTransport(config, db)
    .send({ to: email, ...otpMail(code, OTP_TTL_MS / 60_000), idempotencyKey: id })
    .catch(() => ({ ok: false as const, error: "send failed", retryable: true }));
  if (!sent.ok) {
    // Drop the unsent code, which also lifts the cooldown, so the person can simply try again.
    await db.prepare("DELETE FROM otp_challenges WHERE id = ?1").bind(id).run();
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

/**
 * One attempt at the address's latest live code, counted atomically before it is judged, so
 * concurrent guesses can never exceed the limit: a match consumes the code, the fifth wrong guess
 * voids it. It applies only while the per-IP limit (counted earlier in the batch) holds. SQLite
 * evaluates every SET expression against the row as it was, so `attempts` is the old count.
 */
function attemptStatement(
  db: D1Database,
  args: { email: string; hmac: string; now: number; limit: RateLimit },
): D1PreparedStatement {
  const { email, hmac, now, limit } = args;
  return db
    .prepare(
      `UPDATE otp_challenges SET attempts = attempts + 1,
         consumed_at = CASE WHEN code_hmac = ?6 THEN ?2 END,
         voided_at = CASE WHEN code_hmac != ?6 AND attempts + 1 >= ?3 THEN ?2 END
        WHERE id = (SELECT id FROM otp_challenges
                     WHERE email = ?1 AND consumed_at IS NULL AND voided_at IS NULL
                       AND expires_at > ?2 AND attempts < ?3
                     ORDER BY created_at DESC LIMIT 1)
          AND ${UNDER_LIMIT_SQL("?4", "?5")}
        RETURNING id, consumed_at IS NOT NULL AS matched`,
    )
    .bind(email, now, OTP_MAX_ATTEMPTS, limit.key, limit.limit, hmac);
}

const verifyLimit = (ip: string): RateLimit => ({
  key: `otp-verify:ip:${ip}`,
  ...OTP_LIMITS.verifyPerIp,
});

/** The per-IP limit and the attempt of a batch: throws 429 or `invalid_code` unless it matched. */
function judgeAttempt(
  hit: D1Result | undefined,
  attempt: D1Result | undefined,
  limit: RateLimit,
  now: number,
): string {
  assertUnderLimit((hit!.results[0] as { count: number } | undefined)?.count, limit, now);
  const row = attempt!.results[0] as { id: string; matched: number } | undefined;
  if (row?.matched !== 1) throw invalidCode();
  return row.id;
}

/**
 * Checks and consumes a code (step-up). The per-IP limit and the attempt share one D1 round trip.
 */
export async function checkOtp(
  config: Config,
  db: D1Database,
  args: { email: string; code: string; ip: string; now: number },
): Promise<{ challengeId: string }> {
  const { email, code, ip, now } = args;
  const limit = verifyLimit(ip);
  const hmac = await codeHmac(config, email, code);
  const [hit, attempt] = await db.batch([
    countHit(db, limit, now),
    attemptStatement(db, { email, hmac, now, limit }),
  ]);
  return { challengeId: judgeAttempt(hit, attempt, limit, now) };
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
  db: D1Database,
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
  const limit = verifyLimit(ip);
  const hmac = await codeHmac(config, email, code);
  const matched = `EXISTS (SELECT 1 FROM otp_challenges
                            WHERE email = ?2 AND consumed_at = ?3 AND code_hmac = ?4)`;
  const account = { userId: crypto.randomUUID(), tenantId: crypto.randomUUID() };
  const pending = await signInStatements(db, {
    method: "email_code",
    authenticatedBy: "email_code",
    lifetimeMs: config.sessionLifetimeMs,
    info,
    now,
    deviceToken: args.deviceToken,
    grant: {
      sql: `SELECT u.id AS user_id, c.id AS otp_challenge_id
              FROM users u JOIN otp_challenges c ON c.email = u.email
             WHERE u.email = ?9 AND c.consumed_at = ?10 AND c.code_hmac = ?11`,
      params: [email, now, hmac],
    },
  });
  let results: D1Result[];
  try {
    results = await db.batch([
      countHit(db, limit, now),
      attemptStatement(db, { email, hmac, now, limit }),
      db
        .prepare(
          `INSERT INTO users (id, email, created_at) SELECT ?1, ?2, ?3
            WHERE ${matched} AND NOT EXISTS (SELECT 1 FROM users WHERE email = ?2)`,
        )
        .bind(account.userId, email, now, hmac),
      db
        .prepare(
          `INSERT INTO tenants (id, name, created_at)
           SELECT ?1, 'Personal workspace', ?3 WHERE EXISTS (SELECT 1 FROM users WHERE id = ?2)`,
        )
        .bind(account.tenantId, account.userId, now),
      db
        .prepare(
          `INSERT INTO memberships (tenant_id, user_id, role, created_at)
           SELECT ?1, ?2, 'owner', ?3 WHERE EXISTS (SELECT 1 FROM users WHERE id = ?2)`,
        )
        .bind(account.tenantId, account.userId, now),
      ...pending.statements,
      db
        .prepare(
          `SELECT u.id, u.email, u.created_at, u.id = ?2 AS new_user,
                  EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = u.id) AS has_passkey
             FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?1`,
        )
        .bind(pending.sessionId, account.userId),
    ]);
  } catch (e) {
    // The unique otp_challenge_id lost a same-millisecond race with a concurrent verify.
    if (e instanceof Error && /UNIQUE/i.test(e.message)) throw invalidCode();
    throw e;
  }
  judgeAttempt(results[0], results[1], limit, now);
  const row = results.at(-1)!.results[0] as
    (UserRow & { new_user: number; has_passkey: number }) | undefined;
  // Matched but no session: the address's account vanished in between (deleted): start over.
  if (!row) throw invalidCode();
  return {
    user: { id: row.id, email: row.email, created_at: row.created_at },
    newUser: row.new_user === 1,
    hasPasskey: row.has_passkey === 1,
    pending,
  };
}
