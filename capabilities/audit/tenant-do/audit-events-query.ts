/** Which audit events a page asks for: after a sequence number, optionally narrowed. */
export interface AuditEventFilter {
  runId?: string;
  type?: string;
  /** Newest first; page on with `beforeSeq` (the last seq shown). */
  order?: "asc" | "desc";
  beforeSeq?: number;
  actorId?: string;
  /** ISO times: `since` inclusive, `until` exclusive. */
  since?: string;
  until?: string;
  /** Case-insensitive text anywhere in the event's JSON. */
  text?: string;
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
  if (filter.beforeSeq !== undefined) {
    where.push("seq < ?");
    params.push(filter.beforeSeq);
  }
  if (filter.actorId !== undefined) {
    where.push("json_extract(event, '$.actor.id') = ?");
    params.push(filter.actorId);
  }
  if (filter.since !== undefined) {
    where.push("json_extract(event, '$.ts') >= ?");
    params.push(filter.since);
  }
  if (filter.until !== undefined) {
    where.push("json_extract(event, '$.ts') < ?");
    params.push(filter.until);
  }
  if (filter.text !== undefined) {
    where.push("instr(lower(event), lower(?)) > 0");
    params.push(filter.text);
  }
  params.push(limit);
  const order = filter.order === "desc" ? "DESC" : "ASC";
  return {
    sql: `SELECT event FROM audit_events WHERE ${where.join(" AND ")} ORDER BY seq ${order} LIMIT ?`,
    params,
  };
}
