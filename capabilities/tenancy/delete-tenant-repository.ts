import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../platform/db/client";
import {
  apiTokens,
  auditOutbox,
  invites,
  memberships,
  ownershipTransfers,
  secretRequests,
  secrets,
  tenantKeys,
  tenants,
} from "../../platform/db/schema";

/** Crypto-shredding: every DEK of the tenant destroyed, its wrapped material erased. */
export const destroyTenantKeys = (db: Database, tenantId: string, now: number) =>
  db
    .update(tenantKeys)
    .set({ state: "destroyed", wrappedIv: null, wrappedDek: null, destroyedAt: now })
    .where(eq(tenantKeys.tenantId, tenantId));

/** Everything of the tenant in D1 but its destroyed keys, in this order (the tenant last). */
export const deleteTenantRows = (db: Database, tenantId: string) =>
  [
    db.delete(secrets).where(eq(secrets.tenantId, tenantId)),
    db.delete(secretRequests).where(eq(secretRequests.tenantId, tenantId)),
    db.delete(apiTokens).where(eq(apiTokens.tenantId, tenantId)),
    db.delete(invites).where(eq(invites.tenantId, tenantId)),
    db.delete(ownershipTransfers).where(eq(ownershipTransfers.tenantId, tenantId)),
    db.delete(memberships).where(eq(memberships.tenantId, tenantId)),
    db.delete(tenants).where(eq(tenants.id, tenantId)),
    db
      .delete(auditOutbox)
      .where(and(eq(auditOutbox.tenantId, tenantId), isNull(auditOutbox.drainedAt))),
  ] as const;

/** The `tenant.deleted` record has no chain left to drain into: drained at once. */
export const markDeletionDrained = (db: Database, tenantId: string, now: number) =>
  db
    .update(auditOutbox)
    .set({ drainedAt: now })
    .where(
      and(
        eq(auditOutbox.tenantId, tenantId),
        eq(auditOutbox.type, "tenant.deleted"),
        isNull(auditOutbox.drainedAt),
      ),
    );
