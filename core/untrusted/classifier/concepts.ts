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
const LETTER = /[\p{L}\p{N}]/u;
const letterCache = new Map<number, boolean>();
/** 0: neither, 1: a letter or digit of a spaced script, 2: Han or kana (or the kana marks). */
function charClass(c: number): 0 | 1 | 2 {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff))
    return c === 0x30fb ? 0 : 2;
  if (c === 0x3005) return 2;
  let letter = letterCache.get(c);
  if (letter === undefined) {
    letter = LETTER.test(String.fromCharCode(c));
    if (letterCache.size < 4096) letterCache.set(c, letter);
  }
  return letter ? 1 : 0;
}
// Arabic and Hebrew attach conjunctions, prepositions and the article to the word.
// Up to three such letters are tried off the front, fewest first.
const PROCLITIC = new Set([..."وفبلكا", ..."ושהבלמכ"].map((c) => c.charCodeAt(0)));

/** A trie over UTF-16 units: one map look-up per character, no slicing. */
interface Node {
  next: Map<number, Node>;
  /** The concept of a stem ending here (matches any word it begins), or -1. */
  prefix: number;
  /** The concept of a whole word ending here, or -1. */
  exact: number;
  /** A word ending here begins a two-word entry. */
  head: boolean;
}
const node = (): Node => ({ next: new Map(), prefix: -1, exact: -1, head: false });

interface Lexicon {
  words: Node;
  /** "first second" → concept, both whole words. */
  pairs: Map<string, number>;
  /** Han and kana entries: matched anywhere in a run (stored as prefixes). */
  cjk: Node;
}

function insert(root: Node, key: string): Node {
  let at = root;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    let next = at.next.get(c);
    if (!next) at.next.set(c, (next = node()));
    at = next;
  }
  return at;
}

function compile(): Lexicon {
  const lex: Lexicon = { words: node(), pairs: new Map(), cjk: node() };
  for (const words of Object.values(CONCEPT_WORDS)) {
    for (const [concept, list] of Object.entries(words)) {
      const c = id(concept as Concept);
      for (const raw of list.split(" ")) {
        const whole = raw.endsWith("$");
        const entry = fold(whole ? raw.slice(0, -1) : raw);
        if (CJK.test(entry)) {
          const end = insert(lex.cjk, entry);
          if (end.prefix < 0) end.prefix = c;
          continue;
        }
        const parts = entry.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
        if (parts.length >= 2) {
          const key = `${parts[0]} ${parts[1]}`;
          if (!lex.pairs.has(key)) lex.pairs.set(key, c);
          insert(lex.words, parts[0]!).head = true;
        } else if (parts.length === 1) {
          const end = insert(lex.words, parts[0]!);
          if (whole && end.exact < 0) end.exact = c;
          if (!whole && end.prefix < 0) end.prefix = c;
        }
      }
    }
  }
  return lex;
}

let lexicon: Lexicon | null = null;

interface WordMatch {
  /** The whole word's concept, else its longest stem's, else -1. */
  concept: number;
  /** The word may begin a two-word entry. */
  head: boolean;
}

function matchWord(root: Node, text: string, start: number, end: number): WordMatch {
  let at: Node | undefined = root;
  let best = -1;
  for (let i = start; i < end; i++) {
    at = at.next.get(text.charCodeAt(i));
    if (!at) return { concept: best, head: false };
    if (at.prefix >= 0) best = at.prefix;
  }
  return { concept: at.exact >= 0 ? at.exact : best, head: at.head };
}

/** The longest Han/kana entry starting at `start`: [concept, length], or null. */
function matchRun(root: Node, text: string, start: number, end: number): [number, number] | null {
  let at: Node | undefined = root;
  let best: [number, number] | null = null;
  for (let i = start; i < end; i++) {
    at = at.next.get(text.charCodeAt(i));
    if (!at) break;
    if (at.prefix >= 0) best = [at.prefix, i + 1 - start];
  }
  return best;
}

const STRUCTURE: [RegExp, Concept][] = [
  [/(?:https?:\/\/|\bwww\.)[^\s"'<>)\]]+/g, "URL"],
  [/(?:https?:\/\/|\bwww\.)[^\s"'<>)\]?]*\?[^\s"'<>)\]]*=/g, "URL_QUERY"],
  // Anchored at the start of a run and bounded: a long blob without "@" costs one pass.
  [/(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[a-z]{2,}/g, "EMAIL_ADDRESS"],
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
  // The previous word, while it may begin a two-word entry.
  let head: { start: number; end: number; concept: number; word: number } | null = null;
  const n = text.length;
  for (let i = 0; i < n;) {
    const kind = charClass(text.charCodeAt(i));
    if (kind === 0) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    while (end < n && charClass(text.charCodeAt(end)) === kind) end++;
    i = end;
    starts.push(start);
    if (kind === 2) {
      if (head && head.concept >= 0)
        marks.push({ concept: head.concept, at: head.start, word: head.word });
      head = null;
      for (let k = start; k < end;) {
        const hit = matchRun(lex.cjk, text, k, end);
        if (hit) marks.push({ concept: hit[0], at: k, word: word + ((k - start) >> 1) });
        k += hit ? hit[1] : 1;
      }
      word += ((end - start) >> 1) + 1;
      continue;
    }
    if (head) {
      const pair = lex.pairs.get(`${text.slice(head.start, head.end)} ${text.slice(start, end)}`);
      if (pair !== undefined) {
        marks.push({ concept: pair, at: head.start, word: head.word });
        head = null;
        word++;
        continue;
      }
      if (head.concept >= 0) marks.push({ concept: head.concept, at: head.start, word: head.word });
      head = null;
    }
    let match = matchWord(lex.words, text, start, end);
    for (let k = 1; match.concept < 0 && k <= 3 && end - start - k >= 2; k++) {
      if (!PROCLITIC.has(text.charCodeAt(start + k - 1))) break;
      match = matchWord(lex.words, text, start + k, end);
    }
    if (match.head) head = { start, end, concept: match.concept, word };
    else if (match.concept >= 0) marks.push({ concept: match.concept, at: start, word });
    word++;
  }
  if (head && head.concept >= 0)
    marks.push({ concept: head.concept, at: head.start, word: head.word });
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
  let hi = marks.length;
  while (first < hi) {
    const mid = (first + hi) >> 1;
    if (marks[mid]!.at < at) first = mid + 1;
    else hi = mid;
  }
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
