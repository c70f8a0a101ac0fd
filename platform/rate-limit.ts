import { sql } from "drizzle-orm";
import { database, type Database } from "./db/client";
import { rateLimits } from "./db/schema";
import { errors } from "./http/errors";

export interface RateLimit {
  /** Namespaced key, e.g. `otp-start:ip:203.0.113.9`. */
  key: string;
  limit: number;
  windowMs: number;
}

const windowStart = (rule: RateLimit, now: number) => now - (now % rule.windowMs);

/**
 * Counts one hit in a fixed window with one atomic upsert (`RETURNING count`), so it can ride in
 * a D1 batch with the work it guards.
 */
export function countHit(db: Database, rule: RateLimit, now: number) {
  return db
    .insert(rateLimits)
    .values({ key: rule.key, windowStart: windowStart(rule, now), count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} = excluded.window_start THEN ${rateLimits.count} + 1 ELSE 1 END`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: rateLimits.count });
}

/** SQL condition (for a statement batched after `countHit`) that holds while under the limit. */
export const underLimit = (rule: RateLimit) =>
  sql`(SELECT count FROM rate_limits WHERE key = ${rule.key}) <= ${rule.limit}`;

/** Throws 429 with Retry-After once the window's count is over the limit. */
export function assertUnderLimit(count: number | undefined, rule: RateLimit, now: number): void {
  if (count !== undefined && count > rule.limit) {
    const resetAt = windowStart(rule, now) + rule.windowMs;
    throw errors.rateLimited(Math.max(1, Math.ceil((resetAt - now) / 1000)));
  }
}

export async function enforceRateLimit(
  db: D1Database,
  rule: RateLimit,
  now: number,
): Promise<void> {
  const row = await countHit(database(db), rule, now).get();
  assertUnderLimit(row?.count, rule, now);
}
