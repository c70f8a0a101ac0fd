import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  consistencyProof,
  inclusionProof,
  merkleRoot,
  verifyConsistency,
  verifyInclusion,
} from "../../../core/audit/merkle";
import { sha256FromDigest } from "../../../core/audit/sha256";
import {
  concat,
  encodeTileIndex,
  parseTilePath,
  TileBuilder,
  TiledTree,
  tilePath,
  type TileSource,
} from "../../../core/audit/tiles";

const sha = sha256FromDigest((d) => new Uint8Array(createHash("sha256").update(d).digest()));
const leafOf = (i: number) => new Uint8Array(createHash("sha256").update(`leaf ${i}`).digest());

/** Tiles as a log would store them after `size` appends (stored writes + the open tiles). */
function buildTiles(size: number, withInner = true) {
  const stored = new Map<string, Uint8Array>();
  const inner = new Map<string, Uint8Array>();
  const builder = new TileBuilder([], sha);
  const leaves: Uint8Array[] = [];
  for (let i = 0; i < size; i++) {
    leaves.push(leafOf(i));
    for (const w of builder.append(leaves[i]!, i)) {
      stored.set(`${w.level}/${w.index}`, w.hashes);
      if (w.inner) inner.set(`${w.level}/${w.index}`, w.inner);
    }
  }
  const reads: string[] = [];
  const source: TileSource = {
    tile(level, index) {
      reads.push(`${level}/${index}`);
      if (index === Math.floor(size / 256 ** (level + 1))) return concat(builder.open(level));
      return stored.get(`${level}/${index}`) ?? null;
    },
    ...(withInner ? { inner: (level, index) => inner.get(`${level}/${index}`) ?? null } : {}),
  };
  return { leaves, source, stored, reads };
}

describe("tlog-tiles paths (c2sp.org/tlog-tiles)", () => {
  it("encodes N in three-digit groups with x prefixes, and W for partial tiles", () => {
    expect(encodeTileIndex(1234067)).toBe("x001/x234/067");
    expect(encodeTileIndex(0)).toBe("000");
    expect(encodeTileIndex(999)).toBe("999");
    expect(encodeTileIndex(1000)).toBe("x001/000");
    expect(tilePath(0, 1234067)).toBe("tile/0/x001/x234/067");
    expect(tilePath(2, 5, 12)).toBe("tile/2/005.p/12");
  });

  it("parses exactly the spec's spelling", () => {
    expect(parseTilePath("0/x001/x234/067")).toEqual({ level: 0, index: 1234067, width: 256 });
    expect(parseTilePath("3/005.p/255")).toEqual({ level: 3, index: 5, width: 255 });
    for (const bad of [
      "0/5",
      "0/0005",
      "0/x000/005",
      "0/005.p/0",
      "0/005.p/256",
      "64/000",
      "01/000",
      "0/005/",
      "entries/000",
    ])
      expect(parseTilePath(bad), bad).toBeNull();
  });
});

describe("a tree stored as tiles", () => {
  it(
    "gives the RFC 6962 root, inclusion and consistency proofs of the leaf-by-leaf computation",
    { timeout: 90_000 },
    () => {
      const size = 70_000; // level-0, level-1 and level-2 tiles, each with a partial one
      const { leaves, source, stored } = buildTiles(size);
      expect(stored.has("2/0")).toBe(true);
      expect(stored.get("2/0")!.length).toBe(32); // 65,536 leaves = one level-2 node
      const tree = new TiledTree(source, sha);
      for (const n of [1, 255, 257, 65_536, 65_537, size])
        expect(tree.root(n), `root ${n}`).toEqual(merkleRoot(leaves, n, sha));
      const cases: [number, number][] = [
        [0, 1],
        [255, 256],
        [256, 300],
        [65_535, 65_536],
        [65_536, size],
        [size - 1, size],
        [12_345, 66_000],
      ];
      for (const [index, n] of cases) {
        const proof = tree.inclusionProof(index, n);
        expect(proof, `inclusion ${index}/${n}`).toEqual(inclusionProof(leaves, index, n, sha));
        expect(
          verifyInclusion(
            { index, size: n, leafHash: leaves[index]!, proof, root: tree.root(n) },
            sha,
          ),
        ).toBe(true);
      }
      for (const [m, n] of [
        [1, 2],
        [256, 257],
        [255, 65_537],
        [1000, size],
        [size, size],
      ] as [number, number][]) {
        const proof = tree.consistencyProof(m, n);
        expect(proof, `consistency ${m}→${n}`).toEqual(consistencyProof(leaves, m, n, sha));
        expect(
          verifyConsistency(
            { oldSize: m, newSize: n, oldRoot: tree.root(m), newRoot: tree.root(n), proof },
            sha,
          ),
        ).toBe(true);
      }
    },
  );

  it(
    "reads O(log n) tiles per proof and rebuilds the compact frontier",
    { timeout: 60_000 },
    () => {
      const size = 70_000;
      const { leaves, source, reads } = buildTiles(size);
      const tree = new TiledTree(source, sha);
      tree.inclusionProof(31_337, size);
      expect(new Set(reads).size).toBeLessThanOrEqual(9);
      const frontier = new TiledTree(source, sha).frontier(size);
      // 70,000 = 65,536 + 4,096 + 256 + 64 + 32 + 16: one root per set bit.
      expect(frontier).toHaveLength(6);
      expect(frontier[0]).toEqual(merkleRoot(leaves.slice(0, 65_536), 65_536, sha));
    },
  );
});
