import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import type { Database } from "../../platform/db/client";
import { memberships, mcpGrants, tenants, users } from "../../platform/db/schema";

const g = mcpGrants;

/** The tenant's grants, newest first: everyone's, or only `userId`'s. */
export async function grantsOfTenant(db: Database, tenantId: string, onlyUserId: string | null) {
  const who: SQL | undefined = onlyUserId === null ? undefined : eq(g.userId, onlyUserId);
  return db
    .select({
      id: g.id,
      client_id: g.clientId,
      client_name: g.clientName,
      redirect_host: g.redirectHost,
      user_id: g.userId,
      user_email: users.email,
      scopes: g.scopes,
      created_at: g.createdAt,
      last_used_at: g.lastUsedAt,
      revoked_at: g.revokedAt,
    })
    .from(g)
    .innerJoin(users, eq(users.id, g.userId))
    .where(and(eq(g.tenantId, tenantId), who))
    .orderBy(desc(g.createdAt))
    .limit(200)
    .all();
}
export type GrantListing = Awaited<ReturnType<typeof grantsOfTenant>>[number];

export async function liveGrantById(db: Database, tenantId: string, id: string) {
  const row = await db
    .select({ user_id: g.userId, client_id: g.clientId, client_name: g.clientName })
    .from(g)
    .where(and(eq(g.id, id), eq(g.tenantId, tenantId), isNull(g.revokedAt)))
    .get();
  return row ?? null;
}

export const revokeGrant = (db: Database, id: string, now: number) =>
  db
    .update(g)
    .set({ revokedAt: now })
    .where(and(eq(g.id, id), isNull(g.revokedAt)));

/** A live grant of a person still a member, with their email and current role. */
export async function liveGrantOfMember(
  db: Database,
  a: { id: string; tenantId: string; userId: string },
) {
  const row = await db
    .select({
      id: g.id,
      client_id: g.clientId,
      client_name: g.clientName,
      user_id: g.userId,
      email: users.email,
      role: memberships.role,
      last_used_at: g.lastUsedAt,
    })
    .from(g)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, g.tenantId), eq(memberships.userId, g.userId)),
    )
    .innerJoin(users, eq(users.id, g.userId))
    .where(
      and(eq(g.id, a.id), eq(g.tenantId, a.tenantId), eq(g.userId, a.userId), isNull(g.revokedAt)),
    )
    .get();
  return row ?? null;
}

export async function touchGrant(db: Database, id: string, now: number): Promise<void> {
  await db.update(g).set({ lastUsedAt: now }).where(eq(g.id, id)).run();
}

/** The person's role in the tenant and the tenant's name, for the consent page. */
export async function membershipWithTenantName(db: Database, tenantId: string, userId: string) {
  const row = await db
    .select({ role: memberships.role, name: tenants.name })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .get();
  return row ?? null;
}

export type NewGrant = Pick<
  typeof g.$inferInsert,
  "id" | "tenantId" | "userId" | "clientId" | "clientName" | "redirectHost" | "scopes" | "createdAt"
>;

/** The new grant replaces any live one of the same person, client and tenant, in one batch. */
export async function replaceGrant(db: Database, grant: NewGrant): Promise<void> {
  await db.batch([
    db
      .update(g)
      .set({ revokedAt: grant.createdAt })
      .where(
        and(
          eq(g.tenantId, grant.tenantId),
          eq(g.userId, grant.userId),
          eq(g.clientId, grant.clientId),
          isNull(g.revokedAt),
        ),
      ),
    db.insert(g).values(grant),
  ]);
}
