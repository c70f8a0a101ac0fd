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
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MAX_DEPTH = 64;

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const ACTOR_ID = ascii('{"actor":{"id":');
const ACTOR_KIND = ascii(',"kind":');
const DATA = ascii('},"data":');
const HASH = ascii(',"hash":"');
const PREV = ascii('","prev":"');
const RUN_ID = ascii('","run_id":');
const SEQ = ascii(',"seq":');
const STEP_ID = ascii(',"step_id":');
const TS = ascii(',"ts":');
const TYPE = ascii(',"type":');
const NULL = ascii("null");
const TRUE = ascii("true");
const FALSE = ascii("false");
const KINDS = ACTOR_KINDS.map((kind) => ascii(JSON.stringify(kind)));

/** Byte classes, by table lookup (the scan's inner loops). */
const PLAIN = 1; // ASCII a string holds unescaped
const HEX = 2; // lowercase hex digit (of a \u escape)
const DIGIT = 4;
const CLASS = new Uint8Array(256);
for (let b = 0x20; b < 0x80; b++) if (b !== QUOTE && b !== BACKSLASH) CLASS[b]! |= PLAIN;
for (const c of "0123456789abcdef") CLASS[c.charCodeAt(0)]! |= HEX;
for (const c of "0123456789") CLASS[c.charCodeAt(0)]! |= DIGIT;

/** The one-letter escapes JSON.stringify writes: \" \\ \b \f \n \r \t. */
const SHORT_ESCAPE = new Uint8Array(256);
for (const c of '"\\bfnrt') SHORT_ESCAPE[c.charCodeAt(0)] = 1;
/** Controls with a one-letter escape, which JSON.stringify never writes as \u00xx. */
const SHORT_ESCAPED_CONTROL = new Uint8Array(32);
for (const b of [0x08, 0x09, 0x0a, 0x0c, 0x0d]) SHORT_ESCAPED_CONTROL[b] = 1;

/** Each function takes the position to read at and returns the one after, or -1. */
function literal(bytes: Uint8Array, at: number, end: number, expected: Uint8Array): number {
  const n = expected.length;
  if (at < 0 || at + n > end) return -1;
  for (let i = 0; i < n; i++) if (bytes[at + i] !== expected[i]) return -1;
  return at + n;
}

/** A canonically escaped string. `key`: also refuse escapes and non-ASCII (keys compare as bytes). */
function string(bytes: Uint8Array, at: number, end: number, key: boolean): number {
  if (at < 0 || at >= end || bytes[at] !== QUOTE) return -1;
  let i = at + 1;
  while (i < end) {
    const b = bytes[i]!;
    if ((CLASS[b]! & PLAIN) !== 0) {
      i++;
      continue;
    }
    if (b === QUOTE) return i + 1;
    if (key) return -1;
    if (b === BACKSLASH) {
      if (i + 1 >= end) return -1;
      const e = bytes[i + 1]!;
      if (SHORT_ESCAPE[e] === 1) i += 2;
      else if (e === 0x75 /* u */ && i + 5 < end) {
        // \u00xx (lowercase): only for a control without a one-letter escape.
        if (bytes[i + 2] !== 0x30 || bytes[i + 3] !== 0x30) return -1;
        const hi = bytes[i + 4]!;
        const lo = bytes[i + 5]!;
        if ((hi !== 0x30 && hi !== 0x31) || (CLASS[lo]! & HEX) === 0) return -1;
        const code = (hi - 0x30) * 16 + (lo <= 0x39 ? lo - 0x30 : lo - 0x57);
        if (SHORT_ESCAPED_CONTROL[code] === 1) return -1;
        i += 6;
      } else return -1;
    } else if (b < 0x80)
      return -1; // a raw control character
    else {
      const n = utf8SequenceLength(bytes, i, end);
      if (n < 0) return -1;
      i += n;
    }
  }
  return -1;
}

/** A number as ECMAScript's Number::toString spells it (what RFC 8785 requires). */
function number(bytes: Uint8Array, at: number, end: number): number {
  let i = at;
  if (i < end && bytes[i] === 0x2d /* - */) i++;
  const first = i;
  let plainInteger = true;
  while (i < end) {
    const b = bytes[i]!;
    if ((CLASS[b]! & DIGIT) !== 0) i++;
    else if (b === 0x2e || b === 0x65 || b === 0x2b || b === 0x2d) {
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

/** Any canonical JSON value. */
function value(bytes: Uint8Array, at: number, end: number, depth: number): number {
  if (at < 0 || at >= end) return -1;
  const b = bytes[at]!;
  if (b === QUOTE) return string(bytes, at, end, false);
  if (b === 0x7b /* { */) return depth < MAX_DEPTH ? object(bytes, at, end, depth + 1) : -1;
  if (b === 0x5b /* [ */) return depth < MAX_DEPTH ? array(bytes, at, end, depth + 1) : -1;
  if (b === 0x74) return literal(bytes, at, end, TRUE);
  if (b === 0x66) return literal(bytes, at, end, FALSE);
  if (b === 0x6e) return literal(bytes, at, end, NULL);
  return number(bytes, at, end);
}

function object(bytes: Uint8Array, at: number, end: number, depth: number): number {
  let i = at + 1;
  if (i < end && bytes[i] === 0x7d /* } */) return i + 1;
  let lastKey = -1;
  let lastKeyEnd = -1;
  for (;;) {
    const keyEnd = string(bytes, i, end, true);
    if (keyEnd < 0 || keyEnd >= end) return -1;
    if (lastKey >= 0 && compareKeys(bytes, lastKey, lastKeyEnd, i, keyEnd) >= 0) return -1;
    lastKey = i;
    lastKeyEnd = keyEnd;
    if (bytes[keyEnd] !== 0x3a /* : */) return -1;
    i = value(bytes, keyEnd + 1, end, depth);
    if (i < 0 || i >= end) return -1;
    const next = bytes[i++];
    if (next === 0x7d) return i;
    if (next !== 0x2c /* , */) return -1;
  }
}

function array(bytes: Uint8Array, at: number, end: number, depth: number): number {
  let i = at + 1;
  if (i < end && bytes[i] === 0x5d /* ] */) return i + 1;
  for (;;) {
    i = value(bytes, i, end, depth);
    if (i < 0 || i >= end) return -1;
    const next = bytes[i++];
    if (next === 0x5d) return i;
    if (next !== 0x2c) return -1;
  }
}

/** A non-empty string, or also `null` when `nullable`. */
function nonEmptyString(bytes: Uint8Array, at: number, end: number, nullable: boolean): number {
  if (nullable && at >= 0 && bytes[at] === 0x6e) return literal(bytes, at, end, NULL);
  const after = string(bytes, at, end, false);
  return after > at + 2 ? after : -1;
}

/** Order of two ASCII key spans (each from its opening quote to after its closing one). */
function compareKeys(bytes: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): number {
  const aLength = aEnd - a - 2;
  const bLength = bEnd - b - 2;
  const n = Math.min(aLength, bLength);
  for (let i = 1; i <= n; i++) {
    const d = bytes[a + i]! - bytes[b + i]!;
    if (d !== 0) return d;
  }
  return aLength - bLength;
}

/** Length of the well-formed UTF-8 sequence of 2–4 bytes at `i` (no surrogates), or -1. */
function utf8SequenceLength(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i]!;
  const c1 = i + 1 < end ? bytes[i + 1]! : 0;
  const cont = (x: number) => x < end && (bytes[x]! & 0xc0) === 0x80;
  if (b >= 0xc2 && b <= 0xdf) return cont(i + 1) ? 2 : -1;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return c1 >= lo && c1 <= hi && cont(i + 2) ? 3 : -1;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return c1 >= lo && c1 <= hi && cont(i + 2) && cont(i + 3) ? 4 : -1;
  }
  return -1;
}

/** The two-digit number at `i`, or a negative number when either byte is not a digit. */
function twoDigits(bytes: Uint8Array, i: number): number {
  const hi = bytes[i]! - 0x30;
  const lo = bytes[i + 1]! - 0x30;
  return hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? hi * 10 + lo : -1;
}

/**
 * `isIsoUtcTimestamp` on the string spanning `at` (a quote) to `end` (after its quote), on the
 * bytes: YYYY-MM-DDTHH:MM:SS, an optional fraction of 1–9 digits, Z.
 */
function isoTimestamp(bytes: Uint8Array, at: number, end: number): boolean {
  const s = at + 1; // the first character
  const length = end - at - 2;
  if (length !== 20 && (length < 22 || length > 30)) return false;
  if (twoDigits(bytes, s) < 0 || twoDigits(bytes, s + 2) < 0) return false;
  if (bytes[s + 4] !== 0x2d || bytes[s + 7] !== 0x2d || bytes[s + 10] !== 0x54) return false; // - - T
  const month = twoDigits(bytes, s + 5);
  const day = twoDigits(bytes, s + 8);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const hour = twoDigits(bytes, s + 11);
  const minute = twoDigits(bytes, s + 14);
  const second = twoDigits(bytes, s + 17);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  if (bytes[s + 13] !== 0x3a || bytes[s + 16] !== 0x3a || bytes[s + length - 1] !== 0x5a)
    return false; // : : Z
  if (length === 20) return true;
  if (bytes[s + 19] !== 0x2e /* . */) return false;
  for (let i = s + 20; i < s + length - 1; i++) if ((CLASS[bytes[i]!]! & DIGIT) === 0) return false;
  return true;
}

const skip64 = (at: number): number => (at < 0 ? -1 : at + 64);

/**
 * The parts of `bytes[start, end)` if it is a canonical event line (see the file comment), else
 * null. Positions are indices into `bytes`.
 */
export function scanCanonicalEventLine(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
): CanonicalEventLine | null {
  let at = literal(bytes, start, end, ACTOR_ID);
  at = literal(bytes, nonEmptyString(bytes, at, end, false), end, ACTOR_KIND);
  if (at < 0) return null;
  let kindEnd = -1;
  for (const kind of KINDS) if ((kindEnd = literal(bytes, at, end, kind)) >= 0) break;
  at = literal(bytes, kindEnd, end, DATA);
  if (at < 0) return null;
  // The 64 bytes of `hash` and `prev` are only skipped: the verifier compares them with hex.
  const hashMember = value(bytes, at, end, 0);
  at = skip64(literal(bytes, hashMember, end, HASH));
  const prev = literal(bytes, at, end, PREV);
  at = literal(bytes, skip64(prev), end, RUN_ID);
  at = literal(bytes, nonEmptyString(bytes, at, end, true), end, SEQ);
  if (at < 0 || at >= end || bytes[at] === 0x2d) return null;
  const seqEnd = number(bytes, at, end);
  if (seqEnd < 0) return null;
  let seq = 0;
  for (let i = at; i < seqEnd; i++) {
    const b = bytes[i]!;
    if ((CLASS[b]! & DIGIT) === 0) return null; // a fraction or exponent: not an integer
    seq = seq * 10 + (b - 0x30);
  }
  if (seq < 1 || !Number.isSafeInteger(seq)) return null;
  at = nonEmptyString(bytes, literal(bytes, seqEnd, end, STEP_ID), end, true);
  at = literal(bytes, at, end, TS);
  const tsEnd = string(bytes, at, end, false);
  if (tsEnd < 0 || !isoTimestamp(bytes, at, tsEnd)) return null;
  at = nonEmptyString(bytes, literal(bytes, tsEnd, end, TYPE), end, false);
  if (at < 0 || at + 1 !== end || bytes[at] !== 0x7d) return null;
  return { hashMember, prev, seq };
}
