// The console's line diff (policy versions), run in Node.
import { describe, expect, it } from "vitest";
import { diffLines, diffStats, foldUnchanged, MAX_LCS_CELLS, splitLines } from "../../web/src/diff";
import type { DiffLine } from "../../web/src/diff";

/** The old and new texts a diff describes, rebuilt from it. */
function sides(lines: readonly DiffLine[]): { old: string[]; new: string[] } {
  return {
    old: lines.filter((l) => l.kind !== "add").map((l) => l.text),
    new: lines.filter((l) => l.kind !== "del").map((l) => l.text),
  };
}

const signs = (lines: readonly DiffLine[]) =>
  lines.map((l) => `${{ same: " ", add: "+", del: "-" }[l.kind]}${l.text}`);

/** Deterministic pseudo-random lines drawn from a small alphabet, so they repeat. */
function randomLines(seed: number, count: number): string[] {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x;
  };
  return Array.from({ length: count }, () => `line ${next() % 6}`);
}

describe("splitLines", () => {
  it("does not count a final newline as a line and treats CRLF as LF", () => {
    expect(splitLines("")).toEqual([]);
    expect(splitLines("a")).toEqual(["a"]);
    expect(splitLines("a\n")).toEqual(["a"]);
    expect(splitLines("a\n\n")).toEqual(["a", ""]);
    expect(splitLines("a\r\nb\rc\n")).toEqual(["a", "b", "c"]);
  });
});

describe("diffLines", () => {
  it("marks every line unchanged for equal texts, with both line numbers", () => {
    const lines = diffLines("a\nb\n", "a\nb");
    expect(lines).toEqual([
      { kind: "same", text: "a", oldLine: 1, newLine: 1 },
      { kind: "same", text: "b", oldLine: 2, newLine: 2 },
    ]);
    expect(diffStats(lines)).toEqual({ added: 0, removed: 0 });
  });

  it("shows an insertion, a deletion and a change with the right line numbers", () => {
    expect(diffLines("a\nc", "a\nb\nc")).toEqual([
      { kind: "same", text: "a", oldLine: 1, newLine: 1 },
      { kind: "add", text: "b", oldLine: null, newLine: 2 },
      { kind: "same", text: "c", oldLine: 2, newLine: 3 },
    ]);
    expect(diffLines("a\nb\nc", "a\nc")).toEqual([
      { kind: "same", text: "a", oldLine: 1, newLine: 1 },
      { kind: "del", text: "b", oldLine: 2, newLine: null },
      { kind: "same", text: "c", oldLine: 3, newLine: 2 },
    ]);
    // A changed line is removed, then added.
    expect(signs(diffLines("x: 1\ny: 2\nz: 3", "x: 1\ny: 20\nz: 3"))).toEqual([
      " x: 1",
      "-y: 2",
      "+y: 20",
      " z: 3",
    ]);
  });

  it("handles empty sides", () => {
    expect(signs(diffLines("", "a\nb"))).toEqual(["+a", "+b"]);
    expect(signs(diffLines("a\nb", ""))).toEqual(["-a", "-b"]);
    expect(diffLines("", "")).toEqual([]);
  });

  it("keeps the longest common subsequence, not just the common ends", () => {
    // LCS of ABCBDAB and BDCABA has length 4; a diff keeping it changes 3 + 2 lines.
    const a = "A B C B D A B".split(" ").join("\n");
    const b = "B D C A B A".split(" ").join("\n");
    const lines = diffLines(a, b);
    expect(lines.filter((l) => l.kind === "same")).toHaveLength(4);
    expect(diffStats(lines)).toEqual({ added: 2, removed: 3 });
    expect(sides(lines)).toEqual({ old: a.split("\n"), new: b.split("\n") });
  });

  it("always describes both texts exactly, with increasing line numbers", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const a = randomLines(seed, seed % 13);
      const b = randomLines(seed * 7 + 3, (seed * 5) % 17);
      const lines = diffLines(a.join("\n"), b.join("\n"));
      expect(sides(lines)).toEqual({ old: a, new: b });
      const olds = lines.flatMap((l) => (l.oldLine === null ? [] : [l.oldLine]));
      const news = lines.flatMap((l) => (l.newLine === null ? [] : [l.newLine]));
      expect(olds).toEqual(a.map((_, i) => i + 1));
      expect(news).toEqual(b.map((_, i) => i + 1));
      // Minimal: the unchanged lines are a longest common subsequence.
      expect(lines.filter((l) => l.kind === "same")).toHaveLength(lcsLength(a, b));
    }
  });

  it("stays correct (if not minimal) for inputs too large for the LCS table", () => {
    const size = Math.ceil(Math.sqrt(MAX_LCS_CELLS)) + 10;
    const a = Array.from({ length: size }, (_, i) => `line ${i}`);
    // Shares many lines with `a` in another order: an LCS would keep some of them.
    const b = [...a].reverse().map((line, i) => (i % 2 === 0 ? line : `new ${i}`));
    a.unshift("head");
    b.unshift("head");
    a.push("tail");
    b.push("tail");
    const lines = diffLines(a.join("\n"), b.join("\n"));
    expect(sides(lines)).toEqual({ old: a, new: b });
    expect(lines[0]).toMatchObject({ kind: "same", text: "head" });
    expect(lines[lines.length - 1]).toMatchObject({ kind: "same", text: "tail" });
    // The middle is shown as removed and re-added as a whole.
    expect(diffStats(lines)).toEqual({ added: size, removed: size });
  });
});

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

describe("foldUnchanged", () => {
  const numbered = (n: number, prefix = "l") =>
    Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).join("\n");

  it("keeps three lines of context around a change and folds the rest", () => {
    const old = numbered(20);
    const changed = old.replace("l10\n", "l10 changed\n");
    const hunks = foldUnchanged(diffLines(old, changed));
    const shape = hunks.map((h) => (h.kind === "fold" ? `fold ${h.lines.length}` : h.line.text));
    expect(shape).toEqual([
      "fold 6",
      "l7",
      "l8",
      "l9",
      "l10",
      "l10 changed",
      "l11",
      "l12",
      "l13",
      "fold 7",
    ]);
    const folded = hunks.flatMap((h) => (h.kind === "fold" ? h.lines.map((l) => l.text) : []));
    expect(folded).toEqual([
      "l1",
      "l2",
      "l3",
      "l4",
      "l5",
      "l6",
      ...numbered(20).split("\n").slice(13),
    ]);
  });

  it("does not fold a stretch that is barely longer than its context", () => {
    const old = "a\nb\nc\nd\ne\nf\ng\nh";
    const changed = "A\nb\nc\nd\ne\nf\ng\nH";
    // 6 unchanged lines between two changes: 3 + 3 context, nothing worth folding.
    expect(foldUnchanged(diffLines(old, changed)).every((h) => h.kind === "line")).toBe(true);
  });

  it("folds everything when nothing changed, and keeps every line of an all-new text", () => {
    const same = foldUnchanged(diffLines(numbered(10), numbered(10)));
    expect(same).toHaveLength(1);
    expect(same[0]!.kind).toBe("fold");
    const fresh = foldUnchanged(diffLines("", numbered(10)));
    expect(fresh).toHaveLength(10);
    expect(foldUnchanged([])).toEqual([]);
  });
});
