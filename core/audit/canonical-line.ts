/**
 * A byte-level reader for the one spelling of an export line the log's writer produces: the
 * RFC 8785 canonical JSON of an event with its `hash` member (`formatEventLine`). It lets the
 * verifier check a line without decoding it to a string or parsing it into objects.
 *
 * It accepts a strict subset of what the general path (`JSON.parse` + `hashedAuditEventProblem`)
 * accepts: well-formed UTF-8, no whitespace, object keys ASCII without escapes and in strictly
 * increasing order (so no duplicates), strings escaped exactly as JSON.stringify escapes them
 * (no lone surrogates), numbers spelled as ECMAScript prints them, and the event's nine members
 * in their canonical order with the types the general path requires. Anything else — also
 * anything valid but unusual, like an escaped key — returns null and the caller takes the
 * general path, which then decides (and words the error).
 *
 * Shape, for speed in a short-lived process: the CLI verifies one export and exits, so the time
 * V8 spends optimising this code counts as much as the time it runs. The line is read by one
 * loop over a plan of fixed bytes and fields, and `data` by one loop with an explicit stack, so
 * that each helper has a single call site (an optimising compiler copies a helper into every
 * call site it inlines).
 */
import { ACTOR_KINDS } from "./event";

/** Where the parts the verifier needs sit in a line that passed `scanCanonicalEventLine`. */
export interface CanonicalEventLine {
  /**
   * Index of `,"hash":"`: the event's hashed bytes are the line without that 74-byte member.
   * Its 64 bytes are not checked: the caller compares them with the hash it computes.
   */
  hashMember: number;
  /** Index of the 64 bytes of `prev` (not checked: the caller compares them with hex). */
  prev: number;
  seq: number;
  /** Where the line ends: `end`, or with `toNewline` the index of its "\n". */
  end: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Containers `data` may nest (itself included). */
const MAX_DEPTH = 64;

/** What follows each fixed run of bytes of the plan. */
const NON_EMPTY = 0; // a non-empty string
const NULLABLE = 1; // a non-empty string or null
const KIND = 2; // one of ACTOR_KINDS, as a string
const DATA = 3; // any canonical JSON value; the `hash` member follows it
const HASH = 4; // the 64 bytes of hash, left to the caller
const PREV = 5; // the 64 bytes of prev, left to the caller
const SEQ = 6; // a positive safe integer
const TS = 7; // an ISO-8601 UTC timestamp string
const END = 8; // the line ends

const PLAN: [string, number][] = [
  ['{"actor":{"id":', NON_EMPTY],
  [',"kind":', KIND],
  ['},"data":', DATA],
  [',"hash":"', HASH],
  ['","prev":"', PREV],
  ['","run_id":', NULLABLE],
  [',"seq":', SEQ],
  [',"step_id":', NULLABLE],
  [',"ts":', TS],
  [',"type":', NON_EMPTY],
  ["}", END],
];
/** The plan's fixed bytes, one run after another; run k ends at FIXED_END[k]. */
const FIXED = Uint8Array.from(PLAN.map(([text]) => text).join(""), (c) => c.charCodeAt(0));
const FIXED_END = Int32Array.from(PLAN, (_, k) =>
  PLAN.slice(0, k + 1).reduce((n, [text]) => n + text.length, 0),
);
const FIELD = Uint8Array.from(PLAN, ([, field]) => field);
const KINDS = ACTOR_KINDS.map((kind) =>
  Uint8Array.from(JSON.stringify(kind), (c) => c.charCodeAt(0)),
);

/** Byte classes, by table lookup (the scan's inner loops). */
const PLAIN = 1; // ASCII a string holds unescaped
const HEX_DIGIT = 2; // lowercase hex digit (of a \u escape)
const DIGIT = 4;
const NUMBER = 8; // a byte a number's spelling may hold: 0-9 . e + -
const CLASS = new Uint8Array(256);
for (let b = 0x20; b < 0x80; b++) if (b !== QUOTE && b !== BACKSLASH) CLASS[b]! |= PLAIN;
for (const c of "0123456789abcdef") CLASS[c.charCodeAt(0)]! |= HEX_DIGIT;
for (const c of "0123456789") CLASS[c.charCodeAt(0)]! |= DIGIT;
for (const c of "0123456789.e+-") CLASS[c.charCodeAt(0)]! |= NUMBER;

/** The one-letter escapes JSON.stringify writes: \" \\ \b \f \n \r \t. */
const SHORT_ESCAPE = new Uint8Array(256);
for (const c of '"\\bfnrt') SHORT_ESCAPE[c.charCodeAt(0)] = 1;
/** Controls with a one-letter escape, which JSON.stringify never writes as \u00xx. */
const SHORT_ESCAPED_CONTROL = new Uint8Array(32);
for (const b of [0x08, 0x09, 0x0a, 0x0c, 0x0d]) SHORT_ESCAPED_CONTROL[b] = 1;

/**
 * A canonically escaped string from its opening quote at `at` (not checked); returns the index
 * after its closing quote, or -1. Plain bytes are skipped in a tight loop; the rest, rare in
 * audit data, is read by `special`.
 */
function string(bytes: Uint8Array, at: number, end: number): number {
  let i = at + 1;
  for (;;) {
    while (i < end && (CLASS[bytes[i]!]! & PLAIN) !== 0) i++;
    if (i >= end) return -1;
    if (bytes[i] === QUOTE) return i + 1;
    i = special(bytes, i, end);
    if (i < 0) return -1;
  }
}

/** The escape or non-ASCII character at `i` in a string: the index after it, or -1. */
export function special(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i]!;
  if (b === BACKSLASH) {
    if (i + 1 >= end) return -1;
    const e = bytes[i + 1]!;
    if (SHORT_ESCAPE[e] === 1) return i + 2;
    if (e !== 0x75 /* u */ || i + 5 >= end) return -1;
    // \u00xx (lowercase): only for a control without a one-letter escape.
    if (bytes[i + 2] !== 0x30 || bytes[i + 3] !== 0x30) return -1;
    const hi = bytes[i + 4]!;
    const lo = bytes[i + 5]!;
    if ((hi !== 0x30 && hi !== 0x31) || (CLASS[lo]! & HEX_DIGIT) === 0) return -1;
    const code = (hi - 0x30) * 16 + (lo <= 0x39 ? lo - 0x30 : lo - 0x57);
    return SHORT_ESCAPED_CONTROL[code] === 1 ? -1 : i + 6;
  }
  if (b < 0x80) return -1; // a raw control character
  // A well-formed UTF-8 sequence of 2–4 bytes, no surrogates, nothing above U+10FFFF.
  const c1 = i + 1 < end ? bytes[i + 1]! : 0;
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) n = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    n = 3;
    if (b === 0xe0) lo = 0xa0;
    if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    n = 4;
    if (b === 0xf0) lo = 0x90;
    if (b === 0xf4) hi = 0x8f;
  } else return -1;
  if (i + n > end || c1 < lo || c1 > hi) return -1;
  for (let k = 2; k < n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return -1;
  return i + n;
}

/** A number as ECMAScript's Number::toString spells it (what RFC 8785 requires). */
function number(bytes: Uint8Array, at: number, end: number): number {
  let i = at;
  if (i < end && bytes[i] === 0x2d /* - */) i++;
  const first = i;
  let plainInteger = true;
  while (i < end) {
    const c = CLASS[bytes[i]!]!;
    if ((c & DIGIT) !== 0) i++;
    else if ((c & NUMBER) !== 0) {
      plainInteger = false; // . e + -
      i++;
    } else break;
  }
  const length = i - first;
  if (length === 0) return -1;
  // Up to 15 digits, no leading zero, not -0: exactly what Number::toString prints.
  if (plainInteger && length <= 15 && (bytes[first] !== 0x30 || (length === 1 && first === at)))
    return i;
  let text = "";
  for (let j = at; j < i; j++) text += String.fromCharCode(bytes[j]!);
  const value = Number(text);
  return Number.isFinite(value) && String(value) === text ? i : -1;
}

/** Per open container of `value`: 1 for an object, 0 for an array; and its last key's span. */
const isObject = new Uint8Array(MAX_DEPTH + 1);
const lastKey = new Int32Array(MAX_DEPTH + 1);
const lastKeyEnd = new Int32Array(MAX_DEPTH + 1);

/**
 * The key at `at` of the object open at `depth` and its colon: ASCII, no escapes, after the
 * object's previous key in byte order. Returns the index after the colon, or -1.
 */
function key(bytes: Uint8Array, at: number, end: number, depth: number): number {
  if (at >= end || bytes[at] !== QUOTE) return -1;
  let i = at + 1;
  while (i < end && (CLASS[bytes[i]!]! & PLAIN) !== 0) i++;
  if (i + 1 >= end || bytes[i] !== QUOTE || bytes[i + 1] !== 0x3a /* : */) return -1;
  const previous = lastKey[depth]!;
  if (previous >= 0) {
    // Strictly increasing: the previous key is a proper prefix, or smaller at the first change.
    const n = lastKeyEnd[depth]! - previous;
    const m = i - at;
    let k = 1;
    while (k < n && k < m && bytes[previous + k] === bytes[at + k]) k++;
    if (k === m || (k < n && bytes[previous + k]! > bytes[at + k]!)) return -1;
  }
  lastKey[depth] = at;
  lastKeyEnd[depth] = i; // the closing quote
  return i + 2;
}

/** Any canonical JSON value at `at`: the index after it, or -1. */
function value(bytes: Uint8Array, at: number, end: number): number {
  let depth = 0;
  let i = at;
  for (;;) {
    // A value starts at i.
    if (i >= end) return -1;
    const b = bytes[i]!;
    if (b === QUOTE) i = string(bytes, i, end);
    else if (b === 0x7b /* { */ || b === 0x5b /* [ */) {
      if (depth === MAX_DEPTH) return -1;
      const close = b + 2; // } or ]
      if (i + 1 < end && bytes[i + 1] === close) i += 2;
      else {
        depth++;
        isObject[depth] = b === 0x7b ? 1 : 0;
        lastKey[depth] = -1;
        i = b === 0x7b ? key(bytes, i + 1, end, depth) : i + 1;
        if (i < 0) return -1;
        continue;
      }
    } else if (b === 0x74 /* t */ || b === 0x66 /* f */ || b === 0x6e /* n */) {
      const word = b === 0x74 ? LITERAL_TRUE : b === 0x66 ? LITERAL_FALSE : LITERAL_NULL;
      if (i + word.length > end) return -1;
      for (let k = 1; k < word.length; k++) if (bytes[i + k] !== word[k]) return -1;
      i += word.length;
    } else i = number(bytes, i, end);
    if (i < 0) return -1;
    // After a value: close containers, or go on to the next member or element.
    for (;;) {
      if (depth === 0) return i;
      if (i >= end) return -1;
      const c = bytes[i]!;
      if (c === (isObject[depth] === 1 ? 0x7d : 0x5d)) {
        depth--;
        i++;
        continue;
      }
      if (c !== 0x2c /* , */) return -1;
      i = isObject[depth] === 1 ? key(bytes, i + 1, end, depth) : i + 1;
      if (i < 0) return -1;
      break;
    }
  }
}

const LITERAL_TRUE = Uint8Array.of(0x74, 0x72, 0x75, 0x65);
const LITERAL_FALSE = Uint8Array.of(0x66, 0x61, 0x6c, 0x73, 0x65);
const LITERAL_NULL = Uint8Array.of(0x6e, 0x75, 0x6c, 0x6c);

/** Shape of `isIsoUtcTimestamp`'s first 19 characters: D a digit, others themselves. */
const TS_SHAPE = Uint8Array.from("DDDD-DD-DDTDD:DD:DD", (c) => c.charCodeAt(0));

/**
 * `isIsoUtcTimestamp` on the string from its quote at `at` to `end` (after its closing quote),
 * on the bytes: YYYY-MM-DDTHH:MM:SS, an optional fraction of 1–9 digits, Z.
 */
function isoTimestamp(bytes: Uint8Array, at: number, end: number): boolean {
  const s = at + 1; // the first character
  const length = end - at - 2;
  if (length !== 20 && (length < 22 || length > 30)) return false;
  for (let k = 0; k < 19; k++) {
    const shape = TS_SHAPE[k]!;
    const b = bytes[s + k]!;
    if (shape === 0x44 ? (CLASS[b]! & DIGIT) === 0 : b !== shape) return false;
  }
  const two = (k: number) => (bytes[s + k]! - 0x30) * 10 + bytes[s + k + 1]! - 0x30;
  const month = two(5);
  const day = two(8);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (two(11) > 23 || two(14) > 59 || two(17) > 59) return false;
  if (bytes[s + length - 1] !== 0x5a /* Z */) return false;
  if (length === 20) return true;
  if (bytes[s + 19] !== 0x2e /* . */) return false;
  for (let i = s + 20; i < s + length - 1; i++) if ((CLASS[bytes[i]!]! & DIGIT) === 0) return false;
  return true;
}

/**
 * The parts of `bytes[start, end)` if it is a canonical event line (see the file comment), else
 * null. Positions are indices into `bytes`. With `toNewline` the line is `bytes[start, n)` for
 * a "\n" at n < `end`, found by the scan itself: no byte of canonical JSON is a "\n", so the scan
 * stops at the first one, unless it lies in the 128 bytes of hash and prev, which are not read
 * (the verifier's comparison with hex then refuses the line). A read loop need not search for
 * line ends first.
 */
export function scanCanonicalEventLine(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
  toNewline = false,
): CanonicalEventLine | null {
  let at = start;
  let fixed = 0;
  let hashMember = -1;
  let prev = -1;
  let seq = 0;
  for (let k = 0; ; k++) {
    const fixedEnd = FIXED_END[k]!;
    if (at + fixedEnd - fixed > end) return null;
    for (; fixed < fixedEnd; fixed++, at++) if (bytes[at] !== FIXED[fixed]) return null;
    const field = FIELD[k]!;
    if (field === END) {
      const ended = toNewline ? at < end && bytes[at] === 0x0a : at === end;
      return ended ? { hashMember, prev, seq, end: at } : null;
    }
    if (at >= end) return null;
    const from = at;
    if (field === HASH || field === PREV) {
      if (field === PREV) prev = at;
      at += 64; // left to the caller, which compares them with hex
    } else if (field === DATA) {
      at = value(bytes, at, end);
      if (at < 0) return null;
      hashMember = at;
    } else if (field === KIND) {
      let kindEnd = -1;
      for (const kind of KINDS) {
        let n = 0;
        while (n < kind.length && at + n < end && bytes[at + n] === kind[n]) n++;
        if (n === kind.length) kindEnd = at + n;
      }
      if (kindEnd < 0) return null;
      at = kindEnd;
    } else if (field === SEQ) {
      // A positive safe integer: 1–16 digits, no leading zero (so not 0).
      while (at < end && (CLASS[bytes[at]!]! & DIGIT) !== 0) seq = seq * 10 + bytes[at++]! - 0x30;
      if (at === from || bytes[from] === 0x30 || at - from > 16 || !Number.isSafeInteger(seq))
        return null;
    } else if (field === NULLABLE && bytes[at] === 0x6e /* n */) {
      for (let n = 1; n < 4; n++)
        if (at + n >= end || bytes[at + n] !== LITERAL_NULL[n]) return null;
      at += 4;
    } else {
      // A non-empty string: NON_EMPTY, TS, or NULLABLE that is not null.
      if (bytes[at] !== QUOTE) return null;
      at = string(bytes, at, end);
      if (at < from + 3) return null; // -1, or ""
      if (field === TS && !isoTimestamp(bytes, from, at)) return null;
    }
  }
}
