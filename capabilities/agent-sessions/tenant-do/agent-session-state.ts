import type { AgentSessionState, AgentSessionStatus } from "../../../core/agent-sessions/lifecycle";

/** The columns of `agent_sessions` that hold a session's lifecycle state. */
export type AgentSessionStateColumns = {
  status: AgentSessionStatus;
  error: string | null;
  turns: number;
  retries: number;
  retry_at: number | null;
};

/** Reads the stored columns as a state (a row that fits no state is a bug, not input). */
export function stateFromColumns(c: AgentSessionStateColumns): AgentSessionState {
  switch (c.status) {
    case "idle":
      return { status: "idle" };
    case "running":
      return { status: "running", turns: c.turns, retries: c.retries, retryAt: c.retry_at };
    case "waiting_approval":
      return { status: "waiting_approval", turns: c.turns };
    case "error":
      return { status: "error", error: c.error ?? "" };
    case "cancelled":
      return { status: "cancelled" };
  }
}

export function columnsOfState(s: AgentSessionState): AgentSessionStateColumns {
  return {
    status: s.status,
    error: s.status === "error" ? s.error : null,
    turns: s.status === "running" || s.status === "waiting_approval" ? s.turns : 0,
    retries: s.status === "running" ? s.retries : 0,
    retry_at: s.status === "running" ? s.retryAt : null,
  };
}

/** Writes a state; `updated_at` moves only when the status does (as the session list shows it). */
export function storeState(
  sql: SqlStorage,
  id: string,
  before: AgentSessionState,
  after: AgentSessionState,
  now: number,
): void {
  const c = columnsOfState(after);
  sql.exec(
    `UPDATE agent_sessions SET status = ?, error = ?, turns = ?, retries = ?, retry_at = ?,
       updated_at = CASE WHEN ? THEN ? ELSE updated_at END
     WHERE id = ?`,
    c.status,
    c.error,
    c.turns,
    c.retries,
    c.retry_at,
    before.status !== after.status ? 1 : 0,
    now,
    id,
  );
}
