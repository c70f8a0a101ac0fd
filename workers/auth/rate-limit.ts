import { errors } from "../http/errors";

export interface RateLimit {
  /** Namespaced key, e.g. `otp-start:ip:203.0.113.9`. */
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * Fixed-window counter in D1, counted atomically in one upsert. Throws 429 with Retry-After
 * once the window's limit is exceeded.
 */
export async function enforceRateLimit(
  db: D1Database,
  rule: RateLimit,
  now: number,
): Promise<void> {
  const windowStart = now - (now % rule.windowMs);
  const row = await db
    .prepare(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, 1)
       ON CONFLICT(key) DO UPDATE SET
         count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
         window_start = excluded.window_start
       RETURNING count`,
    )
    .bind(rule.key, windowStart)
    .first<{ count: number }>();
  if (row && row.count > rule.limit) {
    throw errors.rateLimited(Math.max(1, Math.ceil((windowStart + rule.windowMs - now) / 1000)));
  }
}
