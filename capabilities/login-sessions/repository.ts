import { and, asc, desc, eq, gt, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import { qualified, type Database } from "../../platform/db/client";
import {
  deviceSignIns,
  loginEvents,
  mailJobs,
  loginSessions,
  users,
} from "../../platform/db/schema";

export type DeviceSignInRow = typeof deviceSignIns.$inferSelect;

/** Signs one session out (a no-op if it already was). */
export async function revokeSession(db: Database, sessionId: string, now: number): Promise<void> {
  await db
    .update(loginSessions)
    .set({ revokedAt: now })
    .where(and(eq(loginSessions.id, sessionId), isNull(loginSessions.revokedAt)));
}

/** A new cross-device request, clearing those an hour past their expiry, in one batch. */
export async function insertDeviceSignIn(
  db: Database,
  row: Omit<typeof deviceSignIns.$inferInsert, "status">,
  now: number,
): Promise<void> {
  await db.batch([
    db.delete(deviceSignIns).where(lt(deviceSignIns.expiresAt, now - 60 * 60 * 1000)),
    db.insert(deviceSignIns).values({ ...row, status: "pending" }),
  ]);
}

export async function deviceSignInBySecret(db: Database, secretHash: string) {
  return db
    .select({
      id: deviceSignIns.id,
      status: deviceSignIns.status,
      expiresAt: deviceSignIns.expiresAt,
      approvedBy: deviceSignIns.approvedBy,
    })
    .from(deviceSignIns)
    .where(eq(deviceSignIns.secretHash, secretHash))
    .get();
}

/** Exactly one poll claims an approved request: the approver's id, or undefined. */
export async function claimApprovedDeviceSignIn(db: Database, id: string, now: number) {
  const row = await db
    .update(deviceSignIns)
    .set({ status: "completed", completedAt: now })
    .where(
      and(
        eq(deviceSignIns.id, id),
        eq(deviceSignIns.status, "approved"),
        gt(deviceSignIns.expiresAt, now),
      ),
    )
    .returning({ approvedBy: deviceSignIns.approvedBy })
    .get();
  return row?.approvedBy ?? undefined;
}

export const linkDeviceSignInSession = (db: Database, id: string, sessionId: string) =>
  db.update(deviceSignIns).set({ sessionId }).where(eq(deviceSignIns.id, id));

export async function pendingDeviceSignInByCode(db: Database, codeHash: string, now: number) {
  return db
    .select({
      id: deviceSignIns.id,
      device: deviceSignIns.device,
      browser: deviceSignIns.browser,
      os: deviceSignIns.os,
      location: deviceSignIns.location,
      ip: deviceSignIns.ip,
      createdAt: deviceSignIns.createdAt,
      expiresAt: deviceSignIns.expiresAt,
    })
    .from(deviceSignIns)
    .where(
      and(
        eq(deviceSignIns.codeHash, codeHash),
        eq(deviceSignIns.status, "pending"),
        gt(deviceSignIns.expiresAt, now),
      ),
    )
    .get();
}

/** Decides a still-pending request (batch it with the security-log entry). */
export const decideDeviceSignIn = (
  db: Database,
  id: string,
  decision: "approved" | "denied",
  approvedBy: string | null,
  now: number,
) =>
  db
    .update(deviceSignIns)
    .set({ status: decision, approvedBy, decidedAt: now })
    .where(
      and(
        eq(deviceSignIns.id, id),
        eq(deviceSignIns.status, "pending"),
        gt(deviceSignIns.expiresAt, now),
      ),
    );

/** The rows a sign-in wrote (`signInStatements`), deleted again (a refused passkey sign-in). */
export const undoSignInQueries = (db: Database, a: { mailJobId: string; sessionId: string }) =>
  [
    db.delete(mailJobs).where(eq(mailJobs.id, a.mailJobId)),
    db.delete(loginEvents).where(eq(loginEvents.sessionId, a.sessionId)),
    db.delete(loginSessions).where(eq(loginSessions.id, a.sessionId)),
  ] as const;

/** Lets a held-back sign-in notification be sent now. */
export const releaseMailJob = (db: Database, mailJobId: string, now: number) =>
  db
    .update(mailJobs)
    .set({ nextAttemptAt: now })
    .where(and(eq(mailJobs.id, mailJobId), isNull(mailJobs.sentAt)));

/** Records a step-up: the session was confirmed now, by `by`. */
export async function markSessionConfirmed(
  db: Database,
  sessionId: string,
  by: string,
  now: number,
): Promise<void> {
  await db
    .update(loginSessions)
    .set({ authenticatedAt: now, authenticatedBy: by })
    .where(eq(loginSessions.id, sessionId));
}

/**
 * What makes a session live at `now`: this token, not revoked, within its absolute lifetime
 * (also when the configured lifetime shrank after sign-in) and its idle timeout.
 */
export interface LiveSessionKey {
  tokenHash: string;
  now: number;
  createdAfter: number;
  seenAfter: number;
}

/** The one definition of a live session, over `sessions` (see `LiveSessionKey`). */
export const isLiveSession = (k: LiveSessionKey) =>
  and(
    eq(loginSessions.tokenHash, k.tokenHash),
    isNull(loginSessions.revokedAt),
    gt(loginSessions.expiresAt, k.now),
    gt(loginSessions.createdAt, k.createdAfter),
    gt(loginSessions.lastSeenAt, k.seenAfter),
  );

/** The columns a session principal is made of (`sessions` joined with `users`). */
export const liveSessionColumns = {
  sessionId: loginSessions.id,
  userId: loginSessions.userId,
  email: users.email,
  authenticatedAt: loginSessions.authenticatedAt,
  lastSeenAt: loginSessions.lastSeenAt,
};

export type LiveSession = {
  [K in keyof typeof liveSessionColumns]: (typeof liveSessionColumns)[K]["_"]["data"];
};

export async function liveSession(db: Database, k: LiveSessionKey): Promise<LiveSession | null> {
  const row = await db
    .select(liveSessionColumns)
    .from(loginSessions)
    .innerJoin(users, eq(users.id, loginSessions.userId))
    .where(isLiveSession(k))
    .get();
  return row ?? null;
}

/** Renews a session's idle timer. */
export async function touchSession(db: Database, sessionId: string, now: number): Promise<void> {
  await db.update(loginSessions).set({ lastSeenAt: now }).where(eq(loginSessions.id, sessionId));
}

/** How many sessions of the person are not revoked (expired ones included). */
export async function unrevokedSessionCount(db: Database, userId: string): Promise<number> {
  const row = await db
    .select({ n: sql<number>`COUNT(*)` })
    .from(loginSessions)
    .where(and(eq(loginSessions.userId, userId), isNull(loginSessions.revokedAt)))
    .get();
  return row?.n ?? 0;
}

/** Signs out every session of the person (for a batch; its `meta.changes` is how many). */
export const revokeSessionsOf = (db: Database, userId: string, now: number) =>
  db
    .update(loginSessions)
    .set({ revokedAt: now })
    .where(and(eq(loginSessions.userId, userId), isNull(loginSessions.revokedAt)));

/** How a mail job is retried: at most `maxAttempts`, backing off from `baseMs` up to `maxMs`. */
export interface MailRetry {
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

/**
 * Claims a due mail job for one attempt: counts it and pushes its next attempt into the future
 * (exponential backoff), so a concurrent run cannot send it too. Undefined if not due.
 */
export async function claimMailJob(db: Database, id: string, now: number, retry: MailRetry) {
  return db
    .update(mailJobs)
    .set({
      attempts: sql`${mailJobs.attempts} + 1`,
      nextAttemptAt: sql`${now} + MIN(${retry.maxMs}, ${retry.baseMs} * (1 << MIN(${mailJobs.attempts}, 16)))`,
    })
    .where(
      and(
        eq(mailJobs.id, id),
        isNull(mailJobs.sentAt),
        lte(mailJobs.nextAttemptAt, now),
        lt(mailJobs.attempts, retry.maxAttempts),
      ),
    )
    .returning({ kind: mailJobs.kind, ref: mailJobs.ref, attempts: mailJobs.attempts })
    .get();
}

export async function markMailSent(db: Database, id: string, providerId: string, now: number) {
  await db
    .update(mailJobs)
    .set({ sentAt: now, providerId, lastError: null })
    .where(eq(mailJobs.id, id));
}

/** Records a failed attempt; a final one (`usedUp`: the attempt limit) ends the retries. */
export async function markMailFailed(db: Database, id: string, error: string, usedUp?: number) {
  await db
    .update(mailJobs)
    .set(usedUp === undefined ? { lastError: error } : { lastError: error, attempts: usedUp })
    .where(eq(mailJobs.id, id));
}

/** Up to `limit` unsent jobs whose next attempt is due, the most overdue first. */
export async function dueMailJobIds(db: Database, now: number, maxAttempts: number, limit: number) {
  const rows = await db
    .select({ id: mailJobs.id })
    .from(mailJobs)
    .where(
      and(
        isNull(mailJobs.sentAt),
        lte(mailJobs.nextAttemptAt, now),
        lt(mailJobs.attempts, maxAttempts),
      ),
    )
    .orderBy(asc(mailJobs.nextAttemptAt))
    .limit(limit)
    .all();
  return rows.map((r) => r.id);
}

/** A sign-in with its person's address: what its notification shows. */
export async function loginEventWithEmail(db: Database, id: string) {
  const row = await db
    .select({
      userId: loginEvents.userId,
      email: users.email,
      method: loginEvents.method,
      newDevice: loginEvents.newDevice,
      ip: loginEvents.ip,
      device: loginEvents.device,
      browser: loginEvents.browser,
      os: loginEvents.os,
      location: loginEvents.location,
      createdAt: loginEvents.createdAt,
    })
    .from(loginEvents)
    .innerJoin(users, eq(users.id, loginEvents.userId))
    .where(eq(loginEvents.id, id))
    .get();
  return row ?? null;
}

/** The person's live sessions (by lifetime and idle timeout), last used first, with where each began. */
export async function liveSessionsOf(
  db: Database,
  a: { userId: string; now: number; createdAfter: number; seenAfter: number },
) {
  return db
    .select({
      id: loginSessions.id,
      authMethod: loginSessions.authMethod,
      createdAt: loginSessions.createdAt,
      lastSeenAt: loginSessions.lastSeenAt,
      expiresAt: loginSessions.expiresAt,
      ip: loginSessions.ip,
      userAgent: loginSessions.userAgent,
      location: sql<string | null>`(SELECT ${loginEvents.location} FROM ${loginEvents}
                                     WHERE ${loginEvents.sessionId} = ${qualified(loginSessions.id)})`,
    })
    .from(loginSessions)
    .where(
      and(
        eq(loginSessions.userId, a.userId),
        isNull(loginSessions.revokedAt),
        gt(loginSessions.expiresAt, a.now),
        gt(loginSessions.createdAt, a.createdAfter),
        gt(loginSessions.lastSeenAt, a.seenAfter),
      ),
    )
    .orderBy(desc(loginSessions.lastSeenAt))
    .all();
}

/** Signs out one of the person's sessions (for a batch; `meta.changes` 0: none such live). */
export const revokeSessionOf = (db: Database, userId: string, sessionId: string, now: number) =>
  db
    .update(loginSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(loginSessions.id, sessionId),
        eq(loginSessions.userId, userId),
        isNull(loginSessions.revokedAt),
      ),
    );

/** Signs out every session of the person, or every one but `keep` (for a batch). */
export const revokeSessionsOfExcept = (
  db: Database,
  userId: string,
  keep: string | null,
  now: number,
) =>
  db
    .update(loginSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(loginSessions.userId, userId),
        isNull(loginSessions.revokedAt),
        keep === null ? undefined : ne(loginSessions.id, keep),
      ),
    );

/** A page of the person's sign-ins, newest first, after the cursor (`beforeTime`, `afterId`). */
export async function loginEventsPage(
  db: Database,
  a: { userId: string; beforeTime: number; afterId: string; limit: number },
) {
  return db
    .select({
      id: loginEvents.id,
      session_id: loginEvents.sessionId,
      method: loginEvents.method,
      new_device: loginEvents.newDevice,
      created_at: loginEvents.createdAt,
      ip: loginEvents.ip,
      location: loginEvents.location,
      device: loginEvents.device,
      browser: loginEvents.browser,
      os: loginEvents.os,
    })
    .from(loginEvents)
    .where(
      and(
        eq(loginEvents.userId, a.userId),
        or(
          lt(loginEvents.createdAt, a.beforeTime),
          and(eq(loginEvents.createdAt, a.beforeTime), gt(loginEvents.id, a.afterId)),
        ),
      ),
    )
    .orderBy(desc(loginEvents.createdAt), asc(loginEvents.id))
    .limit(a.limit)
    .all();
}
