import { buildAuditTiles } from "../capabilities/audit/tenant-do/audit-tiles-migration";

/** A SQL statement, or a step in code (e.g. rewriting existing rows). */
type MigrationStep = string | ((sql: SqlStorage) => void);

/**
 * The tenant Durable Object's SQLite schema, applied in order; `meta.schema_version` records how
 * far a given object has come, so new statements are only ever appended.
 */
export const MIGRATIONS: readonly MigrationStep[][] = [
  [
    `CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
    `CREATE TABLE policy_versions (
       version INTEGER PRIMARY KEY, source TEXT NOT NULL, bundle_id TEXT NOT NULL,
       author TEXT NOT NULL, created_at INTEGER NOT NULL, activated_at INTEGER)`,
    `CREATE TABLE runs (
       id TEXT PRIMARY KEY, agent TEXT NOT NULL, metadata TEXT NOT NULL, status TEXT NOT NULL,
       created_by TEXT NOT NULL, created_at INTEGER NOT NULL, closed_at INTEGER,
       step_count INTEGER NOT NULL DEFAULT 0)`,
    `CREATE INDEX runs_created ON runs (created_at)`,
    `CREATE TABLE steps (
       id TEXT PRIMARY KEY, run_id TEXT NOT NULL, seq INTEGER NOT NULL,
       idempotency_key TEXT NOT NULL, tool TEXT NOT NULL, args TEXT NOT NULL,
       declared TEXT NOT NULL, decision TEXT NOT NULL, status TEXT NOT NULL,
       exec_args TEXT, output TEXT, approval_id TEXT, policy_version INTEGER,
       created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
       UNIQUE (run_id, idempotency_key), UNIQUE (run_id, seq))`,
    `CREATE TABLE checkpoints (
       step_id TEXT PRIMARY KEY, run_id TEXT NOT NULL, seq INTEGER NOT NULL,
       exec_args TEXT NOT NULL, created_at INTEGER NOT NULL)`,
    `CREATE TABLE approvals (
       id TEXT PRIMARY KEY, step_id TEXT NOT NULL, run_id TEXT NOT NULL, status TEXT NOT NULL,
       approvers TEXT NOT NULL, reason TEXT, decided_by TEXT, created_at INTEGER NOT NULL,
       expires_at INTEGER NOT NULL, decided_at INTEGER)`,
    `CREATE INDEX approvals_pending ON approvals (status, expires_at)`,
    `CREATE TABLE audit_events (
       seq INTEGER PRIMARY KEY, type TEXT NOT NULL, run_id TEXT, event TEXT NOT NULL,
       leaf_hash TEXT NOT NULL)`,
    `CREATE INDEX audit_events_run ON audit_events (run_id, seq)`,
    `CREATE TABLE audit_checkpoints (
       size INTEGER PRIMARY KEY, root TEXT NOT NULL, jws TEXT NOT NULL, created_at INTEGER NOT NULL)`,
  ],
  [
    `CREATE TABLE sessions (
       id TEXT PRIMARY KEY, run_id TEXT NOT NULL, provider TEXT NOT NULL, key_secret TEXT NOT NULL,
       system TEXT NOT NULL, title TEXT NOT NULL, status TEXT NOT NULL, error TEXT,
       anomaly_state TEXT NOT NULL, created_by TEXT NOT NULL, created_at INTEGER NOT NULL,
       updated_at INTEGER NOT NULL, retry_at INTEGER)`,
    `CREATE TABLE session_messages (
       session_id TEXT NOT NULL, seq INTEGER NOT NULL, message TEXT NOT NULL,
       created_at INTEGER NOT NULL, PRIMARY KEY (session_id, seq))`,
    `CREATE TABLE session_events (
       session_id TEXT NOT NULL, seq INTEGER NOT NULL, event TEXT NOT NULL,
       created_at INTEGER NOT NULL, PRIMARY KEY (session_id, seq))`,
    `CREATE TABLE memory (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL)`,
    `CREATE TABLE egress_log (session_id TEXT NOT NULL, host TEXT NOT NULL, at INTEGER NOT NULL)`,
    `CREATE INDEX egress_log_session ON egress_log (session_id, at)`,
    `CREATE TABLE tool_starts (step_id TEXT PRIMARY KEY, at INTEGER NOT NULL)`,
  ],
  // ── issue 10: run tokens bound to live authority ──────────────────────────────────────────
  [
    `ALTER TABLE runs ADD COLUMN token_revoked_at INTEGER`,
    `ALTER TABLE runs ADD COLUMN token_revoked_reason TEXT`,
  ],
  // ── end issue 10 ──────────────────────────────────────────────────────────────────────────
  // ── issue 18: the audit log as a C2SP transparency log (note checkpoints, key history,
  // witnesses and their cosignatures, SIEM sinks) ──────────────────────────────────────────────────────
  [
    `CREATE TABLE tlog_keys (
       generation INTEGER PRIMARY KEY, vkey TEXT NOT NULL, from_size INTEGER NOT NULL,
       to_size INTEGER, created_at INTEGER NOT NULL, retired_at INTEGER)`,
    `CREATE TABLE tlog_checkpoints (
       size INTEGER PRIMARY KEY, note TEXT NOT NULL, generation INTEGER NOT NULL,
       created_at INTEGER NOT NULL)`,
    `CREATE TABLE tlog_witnesses (
       id TEXT PRIMARY KEY, url TEXT NOT NULL, vkey TEXT NOT NULL,
       last_size INTEGER NOT NULL DEFAULT 0, last_ok_at INTEGER, last_error TEXT,
       created_at INTEGER NOT NULL)`,
    `CREATE TABLE tlog_cosignatures (
       size INTEGER NOT NULL, witness_id TEXT NOT NULL, line TEXT NOT NULL,
       timestamp INTEGER NOT NULL, PRIMARY KEY (size, witness_id))`,
    `CREATE TABLE audit_sinks (
       id TEXT PRIMARY KEY, kind TEXT NOT NULL, config TEXT NOT NULL,
       last_seq INTEGER NOT NULL, failures INTEGER NOT NULL DEFAULT 0,
       next_attempt_at INTEGER NOT NULL, last_error TEXT, last_delivered_at INTEGER,
       created_at INTEGER NOT NULL)`,
  ],
  // ── end issue 18 ─────────────────────────────────────────────────────────────────────────
  // ── issue 13: MCP gateway (sessions of downstream clients, registered upstream servers) ──
  [
    `CREATE TABLE mcp_sessions (
       id TEXT PRIMARY KEY, run_id TEXT NOT NULL, principal_key TEXT NOT NULL,
       principal TEXT NOT NULL, client TEXT NOT NULL, protocol_version TEXT NOT NULL,
       created_at INTEGER NOT NULL, closed_at INTEGER)`,
    `CREATE TABLE mcp_servers (
       name TEXT PRIMARY KEY, url TEXT NOT NULL, credential_secret TEXT,
       timeout_ms INTEGER NOT NULL, tools TEXT NOT NULL DEFAULT '[]', tools_at INTEGER,
       last_error TEXT, created_by TEXT NOT NULL, created_at INTEGER NOT NULL,
       updated_at INTEGER NOT NULL)`,
  ],
  // ── end issue 13 ──
  // ── issue 9: providers as a tenant setting; where each secret has been sent ────────────────
  [
    `CREATE TABLE providers (
       id TEXT PRIMARY KEY, kind TEXT NOT NULL, base_url TEXT NOT NULL, models TEXT NOT NULL,
       key_secret TEXT NOT NULL, updated_by TEXT NOT NULL, created_at INTEGER NOT NULL,
       updated_at INTEGER NOT NULL)`,
    `ALTER TABLE sessions ADD COLUMN provider_id TEXT`,
    `CREATE TABLE secret_uses (
       name TEXT NOT NULL, origin TEXT NOT NULL, via TEXT NOT NULL, first_at INTEGER NOT NULL,
       last_at INTEGER NOT NULL, PRIMARY KEY (name, origin, via))`,
  ],
  // ── end issue 9 ─────────────────────────────────────────────────────────────────────────────
  // ── issue 14 (i14c): runs that end — idempotent opening, run-token generations, completion,
  // idle timeout; cached compiled policies ─────────────────────────────────────────────────────
  [
    `ALTER TABLE runs ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 1`,
    `ALTER TABLE runs ADD COLUMN idle_timeout_ms INTEGER`,
    `ALTER TABLE runs ADD COLUMN idle_deadline INTEGER`,
    `ALTER TABLE runs ADD COLUMN close_reason TEXT`,
    `CREATE INDEX runs_idle ON runs (status, idle_deadline)`,
    `CREATE TABLE run_open_keys (
       creator TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, run_id TEXT NOT NULL,
       expires_at INTEGER NOT NULL, PRIMARY KEY (creator, key))`,
    `CREATE INDEX run_open_keys_expiry ON run_open_keys (expires_at)`,
    `CREATE TABLE policy_compiled (
       version INTEGER PRIMARY KEY, format INTEGER NOT NULL, form TEXT NOT NULL)`,
  ],
  // ── end issue 14 (i14c) ─────────────────────────────────────────────────────────────────────
  // ── issue 18 (approval webhooks): approval requests sent to a Slack-compatible webhook ──────
  [
    `CREATE TABLE approval_webhook (
       id INTEGER PRIMARY KEY CHECK (id = 1), url TEXT NOT NULL, signing_secret TEXT,
       updated_by TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)`,
    `CREATE TABLE approval_notifications (
       approval_id TEXT PRIMARY KEY, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
       next_attempt_at INTEGER NOT NULL, last_error TEXT, delivered_at INTEGER,
       created_at INTEGER NOT NULL)`,
  ],
  // ── end issue 18 (approval webhooks) ─────────────────────────────────────────────────────────
  // ── issue 14: the Merkle tree as C2SP tlog-tiles; events stored as their export lines ──────
  [
    `CREATE TABLE audit_tiles (
       level INTEGER NOT NULL, idx INTEGER NOT NULL, hashes BLOB NOT NULL, "inner" BLOB,
       PRIMARY KEY (level, idx))`,
    buildAuditTiles,
  ],
  // ── end issue 14 ────────────────────────────────────────────────────────────────────────────
  // ── issue 12 (s12): agent sessions named apart from sign-in sessions; the loop's counters
  // (turns since the last user message, model retries in a row) stored with its state ──────────
  [
    `ALTER TABLE sessions RENAME TO agent_sessions`,
    `ALTER TABLE session_messages RENAME TO agent_session_messages`,
    `ALTER TABLE session_events RENAME TO agent_session_events`,
    `ALTER TABLE agent_session_messages RENAME COLUMN session_id TO agent_session_id`,
    `ALTER TABLE agent_session_events RENAME COLUMN session_id TO agent_session_id`,
    `ALTER TABLE agent_sessions ADD COLUMN turns INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE agent_sessions ADD COLUMN retries INTEGER NOT NULL DEFAULT 0`,
  ],
  // ── end issue 12 (s12) ──────────────────────────────────────────────────────────────────────
  // ── issue 12 (signed heads): a "checkpoint" is only a step's, saved before its side effect;
  // the signed heads of the audit log (JWS and C2SP note) get their own name. Rows are kept. ──
  [
    `ALTER TABLE audit_checkpoints RENAME TO audit_heads`,
    `ALTER TABLE tlog_checkpoints RENAME TO tlog_heads`,
  ],
  // ── end issue 12 (signed heads) ──────────────────────────────────────────────────────────────
  // ── issue 14 (step path): a step's checkpoint is its own row (status 'executing' with its
  // exec_args), not a copy in a second table: the copies held nothing the steps and approvals
  // do not (their time is the step's created_at or its approval's decided_at). A run's step
  // count is derived from its steps, not rewritten by each of them ────────────────────────────
  [`DROP TABLE checkpoints`, `ALTER TABLE runs DROP COLUMN step_count`],
  // ── end issue 14 (step path) ─────────────────────────────────────────────────────────────────
];

/** Applies one block of `MIGRATIONS`. */
export function applyMigration(sql: SqlStorage, block: readonly MigrationStep[]): void {
  for (const step of block)
    if (typeof step === "string") sql.exec(step);
    else step(sql);
}

export function migrate(sql: SqlStorage): void {
  sql.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
  const row = sql
    .exec<{ value: string }>(`SELECT value FROM meta WHERE key = 'schema_version'`)
    .toArray()[0];
  let version = row ? Number(row.value) : 0;
  for (; version < MIGRATIONS.length; version++) {
    applyMigration(sql, MIGRATIONS[version]!);
    sql.exec(
      `INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      String(version + 1),
    );
  }
}
