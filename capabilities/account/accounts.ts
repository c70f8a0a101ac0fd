/** Users (created with their personal tenant by the first successful email code). */

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
