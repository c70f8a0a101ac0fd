import { and, asc, eq, gte, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { qualified, type Database } from "../../platform/db/client";
import {
  apiTokens,
  deviceSignIns,
  emailChanges,
  loginEvents,
  mailJobs,
  mcpGrants,
  memberships,
  otpChallenges,
  passkeys,
  securityEvents,
  loginSessions,
  tenants,
  users,
  webauthnChallenges,
} from "../../platform/db/schema";
import {
  isLiveSession,
  liveSessionColumns,
  type LiveSessionKey,
} from "../login-sessions/repository";
import { countHit, type RateLimit } from "../../platform/rate-limit";

/**
 * Counts one attempt at the person's latest live email-change code, with the rate limit, in one
 * batch: the window's count and the change attempted (none: no live change).
 */
export async function attemptEmailChange(
  db: Database,
  a: { userId: string; limit: RateLimit; now: number; maxAttempts: number },
) {
  const [hit, attempted] = await db.batch([
    countHit(db, a.limit, a.now),
    db
      .update(emailChanges)
      .set({ attempts: sql`attempts + 1` })
      .where(
        sql`id = (SELECT id FROM ${emailChanges}
                   WHERE user_id = ${a.userId} AND confirmed_at IS NULL AND voided_at IS NULL
                     AND expires_at > ${a.now} AND attempts < ${a.maxAttempts}
                   ORDER BY created_at DESC LIMIT 1)`,
      )
      .returning({
        id: emailChanges.id,
        fromEmail: emailChanges.fromEmail,
        toEmail: emailChanges.toEmail,
        codeHmac: emailChanges.codeHmac,
        attempts: emailChanges.attempts,
      }),
  ]);
  return { hit: hit[0]?.count, change: attempted[0] };
}

/** A security-log entry with its person's current address: what its notice is made of. */
export async function securityEventWithEmail(db: Database, id: string) {
  const row = await db
    .select({
      userId: securityEvents.userId,
      kind: securityEvents.kind,
      detail: securityEvents.detail,
      createdAt: securityEvents.createdAt,
      email: users.email,
    })
    .from(securityEvents)
    .innerJoin(users, eq(users.id, securityEvents.userId))
    .where(eq(securityEvents.id, id))
    .get();
  return row ? { ...row, userId: row.userId! } : null;
}

/** Whether the "this wasn't me" link of event `linkId` (a sign-in or an email change) was used. */
export async function notMeLinkUsed(db: Database, userId: string, linkId: string) {
  const row = await db
    .select({ x: sql<number>`1` })
    .from(securityEvents)
    .where(and(eq(securityEvents.userId, userId), notMeRevokeOf(linkId)))
    .get();
  return row !== undefined;
}

const notMeRevokeOf = (linkId: string | SQL) =>
  and(
    eq(securityEvents.kind, "not_me_revoke_all"),
    sql`json_extract(${securityEvents.detail}, '$.login_event_id') = ${linkId}`,
  );

/**
 * The person's confirmed email change `id`, with their current address, whether a later change
 * was confirmed since (`newer`) and whether its revert link was already used to sign out (`locked`).
 */
export async function confirmedEmailChange(db: Database, id: string, userId: string) {
  const row = await db
    .select({
      id: emailChanges.id,
      userId: emailChanges.userId,
      sessionId: emailChanges.sessionId,
      fromEmail: emailChanges.fromEmail,
      toEmail: emailChanges.toEmail,
      revertedAt: emailChanges.revertedAt,
      currentEmail: users.email,
      // `n`: a later change of the same person, confirmed after this one.
      newer: sql<number>`EXISTS (SELECT 1 FROM ${emailChanges} n
          WHERE n.user_id = ${qualified(emailChanges.userId)}
            AND n.confirmed_at > ${qualified(emailChanges.confirmedAt)})`.mapWith((v) => v === 1),
      locked: sql<number>`EXISTS (SELECT 1 FROM ${securityEvents}
                                 WHERE ${securityEvents.userId} = ${qualified(emailChanges.userId)}
                                   AND ${notMeRevokeOf(qualified(emailChanges.id))})`.mapWith(
        (v) => v === 1,
      ),
    })
    .from(emailChanges)
    .innerJoin(users, eq(users.id, emailChanges.userId))
    .where(
      and(
        eq(emailChanges.id, id),
        eq(emailChanges.userId, userId),
        isNotNull(emailChanges.confirmedAt),
      ),
    )
    .get();
  return row ?? null;
}

/** The passkeys the person added since session `sessionId` began (those an email revert removes). */
const addedSinceSession = (userId: string, sessionId: string) =>
  and(
    eq(passkeys.userId, userId),
    gte(
      passkeys.createdAt,
      sql`(SELECT ${loginSessions.createdAt} FROM ${loginSessions} WHERE ${loginSessions.id} = ${sessionId})`,
    ),
  );

export async function passkeysAddedSinceCount(db: Database, userId: string, sessionId: string) {
  const row = await db
    .select({ n: sql<number>`COUNT(*)` })
    .from(passkeys)
    .where(addedSinceSession(userId, sessionId))
    .get();
  return row?.n ?? 0;
}

export const deletePasskeysAddedSince = (db: Database, userId: string, sessionId: string) =>
  db.delete(passkeys).where(addedSinceSession(userId, sessionId));

/** Marks a change reverted (once); `restoreEmailAfterRevert` follows it in the batch. */
export const markEmailChangeReverted = (db: Database, id: string, now: number) =>
  db
    .update(emailChanges)
    .set({ revertedAt: now })
    .where(and(eq(emailChanges.id, id), isNull(emailChanges.revertedAt)));

/** Puts the old address back, only if the account still has the new one and this revert won. */
export const restoreEmailAfterRevert = (
  db: Database,
  c: { userId: string; fromEmail: string; toEmail: string; changeId: string; now: number },
) =>
  db
    .update(users)
    .set({ email: c.fromEmail })
    .where(
      and(
        eq(users.id, c.userId),
        eq(users.email, c.toEmail),
        sql`EXISTS (SELECT 1 FROM ${emailChanges} WHERE ${emailChanges.id} = ${c.changeId}
                      AND ${emailChanges.revertedAt} = ${c.now})`,
      ),
    );

/** Voids the person's email changes still waiting for their code. */
export const voidPendingEmailChanges = (db: Database, userId: string, now: number) =>
  db
    .update(emailChanges)
    .set({ voidedAt: now })
    .where(
      and(
        eq(emailChanges.userId, userId),
        isNull(emailChanges.confirmedAt),
        isNull(emailChanges.voidedAt),
      ),
    );

/** Sign-in codes still out for these addresses no longer sign anyone in. */
export const voidSignInCodes = (db: Database, emails: string[], now: number) =>
  db
    .update(otpChallenges)
    .set({ voidedAt: now })
    .where(
      and(
        inArray(otpChallenges.email, emails),
        isNull(otpChallenges.consumedAt),
        isNull(otpChallenges.voidedAt),
      ),
    );

export async function emailInUse(db: Database, email: string): Promise<boolean> {
  const row = await db
    .select({ x: sql<number>`1` })
    .from(users)
    .where(eq(users.email, email))
    .get();
  return row !== undefined;
}

export const insertEmailChange = (
  db: Database,
  row: Omit<typeof emailChanges.$inferInsert, "attempts">,
) => db.insert(emailChanges).values({ ...row, attempts: 0 });

export async function deleteEmailChange(db: Database, id: string): Promise<void> {
  await db.delete(emailChanges).where(eq(emailChanges.id, id));
}

/** Confirms a change still open (its `meta.changes` is 0 if it no longer was). */
export const markEmailChangeConfirmed = (db: Database, id: string, now: number) =>
  db
    .update(emailChanges)
    .set({ confirmedAt: now })
    .where(
      and(eq(emailChanges.id, id), isNull(emailChanges.confirmedAt), isNull(emailChanges.voidedAt)),
    );

/** Switches the address, only if it is still the old one and this confirmation won. */
export const switchEmailAfterConfirm = (
  db: Database,
  c: { userId: string; fromEmail: string; toEmail: string; changeId: string; now: number },
) =>
  db
    .update(users)
    .set({ email: c.toEmail })
    .where(
      and(
        eq(users.id, c.userId),
        eq(users.email, c.fromEmail),
        sql`EXISTS (SELECT 1 FROM ${emailChanges} WHERE ${emailChanges.id} = ${c.changeId}
                      AND ${emailChanges.confirmedAt} = ${c.now})`,
      ),
    );

/** The person's memberships with how many other members, and other owners, each tenant has. */
export async function membershipsWithOthers(db: Database, userId: string) {
  return db
    .select({
      tenantId: memberships.tenantId,
      name: tenants.name,
      role: memberships.role,
      // `o`: the tenant's other members.
      others: sql<number>`(SELECT COUNT(*) FROM ${memberships} o
          WHERE o.tenant_id = ${qualified(memberships.tenantId)} AND o.user_id != ${userId})`,
      otherOwners: sql<number>`(SELECT COUNT(*) FROM ${memberships} o
          WHERE o.tenant_id = ${qualified(memberships.tenantId)} AND o.user_id != ${userId}
            AND o.role = 'owner')`,
    })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .all();
}

/**
 * Deletes the account and everything that is only its own, in this order; what survives is that
 * it existed and was deleted (no address) and the job that mails the confirmation.
 */
export function deleteAccountQueries(
  db: Database,
  a: { userId: string; email: string; now: number; mailJobId: string },
) {
  const u = a.userId;
  return [
    db.delete(loginSessions).where(eq(loginSessions.userId, u)),
    db.delete(passkeys).where(eq(passkeys.userId, u)),
    db.delete(apiTokens).where(eq(apiTokens.createdBy, u)),
    db.delete(mcpGrants).where(eq(mcpGrants.userId, u)),
    db.delete(webauthnChallenges).where(eq(webauthnChallenges.userId, u)),
    db.delete(emailChanges).where(eq(emailChanges.userId, u)),
    db.delete(deviceSignIns).where(eq(deviceSignIns.approvedBy, u)),
    db.delete(loginEvents).where(eq(loginEvents.userId, u)),
    db.delete(securityEvents).where(eq(securityEvents.userId, u)),
    db.delete(memberships).where(eq(memberships.userId, u)),
    db.delete(otpChallenges).where(eq(otpChallenges.email, a.email)),
    db.delete(users).where(eq(users.id, u)),
    db.insert(securityEvents).values({
      id: crypto.randomUUID(),
      userId: u,
      kind: "account_deleted",
      detail: "{}",
      ip: null,
      createdAt: a.now,
    }),
    db.insert(mailJobs).values({
      id: a.mailJobId,
      kind: "account_notice",
      ref: JSON.stringify({ to: a.email, at: a.now }),
      attempts: 0,
      nextAttemptAt: a.now,
      createdAt: a.now,
    }),
  ] as const;
}

/**
 * `GET /api/me` in one round trip: the live session's person (with whether they have a passkey)
 * and their memberships, each gated on the session being live.
 */
export async function meOfLiveSession(db: Database, k: LiveSessionKey) {
  const [me, tenantsOf] = await db.batch([
    db
      .select({
        ...liveSessionColumns,
        createdAt: users.createdAt,
        hasPasskey:
          sql<number>`EXISTS (SELECT 1 FROM ${passkeys} WHERE ${passkeys.userId} = ${qualified(loginSessions.userId)})`.mapWith(
            (v) => v === 1,
          ),
      })
      .from(loginSessions)
      .innerJoin(users, eq(users.id, loginSessions.userId))
      .where(isLiveSession(k)),
    db
      .select({
        tenant_id: memberships.tenantId,
        tenant_name: tenants.name,
        role: memberships.role,
      })
      .from(loginSessions)
      .innerJoin(memberships, eq(memberships.userId, loginSessions.userId))
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(isLiveSession(k))
      .orderBy(asc(memberships.createdAt)),
  ]);
  return { me: me[0], memberships: tenantsOf };
}

/** A page of the person's security log: `security_events` and sign-ins, newest first. */
export async function securityLogPage(
  db: Database,
  a: { userId: string; beforeTime: number; afterId: string; limit: number },
) {
  return db.all<{
    id: string;
    kind: string;
    detail: string;
    ip: string | null;
    created_at: number;
  }>(
    sql`SELECT * FROM (
          SELECT ${securityEvents.id} AS id, ${securityEvents.kind} AS kind,
                 ${securityEvents.detail} AS detail, ${securityEvents.ip} AS ip,
                 ${securityEvents.createdAt} AS created_at
            FROM ${securityEvents} WHERE ${securityEvents.userId} = ${a.userId}
          UNION ALL
          SELECT ${loginEvents.id}, 'sign_in',
                 json_object('method', ${loginEvents.method}, 'device', ${loginEvents.device},
                             'browser', ${loginEvents.browser}, 'os', ${loginEvents.os},
                             'location', ${loginEvents.location},
                             'new_device', ${loginEvents.newDevice}),
                 ${loginEvents.ip}, ${loginEvents.createdAt}
            FROM ${loginEvents} WHERE ${loginEvents.userId} = ${a.userId})
        WHERE created_at < ${a.beforeTime} OR (created_at = ${a.beforeTime} AND id > ${a.afterId})
        ORDER BY created_at DESC, id LIMIT ${a.limit}`,
  );
}
