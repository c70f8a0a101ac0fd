import { fromBase64Url, utf8 } from "../../core/encoding";
import type { Database } from "../../platform/db/client";
import { ApiError } from "../../platform/http/errors";
import { consumeChallengeQuery, insertChallenge } from "./repository";

export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
export type ChallengePurpose = "register" | "authenticate" | "step_up";

export async function storeChallenge(
  db: Database,
  c: {
    challenge: string;
    purpose: ChallengePurpose;
    userId?: string;
    sessionId?: string;
    now: number;
  },
): Promise<void> {
  await insertChallenge(db, {
    challenge: c.challenge,
    purpose: c.purpose,
    userId: c.userId ?? null,
    sessionId: c.sessionId ?? null,
    createdAt: c.now,
    expiresAt: c.now + CHALLENGE_TTL_MS,
  });
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
export type ChallengeUse = {
  challenge: string;
  purpose: ChallengePurpose;
  userId?: string;
  sessionId?: string;
  now: number;
};

export async function consumeChallenge(db: Database, c: ChallengeUse): Promise<void> {
  if (!(await consumeChallengeQuery(db, c).get())) throw invalidChallenge();
}
