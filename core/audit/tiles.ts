/**
 * The Merkle tree stored as C2SP tlog-tiles (c2sp.org/tlog-tiles): a tile at level L, index N
 * holds the hashes of tree level 8·L, nodes 256·N … 256·N + W − 1 (W = 256 when full; a partial
 * tile is a prefix of the full one). Level-0 tiles hold leaf hashes. Any node of the tree is
 * computed from one tile (at most 127 hashes), so a proof reads O(log n) tiles, never the leaves.
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

/** Where a tile's hashes come from: the concatenated hashes (full or partial), or null. */
export interface TileSource {
  tile(level: number, index: number): Uint8Array | null;
  /** A full tile's inner nodes (`innerNodes`), if stored: saves rehashing up to 127 per node. */
  inner?(level: number, index: number): Uint8Array | null;
}

/**
 * A tile to store: `hashes` is W·32 bytes. A full tile also carries its inner nodes (tree
 * levels 8·L+1 … 8·L+7: 128, 64, …, 1 hashes), which its root took to compute anyway.
 */
export interface TileWrite {
  level: number;
  index: number;
  hashes: Uint8Array;
  inner: Uint8Array | null;
}

/** Where the nodes `k` levels above a tile's own (1 ≤ k ≤ 7) start in its inner nodes. */
const innerStart = (k: number) => TILE_WIDTH - 2 ** (TILE_HEIGHT + 1 - k);

/** A full tile's inner nodes, level by level up to its root (which is the last hash). */
export function innerNodes(hashes: Uint8Array, sha: Sha256 = nobleSha256): Uint8Array {
  const out = new Uint8Array((TILE_WIDTH - 1) * HASH_BYTES);
  const scratch = new Uint8Array(1 + 2 * HASH_BYTES);
  let below = hashes;
  let at = 0;
  for (let width = TILE_WIDTH / 2; width >= 1; width /= 2) {
    const level = out.subarray(at * HASH_BYTES, (at + width) * HASH_BYTES);
    for (let i = 0; i < width; i++) {
      const l = below.subarray(2 * i * HASH_BYTES, (2 * i + 1) * HASH_BYTES);
      const r = below.subarray((2 * i + 1) * HASH_BYTES, (2 * i + 2) * HASH_BYTES);
      level.set(hashChildren(l, r, sha, scratch), i * HASH_BYTES);
    }
    below = level;
    at += width;
  }
  return out;
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
  private readonly cache = new Map<string, Uint8Array>();
  private readonly scratch = new Uint8Array(1 + 2 * HASH_BYTES);

  constructor(
    private readonly source: TileSource,
    private readonly sha: Sha256 = nobleSha256,
  ) {}

  private innerOf(level: number, index: number): Uint8Array | null {
    const key = `i${level}/${index}`;
    let inner = this.cache.get(key);
    if (inner === undefined) {
      const read = this.source.inner?.(level, index) ?? null;
      if (read === null) return null;
      inner = read;
      this.cache.set(key, inner);
    }
    return inner;
  }

  private tile(level: number, index: number): Uint8Array {
    const key = `${level}/${index}`;
    let hashes = this.cache.get(key);
    if (hashes === undefined) {
      const read = this.source.tile(level, index);
      if (read === null) throw new RangeError(`tile ${level}/${index} is not stored`);
      hashes = read;
      this.cache.set(key, hashes);
    }
    return hashes;
  }

  /** The hash of the perfect subtree at tree `level` (0 = leaves) and position `index`. */
  node(level: number, index: number): Uint8Array {
    const tileLevel = Math.floor(level / TILE_HEIGHT);
    const span = 2 ** (level - tileLevel * TILE_HEIGHT);
    const first = index * span;
    const tileIndex = Math.floor(first / TILE_WIDTH);
    const offset = first - tileIndex * TILE_WIDTH;
    if (span > 1) {
      const inner = this.innerOf(tileLevel, tileIndex);
      if (inner !== null) {
        const at = (innerStart(level - tileLevel * TILE_HEIGHT) + offset / span) * HASH_BYTES;
        return inner.slice(at, at + HASH_BYTES);
      }
    }
    const hashes = this.tile(tileLevel, tileIndex);
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
 * Keeps tiles current as leaves are appended: holds the partial tile of each level in memory
 * and says which tiles to store. Level-0 tiles are stored only when full (the partial one is
 * the newest leaves' own rows); a level above 0 changes once per 256 tiles below it.
 */
export class TileBuilder {
  /** `partials[L]`: the hashes of the open tile at level L (each 32 bytes), oldest first. */
  constructor(
    private readonly partials: Uint8Array[][],
    private readonly sha: Sha256 = nobleSha256,
  ) {}

  /** The hashes of the open tile at `level` (empty when it has none yet). */
  open(level: number): readonly Uint8Array[] {
    return this.partials[level] ?? [];
  }

  /** Appends a leaf hash; returns the tiles whose stored form changed. */
  append(leaf: Uint8Array, sizeBefore: number): TileWrite[] {
    const writes: TileWrite[] = [];
    let node = leaf;
    for (let level = 0; ; level++) {
      const open = (this.partials[level] ??= []);
      open.push(node);
      const index = Math.floor(sizeBefore / 2 ** (TILE_HEIGHT * (level + 1)));
      const full = open.length === TILE_WIDTH;
      if (level === 0 && !full) return writes;
      const hashes = concat(open);
      if (!full) {
        writes.push({ level, index, hashes, inner: null });
        return writes;
      }
      const inner = innerNodes(hashes, this.sha);
      writes.push({ level, index, hashes, inner });
      node = inner.slice(inner.length - HASH_BYTES);
      this.partials[level] = [];
    }
  }
}

export function concat(hashes: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(hashes.length * HASH_BYTES);
  hashes.forEach((h, i) => out.set(h, i * HASH_BYTES));
  return out;
}

export function splitHashes(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += HASH_BYTES) out.push(bytes.slice(at, at + HASH_BYTES));
  return out;
}
