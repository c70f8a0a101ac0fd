import { runInDurableObject } from "cloudflare:test";
import { expect, it } from "vitest";
import type { TenantDO } from "../../../durable-objects/tenant";
import { AuditLog } from "../tenant-do/audit-log";
import { buildAuditTiles } from "../tenant-do/audit-tiles-migration";
import { MIGRATIONS } from "../../../durable-objects/schema";
import { freshTenant, value } from "../../../tests/helpers/tenant-do";

const EVENTS = 600;

it("migrates a log stored before tiles: lines become canonical, tiles are built, proofs agree", async () => {
  const { tenantId, stub } = freshTenant();
  value(await stub.auditHead()); // binds the object to the tenant
  const before = await runInDurableObject(stub, (instance: TenantDO) => {
    const audit = (instance as unknown as { audit: AuditLog }).audit;
    audit.atomically(() => {
      for (let i = 0; i < EVENTS; i++)
        audit.append({
          type: "test.event",
          runId: i % 2 ? `run_${i}` : null,
          stepId: null,
          actor: { kind: "user", id: "u1" },
          data: { i, text: "ü😀", nested: { z: 1, a: [i] } },
          now: Date.UTC(2026, 0, 1) + i,
        });
    });
    return {
      root: audit.root(),
      lines: audit.exportLines(0, EVENTS + 10),
      inclusion: audit.inclusion(300, EVENTS),
      consistency: audit.consistency(257, EVENTS),
    };
  });

  const after = await runInDurableObject(stub, (_: TenantDO, state) => {
    const sql = state.storage.sql;
    // The layout before issue 14: events as JSON.stringify of the event (writer field order),
    // the writer's state in meta, no tiles.
    for (const line of before.lines) {
      const e = JSON.parse(line) as Record<string, unknown>;
      const old = JSON.stringify({
        seq: e.seq,
        ts: e.ts,
        type: e.type,
        run_id: e.run_id,
        step_id: e.step_id,
        actor: e.actor,
        data: e.data,
        prev: e.prev,
        hash: e.hash,
      });
      expect(old).not.toBe(line);
      sql.exec(`UPDATE audit_events SET event = ? WHERE seq = ?`, old, e.seq);
    }
    sql.exec(`DROP TABLE audit_tiles`);
    sql.exec(`INSERT INTO meta (key, value) VALUES ('audit_state', '{"size":0}')`);
    // This migration block, as `migrate` runs it for an object at the version before.
    const block = MIGRATIONS.find((steps) => steps.includes(buildAuditTiles))!;
    for (const step of block)
      if (typeof step === "string") sql.exec(step);
      else step(sql);
    const audit = new AuditLog(state.storage, () => tenantId, undefined);
    return {
      root: audit.root(),
      lines: audit.exportLines(0, EVENTS + 10),
      inclusion: audit.inclusion(300, EVENTS),
      consistency: audit.consistency(257, EVENTS),
      tiles: sql
        .exec(`SELECT level, idx, length(hashes) AS n FROM audit_tiles ORDER BY level, idx`)
        .toArray(),
      state: sql.exec(`SELECT 1 FROM meta WHERE key = 'audit_state'`).toArray().length,
    };
  });
  expect(after.lines).toEqual(before.lines);
  expect(after.root).toBe(before.root);
  expect(after.inclusion).toEqual(before.inclusion);
  expect(after.consistency).toEqual(before.consistency);
  expect(after.tiles).toEqual([
    { level: 0, idx: 0, n: 256 * 32 },
    { level: 0, idx: 1, n: 256 * 32 },
    { level: 1, idx: 0, n: 2 * 32 },
  ]);
  expect(after.state).toBe(0);
});
