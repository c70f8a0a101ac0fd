/** A line diff (longest common subsequence) for comparing policy versions. */

export type DiffKind = "same" | "add" | "del";

export interface DiffLine {
  kind: DiffKind;
  text: string;
  /** 1-based line in the old text; null for an added line. */
  oldLine: number | null;
  /** 1-based line in the new text; null for a removed line. */
  newLine: number | null;
}

/**
 * Above this many cells (lines × lines after trimming the common start and end) the LCS table
 * would cost too much memory and time in a phone's browser; the middle is then shown as removed
 * and re-added, which is still a correct (if not minimal) diff.
 */
export const MAX_LCS_CELLS = 4_000_000;

/** Lines of a text; a final newline does not start another line, and CRLF counts as LF. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  const out: DiffLine[] = [];
  const same = (i: number, j: number) =>
    out.push({ kind: "same", text: a[i]!, oldLine: i + 1, newLine: j + 1 });
  const del = (i: number) => out.push({ kind: "del", text: a[i]!, oldLine: i + 1, newLine: null });
  const add = (j: number) => out.push({ kind: "add", text: b[j]!, oldLine: null, newLine: j + 1 });

  for (let k = 0; k < start; k++) same(k, k);
  middle(a, b, start, endA, endB, same, del, add);
  for (let i = endA, j = endB; i < a.length; i++, j++) same(i, j);
  return out;
}

function middle(
  a: readonly string[],
  b: readonly string[],
  start: number,
  endA: number,
  endB: number,
  same: (i: number, j: number) => void,
  del: (i: number) => void,
  add: (j: number) => void,
): void {
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_LCS_CELLS) {
    for (let i = start; i < endA; i++) del(i);
    for (let j = start; j < endB; j++) add(j);
    return;
  }
  // lcs[i * (m + 1) + j]: length of the LCS of a[start+i..endA) and b[start+j..endB).
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[start + i] === b[start + j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[start + i] === b[start + j]) {
      same(start + i++, start + j++);
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      del(start + i++); // removals before additions, as diff tools show them
    } else {
      add(start + j++);
    }
  }
  for (; i < n; i++) del(start + i);
  for (; j < m; j++) add(start + j);
}

export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === "add") added++;
    else if (line.kind === "del") removed++;
  }
  return { added, removed };
}

export type DiffHunk =
  | { kind: "line"; line: DiffLine }
  /** A run of unchanged lines hidden between changes (or before the first, after the last). */
  | { kind: "fold"; lines: DiffLine[] };

/**
 * Keeps `context` unchanged lines around each change and folds longer unchanged stretches, so a
 * one-line change in a long policy reads on a phone. With no change at all everything folds.
 */
export function foldUnchanged(lines: readonly DiffLine[], context = 3): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.kind !== "same") {
      hunks.push({ kind: "line", line: lines[i]! });
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end]!.kind === "same") end++;
    const head = i === 0 ? 0 : context;
    const tail = end === lines.length ? 0 : context;
    if (end - i > head + tail + 1) {
      for (let k = i; k < i + head; k++) hunks.push({ kind: "line", line: lines[k]! });
      hunks.push({ kind: "fold", lines: lines.slice(i + head, end - tail) });
      for (let k = end - tail; k < end; k++) hunks.push({ kind: "line", line: lines[k]! });
    } else {
      for (let k = i; k < end; k++) hunks.push({ kind: "line", line: lines[k]! });
    }
    i = end;
  }
  return hunks;
}
