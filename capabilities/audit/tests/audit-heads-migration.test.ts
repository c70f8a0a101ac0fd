import { runInDurableObject } from "cloudflare:test";
import { expect, it } from "vitest";
import type { TenantDO } from "../../../durable-objects/tenant";
import { applyMigration, MIGRATIONS } from "../../../durable-objects/schema";
import { freshTenant, value } from "../../../tests/helpers/tenant-do";

const RENAME_JWS_HEADS = `ALTER TABLE audit_checkpoints RENAME TO audit_heads`;

it("renames the signed-head tables of an object signed before issue 12, keeping every row", async () => {
  const { tenantId, stub } = freshTenant();
  const jws = value(await stub.signHead());
  const note = value(await stub.tlogHead());

  const after = await runInDurableObject(stub, (_: TenantDO, state) => {
    const sql = state.storage.sql;
    // The tables as an object migrated before this block has them.
    sql.exec(`ALTER TABLE audit_heads RENAME TO audit_checkpoints`);
    sql.exec(`ALTER TABLE tlog_heads RENAME TO tlog_checkpoints`);
    const before = {
      jws: sql.exec(`SELECT size, root, jws FROM audit_checkpoints`).toArray(),
      notes: sql.exec(`SELECT size, note, generation FROM tlog_checkpoints`).toArray(),
    };
    applyMigration(
      sql,
      MIGRATIONS.find((steps) => steps.includes(RENAME_JWS_HEADS))!,
    );
    const tables = sql
      .exec<{ name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%checkpoints' ORDER BY name`,
      )
      .toArray()
      .map((t) => t.name);
    return {
      before,
      tables,
      jws: sql.exec(`SELECT size, root, jws FROM audit_heads`).toArray(),
      notes: sql.exec(`SELECT size, note, generation FROM tlog_heads`).toArray(),
    };
  });

  expect(after.before.jws).toEqual([{ size: jws.size, root: jws.root, jws: jws.jws }]);
  expect(after.before.notes).toHaveLength(1);
  expect(after.jws).toEqual(after.before.jws);
  expect(after.notes).toEqual(after.before.notes);
  // No table keeps the word: a step's checkpoint is its own row (issue 14).
  expect(after.tables).toEqual([]);
  // The object reads the kept rows: the same signed head comes back, not a new signature.
  expect(value(await stub.signHead()).jws).toBe(jws.jws);
  expect(value(await stub.tlogHead()).note).toBe(note.note);
});
