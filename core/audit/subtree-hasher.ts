/**
 * Roots of perfect Merkle subtrees (RFC 6962 interior nodes, SHA-256(0x01 ‖ left ‖ right)),
 * hashed level by level four nodes at a time by the SIMD module of `sha256-x4-wasm.ts`. The
 * verifier collects a batch of leaf hashes here and appends the batch's root to its compact
 * tree in one step (`CompactMerkleTree.appendSubtree`) instead of one native call per node.
 */
import { HASH_BYTES } from "./merkle";
import { PAGES, sha256x4Module } from "./sha256-x4-wasm";

export interface SubtreeHasher {
  /** Leaves per subtree: a power of two. */
  readonly leaves: number;
  /** log2(leaves): the height of the subtree. */
  readonly height: number;
  /** Sets leaf `index` (0 ≤ index < leaves) of the current batch. */
  setLeaf(index: number, leafHash: Uint8Array): void;
  /** Leaf `index` is `bytes[leafOffset(index), +32)`: a hash may be written there directly. */
  readonly bytes: Uint8Array;
  leafOffset(index: number): number;
  /** Leaf `index` as set, in a new array. */
  leafAt(index: number): Uint8Array;
  /** The root over the `leaves` leaves set, in a new array. */
  root(): Uint8Array;
}

const SLOT = 128; // one padded two-block message: 0x01 ‖ left ‖ right ‖ padding
const STATE_BYTES = 128;
const MIN_SLOTS = 4; // a call hashes four messages, so every level has room for four

/**
 * A `SubtreeHasher` over WebAssembly SIMD, or null where WebAssembly or its SIMD is missing.
 * `height` ≥ 2 (the module hashes four nodes at a time); the default, 10, hashes 1,024 leaves.
 * `module`: `sha256x4Module()`'s bytes, when the host has them from before (emitting them costs
 * a short-lived process ~10 ms of unoptimised code).
 */
export function simdSubtreeHasher(height = 10, module?: Uint8Array): SubtreeHasher | null {
  if (typeof WebAssembly !== "object" || height < 2 || height > 12) return null;
  const bytes = module ?? sha256x4Module();
  // Compiled from bytes at run time, as Node allows; Workers refuse that (and type it so).
  const runtime = WebAssembly as unknown as {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (module: object) => { exports: Record<string, unknown> };
  };
  let exports: Record<string, unknown>;
  try {
    // Compiling validates (a CompileError where SIMD is missing): no separate validate() pass.
    exports = new runtime.Instance(new runtime.Module(bytes)).exports;
  } catch {
    return null;
  }
  const { memory, level } = exports as {
    memory: WebAssembly.Memory;
    level: (src: number, dst: number, groups: number) => void;
  };
  const mem = new Uint8Array(memory.buffer, 0, PAGES * 65536);
  // Level ℓ (0 = the leaves' pairs) starts at regions[ℓ]; the last region receives the root.
  const regions: number[] = [];
  let at = STATE_BYTES;
  for (let pairs = 2 ** (height - 1); ; pairs /= 2) {
    regions.push(at);
    const slots = Math.max(pairs, MIN_SLOTS);
    for (let s = 0; s < slots; s++) {
      const slot = at + s * SLOT;
      mem[slot] = 0x01;
      mem[slot + 1 + 2 * HASH_BYTES] = 0x80;
      mem[slot + SLOT - 2] = 0x02; // bit length 520 = 0x0208, big-endian
      mem[slot + SLOT - 1] = 0x08;
    }
    at += slots * SLOT;
    if (pairs < 1) break;
  }
  const leaves = 2 ** height;
  const base = regions[0]!;
  const top = regions[regions.length - 1]!;
  const leafOffset = (index: number) => base + (index >> 1) * SLOT + 1 + (index & 1) * HASH_BYTES;
  return {
    leaves,
    height,
    bytes: mem,
    leafOffset,
    setLeaf(index, leafHash) {
      if (leafHash.length !== HASH_BYTES) throw new TypeError("leaf hash must be 32 bytes");
      const offset = leafOffset(index);
      for (let i = 0; i < HASH_BYTES; i++) mem[offset + i] = leafHash[i]!;
    },
    leafAt(index) {
      const offset = leafOffset(index);
      return mem.slice(offset, offset + HASH_BYTES);
    },
    root() {
      for (let l = 0, pairs = leaves / 2; pairs >= 1; l++, pairs /= 2)
        level(regions[l]!, regions[l + 1]!, Math.ceil(pairs / 4));
      return mem.slice(top + 1, top + 1 + HASH_BYTES);
    },
  };
}
