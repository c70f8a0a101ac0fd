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
  encodeTileIndex,
  parseTilePath,
  storedRows,
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
    rows(level, index) {
      reads.push(`${level}/${index}`);
      const key = `${level}/${index}`;
      if (index === Math.floor(size / 256 ** (level + 1))) {
        const open = builder.openRows(level);
        return withInner ? open : [open[0]!];
      }
      const hashes = stored.get(key);
      if (!hashes) return null;
      return storedRows(hashes, withInner ? (inner.get(key) ?? null) : null);
    },
  };
  return { leaves, source, stored, inner, builder, reads };
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

  it("keeps every tile's rows as the roots of its runs: full tiles, open tiles, and after a restart", () => {
    const size = 70_000; // open tiles: 112 leaves at level 0, 17 hashes at level 1, 1 at level 2
    const { leaves, stored, inner, builder } = buildTiles(size);
    const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
    const mth = (from: number, count: number) => hex(merkleRoot(leaves.slice(from, from + count)));
    const rowAt = (rows: readonly Uint8Array[], k: number, i: number) =>
      hex(rows[k]!.subarray(i * 32, i * 32 + 32));

    // A full level-0 tile: row k, node i covers leaves 256·N + 2^k·i … (+2^k).
    const full = storedRows(stored.get("0/5")!, inner.get("0/5")!);
    for (const [k, i] of [
      [0, 0],
      [1, 7],
      [3, 31],
      [7, 1],
      [8, 0],
    ] as const)
      expect(rowAt(full, k, i), `0/5 row ${k} node ${i}`).toBe(mth(5 * 256 + 2 ** k * i, 2 ** k));
    // A full level-1 tile: each hash is a level-0 tile's root; its root covers 65,536 leaves.
    const upper = storedRows(stored.get("1/0")!, inner.get("1/0")!);
    expect(rowAt(upper, 0, 200)).toBe(mth(200 * 256, 256));
    expect(rowAt(upper, 8, 0)).toBe(mth(0, 65_536));

    // The open level-0 tile keeps exactly its complete nodes.
    const open = builder.openRows(0);
    const first = size - (size % 256);
    expect(open.map((r) => r.length / 32)).toEqual([112, 56, 28, 14, 7, 3, 1, 0, 0]);
    for (let k = 0; k <= 6; k++)
      for (let i = 0; i < open[k]!.length / 32; i++)
        expect(rowAt(open, k, i), `open row ${k} node ${i}`).toBe(mth(first + 2 ** k * i, 2 ** k));
    expect(builder.openRows(1).map((r) => r.length / 32)).toEqual([17, 8, 4, 2, 1, 0, 0, 0, 0]);
    expect(rowAt(builder.openRows(1), 4, 0)).toBe(mth(65_536, 16 * 256));

    // A builder started from the open tiles' hashes alone (as on a restart) has the same rows.
    const split = (b: Uint8Array) =>
      Array.from({ length: b.length / 32 }, (_, i) => b.slice(i * 32, i * 32 + 32));
    const restarted = new TileBuilder(
      [0, 1, 2].map((level) => split(builder.openRows(level)[0]!)),
      sha,
    );
    for (const level of [0, 1, 2])
      expect(restarted.openRows(level).map(hex)).toEqual(builder.openRows(level).map(hex));
  });

  it("gives the same proofs from hashes alone when a source keeps no inner rows", () => {
    const size = 66_000;
    const { leaves, source } = buildTiles(size, false);
    const tree = new TiledTree(source, sha);
    expect(tree.root(size)).toEqual(merkleRoot(leaves, size, sha));
    expect(tree.inclusionProof(40_000, size)).toEqual(inclusionProof(leaves, 40_000, size, sha));
    expect(tree.consistencyProof(1_000, size)).toEqual(consistencyProof(leaves, 1_000, size, sha));
  });
});
