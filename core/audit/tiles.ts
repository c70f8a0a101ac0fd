/**
 * The Merkle tree stored as C2SP tlog-tiles (c2sp.org/tlog-tiles): a tile at level L, index N
 * holds the hashes of tree level 8·L, nodes 256·N … 256·N + W − 1 (W = 256 when full; a partial
 * tile is a prefix of the full one). Level-0 tiles hold leaf hashes. A full tile is stored with its
 * inner nodes and the open tiles keep theirs as they fill, so any node of the tree is one slice of
 * one tile and a proof reads O(log n) tiles, never the leaves.
 */
import {
  consistencyProofFrom,
  emptyTreeRoot,
  HASH_BYTES,
  hashChildren,
  inclusionProofFrom,
  splitPoint,
} from "./merkle";
import { nobleSha256, type Sha256 } from "./sha256";

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 2 ** TILE_HEIGHT;

/**
 * One tile's nodes, row by row: row 0 is its own hashes (full or partial), row k (1 ≤ k ≤ 8) the
 * roots of its aligned runs of 2^k of them (row 8, one hash, is the tile's root once it is full).
 * Each row holds only complete nodes, concatenated. A row above 0 may be missing or short when
 * the source does not keep it; the tree then hashes the node from row 0.
 */
export type TileRows = readonly Uint8Array[];

/** Where the tree's tiles come from (null: no such tile). */
export interface TileSource {
  rows(level: number, index: number): TileRows | null;
}

/**
 * A tile to store: `hashes` is W·32 bytes. A full tile also carries its inner nodes (its rows
 * 1 … 8 concatenated: 128, 64, …, 1 hashes).
 */
export interface TileWrite {
  level: number;
  index: number;
  hashes: Uint8Array;
  inner: Uint8Array | null;
}

/** Where row k (1 ≤ k ≤ 8) of a full tile starts in its inner nodes, in hashes. */
const innerStart = (k: number) => TILE_WIDTH - 2 ** (TILE_HEIGHT + 1 - k);

/** The rows of a stored tile: its hashes, and the rows of its inner nodes when stored. */
export function storedRows(hashes: Uint8Array, inner: Uint8Array | null): TileRows {
  const rows = [hashes];
  if (inner === null) return rows;
  for (let k = 1; k <= TILE_HEIGHT; k++) {
    const at = innerStart(k) * HASH_BYTES;
    rows.push(inner.subarray(at, at + 2 ** (TILE_HEIGHT - k) * HASH_BYTES));
  }
  return rows;
}

/**
 * A tile being filled, every row kept as its nodes complete: a hash that completes a pair is
 * hashed into the row above (one hash per push on average), so proofs find the open tile's inner
 * nodes ready, and closing it costs no burst of 255 hashes.
 */
class OpenTile {
  private readonly bytes = Array.from(
    { length: TILE_HEIGHT + 1 },
    (_, k) => new Uint8Array(2 ** (TILE_HEIGHT - k) * HASH_BYTES),
  );
  private readonly counts = Array.from({ length: TILE_HEIGHT + 1 }, () => 0);

  get width(): number {
    return this.counts[0]!;
  }

  push(hash: Uint8Array, sha: Sha256, scratch: Uint8Array): void {
    let node = hash;
    for (let k = 0; ; k++) {
      const row = this.bytes[k]!;
      const count = this.counts[k]!;
      row.set(node, count * HASH_BYTES);
      this.counts[k] = count + 1;
      if (count % 2 === 0 || k === TILE_HEIGHT) return;
      const left = row.subarray((count - 1) * HASH_BYTES, count * HASH_BYTES);
      node = hashChildren(left, node, sha, scratch);
    }
  }

  /** Views of the live rows: valid until the next push. */
  rows(): TileRows {
    return this.bytes.map((row, k) => row.subarray(0, this.counts[k]! * HASH_BYTES));
  }

  /** The stored form: its hashes, and its inner nodes once full. */
  write(level: number, index: number): TileWrite {
    const hashes = this.bytes[0]!.slice(0, this.width * HASH_BYTES);
    if (this.width < TILE_WIDTH) return { level, index, hashes, inner: null };
    const inner = new Uint8Array((TILE_WIDTH - 1) * HASH_BYTES);
    for (let k = 1; k <= TILE_HEIGHT; k++) inner.set(this.bytes[k]!, innerStart(k) * HASH_BYTES);
    return { level, index, hashes, inner };
  }

  /** The root of a full tile. */
  root(): Uint8Array {
    return this.bytes[TILE_HEIGHT]!.slice(0, HASH_BYTES);
  }
}

/** `N` as C2SP path elements: zero-padded groups of three digits, all but the last with "x". */
export function encodeTileIndex(index: number): string {
  const digits = String(index);
  const padded = digits.padStart(Math.ceil(digits.length / 3) * 3, "0");
  const groups = padded.match(/\d{3}/g)!;
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join("/");
}

/** `tile/<L>/<N>[.p/<W>]` (W < 256 for a partial tile). */
export function tilePath(level: number, index: number, width = TILE_WIDTH): string {
  const partial = width < TILE_WIDTH ? `.p/${width}` : "";
  return `tile/${level}/${encodeTileIndex(index)}${partial}`;
}

/** The width of tile (level, index) in the tree of `size` leaves (0: the tile does not exist). */
export function tileWidth(level: number, index: number, size: number): number {
  const nodes = Math.floor(size / 2 ** (TILE_HEIGHT * level));
  return Math.max(0, Math.min(TILE_WIDTH, nodes - index * TILE_WIDTH));
}

export type TileRequest = { level: number; index: number; width: number };

/**
 * Parses the part of a tlog-tiles URL after `tile/`: `<L>/<N>[.p/<W>]`. Null for anything that
 * is not exactly that (no leading zeros outside the groups, 1 ≤ W ≤ 255, L ≤ 63).
 */
export function parseTilePath(path: string): TileRequest | null {
  const m = /^(0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/.exec(path);
  if (!m) return null;
  const level = Number(m[1]);
  const groups = m[2]!.replaceAll("x", "").split("/");
  if (groups.length > 1 && groups[0] === "000") return null; // not the shortest spelling
  const index = Number(groups.join(""));
  const width = m[3] === undefined ? TILE_WIDTH : Number(m[3]);
  if (level > 63 || !Number.isSafeInteger(index) || width > TILE_WIDTH) return null;
  if (m[3] !== undefined && width === TILE_WIDTH) return null;
  return { level, index, width };
}

/** Hash of the perfect subtree over `count` (a power of two) hashes of `hashes` from `at`. */
function perfectRoot(
  hashes: Uint8Array,
  at: number,
  count: number,
  sha: Sha256,
  scratch: Uint8Array,
): Uint8Array {
  if (count === 1) return hashes.slice(at * HASH_BYTES, (at + 1) * HASH_BYTES);
  const stack: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    let node = hashes.subarray((at + i) * HASH_BYTES, (at + i + 1) * HASH_BYTES);
    for (let c = i; c % 2 === 1; c = (c - 1) / 2)
      node = hashChildren(stack.pop()!, node, sha, scratch);
    stack.push(node);
  }
  return stack[0]!;
}

/** Proofs and roots over a tree stored as tiles. Tiles are read once per instance. */
export class TiledTree {
  private readonly cache = new Map<string, TileRows>();
  private readonly scratch = new Uint8Array(1 + 2 * HASH_BYTES);

  constructor(
    private readonly source: TileSource,
    private readonly sha: Sha256 = nobleSha256,
  ) {}

  private rows(level: number, index: number): TileRows {
    const key = `${level}/${index}`;
    let rows = this.cache.get(key);
    if (rows === undefined) {
      const read = this.source.rows(level, index);
      if (read === null) throw new RangeError(`tile ${level}/${index} is not stored`);
      rows = read;
      this.cache.set(key, rows);
    }
    return rows;
  }

  /** The hash of the perfect subtree at tree `level` (0 = leaves) and position `index`. */
  node(level: number, index: number): Uint8Array {
    const tileLevel = Math.floor(level / TILE_HEIGHT);
    const k = level - tileLevel * TILE_HEIGHT;
    const span = 2 ** k;
    const first = index * span;
    const tileIndex = Math.floor(first / TILE_WIDTH);
    const offset = first - tileIndex * TILE_WIDTH;
    const rows = this.rows(tileLevel, tileIndex);
    const at = (offset / span) * HASH_BYTES;
    const row = rows[k];
    if (row !== undefined && row.length >= at + HASH_BYTES) return row.slice(at, at + HASH_BYTES);
    const hashes = rows[0]!;
    if (hashes.length < (offset + span) * HASH_BYTES)
      throw new RangeError(`node ${level}/${index} is not complete in its tile`);
    return perfectRoot(hashes, offset, span, this.sha, this.scratch);
  }

  /** MTH(D[start:end]) where the range is a subtree of the RFC 6962 split (start aligned). */
  subtree(start: number, end: number): Uint8Array {
    const n = end - start;
    let level = 0;
    while (2 ** (level + 1) <= n) level++;
    if (2 ** level === n && start % n === 0) return this.node(level, start / n);
    const k = splitPoint(n);
    return hashChildren(this.subtree(start, start + k), this.subtree(start + k, end), this.sha);
  }

  root(size: number): Uint8Array {
    return size === 0 ? emptyTreeRoot(this.sha) : this.subtree(0, size);
  }

  inclusionProof(index: number, size: number): Uint8Array[] {
    return inclusionProofFrom((s, e) => this.subtree(s, e), index, size);
  }

  consistencyProof(oldSize: number, newSize: number): Uint8Array[] {
    return consistencyProofFrom((s, e) => this.subtree(s, e), oldSize, newSize);
  }

  /** The perfect-subtree roots making up the tree of `size` leaves, largest first. */
  frontier(size: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    let start = 0;
    for (let level = 52; level >= 0; level--) {
      const span = 2 ** level;
      if (size - start >= span) {
        out.push(this.node(level, start / span));
        start += span;
      }
    }
    return out;
  }
}

/**
 * Keeps tiles current as leaves are appended: holds the open tile of each level in memory, with
 * its rows, and says which tiles to store. Level-0 tiles are stored only when full (the open one
 * is the newest leaves' own rows); a level above 0 changes once per 256 tiles below it.
 */
export class TileBuilder {
  private readonly tiles: OpenTile[] = [];
  private readonly scratch = new Uint8Array(1 + 2 * HASH_BYTES);

  /** `partials[L]`: the hashes of the open tile at level L (each 32 bytes), oldest first. */
  constructor(
    partials: readonly (readonly Uint8Array[])[],
    private readonly sha: Sha256 = nobleSha256,
  ) {
    partials.forEach((hashes, level) => {
      for (const h of hashes) this.tile(level).push(h, this.sha, this.scratch);
    });
  }

  private tile(level: number): OpenTile {
    return (this.tiles[level] ??= new OpenTile());
  }

  /** The rows of the open tile at `level` (row 0 empty when it has no hashes yet). */
  openRows(level: number): TileRows {
    return this.tile(level).rows();
  }

  /** Appends a leaf hash; returns the tiles whose stored form changed. */
  append(leaf: Uint8Array, sizeBefore: number): TileWrite[] {
    const writes: TileWrite[] = [];
    let node = leaf;
    for (let level = 0; ; level++) {
      const open = this.tile(level);
      open.push(node, this.sha, this.scratch);
      const index = Math.floor(sizeBefore / 2 ** (TILE_HEIGHT * (level + 1)));
      const full = open.width === TILE_WIDTH;
      if (level === 0 && !full) return writes;
      writes.push(open.write(level, index));
      if (!full) return writes;
      node = open.root();
      this.tiles[level] = new OpenTile();
    }
  }
}

export function splitHashes(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += HASH_BYTES) out.push(bytes.slice(at, at + HASH_BYTES));
  return out;
}
