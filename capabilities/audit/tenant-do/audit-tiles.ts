import { GENESIS_PREV } from "../../../core/audit/event";
import { hashOfLine } from "../../../core/audit/export-format";
import {
  concat,
  splitHashes,
  TILE_HEIGHT,
  TILE_WIDTH,
  TileBuilder,
  tileWidth,
  type TileSource,
  type TileWrite,
} from "../../../core/audit/tiles";
import { fromHex } from "../../../core/encoding";
import { WORKERD_SHA256 } from "../../../platform/sha256";

/**
 * The tenant's Merkle tree as C2SP tiles in DO SQLite (`audit_tiles`): full level-0 tiles and
 * every tile above level 0, full or partial; a full tile also keeps its inner nodes, so a proof
 * slices stored hashes instead of rehashing up to 127 per node. The open level-0 tile is not stored as a tile: its
 * leaf hashes are the newest `audit_events` rows, so an append writes one row, and one tile row
 * more once per 256 events (plus one per 65,536, …).
 */
export class AuditTiles implements TileSource {
  private constructor(
    private readonly sql: SqlStorage,
    private builder: TileBuilder,
    private count: number,
    /** The chain hash of the newest event. */
    readonly head: string,
  ) {}

  /** Derives the open tiles from storage: ≤ 255 event rows and one row per level above. */
  static load(sql: SqlStorage): AuditTiles {
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
    return new AuditTiles(sql, new TileBuilder(partials, WORKERD_SHA256), size, head);
  }

  get size(): number {
    return this.count;
  }

  /** Records leaf `size` (0-based) and stores the tiles it changes. */
  append(leaf: Uint8Array): void {
    for (const w of this.builder.append(leaf, this.count)) storeTile(this.sql, w);
    this.count++;
  }

  tile(level: number, index: number): Uint8Array | null {
    if (this.isOpen(level, index)) return concat(this.builder.open(level));
    return readTile(this.sql, level, index);
  }

  inner(level: number, index: number): Uint8Array | null {
    if (this.isOpen(level, index)) return null;
    const row = this.sql
      .exec<{ inner: ArrayBuffer | null }>(
        `SELECT "inner" FROM audit_tiles WHERE level = ? AND idx = ?`,
        level,
        index,
      )
      .toArray()[0];
    return row?.inner ? new Uint8Array(row.inner) : null;
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
