import { and, asc, eq, gt, isNull, lte } from "drizzle-orm";
import type { Database } from "../../platform/db/client";
import { auditOutbox, tenants } from "../../platform/db/schema";

export type OutboxRow = typeof auditOutbox.$inferSelect;

/** Up to `limit` existing tenants with outbox rows still pending (the cron's retry list). */
export async function tenantsWithPendingOutbox(db: Database, limit: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tenantId: auditOutbox.tenantId })
    .from(auditOutbox)
    .innerJoin(tenants, eq(tenants.id, auditOutbox.tenantId))
    .where(isNull(auditOutbox.drainedAt))
    .limit(limit)
    .all();
  return rows.map((r) => r.tenantId);
}

/** The tenant's next `limit` outbox rows after id `after`, in id order. */
export async function outboxRowsAfter(
  db: Database,
  tenantId: string,
  after: number,
  limit: number,
) {
  return db
    .select({
      id: auditOutbox.id,
      type: auditOutbox.type,
      actor: auditOutbox.actor,
      data: auditOutbox.data,
      createdAt: auditOutbox.createdAt,
    })
    .from(auditOutbox)
    .where(and(eq(auditOutbox.tenantId, tenantId), gt(auditOutbox.id, after)))
    .orderBy(asc(auditOutbox.id))
    .limit(limit)
    .all();
}

/** Marks the tenant's rows up to id `upTo` drained (those not marked yet). */
export async function markOutboxDrained(db: Database, tenantId: string, upTo: number, now: number) {
  await db
    .update(auditOutbox)
    .set({ drainedAt: now })
    .where(
      and(
        eq(auditOutbox.tenantId, tenantId),
        lte(auditOutbox.id, upTo),
        isNull(auditOutbox.drainedAt),
      ),
    );
}
