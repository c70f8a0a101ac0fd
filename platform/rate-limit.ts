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
export function countHit(db: D1Database, rule: RateLimit, now: number): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, 1)
       ON CONFLICT(key) DO UPDATE SET
         count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
         window_start = excluded.window_start
       RETURNING count`,
    )
    .bind(rule.key, windowStart(rule, now));
}

/** SQL condition (for a statement batched after `countHit`) that holds while under the limit. */
export const UNDER_LIMIT_SQL = (keyParam: string, limitParam: string) =>
  `(SELECT count FROM rate_limits WHERE key = ${keyParam}) <= ${limitParam}`;

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
  const row = await countHit(db, rule, now).first<{ count: number }>();
  assertUnderLimit(row?.count, rule, now);
}
