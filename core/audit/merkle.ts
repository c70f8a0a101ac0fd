/**
 * RFC 6962 / RFC 9162 Merkle tree hashing over audit events: leaf = SHA-256(0x00 ‖ bytes),
 * node = SHA-256(0x01 ‖ left ‖ right), MTH split at the largest power of two below n.
 * Leaf indices are 0-based (event seq s is leaf s - 1). Sizes may exceed 2^32, so index
 * arithmetic uses division, not 32-bit bit operators.
 */
import { nobleSha256, type Sha256 } from "./sha256";

export const HASH_BYTES = 32;

/** Leaf hashes by index: an array, or a reader (e.g. over the Durable Object's SQLite rows). */
export type LeafHashes = readonly Uint8Array[] | ((index: number) => Uint8Array);

export function hashLeaf(data: Uint8Array, sha: Sha256 = nobleSha256): Uint8Array {
  const input = new Uint8Array(data.length + 1);
  input.set(data, 1);
  return sha.digest(input);
}

/** SHA-256(0x01 ‖ left ‖ right). `scratch` (65 bytes) avoids an allocation in hot loops. */
export function hashChildren(
  left: Uint8Array,
  right: Uint8Array,
  sha: Sha256 = nobleSha256,
  scratch: Uint8Array = new Uint8Array(1 + 2 * HASH_BYTES),
): Uint8Array {
  scratch[0] = 1;
  scratch.set(left, 1);
  scratch.set(right, 1 + HASH_BYTES);
  return sha.digest(scratch);
}

/** MTH of the empty tree: SHA-256 of the empty string. */
export function emptyTreeRoot(sha: Sha256 = nobleSha256): Uint8Array {
  return sha.digest(new Uint8Array(0));
}

export function hashesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const isOdd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/** The largest power of two strictly below n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && !isOdd(n)) n = half(n);
  return n === 1;
}

function isTreeSize(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
}

function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_BYTES;
}

function leafReader(leaves: LeafHashes, size: number): (index: number) => Uint8Array {
  if (!isTreeSize(size)) throw new RangeError(`invalid tree size ${size}`);
  if (typeof leaves !== "function" && size > leaves.length)
    throw new RangeError(`tree size ${size} exceeds the ${leaves.length} leaves given`);
  return (index) => {
    const leaf = typeof leaves === "function" ? leaves(index) : leaves[index];
    if (!isHash(leaf)) throw new TypeError(`leaf ${index} is not a 32-byte hash`);
    return leaf;
  };
}

/** MTH(D[start:end]) in one pass with a stack of perfect-subtree roots (end > start). */
function subtreeRoot(
  read: (index: number) => Uint8Array,
  start: number,
  end: number,
  sha: Sha256,
): Uint8Array {
  const stack: Uint8Array[] = [];
  const scratch = new Uint8Array(1 + 2 * HASH_BYTES);
  for (let i = start; i < end; i++) {
    let node = read(i);
    for (let count = i - start; isOdd(count); count = half(count))
      node = hashChildren(stack.pop()!, node, sha, scratch);
    stack.push(node);
  }
  let root = stack.pop()!;
  while (stack.length > 0) root = hashChildren(stack.pop()!, root, sha, scratch);
  return root;
}

/** RFC 6962 Merkle Tree Hash of the first `size` leaf hashes. */
export function merkleRoot(
  leaves: LeafHashes,
  size?: number,
  sha: Sha256 = nobleSha256,
): Uint8Array {
  if (size === undefined) {
    if (typeof leaves === "function") throw new TypeError("a leaf reader needs a tree size");
    size = leaves.length;
  }
  const read = leafReader(leaves, size);
  return size === 0 ? emptyTreeRoot(sha) : subtreeRoot(read, 0, size, sha);
}

/** MTH(D[start:end]) for 0 ≤ start < end, however the caller obtains it (leaves or tiles). */
export type SubtreeHash = (start: number, end: number) => Uint8Array;

/**
 * RFC 6962 §2.1.1 audit path for leaf `index` in the tree of the first `size` leaves, ordered
 * from the leaf's sibling up to the root's child. Reads every leaf below `size` once.
 */
export function inclusionProof(
  leaves: LeafHashes,
  index: number,
  size: number,
  sha: Sha256 = nobleSha256,
): Uint8Array[] {
  const read = leafReader(leaves, size);
  return inclusionProofFrom((s, e) => subtreeRoot(read, s, e, sha), index, size);
}

/** The same audit path from subtree hashes: O(log n) calls, each for an aligned subtree. */
export function inclusionProofFrom(
  subtree: SubtreeHash,
  index: number,
  size: number,
): Uint8Array[] {
  if (!isTreeSize(size)) throw new RangeError(`invalid tree size ${size}`);
  if (!isTreeSize(index) || index >= size)
    throw new RangeError(`leaf index ${index} is outside a tree of size ${size}`);
  const proof: Uint8Array[] = [];
  const path = (m: number, start: number, end: number): void => {
    const n = end - start;
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      path(m, start, start + k);
      proof.push(subtree(start + k, end));
    } else {
      path(m - k, start + k, end);
      proof.push(subtree(start, start + k));
    }
  };
  path(index, 0, size);
  return proof;
}

/**
 * RFC 6962 §2.1.2 consistency proof that the tree of the first `oldSize` leaves is a prefix of
 * the tree of the first `newSize` leaves. Requires 0 < oldSize ≤ newSize (equal sizes: empty).
 */
export function consistencyProof(
  leaves: LeafHashes,
  oldSize: number,
  newSize: number,
  sha: Sha256 = nobleSha256,
): Uint8Array[] {
  const read = leafReader(leaves, newSize);
  return consistencyProofFrom((s, e) => subtreeRoot(read, s, e, sha), oldSize, newSize);
}

/** The same consistency proof from subtree hashes (O(log n) calls). */
export function consistencyProofFrom(
  subtree: SubtreeHash,
  oldSize: number,
  newSize: number,
): Uint8Array[] {
  if (!isTreeSize(newSize)) throw new RangeError(`invalid tree size ${newSize}`);
  if (!isTreeSize(oldSize) || oldSize < 1 || oldSize > newSize)
    throw new RangeError(`no consistency proof from size ${oldSize} to size ${newSize}`);
  const proof: Uint8Array[] = [];
  const subproof = (m: number, start: number, end: number, complete: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!complete) proof.push(subtree(start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      subproof(m, start, start + k, complete);
      proof.push(subtree(start + k, end));
    } else {
      subproof(m - k, start + k, end, false);
      proof.push(subtree(start, start + k));
    }
  };
  subproof(oldSize, 0, newSize, true);
  return proof;
}

/** RFC 9162 §2.1.3.2: does `proof` show `leafHash` at `index` in the tree with `root`? */
export function verifyInclusion(
  claim: {
    index: number;
    size: number;
    leafHash: Uint8Array;
    proof: readonly Uint8Array[];
    root: Uint8Array;
  },
  sha: Sha256 = nobleSha256,
): boolean {
  const { index, size, leafHash, proof, root } = claim;
  if (!isTreeSize(index) || !isTreeSize(size) || index >= size) return false;
  if (!isHash(leafHash) || !isHash(root) || !Array.isArray(proof) || !proof.every(isHash))
    return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r, sha);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = hashChildren(r, p, sha);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && hashesEqual(r, root);
}

/** RFC 9162 §2.1.4.2: does `proof` show the `oldSize` tree is a prefix of the `newSize` one? */
export function verifyConsistency(
  claim: {
    oldSize: number;
    newSize: number;
    oldRoot: Uint8Array;
    newRoot: Uint8Array;
    proof: readonly Uint8Array[];
  },
  sha: Sha256 = nobleSha256,
): boolean {
  const { oldSize, newSize, oldRoot, newRoot, proof } = claim;
  if (!isTreeSize(oldSize) || !isTreeSize(newSize) || oldSize < 1 || oldSize > newSize)
    return false;
  if (!isHash(oldRoot) || !isHash(newRoot) || !Array.isArray(proof) || !proof.every(isHash))
    return false;
  if (oldSize === newSize) return proof.length === 0 && hashesEqual(oldRoot, newRoot);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr, sha);
      sr = hashChildren(c, sr, sha);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = hashChildren(sr, c, sha);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && hashesEqual(fr, oldRoot) && hashesEqual(sr, newRoot);
}
