import { formatEventLine } from "../../../core/audit/export-format";
import type { HashedAuditEvent } from "../../../core/audit/event";
import { TileBuilder } from "../../../core/audit/tiles";
import { fromHex } from "../../../core/encoding";
import { storeTile } from "./audit-tiles";
import { WORKERD_SHA256 } from "../../../platform/sha256";

const PAGE = 1000;

/**
 * Issue 14: an existing log gets its tiles, and each stored event becomes its export line (the
 * canonical JSON that was hashed, with `hash`), so export and tiles never recompute either. The
 * writer's per-event state row goes: it is derived from rows and tiles now. Idempotent.
 */
export function buildAuditTiles(sql: SqlStorage): void {
  const builder = new TileBuilder([], WORKERD_SHA256);
  for (let after = 0; ;) {
    const rows = sql
      .exec<{ seq: number; event: string; leaf_hash: string }>(
        `SELECT seq, event, leaf_hash FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?`,
        after,
        PAGE,
      )
      .toArray();
    for (const row of rows) {
      const line = formatEventLine(JSON.parse(row.event) as HashedAuditEvent);
      if (line !== row.event)
        sql.exec(`UPDATE audit_events SET event = ? WHERE seq = ?`, line, row.seq);
      for (const w of builder.append(fromHex(row.leaf_hash), row.seq - 1)) storeTile(sql, w);
    }
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.seq;
  }
  sql.exec(`DELETE FROM meta WHERE key = 'audit_state'`);
}
