/** Which audit events a page asks for: after a sequence number, optionally one run or type. */
export interface AuditEventFilter {
  runId?: string;
  type?: string;
}

/**
 * The page's SELECT, built for exactly the filters given (no `? IS NULL OR …` terms, which
 * SQLite cannot plan with an index): a run filter is served by `audit_events_run (run_id, seq)`,
 * anything else walks the primary key from `afterSeq`.
 */
export function auditEventsQuery(
  afterSeq: number,
  limit: number,
  filter: AuditEventFilter,
): { sql: string; params: (string | number)[] } {
  const where = ["seq > ?"];
  const params: (string | number)[] = [afterSeq];
  if (filter.runId !== undefined) {
    where.push("run_id = ?");
    params.push(filter.runId);
  }
  if (filter.type !== undefined) {
    where.push("type = ?");
    params.push(filter.type);
  }
  params.push(limit);
  return {
    sql: `SELECT event FROM audit_events WHERE ${where.join(" AND ")} ORDER BY seq LIMIT ?`,
    params,
  };
}
