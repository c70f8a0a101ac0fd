import { fromBase64Url, utf8 } from "../../core/encoding";
import { ApiError } from "../../platform/http/errors";
import { UNDER_LIMIT_SQL, type RateLimit } from "../../platform/rate-limit";

export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
export type ChallengePurpose = "register" | "authenticate" | "step_up";

export async function storeChallenge(
  db: D1Database,
  c: {
    challenge: string;
    purpose: ChallengePurpose;
    userId?: string;
    sessionId?: string;
    now: number;
  },
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO webauthn_challenges (challenge, purpose, user_id, session_id, created_at, expires_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
    )
    .bind(
      c.challenge,
      c.purpose,
      c.userId ?? null,
      c.sessionId ?? null,
      c.now,
      c.now + CHALLENGE_TTL_MS,
    )
    .run();
}

export const invalidChallenge = () =>
  new ApiError(
    400,
    "invalid_challenge",
    "This passkey request has expired or was already used. Try again.",
  );

/** The challenge a response claims to answer (read from its clientDataJSON). */
export function challengeOf(clientDataJSON: string): string {
  try {
    const data = JSON.parse(utf8.decode(fromBase64Url(clientDataJSON))) as { challenge?: unknown };
    if (typeof data.challenge === "string" && data.challenge.length <= 512) return data.challenge;
  } catch {
    // fall through
  }
  throw new ApiError(400, "invalid_response", "The passkey response is malformed.");
}

/**
 * Atomically marks a stored challenge used, so a response can be verified at most once; the
 * purpose and owner must match what it was issued for.
 */
type ChallengeUse = {
  challenge: string;
  purpose: ChallengePurpose;
  userId?: string;
  sessionId?: string;
  now: number;
};

/**
 * Marks a stored challenge used (RETURNING it), so a response can be verified at most once; the
 * purpose and owner must match what it was issued for. With `limit`, it only applies while that
 * rate limit (counted earlier in the same batch) is not exceeded.
 */
export function consumeChallengeStatement(
  db: D1Database,
  c: ChallengeUse,
  limit?: RateLimit,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE webauthn_challenges SET consumed_at = ?3
        WHERE challenge = ?1 AND purpose = ?2 AND consumed_at IS NULL AND expires_at > ?3
          AND (?4 IS NULL OR user_id = ?4) AND (?5 IS NULL OR session_id = ?5)
          AND (?6 IS NULL OR ${UNDER_LIMIT_SQL("?6", "?7")})
        RETURNING challenge`,
    )
    .bind(
      c.challenge,
      c.purpose,
      c.now,
      c.userId ?? null,
      c.sessionId ?? null,
      limit?.key ?? null,
      limit?.limit ?? null,
    );
}

export async function consumeChallenge(db: D1Database, c: ChallengeUse): Promise<void> {
  if (!(await consumeChallengeStatement(db, c).first())) throw invalidChallenge();
}
