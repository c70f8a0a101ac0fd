import { and, desc, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Database } from "../../platform/db/client";
import {
  apiTokens,
  memberships,
  ownershipTransfers,
  tenants,
  users,
} from "../../platform/db/schema";

const fromUser = alias(users, "fu");
const toUser = alias(users, "tu");
const o = ownershipTransfers;

/** Pending (not closed) transfers with the tenant's name and both people's addresses. */
const pendingWhere = (db: Database, where: SQL | undefined) =>
  db
    .select({
      id: o.id,
      tenant_id: o.tenantId,
      tenant_name: tenants.name,
      from_user_id: o.fromUserId,
      from_email: fromUser.email,
      to_user_id: o.toUserId,
      to_email: toUser.email,
      created_at: o.createdAt,
      expires_at: o.expiresAt,
    })
    .from(o)
    .innerJoin(tenants, eq(tenants.id, o.tenantId))
    .innerJoin(fromUser, eq(fromUser.id, o.fromUserId))
    .innerJoin(toUser, eq(toUser.id, o.toUserId))
    .where(and(isNull(o.closedAt), where));

export type PendingTransfer = NonNullable<Awaited<ReturnType<typeof pendingTransferById>>>;

export async function pendingTransferById(db: Database, id: string) {
  return (await pendingWhere(db, eq(o.id, id)).get()) ?? null;
}

export async function pendingTransferTo(db: Database, id: string, userId: string) {
  return (await pendingWhere(db, and(eq(o.id, id), eq(o.toUserId, userId))).get()) ?? null;
}

export async function liveTransferOfTenant(db: Database, tenantId: string, now: number) {
  return (
    (await pendingWhere(db, and(eq(o.tenantId, tenantId), gt(o.expiresAt, now))).get()) ?? null
  );
}

export async function liveTransfersTo(db: Database, userId: string, now: number) {
  return pendingWhere(db, and(eq(o.toUserId, userId), gt(o.expiresAt, now)))
    .orderBy(desc(o.createdAt))
    .all();
}

export const cancelPendingTransfers = (db: Database, tenantId: string, now: number) =>
  db
    .update(o)
    .set({ closedAt: now, outcome: "cancelled" })
    .where(and(eq(o.tenantId, tenantId), isNull(o.closedAt)));

export const insertTransfer = (
  db: Database,
  t: {
    id: string;
    tenantId: string;
    fromUserId: string;
    toUserId: string;
    now: number;
    expiresAt: number;
  },
) =>
  db.insert(o).values({
    id: t.id,
    tenantId: t.tenantId,
    fromUserId: t.fromUserId,
    toUserId: t.toUserId,
    createdAt: t.now,
    expiresAt: t.expiresAt,
  });

export const declineTransfer = (db: Database, id: string, now: number) =>
  db
    .update(o)
    .set({ closedAt: now, outcome: "declined" })
    .where(and(eq(o.id, id), isNull(o.closedAt)));

/**
 * Acceptance: the first query closes the offer while it is open, in time, its recipient still a
 * member and its sender still an owner; the role and token changes hold only if it did.
 */
export function acceptTransferQueries(
  db: Database,
  a: { id: string; tenantId: string; toUserId: string; fromUserId: string; now: number },
) {
  const accepted = sql`EXISTS (SELECT 1 FROM ownership_transfers WHERE id = ${a.id} AND outcome = 'accepted' AND closed_at = ${a.now})`;
  return {
    close: db
      .update(o)
      .set({ closedAt: a.now, outcome: "accepted" })
      .where(
        and(
          eq(o.id, a.id),
          isNull(o.closedAt),
          gt(o.expiresAt, a.now),
          sql`EXISTS (SELECT 1 FROM memberships WHERE tenant_id = ${a.tenantId} AND user_id = ${a.toUserId})`,
          sql`EXISTS (SELECT 1 FROM memberships WHERE tenant_id = ${a.tenantId} AND user_id = ${a.fromUserId} AND role = 'owner')`,
        ),
      ),
    promote: db
      .update(memberships)
      .set({ role: "owner" })
      .where(
        and(eq(memberships.tenantId, a.tenantId), eq(memberships.userId, a.toUserId), accepted),
      ),
    demote: db
      .update(memberships)
      .set({ role: "admin" })
      .where(
        and(
          eq(memberships.tenantId, a.tenantId),
          eq(memberships.userId, a.fromUserId),
          eq(memberships.role, "owner"),
          accepted,
        ),
      ),
    // The former owner's owner-role tokens go, as with any demotion.
    revokeOwnerTokens: db
      .update(apiTokens)
      .set({ revokedAt: a.now })
      .where(
        and(
          eq(apiTokens.tenantId, a.tenantId),
          eq(apiTokens.createdBy, a.fromUserId),
          eq(apiTokens.role, "owner"),
          isNull(apiTokens.revokedAt),
          accepted,
        ),
      ),
  };
}
