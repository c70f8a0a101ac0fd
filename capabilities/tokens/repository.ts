import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../platform/db/client";
import { apiTokens, users } from "../../platform/db/schema";

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
