import { interceptD1, type D1Call } from "../../platform/db/intercept";

/**
 * D1's own error messages (developers.cloudflare.com/d1/observability/debug-d1/, and SQLite's
 * as D1 reports them), thrown at the binding boundary the way the binding throws them.
 */
export const D1_ERRORS = {
  locked: "D1_ERROR: database is locked: SQLITE_BUSY",
  overloaded: "D1_ERROR: D1 DB is overloaded. Too many requests queued.",
  queuedTooLong: "D1_ERROR: D1 DB is overloaded. Requests queued for too long.",
  unreachable: "D1_ERROR: Cannot resolve D1 DB due to transient issue on remote node.",
  networkLost: "D1_ERROR: Network connection lost.",
  codeUpdated: "D1_ERROR: D1 DB reset because its code was updated.",
  readOnly: "D1_ERROR: attempt to write a readonly database: SQLITE_READONLY",
} as const;

export interface Fault {
  message: string;
  /** `before`: the call never reaches D1; `after`: it ran, and its answer was lost. */
  when: "before" | "after";
}

export interface RecordedCall extends D1Call {
  executed: boolean;
  failed: string | null;
}

/**
 * The real D1 binding with faults injected by `rule` (called for every round trip, with how
 * many earlier calls it matched): what reached the database is recorded in `calls`.
 */
export function faultyD1(db: D1Database, rule: (call: D1Call) => Fault | undefined) {
  const calls: RecordedCall[] = [];
  const binding = interceptD1(db, async (call, execute) => {
    const fault = rule(call);
    const recorded: RecordedCall = { ...call, executed: false, failed: null };
    calls.push(recorded);
    if (fault?.when === "before") {
      recorded.failed = fault.message;
      throw new Error(fault.message);
    }
    const result = await execute();
    recorded.executed = true;
    if (fault?.when === "after") {
      recorded.failed = fault.message;
      throw new Error(fault.message);
    }
    return result;
  });
  return { binding, calls };
}

const isWrite = (sql: string) => /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql);
export const writes = (call: D1Call) => call.sql.some(isWrite);
export const touches = (table: string) => (call: D1Call) =>
  call.sql.some((sql) => new RegExp(`\\b${table}\\b`, "i").test(sql));
