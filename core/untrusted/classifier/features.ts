/**
 * Hashed features for the injection classifier: character 1–4-grams and word 1–2-grams of the
 * lower-cased normalised text, digits mapped to "0", each hashed (FNV-1a) into one of
 * 2^HASH_BITS buckets. The vector is the bucket counts divided by the square root of the number
 * of features, so a score is one pass of table look-ups, with no allocation per feature. Pattern
 * findings inside the text are added as features of their own, each counted once, unscaled.
 */
export const HASH_BITS = 17;
export const BUCKETS = 1 << HASH_BITS;
const MASK = BUCKETS - 1;
const PRIME = 16777619;
const CHAR_SEED = 2166136261;
const WORD_SEED = 374761393;
const MAX_N = 4;

/** What the classifier reads: lower case, digits folded, whitespace single. */
export function classifierView(normalized: string): string {
  return normalized.toLowerCase().replace(/[0-9]/g, "0").replace(/\s+/g, " ");
}

/** Calls `visit(bucket)` for every feature of `text` (already `classifierView`). */
export function forEachFeature(text: string, visit: (bucket: number) => void): void {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let h = CHAR_SEED;
    for (let k = 0; k < MAX_N && i + k < n; k++) {
      h = Math.imul(h ^ text.charCodeAt(i + k), PRIME);
      visit((h ^ (h >>> 15)) & MASK);
    }
  }
  // Words: runs of letters/digits (a CJK run counts as one word); and pairs of adjacent words.
  let prev = 0;
  let h = WORD_SEED;
  let inWord = false;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    const wordChar =
      c > 127
        ? c !== 0x3000 && c !== 0x3001 && c !== 0x3002 && c !== 0xff0c
        : (c >= 97 && c <= 122) || c === 48 || c === 39 || c === 95;
    if (wordChar) {
      h = Math.imul(h ^ c, PRIME);
      inWord = true;
    } else if (inWord) {
      const word = (h ^ (h >>> 13)) >>> 0;
      visit((word ^ 0x5bd1e995) & MASK);
      if (prev !== 0) visit(Math.imul(prev ^ word, PRIME) & MASK);
      prev = word;
      h = WORD_SEED;
      inWord = false;
    }
  }
}

const HIT_SEED = 2654435761;
/**
 * The bucket of a pattern finding used as a feature ("rules:special-token", "kind:exfiltration:
 * strong"): the model learns how much each pattern counts and in which company, instead of a
 * fixed weight per rule.
 */
export function hitBucket(name: string): number {
  let h = HIT_SEED;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), PRIME);
  return (h ^ (h >>> 15)) & MASK;
}

/**
 * The value of each concept feature (classifier/concepts.ts): a window has a few dozen of them
 * against hundreds of n-grams, so they are counted once and scaled by the square root of their
 * number, like the n-grams, to keep the model from saturating on phrase-dense text.
 */
export const conceptScale = (count: number): number =>
  count > 0 ? CONCEPT_WEIGHT / Math.sqrt(count) : 0;
const CONCEPT_WEIGHT = 2;

/** Sparse feature vector (bucket → value) for training. */
export function featureVector(
  text: string,
  hits: readonly number[] = [],
  concepts: readonly number[] = [],
): Map<number, number> {
  const counts = new Map<number, number>();
  let total = 0;
  forEachFeature(text, (b) => {
    counts.set(b, (counts.get(b) ?? 0) + 1);
    total++;
  });
  const scale = total > 0 ? 1 / Math.sqrt(total) : 0;
  for (const [b, c] of counts) counts.set(b, c * scale);
  for (const b of hits) counts.set(b, (counts.get(b) ?? 0) + 1);
  const c = conceptScale(concepts.length);
  for (const b of concepts) counts.set(b, (counts.get(b) ?? 0) + c);
  return counts;
}
