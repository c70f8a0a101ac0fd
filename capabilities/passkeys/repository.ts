import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client";
import { passkeys, securityEvents, users, webauthnChallenges } from "../../platform/db/schema";
import { underLimit, type RateLimit } from "../../platform/rate-limit";

export type PasskeyRow = typeof passkeys.$inferSelect;
export type ChallengeRow = typeof webauthnChallenges.$inferInsert;

export async function listPasskeys(db: Database, userId: string): Promise<PasskeyRow[]> {
  return db
    .select()
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt));
}

export const insertPasskey = (db: Database, row: PasskeyRow) => db.insert(passkeys).values(row);

/**
 * A credential and its account's email and creation time. The user's `created_at` is aliased: a
 * batch's rows are objects keyed by column name, so a second `created_at` would overwrite the first.
 */
export const passkeyLookup = (db: Database, credentialId: string) =>
  db
    .select({
      passkey: passkeys,
      email: users.email,
      userCreatedAt: sql<number>`${users.createdAt}`.as("user_created_at"),
    })
    .from(passkeys)
    .innerJoin(users, eq(users.id, passkeys.userId))
    .where(eq(passkeys.id, credentialId));

/** The security event a refused, possibly cloned authenticator leaves behind. */
export const counterRegressionEvent = (
  db: Database,
  passkey: PasskeyRow,
  ip: string | null,
  now: number,
) =>
  db.insert(securityEvents).values({
    id: crypto.randomUUID(),
    userId: passkey.userId,
    kind: "passkey_counter_regression",
    detail: JSON.stringify({ passkey_id: passkey.id, stored_counter: passkey.counter }),
    ip,
    createdAt: now,
  });

/** Never lowers a stored counter, so two sign-ins finishing out of order keep the higher one. */
export const counterUpdate = (db: Database, passkeyId: string, newCounter: number, now: number) =>
  db
    .update(passkeys)
    .set({ counter: sql`MAX(counter, ${newCounter})`, lastUsedAt: now })
    .where(eq(passkeys.id, passkeyId));

export async function renamePasskey(db: Database, userId: string, id: string, name: string) {
  const result = await db
    .update(passkeys)
    .set({ name })
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)));
  return result.meta.changes > 0;
}

export async function passkeyName(db: Database, userId: string, id: string) {
  const row = await db
    .select({ name: passkeys.name })
    .from(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .get();
  return row?.name;
}

export const deletePasskey = (db: Database, userId: string, id: string) =>
  db.delete(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)));

export async function insertChallenge(db: Database, row: ChallengeRow): Promise<void> {
  await db.insert(webauthnChallenges).values(row);
}

/**
 * Marks a stored challenge used (RETURNING it), so a response can be verified at most once; the
 * purpose and owner must match what it was issued for. With `limit`, it only applies while that
 * rate limit (counted earlier in the same batch) is not exceeded.
 */
export const consumeChallengeQuery = (
  db: Database,
  c: {
    challenge: string;
    purpose: ChallengeRow["purpose"];
    userId?: string;
    sessionId?: string;
    now: number;
  },
  limit?: RateLimit,
) =>
  db
    .update(webauthnChallenges)
    .set({ consumedAt: c.now })
    .where(
      and(
        eq(webauthnChallenges.challenge, c.challenge),
        eq(webauthnChallenges.purpose, c.purpose),
        isNull(webauthnChallenges.consumedAt),
        gt(webauthnChallenges.expiresAt, c.now),
        c.userId === undefined ? undefined : eq(webauthnChallenges.userId, c.userId),
        c.sessionId === undefined ? undefined : eq(webauthnChallenges.sessionId, c.sessionId),
        limit ? underLimit(limit) : undefined,
      ),
    )
    .returning({ challenge: webauthnChallenges.challenge });

/** The sign-in's single use of its challenge, stamped with the new session's id. */
export const consumeSignInChallenge = (
  db: Database,
  challenge: string,
  sessionId: string,
  now: number,
  limit: RateLimit,
) =>
  db
    .update(webauthnChallenges)
    .set({ consumedAt: now, sessionId })
    .where(
      and(
        eq(webauthnChallenges.challenge, challenge),
        eq(webauthnChallenges.purpose, "authenticate"),
        isNull(webauthnChallenges.consumedAt),
        gt(webauthnChallenges.expiresAt, now),
        underLimit(limit),
      ),
    )
    .returning({ challenge: webauthnChallenges.challenge });

/**
 * `(user_id, otp_challenge_id)` of the credential's owner, if this batch consumed the challenge
 * for the new session (and the credential matches the user handle, when there is one).
 */
export const passkeyGrant =
  (challenge: string, credentialId: string, handle: string | null) => (sessionId: string) =>
    sql`SELECT p.user_id AS user_id, NULL AS otp_challenge_id
          FROM ${passkeys} p JOIN ${webauthnChallenges} w
            ON w.challenge = ${challenge} AND w.purpose = 'authenticate' AND w.session_id = ${sessionId}
         WHERE p.id = ${credentialId} AND (${handle} IS NULL OR p.user_id = ${handle})`;
