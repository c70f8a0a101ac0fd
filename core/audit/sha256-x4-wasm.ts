/**
 * A WebAssembly module, emitted here as bytes, that hashes the interior nodes of a Merkle tree
 * level four at a time with 128-bit SIMD SHA-256 (each lane of an i32x4 is one message).
 *
 * Why: on Node one native SHA-256 call costs ~0.5 µs before hashing a byte, and an interior node
 * is only two blocks (0x01 ‖ left ‖ right, 65 bytes). Four lanes in one call hash a node in less
 * than half of that. Leaves stay on the native hash: at ~6 blocks each, native SHA-NI is faster.
 *
 * Memory layout the module expects (see `subtree-hasher.ts`): a level of a tree is an array of
 * 128-byte slots, one per pair of siblings, each already the padded two-block SHA-256 message
 * `0x01 ‖ left ‖ right ‖ 0x80 ‖ 0… ‖ bit length 520`. `level(src, dst, groups)` hashes the
 * 4 × `groups` slots from `src` and writes parent i into the next level's slot i / 2 at byte
 * 1 + 32 × (i mod 2), so the next level is ready to hash in turn.
 *
 * Exports: `memory` (`PAGES` pages) and `level(src, dst, groups)`. Bytes 0–127 are the state.
 */

/** SHA-256's round constants and initial state (FIPS 180-4 §4.2.2, §5.3.3). */
import { name, section, sleb, uleb } from "./wasm-binary";

export const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];
export const IV = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/** 64 KiB pages of memory the module declares. */
export const PAGES = 16;
/** Where the 4-lane state lives (8 × v128). */
const STATE = 0;

// Opcodes (WebAssembly core 2.0 and its SIMD proposal, prefix 0xfd).
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const I32_CONST = 0x41;
const I32_LOAD = 0x28;
const I32_STORE = 0x36;
const SIMD = {
  load: 0x00,
  store: 0x0b,
  const: 0x0c,
  shuffle: 0x0d,
  or: 0x50,
  xor: 0x51,
  bitselect: 0x52,
  shl: 0xab,
  shr_u: 0xad,
  add: 0xae,
} as const;

/** A function body under construction, with helpers that read like the instructions. */
class Code {
  readonly bytes: number[] = [];
  op(...b: number[]): void {
    this.bytes.push(...b);
  }
  get(i: number): void {
    this.op(LOCAL_GET, ...uleb(i));
  }
  set(i: number): void {
    this.op(LOCAL_SET, ...uleb(i));
  }
  i32(n: number): void {
    this.op(I32_CONST, ...sleb(n | 0));
  }
  v(name: keyof typeof SIMD): void {
    this.op(0xfd, ...uleb(SIMD[name]));
  }
  vload(offset: number): void {
    this.op(0xfd, ...uleb(SIMD.load), 4, ...uleb(offset));
  }
  vstore(offset: number): void {
    this.op(0xfd, ...uleb(SIMD.store), 4, ...uleb(offset));
  }
  shuffle(lanes: number[]): void {
    this.op(0xfd, ...uleb(SIMD.shuffle), ...lanes);
  }
  splat(word: number): void {
    this.op(0xfd, ...uleb(SIMD.const));
    for (let k = 0; k < 4; k++)
      this.op(word & 255, (word >>> 8) & 255, (word >>> 16) & 255, (word >>> 24) & 255);
  }
  load32(offset: number): void {
    this.op(I32_LOAD, 2, ...uleb(offset));
  }
  store32(offset: number): void {
    this.op(I32_STORE, 2, ...uleb(offset));
  }
}

type Eight = [number, number, number, number, number, number, number, number];

/**
 * `compress(p0, p1, p2, p3)`: one SHA-256 block from each pointer, one per lane, applied to the
 * state at STATE (lane k of vector j is word j of message k's state), fully unrolled.
 */
function compressBody(): number[] {
  const c = new Code();
  // Locals: 0–3 the block pointers; v128: 4–11 working state, 12–27 schedule, 28 T1, 29–32 rows.
  const S = 4;
  const W = 12;
  const T1 = 28;
  const ROW = 29;
  const rotr = (x: number, n: number) => {
    c.get(x);
    c.i32(n);
    c.v("shr_u");
    c.get(x);
    c.i32(32 - n);
    c.v("shl");
    c.v("or");
  };
  const sigma = (x: number, a: number, b: number, shiftOrRotate: number, rotateLast: boolean) => {
    rotr(x, a);
    rotr(x, b);
    c.v("xor");
    if (rotateLast) rotr(x, shiftOrRotate);
    else {
      c.get(x);
      c.i32(shiftOrRotate);
      c.v("shr_u");
    }
    c.v("xor");
  };
  // Message words, big-endian: a 4 × 4 transpose of the lanes' rows, the byte swap folded into
  // the first shuffle.
  const swapped = (word: number, base: number) => [
    base + 4 * word + 3,
    base + 4 * word + 2,
    base + 4 * word + 1,
    base + 4 * word,
  ];
  const low = [0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23];
  const high = [8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31];
  for (let q = 0; q < 4; q++) {
    for (let pair = 0; pair < 2; pair++) {
      for (let half = 0; half < 2; half++) {
        c.get(2 * pair);
        c.vload(16 * q);
        c.get(2 * pair + 1);
        c.vload(16 * q);
        const w = 2 * half;
        c.shuffle([
          ...swapped(w, 0),
          ...swapped(w, 16),
          ...swapped(w + 1, 0),
          ...swapped(w + 1, 16),
        ]);
        c.set(ROW + 2 * pair + half);
      }
    }
    const rows: [number, number, number[]][] = [
      [ROW, ROW + 2, low],
      [ROW, ROW + 2, high],
      [ROW + 1, ROW + 3, low],
      [ROW + 1, ROW + 3, high],
    ];
    rows.forEach(([a, b, lanes], j) => {
      c.get(a);
      c.get(b);
      c.shuffle(lanes);
      c.set(W + 4 * q + j);
    });
  }
  for (let j = 0; j < 8; j++) {
    c.i32(STATE);
    c.vload(16 * j);
    c.set(S + j);
  }
  // The eight working variables, renamed each round instead of moved.
  let [a, b, cc, d, e, f, g, h]: Eight = [S, S + 1, S + 2, S + 3, S + 4, S + 5, S + 6, S + 7];
  for (let t = 0; t < 64; t++) {
    const w = W + (t % 16);
    if (t >= 16) {
      sigma(W + ((t - 2) % 16), 17, 19, 10, false);
      c.get(W + ((t - 7) % 16));
      c.v("add");
      sigma(W + ((t - 15) % 16), 7, 18, 3, false);
      c.v("add");
      c.get(w);
      c.v("add");
      c.set(w);
    }
    // T1 = h + Σ1(e) + Ch(e, f, g) + K[t] + W[t]
    c.get(h);
    sigma(e, 6, 11, 25, true);
    c.v("add");
    c.get(f);
    c.get(g);
    c.get(e);
    c.v("bitselect");
    c.v("add");
    c.splat(K[t]!);
    c.v("add");
    c.get(w);
    c.v("add");
    c.set(T1);
    // e' = d + T1; a' = T1 + Σ0(a) + Maj(a, b, c), Maj = bitselect(b, a, a ^ c)
    c.get(d);
    c.get(T1);
    c.v("add");
    c.set(d);
    c.get(T1);
    sigma(a, 2, 13, 22, true);
    c.v("add");
    c.get(b);
    c.get(a);
    c.get(a);
    c.get(cc);
    c.v("xor");
    c.v("bitselect");
    c.v("add");
    c.set(h);
    [a, b, cc, d, e, f, g, h] = [h, a, b, cc, d, e, f, g];
  }
  [a, b, cc, d, e, f, g, h].forEach((local, j) => {
    c.i32(STATE);
    c.i32(STATE);
    c.vload(16 * j);
    c.get(local);
    c.v("add");
    c.vstore(16 * j);
  });
  c.op(0x0b);
  return [1, 29, 0x7b, ...c.bytes]; // locals: 29 × v128
}

/** `level(src, dst, groups)`: see the file comment. Function 0 is `compress`. */
function levelBody(): number[] {
  const c = new Code();
  // Params 0 src, 1 dst, 2 groups; i32 locals: 3 g, 4 slot, 5 out.
  const [SRC, DST, GROUPS, G, SLOT, OUT] = [0, 1, 2, 3, 4, 5];
  c.op(0x02, 0x40); // block
  c.get(GROUPS);
  c.op(0x45, 0x0d, 0); // i32.eqz; br_if 0
  c.op(0x03, 0x40); // loop
  for (let j = 0; j < 8; j++) {
    c.i32(STATE);
    c.splat(IV[j]!);
    c.vstore(16 * j);
  }
  // slot = src + 512 g: the group's four messages are at slot + 128 k.
  c.get(SRC);
  c.get(G);
  c.i32(9);
  c.op(0x74, 0x6a); // i32.shl, i32.add
  c.set(SLOT);
  for (const block of [0, 64]) {
    for (let k = 0; k < 4; k++) {
      c.get(SLOT);
      c.i32(128 * k + block);
      c.op(0x6a);
    }
    c.op(0x10, 0); // call compress
  }
  // Parent 4g + k goes to slot 2g + ⌊k / 2⌋ of dst at byte 1 + 32 (k mod 2): the four parents
  // of a group land at dst + 256 g + {1, 33, 129, 161}.
  c.get(DST);
  c.get(G);
  c.i32(8);
  c.op(0x74, 0x6a);
  c.set(OUT);
  for (let k = 0; k < 4; k++) {
    const at = 128 * (k >> 1) + 1 + 32 * (k & 1);
    for (let j = 0; j < 8; j++) {
      c.get(OUT);
      // bswap32(x) = (rotl(x, 8) & 0x00ff00ff) | (rotr(x, 8) & 0xff00ff00)
      c.i32(STATE);
      c.load32(16 * j + 4 * k);
      c.i32(8);
      c.op(0x77); // i32.rotl
      c.i32(0x00ff00ff);
      c.op(0x71); // i32.and
      c.i32(STATE);
      c.load32(16 * j + 4 * k);
      c.i32(8);
      c.op(0x78); // i32.rotr
      c.i32(0xff00ff00 | 0);
      c.op(0x71, 0x72); // i32.and, i32.or
      c.op(I32_STORE, 0, ...uleb(at + 4 * j)); // unaligned: align hint 0
    }
  }
  c.get(G);
  c.i32(1);
  c.op(0x6a);
  c.set(G);
  c.get(G);
  c.get(GROUPS);
  c.op(0x49, 0x0d, 0); // i32.lt_u; br_if 0 (loop)
  c.op(0x0b, 0x0b, 0x0b); // end loop, end block, end
  return [1, 3, 0x7f, ...c.bytes]; // locals: 3 × i32
}

/** The module's bytes (about 18 KB). */
export function sha256x4Module(): Uint8Array {
  const compress = compressBody();
  const level = levelBody();
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    // types: 0 (i32 × 4) → (), 1 (i32 × 3) → ()
    ...section(1, [2, 0x60, 4, 0x7f, 0x7f, 0x7f, 0x7f, 0, 0x60, 3, 0x7f, 0x7f, 0x7f, 0]),
    ...section(3, [2, 0, 1]), // functions: compress: type 0, level: type 1
    ...section(5, [1, 0, PAGES]), // one memory, PAGES pages, no maximum
    ...section(7, [2, ...name("memory"), 2, 0, ...name("level"), 0, 1]),
    ...section(10, [2, ...uleb(compress.length), ...compress, ...uleb(level.length), ...level]),
  ];
  return new Uint8Array(bytes);
}
