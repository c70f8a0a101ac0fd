import { runInDurableObject } from "cloudflare:test";
import { expect, it } from "vitest";
import type { TenantDO } from "../../../durable-objects/tenant";
import { applyMigration, MIGRATIONS } from "../../../durable-objects/schema";
import { AGENT, ALICE, freshTenant, POLICY, value } from "../../../tests/helpers/tenant-do";

const DROP_CHECKPOINTS = `DROP TABLE checkpoints`;

it("drops the checkpoint copies and stored step counts of an object from before issue 14, keeping its steps", async () => {
  const { stub } = freshTenant();
  const policy = value(await stub.createPolicy(POLICY, ALICE));
  value(await stub.activatePolicy(policy.version, ALICE));
  const runId = value(await stub.openRun({ agent: "bot", metadata: {} }, ALICE)).id;
  const propose = (tool: string, key: string) =>
    stub.proposeStep(runId, { tool, args: {}, declared: {}, idempotency_key: key }, AGENT, "agent");
  const read = value(await propose("read_file", "a"));
  const pay = value(await propose("pay", "b"));
  expect([read.status, pay.status]).toEqual(["executing", "awaiting_approval"]);

  const migrated = await runInDurableObject(stub, (_: TenantDO, state) => {
    const sql = state.storage.sql;
    // The tables as an object migrated before this block has them: a copy of each executing
    // step's checkpoint in a table of its own, and a stored step count on the run.
    sql.exec(`CREATE TABLE checkpoints (
       step_id TEXT PRIMARY KEY, run_id TEXT NOT NULL, seq INTEGER NOT NULL,
       exec_args TEXT NOT NULL, created_at INTEGER NOT NULL)`);
    sql.exec(`INSERT INTO checkpoints VALUES (?, ?, 1, '{}', 1111)`, read.step_id, runId);
    sql.exec(`ALTER TABLE runs ADD COLUMN step_count INTEGER NOT NULL DEFAULT 0`);
    sql.exec(`UPDATE runs SET step_count = 2`);

    applyMigration(
      sql,
      MIGRATIONS.find((steps) => steps.includes(DROP_CHECKPOINTS))!,
    );
    return {
      steps: sql.exec(`SELECT id, status, exec_args FROM steps ORDER BY seq`).toArray(),
      tables: sql
        .exec(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'checkpoints'`)
        .toArray(),
      runs: sql.exec<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE name = 'runs'`).one()
        .sql,
    };
  });

  // The checkpoint is the step row itself, and it is kept.
  expect(migrated.steps).toEqual([
    { id: read.step_id, status: "executing", exec_args: "{}" },
    { id: pay.step_id, status: "awaiting_approval", exec_args: "{}" },
  ]);
  expect(migrated.tables).toEqual([]);
  expect(migrated.runs).not.toContain("step_count");
  // The count comes from the steps themselves, and the next step follows them.
  expect(value(await stub.getRun(runId)).step_count).toBe(2);
  expect(value(await propose("read_file", "c")).seq).toBe(3);
  expect(value(await stub.getRun(runId)).step_count).toBe(3);
  expect(value(await stub.listRuns({ limit: 10 })).runs[0]!.step_count).toBe(3);
});
