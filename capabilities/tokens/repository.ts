import { and, desc, eq, gt, isNull, lte, or } from "drizzle-orm";
import type { Database } from "../../platform/db/client";
import { apiTokens, memberships, users } from "../../platform/db/schema";

export type ApiToken = typeof apiTokens.$inferSelect;

export async function tokensOfTenant(db: Database, tenantId: string) {
  return db
    .select({ token: apiTokens, creatorEmail: users.email })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.tenantId, tenantId))
    .orderBy(desc(apiTokens.createdAt))
    .limit(500)
    .all();
}

export async function liveTokenById(db: Database, tenantId: string, id: string) {
  const row = await db
    .select({ name: apiTokens.name, role: apiTokens.role, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.tenantId, tenantId), isNull(apiTokens.revokedAt)))
    .get();
  return row ?? null;
}

export const insertToken = (db: Database, token: ApiToken) => db.insert(apiTokens).values(token);

export const revokeLiveToken = (db: Database, tenantId: string, id: string, now: number) =>
  db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(
      and(eq(apiTokens.id, id), eq(apiTokens.tenantId, tenantId), isNull(apiTokens.revokedAt)),
    );

/** Not revoked and not expired at `now`. */
const live = (now: number) =>
  and(isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)));

/** Joined on a token: its creator is still a member of its tenant (a missed revocation still holds). */
const creatorIsMember = and(
  eq(memberships.tenantId, apiTokens.tenantId),
  eq(memberships.userId, apiTokens.createdBy),
);

/** The live token with this hash, whose creator is still a member: the bearer's one read. */
export async function liveTokenByHash(db: Database, tokenHash: string, now: number) {
  const row = await db
    .select({
      id: apiTokens.id,
      tenantId: apiTokens.tenantId,
      role: apiTokens.role,
      createdBy: apiTokens.createdBy,
      lastUsedAt: apiTokens.lastUsedAt,
      scopes: apiTokens.scopes,
    })
    .from(apiTokens)
    .innerJoin(memberships, creatorIsMember)
    .where(and(eq(apiTokens.tokenHash, tokenHash), live(now)))
    .get();
  return row ?? null;
}

/** The role of the tenant's live token `id` whose creator is still a member, or null. */
export async function liveTokenRole(db: Database, tenantId: string, id: string, now: number) {
  const row = await db
    .select({ role: apiTokens.role })
    .from(apiTokens)
    .innerJoin(memberships, creatorIsMember)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.tenantId, tenantId), live(now)))
    .get();
  return row?.role ?? null;
}

/** Records a use, unless another request recorded one since `notAfter`. */
export async function touchTokenLastUsed(db: Database, id: string, now: number, notAfter: number) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, id),
        or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, notAfter)),
      ),
    );
}
