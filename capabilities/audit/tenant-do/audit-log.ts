import {
  AuditLogWriter,
  importHeadSigner,
  type HeadSigner,
  type HashedAuditEvent,
} from "../../../core/audit";
import { TiledTree, tileWidth } from "../../../core/audit/tiles";
import { toHex } from "../../../core/encoding";
import { AuditTiles } from "./audit-tiles";
import { WORKERD_SHA256 as SHA256 } from "../../../platform/sha256";
import { auditEventsQuery, type AuditEventFilter } from "./audit-events-query";
import type { Actor, JsonValue } from "../../../platform/tenant-types";

/** Sign a head at least every this many events. */
export const HEAD_EVERY = 100;

const EVENT_COLUMNS = 5;
/** Rows per INSERT: a Durable Object query binds at most 100 values. */
const EVENTS_PER_INSERT = 20;
const insertStatements = Array.from(
  { length: EVENTS_PER_INSERT + 1 },
  (_, n) =>
    `INSERT INTO audit_events (seq, type, run_id, event, leaf_hash) VALUES ${Array(n).fill("(?, ?, ?, ?, ?)").join(", ")}`,
);
const insertEvents = (rows: number) => insertStatements[rows]!;

/** A stored event as served over RPC. */
export type AuditEventView = Omit<HashedAuditEvent, "data"> & { data: JsonValue };

export interface SignedHead {
  size: number;
  root: string;
  ts: string;
  jws: string;
}

/**
 * The tenant's append-only audit log in DO SQLite: a hash chain whose events are also the leaves
 * of an RFC 6962 Merkle tree stored as C2SP tiles. `append` is synchronous so it runs inside the
 * same `transactionSync` as the state change it records. Each event is one row (its export line,
 * canonical JSON with `hash`, and its leaf hash); the writer's in-memory state (head, frontier,
 * open tiles) is derived from the rows and tiles, never rewritten per event.
 */
export class AuditLog {
  private writer!: AuditLogWriter;
  private tiles!: AuditTiles;
  private signer: Promise<HeadSigner> | null = null;
  /** Runs after each new signed head is stored (the transparency log signs its note). */
  afterHeadSigned: ((now: number) => Promise<void>) | null = null;

  private readonly sql: SqlStorage;
  /** The bound values of events appended in the running `atomically`, not yet inserted. */
  private pending: SqlStorageValue[] | null = null;
  /** The ISO form of the last event time (a step's events share one). */
  private lastTs = { at: Number.NaN, iso: "" };

  constructor(
    private readonly storage: DurableObjectStorage,
    private readonly tenantId: () => string,
    private readonly signingKey: string | undefined,
  ) {
    this.sql = storage.sql;
    this.load();
  }

  private load(): void {
    this.tiles = AuditTiles.load(this.sql);
    // The writer appends its leaves to the tiles: each inner node is hashed once, there.
    this.writer = AuditLogWriter.over(this.tiles, this.tiles.head, SHA256);
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
  }): number {
    if (e.now !== this.lastTs.at) this.lastTs = { at: e.now, iso: new Date(e.now).toISOString() };
    const appended = this.writer.append({
      ts: this.lastTs.iso,
      type: e.type,
      run_id: e.runId,
      step_id: e.stepId,
      actor: { kind: e.actor.kind, id: e.actor.id },
      data: e.data,
    });
    const { seq, line, leafHash } = appended;
    if (this.pending) this.pending.push(seq, e.type, e.runId, line, leafHash);
    else this.sql.exec(insertEvents(1), seq, e.type, e.runId, line, leafHash);
    return seq;
  }

  /**
   * Runs a state change and its audit events in one SQLite transaction; the events' rows are
   * written together, in one statement per `EVENTS_PER_INSERT`, when the change returns. If it
   * throws, storage rolls back and the in-memory state is derived again so it never runs ahead
   * of what was stored.
   */
  atomically<T>(change: () => T): T {
    const outer = this.pending;
    // A nested change starts from stored rows: its rollback derives the state from them.
    if (outer) this.flush(outer);
    try {
      return this.storage.transactionSync(() => {
        const rows: SqlStorageValue[] = [];
        this.pending = rows;
        const result = change();
        this.flush(rows);
        return result;
      });
    } catch (e) {
      this.load();
      throw e;
    } finally {
      this.pending = outer;
    }
  }

  private flush(rows: SqlStorageValue[]): void {
    const most = EVENT_COLUMNS * EVENTS_PER_INSERT;
    if (rows.length <= most) {
      if (rows.length > 0) this.sql.exec(insertEvents(rows.length / EVENT_COLUMNS), ...rows);
    } else
      for (let at = 0; at < rows.length; at += most) {
        const chunk = rows.slice(at, at + most);
        this.sql.exec(insertEvents(chunk.length / EVENT_COLUMNS), ...chunk);
      }
    rows.length = 0;
  }

  events(afterSeq: number, limit: number, filter: AuditEventFilter = {}): AuditEventView[] {
    const q = auditEventsQuery(afterSeq, limit, filter);
    return this.sql
      .exec<{ event: string }>(q.sql, ...q.params)
      .toArray()
      .map((r) => JSON.parse(r.event) as AuditEventView);
  }

  /** The stored export lines of events with seq in (afterSeq, afterSeq + limit], as stored. */
  exportLines(afterSeq: number, limit: number): string[] {
    return this.sql
      .exec<{ event: string }>(
        `SELECT event FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?`,
        afterSeq,
        limit,
      )
      .toArray()
      .map((r) => r.event);
  }

  /** Reads O(log n) tiles; never the leaves. */
  inclusion(
    seq: number,
    size: number,
  ): { seq: number; size: number; leaf_hash: string; proof: string[] } {
    const tree = new TiledTree(this.tiles, SHA256);
    return {
      seq,
      size,
      leaf_hash: toHex(tree.node(0, seq - 1)),
      proof: tree.inclusionProof(seq - 1, size).map(toHex),
    };
  }

  consistency(from: number, to: number): { from: number; to: number; proof: string[] } {
    const proof = new TiledTree(this.tiles, SHA256).consistencyProof(from, to);
    return { from, to, proof: proof.map(toHex) };
  }

  /** Tile (level, index) of the tree of `size` leaves, `width` hashes, or null if it has fewer. */
  tile(level: number, index: number, width: number, size: number): Uint8Array | null {
    if (width > tileWidth(level, index, size)) return null;
    const hashes = this.tiles.tile(level, index);
    return hashes && hashes.length >= width * 32 ? hashes.subarray(0, width * 32) : null;
  }

  get canSign(): boolean {
    return Boolean(this.signingKey);
  }

  /** Signs (and stores) the head of the current size, unless one exists for it. */
  async signHead(now: number): Promise<SignedHead> {
    const size = this.writer.size;
    const existing = this.sql
      .exec<{ size: number; root: string; jws: string; created_at: number }>(
        `SELECT size, root, jws, created_at FROM audit_heads WHERE size = ?`,
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
    this.signer ??= importHeadSigner(this.signingKey);
    const ts = new Date(now).toISOString();
    const root = this.writer.root();
    const jws = await (await this.signer).sign({ tenant: this.tenantId(), size, root, ts });
    this.sql.exec(
      `INSERT OR IGNORE INTO audit_heads (size, root, jws, created_at) VALUES (?, ?, ?, ?)`,
      size,
      root,
      jws,
      now,
    );
    await this.afterHeadSigned?.(now);
    return { size, root, ts, jws };
  }

  latestHead(): SignedHead | null {
    const row = this.sql
      .exec<{ size: number; root: string; jws: string; created_at: number }>(
        `SELECT size, root, jws, created_at FROM audit_heads ORDER BY size DESC LIMIT 1`,
      )
      .toArray()[0];
    return row
      ? { size: row.size, root: row.root, jws: row.jws, ts: new Date(row.created_at).toISOString() }
      : null;
  }

  /** True when the log has grown HEAD_EVERY events past the last signed head. */
  headDue(): boolean {
    const last = this.latestHead()?.size ?? 0;
    return this.canSign && this.writer.size - last >= HEAD_EVERY;
  }
}
