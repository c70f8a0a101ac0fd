import { GENESIS_PREV } from "../../../core/audit/event";
import { hashOfLine } from "../../../core/audit/export-format";
import {
  splitHashes,
  storedRows,
  TILE_HEIGHT,
  TILE_WIDTH,
  TileBuilder,
  TiledTree,
  tileWidth,
  type TileRows,
  type TileSource,
  type TileWrite,
} from "../../../core/audit/tiles";
import { fromHex } from "../../../core/encoding";
import type { MerkleLeaves } from "../../../core/audit/log-writer";
import { WORKERD_SHA256 } from "../../../platform/sha256";

/** Full tiles kept in memory (≤ 16 KiB each with their inner nodes: ≤ 4 MiB). */
export const CACHED_TILES = 256;

/**
 * The tenant's Merkle tree as C2SP tiles in DO SQLite (`audit_tiles`): full level-0 tiles and
 * every tile above level 0, full or partial; a full tile also keeps its inner nodes, so a proof
 * slices stored hashes instead of rehashing up to 127 per node. The open level-0 tile is not
 * stored as a tile: its leaf hashes are the newest `audit_events` rows, so an append writes one
 * row, and one tile row more once per 256 events (plus one per 65,536, …).
 *
 * Proofs read the open tiles (with their inner nodes) from memory, and full tiles through a
 * bounded LRU cache: a full tile never changes, so the cache needs no invalidation (a rolled-back
 * transaction reloads the whole object, cache included).
 */
export class AuditTiles implements TileSource, MerkleLeaves {
  private readonly cache = new Map<string, TileRows>();

  private constructor(
    private readonly sql: SqlStorage,
    private builder: TileBuilder,
    private count: number,
    /** The chain hash of the newest event. */
    readonly head: string,
    private readonly cachedTiles: number,
  ) {}

  /** Derives the open tiles from storage: ≤ 255 event rows and one row per level above. */
  static load(sql: SqlStorage, cachedTiles = CACHED_TILES): AuditTiles {
    const last = sql
      .exec<{ seq: number; event: string }>(
        `SELECT seq, event FROM audit_events ORDER BY seq DESC LIMIT 1`,
      )
      .toArray()[0];
    const size = last?.seq ?? 0;
    const partials: Uint8Array[][] = [
      sql
        .exec<{ leaf_hash: string }>(
          `SELECT leaf_hash FROM audit_events WHERE seq > ? ORDER BY seq`,
          size - (size % TILE_WIDTH),
        )
        .toArray()
        .map((r) => fromHex(r.leaf_hash)),
    ];
    for (let level = 1; 2 ** (TILE_HEIGHT * level) <= size; level++) {
      const index = Math.floor(size / 2 ** (TILE_HEIGHT * (level + 1)));
      const width = tileWidth(level, index, size);
      const stored = width === 0 ? null : readTile(sql, level, index);
      if (width > 0 && stored?.length !== width * 32)
        throw new Error(`audit tile ${level}/${index}: expected ${width} hashes`);
      partials.push(stored ? splitHashes(stored) : []);
    }
    const head = last ? hashOfLine(last.event) : GENESIS_PREV;
    const builder = new TileBuilder(partials, WORKERD_SHA256);
    return new AuditTiles(sql, builder, size, head, cachedTiles);
  }

  get size(): number {
    return this.count;
  }

  /** Records leaf `size` (0-based) and stores the tiles it changes. */
  append(leaf: Uint8Array): void {
    for (const w of this.builder.append(leaf, this.count)) {
      storeTile(this.sql, w);
      if (w.inner) this.remember(`${w.level}/${w.index}`, storedRows(w.hashes, w.inner));
    }
    this.count++;
  }

  /** The tree's root at its current size, from the stored nodes (O(log n) hashes). */
  root(): Uint8Array {
    return new TiledTree(this, WORKERD_SHA256).root(this.count);
  }

  rows(level: number, index: number): TileRows | null {
    return this.isOpen(level, index) ? this.builder.openRows(level) : this.full(level, index);
  }

  /** Tile (level, index)'s hashes, full or partial, or null if it has none. */
  tile(level: number, index: number): Uint8Array | null {
    return this.rows(level, index)?.[0] ?? null;
  }

  private full(level: number, index: number): TileRows | null {
    const key = `${level}/${index}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const row = this.sql
      .exec<{ hashes: ArrayBuffer; inner: ArrayBuffer | null }>(
        `SELECT hashes, "inner" FROM audit_tiles WHERE level = ? AND idx = ?`,
        level,
        index,
      )
      .toArray()[0];
    if (!row) return null;
    const rows = storedRows(
      new Uint8Array(row.hashes),
      row.inner ? new Uint8Array(row.inner) : null,
    );
    if (row.inner) this.remember(key, rows);
    return rows;
  }

  private remember(key: string, rows: TileRows): void {
    this.cache.set(key, rows);
    if (this.cache.size > this.cachedTiles) this.cache.delete(this.cache.keys().next().value!);
  }

  private isOpen(level: number, index: number): boolean {
    return index === Math.floor(this.count / 2 ** (TILE_HEIGHT * (level + 1)));
  }
}

function readTile(sql: SqlStorage, level: number, index: number): Uint8Array | null {
  const row = sql
    .exec<{ hashes: ArrayBuffer }>(
      `SELECT hashes FROM audit_tiles WHERE level = ? AND idx = ?`,
      level,
      index,
    )
    .toArray()[0];
  return row ? new Uint8Array(row.hashes) : null;
}

const blob = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);

export function storeTile(sql: SqlStorage, w: TileWrite): void {
  sql.exec(
    `INSERT INTO audit_tiles (level, idx, hashes, "inner") VALUES (?, ?, ?, ?)
       ON CONFLICT(level, idx) DO UPDATE SET hashes = excluded.hashes, "inner" = excluded."inner"`,
    w.level,
    w.index,
    blob(w.hashes),
    w.inner ? blob(w.inner) : null,
  );
}
