import { importHmacKey, hmacHex } from "../../core/crypto/hash";
import { fromHex, utf8 } from "../../core/encoding";
import { generateOtpCode, otpMessage } from "../../core/otp";
import type { Config } from "../config";
import { ApiError, errors } from "../http/errors";
import { mailTransport } from "../mail/transport";
import { otpMail } from "../mail/templates";
import type { UserRow } from "./accounts";
import { assertUnderLimit, countHit, enforceRateLimit, UNDER_LIMIT_SQL } from "./rate-limit";

export const OTP_TTL_MS = 10 * 60 * 1000;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_COOLDOWN_MS = 60 * 1000;
const HOUR = 60 * 60 * 1000;

export const OTP_LIMITS = {
  startPerEmail: { limit: 5, windowMs: HOUR },
  startPerIp: { limit: 20, windowMs: HOUR },
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
  await enforceRateLimit(db, { key: `otp-start:ip:${ip}`, ...OTP_LIMITS.startPerIp }, now);
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
  const codeHmac = await hmacHex(
    await importHmacKey(config.authPepper),
    otpMessage(id, email, code),
  );
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
      .bind(id, email, codeHmac, now, now + OTP_TTL_MS),
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

export interface CheckedOtp {
  challengeId: string;
  /** The account of this address, if there is one (looked up in the same round trip). */
  user: UserRow | null;
  hasPasskey: boolean;
}

/**
 * Checks a code. An attempt is counted atomically before the comparison, so concurrent guesses
 * can never exceed the limit; the fifth wrong guess voids the code. The per-IP limit, the
 * attempt and the account look-up share one D1 round trip.
 */
export async function checkOtp(
  config: Config,
  db: D1Database,
  args: { email: string; code: string; ip: string; now: number },
): Promise<CheckedOtp> {
  const { email, code, ip, now } = args;
  const limit = { key: `otp-verify:ip:${ip}`, ...OTP_LIMITS.verifyPerIp };
  const [hit, attempt, account] = await db.batch([
    countHit(db, limit, now),
    db
      .prepare(
        `UPDATE otp_challenges SET attempts = attempts + 1
          WHERE id = (SELECT id FROM otp_challenges
                       WHERE email = ?1 AND consumed_at IS NULL AND voided_at IS NULL
                         AND expires_at > ?2 AND attempts < ?3
                       ORDER BY created_at DESC LIMIT 1)
            AND ${UNDER_LIMIT_SQL("?4", "?5")}
          RETURNING id, code_hmac, attempts`,
      )
      .bind(email, now, OTP_MAX_ATTEMPTS, limit.key, limit.limit),
    db
      .prepare(
        `SELECT u.id, u.email, u.created_at,
                EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = u.id) AS has_passkey
           FROM users u WHERE u.email = ?1`,
      )
      .bind(email),
  ]);
  assertUnderLimit((hit!.results[0] as { count: number } | undefined)?.count, limit, now);
  const challenge = attempt!.results[0] as
    { id: string; code_hmac: string; attempts: number } | undefined;
  if (!challenge) throw invalidCode();

  const key = await importHmacKey(config.authPepper);
  const matches = await crypto.subtle.verify(
    "HMAC",
    key,
    fromHex(challenge.code_hmac),
    utf8.encode(otpMessage(challenge.id, email, code)),
  );
  if (!matches) {
    if (challenge.attempts >= OTP_MAX_ATTEMPTS) {
      await db
        .prepare("UPDATE otp_challenges SET voided_at = ?2 WHERE id = ?1 AND voided_at IS NULL")
        .bind(challenge.id, now)
        .run();
    }
    throw invalidCode();
  }
  const row = account!.results[0] as (UserRow & { has_passkey: number }) | undefined;
  return {
    challengeId: challenge.id,
    user: row ? { id: row.id, email: row.email, created_at: row.created_at } : null,
    hasPasskey: row?.has_passkey === 1,
  };
}
