/** Users and their personal tenant, created by the first successful email code. */

import { iso } from "../../core/time";

export interface UserRow {
  id: string;
  email: string;
  created_at: number;
}

export async function findUserById(db: D1Database, id: string): Promise<UserRow | null> {
  return db
    .prepare("SELECT id, email, created_at FROM users WHERE id = ?1")
    .bind(id)
    .first<UserRow>();
}

/** Statements that create a user, a personal tenant and the owner membership. */
export function newAccountStatements(db: D1Database, email: string, now: number) {
  const user: UserRow = { id: crypto.randomUUID(), email, created_at: now };
  const tenantId = crypto.randomUUID();
  return {
    user,
    statements: [
      db
        .prepare("INSERT INTO users (id, email, created_at) VALUES (?1, ?2, ?3)")
        .bind(user.id, email, now),
      db
        .prepare("INSERT INTO tenants (id, name, created_at) VALUES (?1, ?2, ?3)")
        .bind(tenantId, "Personal workspace", now),
      db
        .prepare(
          "INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (?1, ?2, 'owner', ?3)",
        )
        .bind(tenantId, user.id, now),
    ],
  };
}

export async function hasPasskey(db: D1Database, userId: string): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS x FROM passkeys WHERE user_id = ?1 LIMIT 1")
    .bind(userId)
    .first();
  return row !== null;
}

export const userJson = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  created_at: iso(u.created_at),
});
