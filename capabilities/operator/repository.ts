import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/client";
import { devOutbox, healthProbe } from "../../platform/db/schema";

/** A read of `/health`'s probe row: proves D1 answers. */
export async function readHealthProbe(db: Database): Promise<void> {
  await db
    .select({ checkedAt: healthProbe.checkedAt })
    .from(healthProbe)
    .where(eq(healthProbe.id, 1))
    .get();
}

/** An upsert of `/health`'s probe row: proves D1 takes writes (read-only mode shows). */
export async function writeHealthProbe(db: Database, now: number): Promise<void> {
  await db
    .insert(healthProbe)
    .values({ id: 1, checkedAt: now })
    .onConflictDoUpdate({ target: healthProbe.id, set: { checkedAt: sql`excluded.checked_at` } });
}

/** The development mailbox, newest first (ties: the later insert first). */
export async function latestDevMail(db: Database, limit: number) {
  return db
    .select()
    .from(devOutbox)
    .orderBy(desc(devOutbox.createdAt), desc(sql`rowid`))
    .limit(limit)
    .all();
}
