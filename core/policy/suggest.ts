/**
 * "Did you mean" suggestions scored like Python's difflib (Ratcliff/Obershelp ratio), so the
 * hints and the operator-typo threshold agree with what Lynx reports.
 */

/** difflib.SequenceMatcher(None, a, b).ratio() for short strings (no autojunk). */
export function similarity(a: string, b: string): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  return (2 * matchingCharacters(a, 0, a.length, b, 0, b.length)) / total;
}

function matchingCharacters(
  a: string,
  alo: number,
  ahi: number,
  b: string,
  blo: number,
  bhi: number,
): number {
  if (alo >= ahi || blo >= bhi) return 0;
  // Longest common block; ties go to the earliest in a, then the earliest in b (as difflib).
  let bestI = alo;
  let bestJ = blo;
  let bestSize = 0;
  let prev = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>();
    for (let j = blo; j < bhi; j++) {
      if (a[i] !== b[j]) continue;
      const k = (prev.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > bestSize) {
        bestI = i - k + 1;
        bestJ = j - k + 1;
        bestSize = k;
      }
    }
    prev = next;
  }
  if (bestSize === 0) return 0;
  return (
    bestSize +
    matchingCharacters(a, alo, bestI, b, blo, bestJ) +
    matchingCharacters(a, bestI + bestSize, ahi, b, bestJ + bestSize, bhi)
  );
}

/** The best candidate scoring at least `cutoff` (difflib.get_close_matches with n=1). */
export function closest(word: string, candidates: Iterable<string>, cutoff = 0.6): string | null {
  let best: string | null = null;
  let bestScore = cutoff;
  for (const candidate of candidates) {
    const score = similarity(word, candidate);
    if (score > bestScore || (score === bestScore && best === null)) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

export function didYouMean(word: string, candidates: Iterable<string>, cutoff = 0.6): string {
  const match = closest(word, candidates, cutoff);
  return match === null ? "" : ` (did you mean "${match}"?)`;
}
