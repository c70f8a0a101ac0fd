import { createHash } from "node:crypto";
import {
  AuditLogWriter,
  sha256FromDigest,
  consistencyProof,
  formatCheckpointLine,
  formatEventLine,
  importCheckpointSigner,
  inclusionProof,
  type AuditLogState,
  type CheckpointSigner,
  type HashedAuditEvent,
} from "../../core/audit";
import { fromHex, toHex } from "../../core/encoding";
import { auditEventsQuery, type AuditEventFilter } from "./audit-events-query";
import type { Actor, JsonValue } from "./types";

/** workerd's native SHA-256 (nodejs_compat); the same digests as the pure one the verifier uses. */
const SHA256 = sha256FromDigest(
  (data) => new Uint8Array(createHash("sha256").update(data).digest()),
);

/** Sign a checkpoint at least every this many events. */
export const CHECKPOINT_EVERY = 100;

/** A stored event as served over RPC. */
export type AuditEventView = Omit<HashedAuditEvent, "data"> & { data: JsonValue };

export interface SignedCheckpoint {
  size: number;
  root: string;
  ts: string;
  jws: string;
}

/**
 * The tenant's append-only audit log in DO SQLite: a hash chain whose events are also the leaves
 * of an RFC 6962 Merkle tree. `append` is synchronous so it runs inside the same
 * `transactionSync` as the state change it records; the writer's small state is saved with it.
 */
/** Issue 17's browser filters; all optional and combined with AND. */
export class AuditLog {
  private writer: AuditLogWriter;
  private signer: Promise<CheckpointSigner> | null = null;
  /** Runs after each new JWS checkpoint is stored (the transparency log signs its note). */
  afterCheckpoint: ((now: number) => Promise<void>) | null = null;

  private readonly sql: SqlStorage;

  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly tenantId: () => string,
    private readonly signingKey: string | undefined,
  ) {
    const sql = storage.sql;
    this.sql = sql;
    const row = sql
      .exec<{ value: string }>(`SELECT value FROM meta WHERE key = 'audit_state'`)
      .toArray()[0];
    this.writer = row
      ? AuditLogWriter.fromState(JSON.parse(row.value) as AuditLogState, SHA256)
      : AuditLogWriter.empty(SHA256);
  }

  get size(): number {
    return this.writer.size;
  }

  root(): string {
    return this.writer.root();
  }

  /** Call inside the transaction that makes the change being recorded. */
  append(e: {
    type: string;
    runId: string | null;
    stepId: string | null;
    actor: Actor;
    data: JsonValue;
    now: number;
  }) {
    const { event, leafHash } = this.writer.append({
      ts: new Date(e.now).toISOString(),
      type: e.type,
      run_id: e.runId,
      step_id: e.stepId,
      actor: { kind: e.actor.kind, id: e.actor.id },
      data: e.data,
    });
    this.sql.exec(
      `INSERT INTO audit_events (seq, type, run_id, event, leaf_hash) VALUES (?, ?, ?, ?, ?)`,
      event.seq,
      event.type,
      event.run_id,
      JSON.stringify(event),
      leafHash,
    );
    this.sql.exec(
      `INSERT INTO meta (key, value) VALUES ('audit_state', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      JSON.stringify(this.writer.toState()),
    );
    return event;
  }

  /**
   * Runs a state change and its audit events in one SQLite transaction. If it throws, storage
   * rolls back and the in-memory writer is reloaded so it never runs ahead of what was stored.
   */
  atomically<T>(change: () => T): T {
    try {
      return this.storage.transactionSync(change);
    } catch (e) {
      this.reload();
      throw e;
    }
  }

  private reload(): void {
    const row = this.sql
      .exec<{ value: string }>(`SELECT value FROM meta WHERE key = 'audit_state'`)
      .toArray()[0];
    this.writer = row
      ? AuditLogWriter.fromState(JSON.parse(row.value) as AuditLogState, SHA256)
      : AuditLogWriter.empty(SHA256);
  }

  events(afterSeq: number, limit: number, filter: AuditEventFilter = {}): AuditEventView[] {
    const q = auditEventsQuery(afterSeq, limit, filter);
    return this.sql
      .exec<{ event: string }>(q.sql, ...q.params)
      .toArray()
      .map((r) => JSON.parse(r.event) as AuditEventView);
  }

  /** JSONL lines of events with seq in (afterSeq, afterSeq + limit]. */
  exportLines(afterSeq: number, limit: number): string[] {
    return this.sql
      .exec<{ event: string }>(
        `SELECT event FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?`,
        afterSeq,
        limit,
      )
      .toArray()
      .map((r) => formatEventLine(JSON.parse(r.event) as HashedAuditEvent));
  }

  private leafHashes(size: number): Uint8Array[] {
    return this.sql
      .exec<{ leaf_hash: string }>(
        `SELECT leaf_hash FROM audit_events WHERE seq <= ? ORDER BY seq`,
        size,
      )
      .toArray()
      .map((r) => fromHex(r.leaf_hash));
  }

  inclusion(
    seq: number,
    size: number,
  ): { seq: number; size: number; leaf_hash: string; proof: string[] } {
    const leaves = this.leafHashes(size);
    return {
      seq,
      size,
      leaf_hash: toHex(leaves[seq - 1]!),
      proof: inclusionProof(leaves, seq - 1, size, SHA256).map(toHex),
    };
  }

  consistency(from: number, to: number): { from: number; to: number; proof: string[] } {
    return { from, to, proof: consistencyProof(this.leafHashes(to), from, to, SHA256).map(toHex) };
  }

  get canSign(): boolean {
    return Boolean(this.signingKey);
  }

  /** Signs (and stores) a checkpoint of the current size, unless one exists for it. */
  async checkpoint(now: number): Promise<SignedCheckpoint> {
    const size = this.writer.size;
    const existing = this.sql
      .exec<{ size: number; root: string; jws: string; created_at: number }>(
        `SELECT size, root, jws, created_at FROM audit_checkpoints WHERE size = ?`,
        size,
      )
      .toArray()[0];
    if (existing)
      return {
        size,
        root: existing.root,
        jws: existing.jws,
        ts: new Date(existing.created_at).toISOString(),
      };
    if (!this.signingKey) throw new Error("SIGNING_KEY is not configured");
    this.signer ??= importCheckpointSigner(this.signingKey);
    const ts = new Date(now).toISOString();
    const root = this.writer.root();
    const jws = await (await this.signer).sign({ tenant: this.tenantId(), size, root, ts });
    this.sql.exec(
      `INSERT OR IGNORE INTO audit_checkpoints (size, root, jws, created_at) VALUES (?, ?, ?, ?)`,
      size,
      root,
      jws,
      now,
    );
    await this.afterCheckpoint?.(now);
    return { size, root, ts, jws };
  }

  latestCheckpoint(): SignedCheckpoint | null {
    const row = this.sql
      .exec<{ size: number; root: string; jws: string; created_at: number }>(
        `SELECT size, root, jws, created_at FROM audit_checkpoints ORDER BY size DESC LIMIT 1`,
      )
      .toArray()[0];
    return row
      ? { size: row.size, root: row.root, jws: row.jws, ts: new Date(row.created_at).toISOString() }
      : null;
  }

  /** True when the log has grown CHECKPOINT_EVERY events past the last signed checkpoint. */
  checkpointDue(): boolean {
    const last = this.latestCheckpoint()?.size ?? 0;
    return this.canSign && this.writer.size - last >= CHECKPOINT_EVERY;
  }

  static checkpointLine(jws: string): string {
    return formatCheckpointLine(jws);
  }
}
