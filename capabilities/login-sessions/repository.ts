import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Database } from "../../platform/db/client";
import { deviceSignIns, loginEvents, mailJobs, loginSessions } from "../../platform/db/schema";

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
