import type { AuditLog } from "./audit-log";
import type { ClockPort, D1Port } from "../../../platform/ports";
import type { Actor, JsonValue } from "../../../platform/tenant-types";
import { database } from "../../../platform/db/client";
import { markOutboxDrained, outboxRowsAfter } from "../outbox-repository";

const DRAIN_PAGE = 100;

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
      const results = await outboxRowsAfter(
        database(this.ports.db),
        tenantId,
        this.applied(),
        DRAIN_PAGE,
      );
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
            now: row.createdAt,
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
    await markOutboxDrained(
      database(this.ports.db),
      tenantId,
      this.applied(),
      this.ports.clock.now(),
    );
    return appended;
  }
}
