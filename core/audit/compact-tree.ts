import { fromHex, toHex } from "../encoding";
import { isHex64 } from "./event";
import { emptyTreeRoot, HASH_BYTES, hashChildren } from "./merkle";
import { nobleSha256, type Sha256 } from "./sha256";

/**
 * Persistable state of a `CompactMerkleTree`: the tree size and the roots of the perfect
 * subtrees that make up the tree (one per set bit of `size`), largest (leftmost) first, in hex.
 * At most 53 hashes, so it fits in one small JSON value.
 */
export interface CompactTreeState {
  size: number;
  frontier: string[];
}

function bitCount(n: number): number {
  let bits = 0;
  for (; n > 0; n = Math.floor(n / 2)) bits += n % 2;
  return bits;
}

/**
 * An append-only RFC 6962 tree that keeps only its right frontier: O(log n) memory, amortised
 * one node hash per append, and the root at the current size without rereading any leaf.
 */
export class CompactMerkleTree {
  private readonly scratch = new Uint8Array(1 + 2 * HASH_BYTES);

  private constructor(
    private readonly sha: Sha256,
    private count: number,
    private readonly frontier: Uint8Array[],
  ) {}

  static empty(sha: Sha256 = nobleSha256): CompactMerkleTree {
    return new CompactMerkleTree(sha, 0, []);
  }

  /** Restores a tree from `toState()` output; throws TypeError when the state is inconsistent. */
  static fromState(state: unknown, sha: Sha256 = nobleSha256): CompactMerkleTree {
    const { size, frontier } = (state ?? {}) as Partial<CompactTreeState>;
    if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0)
      throw new TypeError("compact tree state: size must be a non-negative integer");
    if (!Array.isArray(frontier) || !frontier.every(isHex64))
      throw new TypeError("compact tree state: frontier must be an array of hex hashes");
    if (frontier.length !== bitCount(size))
      throw new TypeError(`compact tree state: size ${size} needs ${bitCount(size)} hashes`);
    return new CompactMerkleTree(sha, size, frontier.map(fromHex));
  }

  get size(): number {
    return this.count;
  }

  /** Appends one leaf hash (`hashLeaf(eventBytes)`). */
  append(leafHash: Uint8Array): void {
    this.appendSubtree(leafHash, 0);
  }

  /**
   * Appends 2^height leaves at once by the root of their perfect subtree (a leaf hash for
   * height 0). The tree's size must be a multiple of 2^height: the subtree then sits where the
   * frontier expects one of its height.
   */
  appendSubtree(root: Uint8Array, height: number): void {
    if (root.length !== HASH_BYTES) throw new TypeError("a subtree root must be 32 bytes");
    const leaves = 2 ** height;
    if (this.count % leaves !== 0)
      throw new RangeError(`a subtree of ${leaves} leaves cannot follow ${this.count} leaves`);
    let node = root;
    // Each trailing 1 bit of the old size (in units of the subtree) is a perfect subtree of the
    // same height that the new one completes.
    for (let n = this.count / leaves; n % 2 === 1; n = (n - 1) / 2)
      node = hashChildren(this.frontier.pop()!, node, this.sha, this.scratch);
    this.frontier.push(node === root ? root.slice() : node);
    this.count += leaves;
  }

  /** MTH of all leaves appended so far. */
  root(): Uint8Array {
    let i = this.frontier.length - 1;
    if (i < 0) return emptyTreeRoot(this.sha);
    let root = this.frontier[i]!;
    while (--i >= 0) root = hashChildren(this.frontier[i]!, root, this.sha, this.scratch);
    return root;
  }

  toState(): CompactTreeState {
    return { size: this.count, frontier: this.frontier.map(toHex) };
  }
}
