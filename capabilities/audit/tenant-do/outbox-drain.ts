import type { AuditLog } from "./audit-log";
import type { ClockPort, D1Port } from "../../../platform/ports";
import type { Actor, JsonValue } from "../../../platform/tenant-types";

const DRAIN_PAGE = 100;

interface OutboxRow {
  id: number;
  type: string;
  actor: string;
  data: string;
  created_at: number;
}

/**
 * Pulls the tenant's pending D1 audit-outbox rows into the hash chain (issue 11). Idempotent by
 * outbox id: the highest id applied is stored with the events, in the same SQLite transaction, so
 * a row is appended once even if marking it drained in D1 fails or two drains overlap.
 */
export class OutboxDrain {
  constructor(
    private readonly sql: SqlStorage,
    private readonly audit: AuditLog,
    private readonly ports: { db: D1Port; clock: ClockPort },
  ) {}

  private applied(): number {
    const row = this.sql
      .exec<{ value: string }>(`SELECT value FROM meta WHERE key = 'outbox_applied'`)
      .toArray()[0];
    return row ? Number(row.value) : 0;
  }

  /** Returns how many events were appended. */
  async drain(tenantId: string): Promise<number> {
    let appended = 0;
    for (;;) {
      const { results } = await this.ports.db
        .prepare(
          `SELECT id, type, actor, data, created_at FROM audit_outbox
            WHERE tenant_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3`,
        )
        .bind(tenantId, this.applied(), DRAIN_PAGE)
        .all<OutboxRow>();
      if (results.length === 0) break;
      appended += this.audit.atomically(() => {
        let n = 0;
        for (const row of results) {
          if (row.id <= this.applied()) continue; // an overlapping drain got here first
          const actor = JSON.parse(row.actor) as Actor;
          this.audit.append({
            type: row.type,
            runId: null,
            stepId: null,
            actor: { kind: actor.kind, id: actor.id },
            data: JSON.parse(row.data) as JsonValue,
            now: row.created_at,
          });
          this.sql.exec(
            `INSERT INTO meta (key, value) VALUES ('outbox_applied', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
            String(row.id),
          );
          n++;
        }
        return n;
      });
      if (results.length < DRAIN_PAGE) break;
    }
    await this.ports.db
      .prepare(
        "UPDATE audit_outbox SET drained_at = ?3 WHERE tenant_id = ?1 AND id <= ?2 AND drained_at IS NULL",
      )
      .bind(tenantId, this.applied(), this.ports.clock.now())
      .run();
    return appended;
  }
}
