import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { CompactMerkleTree } from "../../../core/audit/compact-tree";
import {
  consistencyProof,
  emptyTreeRoot,
  hashChildren,
  hashLeaf,
  inclusionProof,
  merkleRoot,
  verifyConsistency,
  verifyInclusion,
} from "../../../core/audit/merkle";
import { fromHex, toHex } from "../../../core/encoding";

// RFC 6962 reference data as used by Certificate Transparency's test suites.
const CT_DATA = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
].map(fromHex);
const CT_ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
const CT_INCLUSION = [
  {
    index: 0,
    size: 8,
    proof: [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
];
const CT_CONSISTENCY = [
  {
    oldSize: 1,
    newSize: 8,
    proof: [
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ],
  },
  {
    oldSize: 6,
    newSize: 8,
    proof: [
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ],
  },
  {
    oldSize: 2,
    newSize: 5,
    proof: [
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
    ],
  },
];
const CT_LEAVES = CT_DATA.map((d) => hashLeaf(d));

/** The RFC 6962 §2.1 definition, written out independently of core/audit/merkle.ts. */
function referenceMth(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  const l = referenceMth(leaves.slice(0, k));
  const r = referenceMth(leaves.slice(k));
  return sha256(Uint8Array.of(1, ...l, ...r));
}

const LEAVES = Array.from({ length: 70 }, (_, i) =>
  sha256(Uint8Array.of(0, ...new TextEncoder().encode(`event ${i}`))),
);
const ROOTS = Array.from({ length: 71 }, (_, n) => referenceMth(LEAVES.slice(0, n)));

const flip = (hash: Uint8Array, bit = 0): Uint8Array => {
  const out = hash.slice();
  out[bit >> 3]! ^= 1 << (bit & 7);
  return out;
};

describe("RFC 6962 hashing", () => {
  it("hashes leaves with 0x00 and nodes with 0x01", () => {
    expect(toHex(hashLeaf(new Uint8Array(0)))).toBe(CT_ROOTS[1]);
    const [a, b] = [CT_LEAVES[0]!, CT_LEAVES[1]!];
    expect(toHex(hashChildren(a, b))).toBe(CT_ROOTS[2]);
    expect(toHex(hashChildren(a, b))).toBe(toHex(sha256(Uint8Array.of(1, ...a, ...b))));
    expect(toHex(emptyTreeRoot())).toBe(CT_ROOTS[0]);
  });

  it("matches the published roots for sizes 0..8", () => {
    for (let n = 0; n <= 8; n++) {
      expect(toHex(merkleRoot(CT_LEAVES.slice(0, n))), `size ${n}`).toBe(CT_ROOTS[n]);
      expect(toHex(merkleRoot(CT_LEAVES, n)), `prefix ${n}`).toBe(CT_ROOTS[n]);
      const tree = CompactMerkleTree.empty();
      for (const leaf of CT_LEAVES.slice(0, n)) tree.append(leaf);
      expect(toHex(tree.root()), `compact ${n}`).toBe(CT_ROOTS[n]);
    }
  });

  it("matches the published inclusion and consistency proofs", () => {
    for (const v of CT_INCLUSION) {
      const proof = inclusionProof(CT_LEAVES, v.index, v.size);
      expect(proof.map(toHex)).toEqual(v.proof);
      const root = fromHex(CT_ROOTS[v.size]!);
      const claim = { index: v.index, size: v.size, leafHash: CT_LEAVES[v.index]!, proof, root };
      expect(verifyInclusion(claim)).toBe(true);
    }
    for (const v of CT_CONSISTENCY) {
      const proof = consistencyProof(CT_LEAVES, v.oldSize, v.newSize);
      expect(proof.map(toHex)).toEqual(v.proof);
      const oldRoot = fromHex(CT_ROOTS[v.oldSize]!);
      const newRoot = fromHex(CT_ROOTS[v.newSize]!);
      expect(verifyConsistency({ ...v, oldRoot, newRoot, proof })).toBe(true);
    }
  });

  it("agrees with the recursive definition for every size 0..70 (array, reader, compact)", () => {
    const tree = CompactMerkleTree.empty();
    for (let n = 0; n <= 70; n++) {
      expect(toHex(merkleRoot(LEAVES.slice(0, n))), `array ${n}`).toBe(toHex(ROOTS[n]!));
      expect(toHex(merkleRoot((i) => LEAVES[i]!, n)), `reader ${n}`).toBe(toHex(ROOTS[n]!));
      expect(tree.size).toBe(n);
      expect(toHex(tree.root()), `compact ${n}`).toBe(toHex(ROOTS[n]!));
      if (n < 70) tree.append(LEAVES[n]!);
    }
  });

  it("rejects sizes beyond the leaves and leaves that are not 32-byte hashes", () => {
    expect(() => merkleRoot(LEAVES.slice(0, 3), 4)).toThrow(RangeError);
    expect(() => merkleRoot([new Uint8Array(31)])).toThrow(TypeError);
    expect(() => merkleRoot((i) => LEAVES[i]!, -1)).toThrow(RangeError);
    expect(() => inclusionProof(LEAVES, 5, 5)).toThrow(RangeError);
    expect(() => inclusionProof(LEAVES, -1, 5)).toThrow(RangeError);
    expect(() => inclusionProof(LEAVES, 0, 71)).toThrow(RangeError);
    expect(() => consistencyProof(LEAVES, 0, 5)).toThrow(RangeError);
    expect(() => consistencyProof(LEAVES, 6, 5)).toThrow(RangeError);
  });
});

describe("compact tree state", () => {
  it("round-trips through JSON and keeps appending identically", () => {
    const a = CompactMerkleTree.empty();
    for (const leaf of LEAVES.slice(0, 45)) a.append(leaf);
    const state = JSON.parse(JSON.stringify(a.toState()));
    expect(state.size).toBe(45);
    expect(state.frontier).toHaveLength(4); // 45 = 32 + 8 + 4 + 1
    const b = CompactMerkleTree.fromState(state);
    expect(toHex(b.root())).toBe(toHex(ROOTS[45]!));
    for (const leaf of LEAVES.slice(45, 70)) {
      a.append(leaf);
      b.append(leaf);
    }
    expect(toHex(b.root())).toBe(toHex(ROOTS[70]!));
    expect(b.toState()).toEqual(a.toState());
  });

  it("keeps its own copy of appended leaves", () => {
    const tree = CompactMerkleTree.empty();
    const leaf = LEAVES[0]!.slice();
    tree.append(leaf);
    leaf.fill(0);
    expect(toHex(tree.root())).toBe(toHex(ROOTS[1]!));
  });

  it("refuses inconsistent or malformed state", () => {
    const hex = toHex(LEAVES[0]!);
    expect(() => CompactMerkleTree.fromState({ size: 3, frontier: [hex] })).toThrow(TypeError);
    expect(() => CompactMerkleTree.fromState({ size: 1, frontier: ["zz"] })).toThrow(TypeError);
    expect(() => CompactMerkleTree.fromState({ size: -1, frontier: [] })).toThrow(TypeError);
    expect(() => CompactMerkleTree.fromState({ size: 1.5, frontier: [hex] })).toThrow(TypeError);
    expect(() => CompactMerkleTree.fromState(null)).toThrow(TypeError);
    expect(CompactMerkleTree.fromState({ size: 0, frontier: [] }).size).toBe(0);
    expect(() => CompactMerkleTree.empty().append(new Uint8Array(31))).toThrow(TypeError);
  });
});

const MAX = 40;

describe("inclusion proofs, every leaf of every tree size 1..40", () => {
  it("verify, and fail for the wrong leaf, index, size, root or a mangled path", () => {
    let checked = 0;
    for (let n = 1; n <= MAX; n++) {
      const root = ROOTS[n]!;
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof((i) => LEAVES[i]!, m, n);
        const claim = { index: m, size: n, leafHash: LEAVES[m]!, proof, root };
        expect(verifyInclusion(claim), `${m}/${n}`).toBe(true);
        expect(inclusionProof(LEAVES, m, n)).toEqual(proof);
        checked++;

        expect(verifyInclusion({ ...claim, leafHash: LEAVES[n]! })).toBe(false);
        expect(verifyInclusion({ ...claim, root: ROOTS[n + 1]! })).toBe(false);
        if (n > 1) expect(verifyInclusion({ ...claim, index: (m + 1) % n })).toBe(false);
        expect(verifyInclusion({ ...claim, index: n })).toBe(false);
        expect(verifyInclusion({ ...claim, proof: [...proof, LEAVES[0]!] })).toBe(false);
        if (proof.length > 0) {
          for (let k = 0; k < proof.length; k++) {
            const mangled = proof.map((p, j) => (j === k ? flip(p, 9 * k) : p));
            expect(verifyInclusion({ ...claim, proof: mangled }), `flip ${k} ${m}/${n}`).toBe(
              false,
            );
          }
          expect(verifyInclusion({ ...claim, proof: proof.slice(0, -1) })).toBe(false);
          expect(verifyInclusion({ ...claim, proof: proof.slice(1) })).toBe(false);
          if (proof.length > 1)
            expect(
              verifyInclusion({ ...claim, proof: [proof[1]!, proof[0]!, ...proof.slice(2)] }),
            ).toBe(false);
        }
      }
    }
    expect(checked).toBe((MAX * (MAX + 1)) / 2);
  });

  it("rejects malformed claims instead of throwing", () => {
    const proof = inclusionProof(LEAVES, 3, 8);
    const claim = { index: 3, size: 8, leafHash: LEAVES[3]!, proof, root: ROOTS[8]! };
    expect(verifyInclusion(claim)).toBe(true);
    expect(verifyInclusion({ ...claim, leafHash: new Uint8Array(31) })).toBe(false);
    expect(verifyInclusion({ ...claim, root: new Uint8Array(33) })).toBe(false);
    expect(verifyInclusion({ ...claim, proof: [new Uint8Array(31), ...proof.slice(1)] })).toBe(
      false,
    );
    expect(verifyInclusion({ ...claim, index: -1 })).toBe(false);
    expect(verifyInclusion({ ...claim, index: 2.5 })).toBe(false);
    expect(verifyInclusion({ ...claim, size: 0, index: 0, proof: [] })).toBe(false);
  });
});

describe("consistency proofs, every pair 1 ≤ m ≤ n ≤ 40", () => {
  it("verify, and fail for wrong roots, sizes or a mangled path", () => {
    let checked = 0;
    for (let n = 1; n <= MAX; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof((i) => LEAVES[i]!, m, n);
        const claim = { oldSize: m, newSize: n, oldRoot: ROOTS[m]!, newRoot: ROOTS[n]!, proof };
        expect(verifyConsistency(claim), `${m}→${n}`).toBe(true);
        expect(consistencyProof(LEAVES, m, n)).toEqual(proof);
        checked++;

        if (m === n) {
          expect(proof).toEqual([]);
          expect(verifyConsistency({ ...claim, proof: [LEAVES[0]!] })).toBe(false);
          expect(verifyConsistency({ ...claim, newRoot: ROOTS[n + 1]! })).toBe(false);
          continue;
        }
        expect(verifyConsistency({ ...claim, oldRoot: flip(ROOTS[m]!) })).toBe(false);
        expect(verifyConsistency({ ...claim, newRoot: flip(ROOTS[n]!) })).toBe(false);
        expect(verifyConsistency({ ...claim, newRoot: ROOTS[n + 1]!, newSize: n + 1 })).toBe(false);
        if (m > 1) expect(verifyConsistency({ ...claim, oldRoot: ROOTS[m - 1]! })).toBe(false);
        expect(verifyConsistency({ ...claim, oldSize: n, newSize: m })).toBe(false);
        expect(verifyConsistency({ ...claim, proof: [] })).toBe(false);
        expect(verifyConsistency({ ...claim, proof: [...proof, LEAVES[0]!] })).toBe(false);
        expect(verifyConsistency({ ...claim, proof: proof.slice(0, -1) })).toBe(false);
        for (let k = 0; k < proof.length; k++) {
          const mangled = proof.map((p, j) => (j === k ? flip(p, 3 + k) : p));
          expect(verifyConsistency({ ...claim, proof: mangled }), `flip ${k} ${m}→${n}`).toBe(
            false,
          );
        }
        if (proof.length > 1 && toHex(proof[0]!) !== toHex(proof[1]!))
          expect(
            verifyConsistency({ ...claim, proof: [proof[1]!, proof[0]!, ...proof.slice(2)] }),
          ).toBe(false);
      }
    }
    expect(checked).toBe((MAX * (MAX + 1)) / 2);
  });

  it("rejects size 0 and malformed claims", () => {
    const proof = consistencyProof(LEAVES, 3, 7);
    const claim = { oldSize: 3, newSize: 7, oldRoot: ROOTS[3]!, newRoot: ROOTS[7]!, proof };
    expect(verifyConsistency(claim)).toBe(true);
    expect(verifyConsistency({ ...claim, oldSize: 0, oldRoot: ROOTS[0]!, proof: [] })).toBe(false);
    expect(verifyConsistency({ ...claim, oldRoot: new Uint8Array(31) })).toBe(false);
    expect(verifyConsistency({ ...claim, proof: [new Uint8Array(0), ...proof.slice(1)] })).toBe(
      false,
    );
  });
});
