import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CompactMerkleTree } from "../../../core/audit/compact-tree";
import { simdSubtreeHasher } from "../../../core/audit/subtree-hasher";
import { toHex } from "../../../core/encoding";

/** RFC 6962 MTH of a perfect tree, straight from node:crypto (independent of core's hashing). */
function referenceRoot(leaves: Uint8Array[]): string {
  let level: Uint8Array[] = leaves.map((leaf) => Buffer.from(leaf));
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(
        createHash("sha256")
          .update(Buffer.from([1]))
          .update(level[i]!)
          .update(level[i + 1]!)
          .digest(),
      );
    level = next;
  }
  return Buffer.from(level[0]!).toString("hex");
}

const randomLeaves = (n: number) =>
  Array.from({ length: n }, () => new Uint8Array(randomBytes(32)));

describe("simdSubtreeHasher (WebAssembly SIMD SHA-256, four nodes per call)", () => {
  it("gives node:crypto's root for random leaves, at every height it supports", () => {
    for (let height = 2; height <= 10; height++) {
      const hasher = simdSubtreeHasher(height)!;
      expect(hasher.leaves).toBe(2 ** height);
      for (let round = 0; round < 3; round++) {
        const leaves = randomLeaves(hasher.leaves);
        leaves.forEach((leaf, i) => hasher.setLeaf(i, leaf));
        expect(toHex(hasher.root())).toBe(referenceRoot(leaves));
      }
    }
  });

  it("covers edge bytes (all zero, all 0xff) and a hash written straight into its memory", () => {
    const hasher = simdSubtreeHasher(3)!;
    for (const fill of [0x00, 0xff, 0x80, 0x01]) {
      const leaves = Array.from({ length: 8 }, (_, i) => new Uint8Array(32).fill(i % 2 ? fill : 0));
      leaves.forEach((leaf, i) => hasher.bytes.set(leaf, hasher.leafOffset(i)));
      expect(toHex(hasher.root())).toBe(referenceRoot(leaves));
      leaves.forEach((leaf, i) => expect(hasher.leafAt(i)).toEqual(leaf));
    }
  });

  it("refuses a leaf that is not 32 bytes and heights it cannot hash", () => {
    expect(() => simdSubtreeHasher(2)!.setLeaf(0, new Uint8Array(31))).toThrow(TypeError);
    expect(simdSubtreeHasher(1)).toBeNull();
    expect(simdSubtreeHasher(13)).toBeNull();
  });
});

describe("CompactMerkleTree.appendSubtree", () => {
  it("is appending the subtree's leaves one by one, for any mix of sizes", () => {
    const hasher = simdSubtreeHasher(2)!;
    for (const plan of [[4], [4, 4, 4], [1, 1, 1, 1, 4, 2, 2, 4], [2, 2, 1, 1, 2, 4, 4, 1]]) {
      const stepped = CompactMerkleTree.empty();
      const batched = CompactMerkleTree.empty();
      for (const count of plan) {
        const leaves = randomLeaves(count);
        for (const leaf of leaves) stepped.append(leaf);
        if (count === 4) {
          leaves.forEach((leaf, i) => hasher.setLeaf(i, leaf));
          batched.appendSubtree(hasher.root(), 2);
        } else if (count === 2) batched.appendSubtree(subtreeOf(leaves), 1);
        else batched.appendSubtree(leaves[0]!, 0);
        expect(batched.toState()).toEqual(stepped.toState());
        expect(toHex(batched.root())).toBe(toHex(stepped.root()));
      }
    }
  });

  it("refuses a subtree that does not fit the frontier", () => {
    const tree = CompactMerkleTree.empty();
    tree.append(new Uint8Array(32));
    expect(() => tree.appendSubtree(new Uint8Array(32), 1)).toThrow(RangeError);
    expect(() => tree.appendSubtree(new Uint8Array(16), 0)).toThrow(TypeError);
    expect(tree.size).toBe(1);
  });
});

/** The root of two leaves, by node:crypto. */
function subtreeOf(leaves: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.from(referenceRoot(leaves), "hex"));
}
