import { and, eq, isNull, max, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client";
import { insertSelect } from "../../platform/db/insert-select";
import {
  memberships,
  otpChallenges,
  passkeys,
  loginSessions,
  tenants,
  users,
} from "../../platform/db/schema";
import { underLimit, type RateLimit } from "../../platform/rate-limit";

/** When the address was last sent a code (the resend cooldown). */
export async function lastChallengeAt(db: Database, email: string): Promise<number | null> {
  const row = await db
    .select({ at: max(otpChallenges.createdAt) })
    .from(otpChallenges)
    .where(eq(otpChallenges.email, email))
    .get();
  return row?.at ?? null;
}

/** A new code for the address, voiding its live ones, in one batch. */
export async function replaceChallenge(
  db: Database,
  c: { id: string; email: string; codeHmac: string; now: number; ttlMs: number },
): Promise<void> {
  await db.batch([
    db
      .update(otpChallenges)
      .set({ voidedAt: c.now })
      .where(
        and(
          eq(otpChallenges.email, c.email),
          isNull(otpChallenges.consumedAt),
          isNull(otpChallenges.voidedAt),
        ),
      ),
    db.insert(otpChallenges).values({
      id: c.id,
      email: c.email,
      codeHmac: c.codeHmac,
      createdAt: c.now,
      expiresAt: c.now + c.ttlMs,
      attempts: 0,
    }),
  ]);
}

export async function deleteChallenge(db: Database, id: string): Promise<void> {
  await db.delete(otpChallenges).where(eq(otpChallenges.id, id));
}

/**
 * One attempt at the address's latest live code, counted atomically before it is judged, so
 * concurrent guesses can never exceed the limit: a match consumes the code, the last allowed
 * wrong guess voids it. It applies only while the per-IP limit (counted earlier in the batch)
 * holds. SQLite evaluates every SET expression against the row as it was, so `attempts` is the
 * old count.
 */
export function attemptQuery(
  db: Database,
  a: { email: string; hmac: string; now: number; maxAttempts: number; limit: RateLimit },
) {
  return db
    .update(otpChallenges)
    .set({
      attempts: sql`attempts + 1`,
      consumedAt: sql`CASE WHEN code_hmac = ${a.hmac} THEN ${a.now} END`,
      voidedAt: sql`CASE WHEN code_hmac != ${a.hmac} AND attempts + 1 >= ${a.maxAttempts} THEN ${a.now} END`,
    })
    .where(
      sql`id = (SELECT id FROM ${otpChallenges}
                 WHERE email = ${a.email} AND consumed_at IS NULL AND voided_at IS NULL
                   AND expires_at > ${a.now} AND attempts < ${a.maxAttempts}
                 ORDER BY created_at DESC LIMIT 1)
          AND ${underLimit(a.limit)}`,
    )
    .returning({ id: otpChallenges.id, matched: sql<number>`consumed_at IS NOT NULL` });
}

/** `(user_id, otp_challenge_id)` of the account whose code this very batch consumed at `now`. */
export const consumedCodeGrant = (email: string, hmac: string, now: number) => () =>
  sql`SELECT u.id AS user_id, c.id AS otp_challenge_id
        FROM ${users} u JOIN ${otpChallenges} c ON c.email = u.email
       WHERE u.email = ${email} AND c.consumed_at = ${now} AND c.code_hmac = ${hmac}`;

/**
 * The account of a first sign-in — the user, their personal tenant and its ownership — each
 * written only if this batch's attempt consumed the code (and the address has no account yet).
 */
export function createAccountQueries(
  db: Database,
  a: { userId: string; tenantId: string; email: string; hmac: string; now: number },
) {
  const matched = sql`EXISTS (SELECT 1 FROM ${otpChallenges}
                               WHERE email = ${a.email} AND consumed_at = ${a.now} AND code_hmac = ${a.hmac})`;
  const userExists = sql`EXISTS (SELECT 1 FROM ${users} WHERE id = ${a.userId})`;
  return [
    insertSelect(
      db,
      users,
      { id: a.userId, email: a.email, createdAt: a.now },
      sql`WHERE ${matched} AND NOT EXISTS (SELECT 1 FROM ${users} WHERE email = ${a.email})`,
    ),
    insertSelect(
      db,
      tenants,
      { id: a.tenantId, name: "Personal workspace", createdAt: a.now },
      sql`WHERE ${userExists}`,
    ),
    insertSelect(
      db,
      memberships,
      { tenantId: a.tenantId, userId: a.userId, role: "owner", createdAt: a.now },
      sql`WHERE ${userExists}`,
    ),
  ] as const;
}

/** The signed-in account read back in the sign-in's batch (none: no session was written). */
export function signedInAccountQuery(db: Database, sessionId: string, newUserId: string) {
  return db
    .select({
      id: users.id,
      email: users.email,
      createdAt: users.createdAt,
      newUser: sql<number>`${users.id} = ${newUserId}`,
      hasPasskey: sql<number>`EXISTS (SELECT 1 FROM ${passkeys} p WHERE p.user_id = ${users.id})`,
    })
    .from(loginSessions)
    .innerJoin(users, eq(users.id, loginSessions.userId))
    .where(eq(loginSessions.id, sessionId));
}
