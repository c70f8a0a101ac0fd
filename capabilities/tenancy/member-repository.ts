import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Role } from "../../core/permissions";
import type { Database } from "../../platform/db/client";
import { apiTokens, memberships, users } from "../../platform/db/schema";

const memberColumns = {
  user_id: memberships.userId,
  email: users.email,
  role: memberships.role,
  created_at: memberships.createdAt,
};

const membersOf = (db: Database) =>
  db.select(memberColumns).from(memberships).innerJoin(users, eq(users.id, memberships.userId));

export type Member = NonNullable<Awaited<ReturnType<typeof memberById>>>;

export async function memberById(db: Database, tenantId: string, userId: string) {
  const row = await membersOf(db)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .get();
  return row ?? null;
}

export async function membersByTenant(db: Database, tenantId: string) {
  return membersOf(db)
    .where(eq(memberships.tenantId, tenantId))
    .orderBy(asc(memberships.createdAt), asc(users.email))
    .all();
}

/** The member's role in the tenant, or null: the tenant gate's one read. */
export async function roleOf(db: Database, tenantId: string, userId: string) {
  const row = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .get();
  return row?.role ?? null;
}

export async function isMemberByEmail(db: Database, tenantId: string, email: string) {
  const row = await db
    .select({ x: sql<number>`1` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(users.email, email)))
    .get();
  return row !== undefined;
}

export const insertMembership = (
  db: Database,
  m: { tenantId: string; userId: string; role: Role; now: number },
) =>
  db
    .insert(memberships)
    .values({ tenantId: m.tenantId, userId: m.userId, role: m.role, createdAt: m.now });

const ownerCount = (tenantId: string) =>
  sql`(SELECT COUNT(*) FROM memberships WHERE tenant_id = ${tenantId} AND role = 'owner')`;

/** The role change, only if the member still has `from` and an owner remains. */
export const updateRoleIfUnchanged = (
  db: Database,
  a: { tenantId: string; userId: string; from: Role; to: Role },
) =>
  db
    .update(memberships)
    .set({ role: a.to })
    .where(
      and(
        eq(memberships.tenantId, a.tenantId),
        eq(memberships.userId, a.userId),
        eq(memberships.role, a.from),
        sql`(${a.from} != 'owner' OR ${a.to} = 'owner' OR ${ownerCount(a.tenantId)} > 1)`,
      ),
    );

/** Their tokens whose role is in `roles`, if they now hold `role` (the change above happened). */
export const revokeTokensAboveRole = (
  db: Database,
  a: { tenantId: string; userId: string; now: number; roles: Role[]; role: Role },
) =>
  db
    .update(apiTokens)
    .set({ revokedAt: a.now })
    .where(
      and(
        eq(apiTokens.tenantId, a.tenantId),
        eq(apiTokens.createdBy, a.userId),
        isNull(apiTokens.revokedAt),
        sql`${apiTokens.role} IN (SELECT value FROM json_each(${JSON.stringify(a.roles)}))`,
        sql`EXISTS (SELECT 1 FROM memberships WHERE tenant_id = ${a.tenantId} AND user_id = ${a.userId} AND role = ${a.role})`,
      ),
    );

/** The membership, unless it is the tenant's last owner. */
export const deleteMembershipUnlessLastOwner = (db: Database, tenantId: string, userId: string) =>
  db
    .delete(memberships)
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.userId, userId),
        sql`(${memberships.role} != 'owner' OR ${ownerCount(tenantId)} > 1)`,
      ),
    );

/** Every live token they created in the tenant, once they are no longer a member. */
export const revokeTokensOfFormerMember = (
  db: Database,
  a: { tenantId: string; userId: string; now: number },
) =>
  db
    .update(apiTokens)
    .set({ revokedAt: a.now })
    .where(
      and(
        eq(apiTokens.tenantId, a.tenantId),
        eq(apiTokens.createdBy, a.userId),
        isNull(apiTokens.revokedAt),
        sql`NOT EXISTS (SELECT 1 FROM memberships WHERE tenant_id = ${a.tenantId} AND user_id = ${a.userId})`,
      ),
    );

export type Batchable = BatchItem<"sqlite">;

export async function emailOfUser(db: Database, userId: string): Promise<string | null> {
  const row = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  return row?.email ?? null;
}
