/**
 * The concept layer of the classifier: the normalised text as a sequence of cross-lingual
 * concept marks (see concept-words.ts) plus structural marks (URLs, URLs with a query,
 * addresses, markdown images, role lines, ReAct steps, function-call JSON keys), turned into
 * hashed features: each concept, ordered pairs within a few words, triples in a row, and
 * unordered pairs anywhere in the window. A model that learns "IGNORE PREVIOUS INSTRUCTION" or
 * "SEND SECRET … URL_QUERY" from one language scores the same shape in every other.
 */
import { foldCharacters } from "../fold-characters";
import { identity } from "../mapped-text";
import { CONCEPT_WORDS, CONCEPTS } from "./concept-words";
import type { Concept } from "./concept-words";

export interface ConceptMark {
  concept: number;
  /** Offset in the normalised text. */
  at: number;
  /** Position in words (a Han/kana run counts one word per two characters). */
  word: number;
}

const id = (c: Concept): number => CONCEPTS.indexOf(c);
const fold = (s: string): string => foldCharacters(identity(s)).text.toLowerCase();

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
// Han/kana runs, and runs of other letters and digits (so "ai助手" is two tokens).
const TOKEN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}])+/gu;
// Arabic and Hebrew attach conjunctions, prepositions and the article to the word.
const PROCLITICS = /^(?:[وف]?(?:[بلك]?ال|لل|[بلك])|[وف]|[ושהבלמכ]{1,2})/;

interface Lexicon {
  exact: Map<string, number>;
  prefix: Map<string, number>;
  prefixLengths: number[];
  /** "first second" → concept, both whole words. */
  pairs: Map<string, number>;
  cjk: Map<string, number>;
  cjkMax: number;
}

function compile(): Lexicon {
  const lex: Lexicon = {
    exact: new Map(),
    prefix: new Map(),
    prefixLengths: [],
    pairs: new Map(),
    cjk: new Map(),
    cjkMax: 0,
  };
  const lengths = new Set<number>();
  for (const words of Object.values(CONCEPT_WORDS)) {
    for (const [concept, list] of Object.entries(words)) {
      const c = id(concept as Concept);
      for (const raw of list.split(" ")) {
        const whole = raw.endsWith("$");
        const entry = fold(whole ? raw.slice(0, -1) : raw);
        if (CJK.test(entry)) {
          if (!lex.cjk.has(entry)) lex.cjk.set(entry, c);
          lex.cjkMax = Math.max(lex.cjkMax, entry.length);
          continue;
        }
        const parts = entry.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
        if (parts.length >= 2) {
          const key = `${parts[0]} ${parts[1]}`;
          if (!lex.pairs.has(key)) lex.pairs.set(key, c);
        } else if (parts.length === 1) {
          const map = whole ? lex.exact : lex.prefix;
          if (!map.has(parts[0]!)) map.set(parts[0]!, c);
          if (!whole) lengths.add(parts[0]!.length);
        }
      }
    }
  }
  lex.prefixLengths = [...lengths].sort((a, b) => b - a);
  return lex;
}

let lexicon: Lexicon | null = null;

function wordConcept(lex: Lexicon, word: string): number {
  const exact = lex.exact.get(word);
  if (exact !== undefined) return exact;
  for (const n of lex.prefixLengths) {
    if (n > word.length) continue;
    const c = lex.prefix.get(n === word.length ? word : word.slice(0, n));
    if (c !== undefined) return c;
  }
  return -1;
}

const STRUCTURE: [RegExp, Concept][] = [
  [/(?:https?:\/\/|\bwww\.)[^\s"'<>)\]]+/g, "URL"],
  [/(?:https?:\/\/|\bwww\.)[^\s"'<>)\]?]*\?[^\s"'<>)\]]*=/g, "URL_QUERY"],
  [/[\w.+-]+@[\w-]+\.[a-z]{2,}/g, "EMAIL_ADDRESS"],
  [/!\[[^\]\n]{0,100}\]\(/g, "MD_IMAGE"],
  [
    /(?:^|\n)[ \t]*(?:[[<#*]+[ \t]*)?(?:system|assistant|user|developer|tool|human|ai)[ \t]*[\]>*]*[ \t]*:|<\|?im_start\|?>|<\|(?:system|user|assistant)\|>|\[inst\]|<<sys>>/g,
    "ROLE_LINE",
  ],
  [/(?:^|\n)[ \t]*(?:thought|action|action input|observation|final answer)[ \t]*:/g, "REACT_STEP"],
  [
    /"(?:name|function|tool|tool_name|arguments|parameters|action|action_input|recipient|to|url|cmd|command)"\s*:/g,
    "JSON_CALL",
  ],
];

/** The concept marks of `normalized` (the output of `normalizeForScan`), by position. */
export function conceptMarks(normalized: string): ConceptMark[] {
  const lex = (lexicon ??= compile());
  const text = normalized.toLowerCase();
  const marks: ConceptMark[] = [];
  const starts: number[] = [];
  let word = 0;
  let pending: { token: string; at: number; word: number } | null = null;
  const flush = () => {
    if (!pending) return;
    let c = wordConcept(lex, pending.token);
    if (c < 0) {
      const stripped = pending.token.replace(PROCLITICS, "");
      if (stripped !== pending.token && stripped.length >= 2) c = wordConcept(lex, stripped);
    }
    if (c >= 0) marks.push({ concept: c, at: pending.at, word: pending.word });
    pending = null;
  };
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    starts.push(m.index);
    if (CJK.test(token[0]!)) {
      flush();
      for (let i = 0; i < token.length;) {
        let hit = 0;
        for (let n = Math.min(lex.cjkMax, token.length - i); n >= 1; n--) {
          const c = lex.cjk.get(token.slice(i, i + n));
          if (c !== undefined) {
            marks.push({ concept: c, at: m.index + i, word: word + (i >> 1) });
            hit = n;
            break;
          }
        }
        i += hit || 1;
      }
      word += (token.length >> 1) + 1;
      continue;
    }
    if (pending) {
      const c = lex.pairs.get(`${pending.token} ${token}`);
      if (c !== undefined) {
        marks.push({ concept: c, at: pending.at, word: pending.word });
        pending = null;
        word++;
        continue;
      }
      flush();
    }
    pending = { token, at: m.index, word };
    word++;
  }
  flush();
  const wordAt = (at: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let structural = false;
  for (const [pattern, concept] of STRUCTURE) {
    for (const m of text.matchAll(pattern)) {
      const lead = m[0].length - m[0].replace(/^\s+/, "").length;
      const at = m.index + lead;
      marks.push({ concept: id(concept), at, word: wordAt(at) });
      structural = true;
    }
  }
  if (structural) marks.sort((a, b) => a.at - b.at || a.concept - b.concept);
  return marks;
}

/** Ordered pairs this many words apart or closer count as a phrase. */
const SKIP = 5;
/** Distinct concepts per window that form unordered pairs (bounds the cost). */
const MAX_DISTINCT = 24;
const PRIME = 16777619;
const SEED = 0x9e3779b1;
const bucket = (kind: number, a: number, b: number, c: number, mask: number): number => {
  let h = SEED;
  h = Math.imul(h ^ kind, PRIME);
  h = Math.imul(h ^ a, PRIME);
  h = Math.imul(h ^ b, PRIME);
  h = Math.imul(h ^ c, PRIME);
  return (h ^ (h >>> 15)) & mask;
};

/**
 * The feature buckets of the marks in `[at, stop)` (each once): concepts, ordered skip-pairs,
 * consecutive triples and unordered co-occurring pairs.
 */
export function conceptBuckets(
  marks: readonly ConceptMark[],
  at: number,
  stop: number,
  mask: number,
): number[] {
  let first = 0;
  while (first < marks.length && marks[first]!.at < at) first++;
  let end = first;
  while (end < marks.length && marks[end]!.at < stop) end++;
  const out = new Set<number>();
  const distinct: number[] = [];
  for (let i = first; i < end; i++) {
    const a = marks[i]!;
    out.add(bucket(1, a.concept, 0, 0, mask));
    if (!distinct.includes(a.concept) && distinct.length < MAX_DISTINCT) distinct.push(a.concept);
    for (let j = i + 1; j < end && marks[j]!.word - a.word <= SKIP; j++) {
      out.add(bucket(2, a.concept, marks[j]!.concept, 0, mask));
    }
    if (i + 2 < end && marks[i + 2]!.word - a.word <= SKIP + 1) {
      out.add(bucket(3, a.concept, marks[i + 1]!.concept, marks[i + 2]!.concept, mask));
    }
  }
  distinct.sort((a, b) => a - b);
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) {
      out.add(bucket(4, distinct[i]!, distinct[j]!, 0, mask));
    }
  }
  return [...out];
}
