import { interceptD1, type D1Call } from "./intercept";

/*
 * D1's transient errors (the messages of https://developers.cloudflare.com/d1/observability/debug-d1/
 * and SQLite's own), by what they say about the statement that failed:
 * - `not_applied`: it never ran (the database was busy, overloaded, unreachable or starting), so
 *   any call, a write too, can be sent again;
 * - `outcome_unknown`: it may have run (the connection or the database went away mid-call), so
 *   only a read-only call is sent again — a write is answered 503 for the client to retry;
 * - `read_only`: the database refuses writes (read-only mode, a read replica): not retried.
 */
export type D1Trouble = "not_applied" | "outcome_unknown" | "read_only";

const NOT_APPLIED =
  /database is locked|SQLITE_BUSY|D1 DB is overloaded|Cannot resolve D1 DB due to transient issue|Internal error while starting up D1 DB storage/i;
const OUTCOME_UNKNOWN =
  /Network connection lost|reset because its code was updated|Internal error in D1 DB storage caused object to be reset|D1 DB storage operation exceeded timeout|client disconnected/i;
const READ_ONLY = /readonly database|read-only database|SQLITE_READONLY/i;

export function classifyD1Error(e: unknown): D1Trouble | null {
  const message = e instanceof Error ? e.message : String(e);
  if (READ_ONLY.test(message)) return "read_only";
  if (NOT_APPLIED.test(message)) return "not_applied";
  if (OUTCOME_UNKNOWN.test(message)) return "outcome_unknown";
  return null;
}

/** A D1 failure the client should retry later: answered 503 with Retry-After. */
export class D1Unavailable extends Error {
  override readonly name = "D1Unavailable";

  constructor(
    readonly trouble: D1Trouble,
    readonly attempts: number,
  ) {
    super(`D1 unavailable (${trouble}) after ${attempts} attempt(s)`);
  }

  /** Seconds the client should wait: a busy database clears fast, read-only mode does not. */
  get retryAfterSeconds(): number {
    return this.trouble === "read_only" ? 30 : 2;
  }
}

const WRITES = /\b(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|VACUUM|ATTACH)\b/i;
const readOnly = (call: D1Call) =>
  call.method !== "exec" && call.sql.every((sql) => /^\s*SELECT\b/i.test(sql) && !WRITES.test(sql));

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First back-off; doubled each time, with full jitter. */
  baseDelayMs: number;
  /** Total time spent waiting between attempts, at most: the request's budget for retries. */
  budgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 25, budgetMs: 400 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The D1 binding every request uses: transient errors are retried with exponential back-off
 * and full jitter within `budgetMs`, and otherwise thrown as `D1Unavailable` (never a bare
 * 500). Any other error (a constraint, a syntax error) passes through unchanged.
 */
export function resilientD1(db: D1Database, policy: RetryPolicy = DEFAULT_RETRY): D1Database {
  return interceptD1(db, async (call, execute) => {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        return await execute();
      } catch (e) {
        const trouble = classifyD1Error(e);
        if (trouble === null) throw e;
        const retryable =
          trouble === "not_applied" || (trouble === "outcome_unknown" && readOnly(call));
        const delay = Math.random() * policy.baseDelayMs * 2 ** (attempt - 1);
        if (!retryable || attempt >= policy.attempts || waited + delay > policy.budgetMs) {
          throw new D1Unavailable(trouble, attempt);
        }
        waited += delay;
        await sleep(delay);
      }
    }
  });
}
