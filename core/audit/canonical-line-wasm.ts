/**
 * `scanCanonicalEventLine(bytes, start, end, true)` as a WebAssembly module, for the lines with a
 * seq of up to 9 digits (escapes, non-ASCII and numbers other than short integers, rare in audit
 * data, are checked by calls back to the JavaScript scanner's code). It
 * answers null for anything else — also for a line that is not canonical — and the caller then
 * asks the JavaScript scanner, which decides. So it never accepts a line that one refuses, and
 * where it accepts it finds the same positions (tests/core/audit/canonical-line-wasm.test.ts).
 *
 * Why: the CLI verifies one export and exits. JavaScript reads its first few thousand lines
 * interpreted, then waits for the optimising compiler; WebAssembly runs compiled from the first
 * line, and this module is a few kilobytes to compile.
 *
 * Memory: bytes 0–255 a class table (1: a byte a string holds unescaped), then per open container
 * of `data` its kind and last key, then the results; lines go from `DATA` on.
 */
import { special, type CanonicalEventLine } from "./canonical-line";
import { ACTOR_KINDS } from "./event";
import { name, op, section, sleb, uleb } from "./wasm-binary";

const KINDS_AT = 256; // u8 per depth: 1 object, 0 array
const KEYS_AT = 512; // per depth: i32 start and i32 end (closing quote) of the last key
const OUT = 1040; // i32 hashMember, prev, seq, event length
const SCRATCH_AT = 1056; // i32: where `scan` copies the event's bytes, after a 0x00
const EXPECTED = 1088; // 64 bytes: the prev a line must have, when `scan` is asked to check it
const DATA = 4096;
const MAX_DEPTH = 64;

const VOID = 0x40;

/** A function body under construction; labels are counted by the caller, as in the text format. */
class Body {
  readonly code: number[] = [];
  constructor(private readonly locals: number) {}
  x(...ops: number[]): this {
    for (const b of ops) this.code.push(b);
    return this;
  }
  get(i: number): this {
    return this.x(0x20, ...uleb(i));
  }
  set(i: number): this {
    return this.x(0x21, ...uleb(i));
  }
  tee(i: number): this {
    return this.x(0x22, ...uleb(i));
  }
  i32(n: number): this {
    return this.x(0x41, ...sleb(n));
  }
  load8(offset = 0): this {
    return this.x(0x2d, 0, ...uleb(offset));
  }
  load32(offset = 0, align = 2): this {
    return this.x(0x28, align, ...uleb(offset));
  }
  store8(offset = 0): this {
    return this.x(0x3a, 0, ...uleb(offset));
  }
  store32(offset = 0): this {
    return this.x(0x36, 2, ...uleb(offset));
  }
  /** Pops a condition; when it is true the function returns -1. */
  failIf(): this {
    return this.x(op.if, VOID).i32(-1).x(op.return, op.end);
  }
  /** Pops a byte; pushes whether it is an ASCII digit. */
  isDigit(): this {
    return this.i32(0x30).x(op.sub).i32(10).x(op.ltU);
  }
  /** local += n */
  inc(local: number, n = 1): this {
    return this.get(local).i32(n).x(op.add).set(local);
  }
  bytes(): number[] {
    const body = [...(this.locals > 0 ? [1, ...uleb(this.locals), 0x7f] : [0]), ...this.code];
    body.push(op.end);
    return [...uleb(body.length), ...body];
  }
}

/**
 * Functions 0 and 1 are imports, for what is rare in audit data: `number(start, end)`, 1 if that
 * spelling of a number other than a short integer is canonical, else 0; and `special(i, end)`,
 * the index after the escape or non-ASCII character at `i` in a string, or -1.
 */
const FN_NUMBER = 0;
const FN_SPECIAL = 1;
const FN_STRING = 2;
const FN_KEY = 3;
const FN_VALUE = 4;

/** string(at, limit): the string from its quote at `at`; the index after it, or -1. */
function stringBody(): number[] {
  const [AT, LIMIT, I, B] = [0, 1, 2, 3];
  const f = new Body(2);
  f.get(AT).get(LIMIT).x(op.geS).failIf();
  f.get(AT).load8().i32(0x22).x(op.ne).failIf();
  f.get(AT).i32(1).x(op.add).set(I);
  f.x(op.loop, VOID);
  f.get(I).get(LIMIT).x(op.geS).failIf();
  f.get(I).load8().tee(B).i32(0x22).x(op.eq);
  f.x(op.if, VOID).get(I).i32(1).x(op.add, op.return, op.end);
  f.get(B).load8().x(op.if, VOID).inc(I).x(op.br, 1, op.end); // the class table: 1 for plain
  f.get(I).get(LIMIT).x(op.call, FN_SPECIAL).tee(I).i32(0).x(op.ltS).failIf();
  f.x(op.br, 0, op.end, op.unreachable);
  return f.bytes();
}

/**
 * key(at, limit, depth): a key and its colon in the object open at `depth`, after that object's
 * previous key in byte order; the index after the colon, or -1.
 */
function keyBody(): number[] {
  const [AT, LIMIT, DEPTH, I, PREV, N, M, K, SLOT] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const f = new Body(6);
  f.get(AT).get(LIMIT).x(op.geS).failIf();
  f.get(AT).load8().i32(0x22).x(op.ne).failIf();
  f.get(AT).i32(1).x(op.add).set(I);
  f.x(op.block, VOID, op.loop, VOID);
  f.get(I).get(LIMIT).x(op.geS).failIf();
  f.get(I).load8().tee(K).i32(0x22).x(op.eq, op.brIf, 1);
  f.get(K).load8().x(op.eqz).failIf();
  f.inc(I).x(op.br, 0, op.end, op.end);
  f.get(I).i32(1).x(op.add).get(LIMIT).x(op.geS).failIf();
  f.get(I).load8(1).i32(0x3a).x(op.ne).failIf(); // :
  f.get(DEPTH).i32(3).x(op.shl).i32(KEYS_AT).x(op.add).set(SLOT);
  f.get(SLOT).load32().tee(PREV).i32(0).x(op.geS, op.if, VOID);
  {
    // Strictly increasing: the previous key a proper prefix, or smaller at the first change.
    f.get(SLOT).load32(4).get(PREV).x(op.sub).set(N);
    f.get(I).get(AT).x(op.sub).set(M);
    f.i32(1).set(K);
    f.x(op.block, VOID, op.loop, VOID);
    f.get(K).get(N).x(op.ltS).get(K).get(M).x(op.ltS, op.and);
    f.get(PREV).get(K).x(op.add).load8().get(AT).get(K).x(op.add).load8().x(op.eq, op.and);
    f.x(op.eqz, op.brIf, 1);
    f.inc(K).x(op.br, 0, op.end, op.end);
    f.get(K).get(M).x(op.eq).failIf();
    f.get(K).get(N).x(op.ltS);
    f.get(PREV).get(K).x(op.add).load8().get(AT).get(K).x(op.add).load8().x(op.gtU, op.and);
    f.failIf();
  }
  f.x(op.end);
  f.get(SLOT).get(AT).store32();
  f.get(SLOT).get(I).store32(4);
  f.get(I).i32(2).x(op.add);
  return f.bytes();
}

const WORDS = ["true", "false", "null"].map((w) => Array.from(w, (c) => c.charCodeAt(0)));

/** value(at, limit): any JSON value of the kinds above, with an explicit stack; the index after it, or -1. */
function valueBody(): number[] {
  const [AT, LIMIT, I, DEPTH, B, J, FIRST, OBJ] = [0, 1, 2, 3, 4, 5, 6, 7];
  const f = new Body(6);
  f.get(AT).set(I);
  f.x(op.loop, VOID); // VALUE: a value starts at i
  f.get(I).get(LIMIT).x(op.geS).failIf();
  f.get(I).load8().set(B);
  f.x(op.block, VOID); // AFTER: a value ended at i
  // A string.
  f.get(B).i32(0x22).x(op.eq, op.if, VOID);
  f.get(I).get(LIMIT).x(op.call, FN_STRING).tee(I).i32(0).x(op.ltS).failIf();
  f.x(op.br, 1, op.end);
  // An object or an array: empty, or opened.
  f.get(B).i32(0x7b).x(op.eq).get(B).i32(0x5b).x(op.eq, op.or, op.if, VOID);
  {
    f.get(DEPTH).i32(MAX_DEPTH).x(op.eq).failIf();
    f.get(I).i32(1).x(op.add).get(LIMIT).x(op.ltS, op.if, VOID);
    f.get(I).load8(1).get(B).i32(2).x(op.add, op.eq, op.if, VOID);
    f.inc(I, 2).x(op.br, 3, op.end, op.end); // to AFTER
    f.inc(DEPTH);
    f.get(DEPTH).get(B).i32(0x7b).x(op.eq).store8(KINDS_AT);
    f.get(B).i32(0x7b).x(op.eq, op.if, VOID);
    f.get(DEPTH).i32(3).x(op.shl).i32(-1).store32(KEYS_AT);
    f.get(I).i32(1).x(op.add).get(LIMIT).get(DEPTH).x(op.call, FN_KEY).tee(I);
    f.i32(0).x(op.ltS).failIf();
    f.x(op.else).inc(I).x(op.end);
    f.x(op.br, 2); // to VALUE
  }
  f.x(op.end);
  // true, false, null.
  for (const word of WORDS) {
    f.get(B).i32(word[0]!).x(op.eq, op.if, VOID);
    f.get(I).i32(word.length).x(op.add).get(LIMIT).x(op.gtS).failIf();
    for (let k = 1; k < word.length; k++) f.get(I).load8(k).i32(word[k]!).x(op.ne).failIf();
    f.inc(I, word.length).x(op.br, 1, op.end);
  }
  // A number, read as `number` in canonical-line.ts reads it: a plain integer of up to 15
  // digits is decided here, any other spelling by the import.
  const PLAIN = B;
  f.get(I).set(J);
  f.get(J).load8().i32(0x2d).x(op.eq, op.if, VOID).inc(J).x(op.end);
  f.get(J).set(FIRST).i32(1).set(PLAIN);
  f.x(op.block, VOID, op.loop, VOID);
  f.get(J).get(LIMIT).x(op.geS, op.brIf, 1);
  f.get(J).load8().tee(OBJ).isDigit().x(op.eqz, op.if, VOID);
  f.get(OBJ).i32(0x2e).x(op.eq).get(OBJ).i32(0x65).x(op.eq, op.or);
  f.get(OBJ).i32(0x2b).x(op.eq, op.or).get(OBJ).i32(0x2d).x(op.eq, op.or);
  f.x(op.eqz, op.brIf, 2); // not . e + -: the number ended
  f.i32(0).set(PLAIN).x(op.end);
  f.inc(J).x(op.br, 0, op.end, op.end);
  f.get(J).get(FIRST).x(op.sub).tee(OBJ).x(op.eqz).failIf();
  // plain && length <= 15 && (first digit not 0 || (length == 1 && no minus))
  f.get(PLAIN).get(OBJ).i32(15).x(op.leS, op.and);
  f.get(FIRST)
    .load8()
    .i32(0x30)
    .x(op.ne)
    .get(OBJ)
    .i32(1)
    .x(op.eq)
    .get(FIRST)
    .get(I)
    .x(op.eq, op.and);
  f.x(op.or, op.and, op.eqz, op.if, VOID);
  f.get(I).get(J).x(op.call, FN_NUMBER, op.eqz).failIf();
  f.x(op.end);
  f.get(J).set(I);
  f.x(op.end); // AFTER
  // After a value: close containers, or go on to the next member or element.
  f.x(op.loop, VOID);
  f.get(DEPTH).x(op.eqz, op.if, VOID).get(I).x(op.return, op.end);
  f.get(I).get(LIMIT).x(op.geS).failIf();
  f.get(I).load8().set(B);
  f.get(DEPTH).load8(KINDS_AT).set(OBJ);
  f.get(B).i32(0x5d).get(OBJ).i32(5).x(op.shl, op.add, op.eq, op.if, VOID); // ] or }
  f.get(DEPTH).i32(1).x(op.sub).set(DEPTH).inc(I).x(op.br, 1, op.end);
  f.get(B).i32(0x2c).x(op.ne).failIf();
  f.get(OBJ).x(op.if, VOID);
  f.get(I).i32(1).x(op.add).get(LIMIT).get(DEPTH).x(op.call, FN_KEY).tee(I);
  f.i32(0).x(op.ltS).failIf();
  f.x(op.else).inc(I).x(op.end);
  f.x(op.end); // the after-value loop
  f.x(op.br, 0, op.end, op.unreachable);
  return f.bytes();
}

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
/** memory.copy(to, from, n), of bulk memory operations. */
const MEMORY_COPY = [0xfc, 10, 0, 0];
/** `,"hash":"` + 64 + `"` */
const HASH_MEMBER_LENGTH = 74;

/**
 * scan(start, limit, checkPrev): the index of the line's "\n", or -1 (see the file comment); the
 * event's bytes are then at the scratch area. It follows the plan of `scanCanonicalEventLine`
 * (canonical-line.ts), member by member.
 */
function scanBody(): number[] {
  const [START, LIMIT, CHECK_PREV, AT, FROM, N, SEQ, HASH_MEMBER, TO] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const f = new Body(6);
  f.get(START).set(AT);
  const fixed = (text: string) => {
    const b = ascii(text);
    f.get(AT).i32(b.length).x(op.add).get(LIMIT).x(op.gtS).failIf();
    b.forEach((c, k) => f.get(AT).load8(k).i32(c).x(op.ne).failIf());
    f.inc(AT, b.length);
    f.get(AT).get(LIMIT).x(op.geS).failIf(); // a field follows
  };
  const nonEmptyString = () => {
    f.get(AT).set(FROM);
    f.get(AT).get(LIMIT).x(op.call, FN_STRING).tee(AT);
    f.get(FROM).i32(3).x(op.add, op.ltS).failIf();
  };
  const nullable = () => {
    f.get(AT).load8().i32(0x6e).x(op.eq, op.if, VOID);
    f.get(AT).i32(4).x(op.add).get(LIMIT).x(op.gtS).failIf();
    ascii("ull").forEach((c, k) =>
      f
        .get(AT)
        .load8(k + 1)
        .i32(c)
        .x(op.ne)
        .failIf(),
    );
    f.inc(AT, 4).x(op.else);
    nonEmptyString();
    f.x(op.end);
  };
  fixed('{"actor":{"id":');
  nonEmptyString();
  fixed(',"kind":');
  f.x(op.block, VOID); // FOUND
  for (const kind of ACTOR_KINDS) {
    const b = ascii(JSON.stringify(kind));
    f.x(op.block, VOID);
    f.get(AT).i32(b.length).x(op.add).get(LIMIT).x(op.gtS, op.brIf, 0);
    b.forEach((c, k) => f.get(AT).load8(k).i32(c).x(op.ne, op.brIf, 0));
    f.inc(AT, b.length).x(op.br, 1, op.end);
  }
  f.i32(-1).x(op.return, op.end);
  fixed('},"data":');
  f.get(AT).get(LIMIT).x(op.call, FN_VALUE).tee(AT).i32(0).x(op.ltS).failIf();
  f.i32(OUT).get(AT).tee(HASH_MEMBER).store32();
  fixed(',"hash":"');
  f.inc(AT, 64);
  fixed('","prev":"');
  f.i32(OUT).get(AT).store32(4);
  // With `checkPrev`, prev must be the 64 bytes at EXPECTED (read past `limit` at worst: then
  // the line fails below anyway).
  f.get(CHECK_PREV).x(op.if, VOID);
  for (let k = 0; k < 64; k += 4) f.get(AT).load32(k, 0).i32(EXPECTED).load32(k).x(op.ne).failIf();
  f.x(op.end);
  f.inc(AT, 64);
  fixed('","run_id":');
  nullable();
  fixed(',"seq":');
  // 1–9 digits, no leading zero.
  f.get(AT).set(FROM).i32(0).set(SEQ);
  f.x(op.block, VOID, op.loop, VOID);
  f.get(AT).get(LIMIT).x(op.ltS).get(AT).load8().isDigit().x(op.and, op.eqz, op.brIf, 1);
  f.get(SEQ).i32(10).x(op.mul).get(AT).load8().x(op.add).i32(0x30).x(op.sub).set(SEQ);
  f.inc(AT).x(op.br, 0, op.end, op.end);
  f.get(AT).get(FROM).x(op.sub).tee(N).x(op.eqz).get(N).i32(9).x(op.gtS, op.or).failIf();
  f.get(FROM).load8().i32(0x30).x(op.eq).failIf();
  f.i32(OUT).get(SEQ).store32(8);
  fixed(',"step_id":');
  nullable();
  fixed(',"ts":');
  // YYYY-MM-DDTHH:MM:SS, an optional fraction of 1–9 digits, Z.
  f.get(AT).set(FROM);
  f.get(AT).get(LIMIT).x(op.call, FN_STRING).tee(AT).i32(0).x(op.ltS).failIf();
  f.get(AT).get(FROM).x(op.sub).i32(2).x(op.sub).set(N); // its length
  f.get(N).i32(20).x(op.ne).get(N).i32(22).x(op.ltS).get(N).i32(30).x(op.gtS, op.or, op.and);
  f.failIf();
  Array.from("DDDD-DD-DDTDD:DD:DD").forEach((c, k) => {
    f.get(FROM).load8(1 + k);
    if (c === "D") f.isDigit().x(op.eqz).failIf();
    else f.i32(c.charCodeAt(0)).x(op.ne).failIf();
  });
  const two = (k: number) => {
    f.get(FROM)
      .load8(1 + k)
      .i32(0x30)
      .x(op.sub)
      .i32(10)
      .x(op.mul);
    f.get(FROM)
      .load8(2 + k)
      .i32(0x30)
      .x(op.sub, op.add);
  };
  for (const [k, lo, hi] of [
    [5, 1, 12],
    [8, 1, 31],
    [11, 0, 23],
    [14, 0, 59],
    [17, 0, 59],
  ] as const) {
    two(k);
    f.tee(SEQ).i32(lo).x(op.ltS).get(SEQ).i32(hi).x(op.gtS, op.or).failIf();
  }
  f.get(AT).i32(2).x(op.sub).load8().i32(0x5a).x(op.ne).failIf(); // Z
  f.get(N).i32(20).x(op.ne, op.if, VOID);
  f.get(FROM).load8(20).i32(0x2e).x(op.ne).failIf(); // .
  f.get(FROM).i32(21).x(op.add).set(N);
  f.x(op.block, VOID, op.loop, VOID);
  f.get(N).get(AT).i32(2).x(op.sub, op.geS, op.brIf, 1);
  f.get(N).load8().isDigit().x(op.eqz).failIf();
  f.inc(N).x(op.br, 0, op.end, op.end);
  f.x(op.end);
  fixed(',"type":');
  nonEmptyString();
  // The closing brace, then the line's "\n".
  f.get(AT).i32(1).x(op.add).get(LIMIT).x(op.geS).failIf();
  f.get(AT).load8().i32(0x7d).x(op.ne).get(AT).load8(1).i32(0x0a).x(op.ne, op.or).failIf();
  f.inc(AT); // the "\n"
  // The event's bytes (the line without its hash member) to the scratch area, after its 0x00.
  f.i32(SCRATCH_AT).load32().i32(1).x(op.add).tee(TO);
  f.get(START)
    .get(HASH_MEMBER)
    .get(START)
    .x(op.sub)
    .x(...MEMORY_COPY);
  f.get(TO).get(HASH_MEMBER).get(START).x(op.sub, op.add);
  f.get(HASH_MEMBER).i32(HASH_MEMBER_LENGTH).x(op.add);
  f.get(AT)
    .get(HASH_MEMBER)
    .i32(HASH_MEMBER_LENGTH)
    .x(op.add, op.sub)
    .x(...MEMORY_COPY);
  f.i32(OUT).get(AT).get(START).x(op.sub).i32(HASH_MEMBER_LENGTH).x(op.sub).store32(12);
  f.get(AT);
  return f.bytes();
}

/**
 * The module's bytes: imports `env.number` and `env.special`; exports `memory` (one page, grown
 * by `wasmLineScanner` to the room it is asked for) and `scan`.
 */
export function canonicalLineModule(): Uint8Array {
  const bodies = [stringBody(), keyBody(), valueBody(), scanBody()];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    // types: 0 (i32, i32) → i32, 1 (i32, i32, i32) → i32
    ...section(1, [2, 0x60, 2, 0x7f, 0x7f, 1, 0x7f, 0x60, 3, 0x7f, 0x7f, 0x7f, 1, 0x7f]),
    ...section(2, [
      2,
      ...name("env"),
      ...name("number"),
      0,
      0,
      ...name("env"),
      ...name("special"),
      0,
      0,
    ]),
    ...section(3, [4, 0, 1, 0, 1]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...name("memory"), 2, 0, ...name("scan"), 0, 5]),
    ...section(10, [bodies.length, ...bodies.flat()]),
  ]);
}

/** A scanner whose memory holds the lines it reads. */
export interface WasmLineScanner {
  /** `capacity` bytes of the module's memory: lines read into it can be scanned where they lie. */
  readonly bytes: Uint8Array;
  /**
   * `scanCanonicalEventLine(bytes, start, end, true)` for a line it can decide alone; null
   * otherwise (the JavaScript scanner decides).
   */
  scan(start: number, end: number): CanonicalEventLine | null;
  /** The prev `read` requires, as 64 ASCII bytes (the verifier keeps it current). */
  readonly expected: Uint8Array;
  /** `expected` becomes `bytes[at, at + 64)`. */
  expect(at: number): void;
  /**
   * `scan`, for a read loop: the end of the line (its "\n"), or -1 where `scan` gives null or the
   * line's prev is not `expected`. On success `line` holds the line's parts and `views(length)`
   * the event's bytes (the line without its hash member), copied.
   */
  read(start: number, end: number): number;
  readonly line: CanonicalEventLine & { length: number };
  /** `body`: the event's `length` bytes as `read` copied them; `leaf`: 0x00 and them. */
  views(length: number): { body: Uint8Array; leaf: Uint8Array };
}

/**
 * A `WasmLineScanner` with `capacity` bytes for lines, or null where WebAssembly is missing.
 * `module`: `canonicalLineModule()`'s bytes, when the host has them from before.
 */
export function wasmLineScanner(capacity: number, module?: Uint8Array): WasmLineScanner | null {
  if (typeof WebAssembly !== "object") return null;
  // The scan may read a few bytes past the end it is given (and then ignores them).
  const scratch = DATA + capacity + 64;
  const pages = Math.ceil((scratch + 1 + capacity) / 65536);
  // Compiled from bytes at run time, as Node allows; Workers refuse that (and type it so).
  const runtime = WebAssembly as unknown as {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  };
  let all = new Uint8Array(0);
  // `number` in canonical-line.ts, past its fast path (start and end are memory addresses).
  const number = (start: number, end: number): number => {
    let text = "";
    for (let j = start; j < end; j++) text += String.fromCharCode(all[j]!);
    const value = Number(text);
    return Number.isFinite(value) && String(value) === text ? 1 : 0;
  };
  let exports: Record<string, unknown>;
  try {
    const bytes = module ?? canonicalLineModule();
    const env = { number, special: (i: number, end: number) => special(all, i, end) };
    exports = new runtime.Instance(new runtime.Module(bytes), { env }).exports;
    (exports.memory as WebAssembly.Memory).grow(pages - 1);
  } catch {
    return null;
  }
  const { memory, scan } = exports as {
    memory: WebAssembly.Memory;
    scan: (start: number, limit: number, checkPrev: number) => number;
  };
  all = new Uint8Array(memory.buffer);
  for (let b = 0x20; b < 0x80; b++) all[b] = b === 0x22 || b === 0x5c ? 0 : 1;
  new Int32Array(memory.buffer, SCRATCH_AT, 1)[0] = scratch;
  const out = new Int32Array(memory.buffer, OUT, 4);
  const line = { hashMember: 0, prev: 0, seq: 0, end: 0, length: 0 };
  const views: ({ body: Uint8Array; leaf: Uint8Array } | undefined)[] = [];
  return {
    bytes: new Uint8Array(memory.buffer, DATA, capacity),
    expected: new Uint8Array(memory.buffer, EXPECTED, 64),
    line,
    expect(at) {
      all.copyWithin(EXPECTED, DATA + at, DATA + at + 64);
    },
    scan(start, end) {
      const newline = scan(DATA + start, DATA + end, 0);
      if (newline < 0) return null;
      return {
        hashMember: out[0]! - DATA,
        prev: out[1]! - DATA,
        seq: out[2]!,
        end: newline - DATA,
      };
    },
    read(start, end) {
      const newline = scan(DATA + start, DATA + end, 1);
      if (newline < 0) return -1;
      line.hashMember = out[0]! - DATA;
      line.prev = out[1]! - DATA;
      line.seq = out[2]!;
      line.length = out[3]!;
      return (line.end = newline - DATA);
    },
    views(length) {
      return (views[length] ??= {
        body: new Uint8Array(memory.buffer, scratch + 1, length),
        leaf: new Uint8Array(memory.buffer, scratch, length + 1),
      });
    },
  };
}
