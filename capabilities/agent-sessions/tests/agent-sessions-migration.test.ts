import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { expect, it } from "vitest";
import type { TenantDO } from "../../../durable-objects/tenant";
import { MIGRATIONS } from "../../../durable-objects/schema";
import { freshTenant, value } from "../../../tests/helpers/tenant-do";

const RENAME = "ALTER TABLE sessions RENAME TO agent_sessions";

it("keeps agent sessions, their messages and events when the tables are renamed apart from sign-in sessions", async () => {
  const { tenantId, stub } = freshTenant();
  value(await stub.auditHead()); // wakes the object (it binds its tenant from its name)
  const provider = { kind: "anthropic", baseUrl: "https://api.anthropic.com", model: "claude-x" };
  const actor = { kind: "user", id: "u1", role: "owner", email: "a@example.com" };
  const t0 = Date.UTC(2026, 0, 1);

  const tables = await runInDurableObject(stub, (_: TenantDO, state) => {
    const sql = state.storage.sql;
    // The layout before issue 12: `sessions`, `session_messages`, `session_events`, no counters.
    for (const undo of [
      `ALTER TABLE agent_sessions DROP COLUMN turns`,
      `ALTER TABLE agent_sessions DROP COLUMN retries`,
      `ALTER TABLE agent_session_messages RENAME COLUMN agent_session_id TO session_id`,
      `ALTER TABLE agent_session_events RENAME COLUMN agent_session_id TO session_id`,
      `ALTER TABLE agent_sessions RENAME TO sessions`,
      `ALTER TABLE agent_session_messages RENAME TO session_messages`,
      `ALTER TABLE agent_session_events RENAME TO session_events`,
    ])
      sql.exec(undo);
    const insert = (id: string, status: string, error: string | null, retryAt: number | null) =>
      sql.exec(
        `INSERT INTO sessions (id, run_id, provider, provider_id, key_secret, system, title, status,
           error, anomaly_state, created_by, created_at, updated_at, retry_at)
         VALUES (?, ?, ?, 'anthropic-test', 'ANTHROPIC_API_KEY', 'be brief', ?, ?, ?, '{}', ?, ?, ?, ?)`,
        id,
        `run_${id}`,
        JSON.stringify(provider),
        `title ${id}`,
        status,
        error,
        JSON.stringify(actor),
        t0,
        t0 + 1,
        retryAt,
      );
    insert("ses_old_idle", "idle", null, null);
    insert("ses_old_retrying", "running", null, t0 + 5000);
    insert("ses_old_failed", "error", "model call failed: boom", null);
    sql.exec(
      `INSERT INTO session_messages (session_id, seq, message, created_at) VALUES
         ('ses_old_idle', 1, '{"role":"user","content":"hello"}', ?),
         ('ses_old_idle', 2, '{"role":"assistant","content":"hi there","tool_calls":[]}', ?)`,
      t0,
      t0 + 1,
    );
    sql.exec(
      `INSERT INTO session_events (session_id, seq, event, created_at) VALUES
         ('ses_old_idle', 1, '{"seq":1,"at":"2026-01-01T00:00:00.000Z","type":"user_message","content":"hello"}', ?),
         ('ses_old_idle', 2, '{"seq":2,"at":"2026-01-01T00:00:00.001Z","type":"status","status":"idle"}', ?)`,
      t0,
      t0 + 1,
    );
    // This migration block, as `migrate` runs it for an object at the version before.
    const block = MIGRATIONS.find((steps) => steps.includes(RENAME))!;
    for (const step of block)
      if (typeof step === "string") sql.exec(step);
      else step(sql);
    return sql
      .exec<{ name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%session%' ORDER BY name`,
      )
      .toArray()
      .map((r) => r.name);
  });
  expect(tables).toEqual([
    "agent_session_events",
    "agent_session_messages",
    "agent_sessions",
    "mcp_sessions",
  ]);

  await evictDurableObject(stub);
  const idle = value(await stub.getAgentSession("ses_old_idle"));
  expect(idle).toMatchObject({
    id: "ses_old_idle",
    run_id: "run_ses_old_idle",
    title: "title ses_old_idle",
    status: "idle",
    error: null,
    provider: { id: "anthropic-test", kind: "anthropic", model: "claude-x" },
    created_by: actor,
    created_at: "2026-01-01T00:00:00.000Z",
  });
  expect(idle.messages).toEqual([
    { role: "user", content: "hello" },
    { role: "assistant", content: "hi there", tool_calls: [] },
  ]);
  expect(value(await stub.agentSessionEvents("ses_old_idle", 0))).toEqual([
    { seq: 1, at: "2026-01-01T00:00:00.000Z", type: "user_message", content: "hello" },
    { seq: 2, at: "2026-01-01T00:00:00.001Z", type: "status", status: "idle" },
  ]);
  expect(value(await stub.getAgentSession("ses_old_failed"))).toMatchObject({
    status: "error",
    error: "model call failed: boom",
  });
  expect(value(await stub.listAgentSessions()).map((s) => s.id)).toHaveLength(3);
  // A session that was waiting for a retry still is; its counters start from zero.
  const counters = await runInDurableObject(stub, (_: TenantDO, state) =>
    state.storage.sql
      .exec(`SELECT id, status, turns, retries, retry_at FROM agent_sessions ORDER BY id`)
      .toArray(),
  );
  expect(counters).toEqual([
    { id: "ses_old_failed", status: "error", turns: 0, retries: 0, retry_at: null },
    { id: "ses_old_idle", status: "idle", turns: 0, retries: 0, retry_at: null },
    { id: "ses_old_retrying", status: "running", turns: 0, retries: 0, retry_at: t0 + 5000 },
  ]);
});
