/** Users (created with their personal tenant by the first successful email code). */

import { eq } from "drizzle-orm";
import { iso } from "../../core/time";
import type { Database } from "../../platform/db/client";
import { passkeys, users } from "../../platform/db/schema";

export type UserRow = typeof users.$inferSelect;

export async function findUserById(db: Database, id: string): Promise<UserRow | null> {
  return (await db.select().from(users).where(eq(users.id, id)).get()) ?? null;
}

export async function hasPasskey(db: Database, userId: string): Promise<boolean> {
  const row = await db
    .select({ id: passkeys.id })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .limit(1)
    .get();
  return row !== undefined;
}

export const userJson = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  created_at: iso(u.createdAt),
});
