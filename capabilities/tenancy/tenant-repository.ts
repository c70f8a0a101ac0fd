import { eq, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client";
import { tenants } from "../../platform/db/schema";

export type Tenant = typeof tenants.$inferSelect;

export async function tenantById(db: Database, id: string): Promise<Tenant | null> {
  return (await db.select().from(tenants).where(eq(tenants.id, id)).get()) ?? null;
}

export async function tenantNameById(db: Database, id: string): Promise<string | null> {
  const row = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, id)).get();
  return row?.name ?? null;
}

export async function tenantExists(db: Database, id: string): Promise<boolean> {
  const row = await db
    .select({ x: sql<number>`1` })
    .from(tenants)
    .where(eq(tenants.id, id))
    .get();
  return row !== undefined;
}

export async function tokensMayApprove(db: Database, id: string): Promise<boolean> {
  const row = await db
    .select({ tokensMayApprove: tenants.tokensMayApprove })
    .from(tenants)
    .where(eq(tenants.id, id))
    .get();
  return row?.tokensMayApprove === true;
}

export const insertTenant = (db: Database, t: { id: string; name: string; now: number }) =>
  db.insert(tenants).values({ id: t.id, name: t.name, createdAt: t.now });

/** Sets what is given; `undefined` leaves a column as it is. */
export const updateTenant = (
  db: Database,
  id: string,
  change: { name?: string; tokensMayApprove?: boolean },
) =>
  db
    .update(tenants)
    .set({
      name: sql`COALESCE(${change.name ?? null}, ${tenants.name})`,
      tokensMayApprove: sql`COALESCE(${change.tokensMayApprove === undefined ? null : change.tokensMayApprove ? 1 : 0}, ${tenants.tokensMayApprove})`,
    })
    .where(eq(tenants.id, id));
