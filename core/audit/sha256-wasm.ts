/**
 * A WebAssembly module, emitted here as bytes, that computes SHA-256 of short messages with
 * scalar i32 code. Why: in workerd one `node:crypto` hash call builds a stream object per call
 * and costs ~2.8 µs before hashing a byte, and most audit hashes are short (a Merkle node is 65
 * bytes, an event a few hundred). Workers cannot compile WebAssembly at run time, so the bytes
 * are committed as platform/sha256.wasm (a test checks they equal `sha256Module()`) and bundled.
 *
 * Memory layout: bytes 0–31 receive the digest; the caller writes the padded message (whole
 * 64-byte blocks) from `MESSAGE_AT` and calls `blocks(n)`. Exports: `memory` (one page) and
 * `blocks(n)`.
 */
import { IV, K } from "./sha256-x4-wasm";
import { name, op, section, sleb, uleb } from "./wasm-binary";

/** Where the padded message starts in memory. */
export const MESSAGE_AT = 64;
/** 64 KiB pages of memory the module declares. */
export const SHA256_WASM_PAGES = 1;

/** `blocks(n)`: the digest of the n blocks at MESSAGE_AT, big-endian, written to bytes 0–31. */
function blocksBody(): number[] {
  const out: number[] = [];
  const emit = (...b: number[]) => out.push(...b);
  const get = (i: number) => emit(op.get, ...uleb(i));
  const set = (i: number) => emit(op.set, ...uleb(i));
  const i32 = (n: number) => emit(op.const, ...sleb(n | 0));
  // Param 0: blocks left. Locals: 1 ptr, 2–9 working state, 10–25 schedule, 26–33 hash state.
  const [N, PTR, S, W, H] = [0, 1, 2, 10, 26];
  // bswap32(x) = (rotl(x, 8) & 0x00ff00ff) | (rotr(x, 8) & 0xff00ff00); x is on the stack
  // twice (pushed by `push`).
  const bswap = (push: () => void) => {
    push();
    i32(8);
    emit(op.rotl);
    i32(0x00ff00ff);
    emit(op.and);
    push();
    i32(8);
    emit(op.rotr);
    i32(0xff00ff00);
    emit(op.and, op.or);
  };
  const rotr = (x: number, n: number) => {
    get(x);
    i32(n);
    emit(op.rotr);
  };
  const bigSigma = (x: number, a: number, b: number, c: number) => {
    rotr(x, a);
    rotr(x, b);
    emit(op.xor);
    rotr(x, c);
    emit(op.xor);
  };
  const smallSigma = (x: number, a: number, b: number, shift: number) => {
    rotr(x, a);
    rotr(x, b);
    emit(op.xor);
    get(x);
    i32(shift);
    emit(op.shrU, op.xor);
  };

  for (let j = 0; j < 8; j++) {
    i32(IV[j]!);
    set(H + j);
  }
  i32(MESSAGE_AT);
  set(PTR);
  emit(op.block, 0x40, op.loop, 0x40);
  get(N);
  emit(op.eqz, op.brIf, 1);
  for (let i = 0; i < 16; i++) {
    bswap(() => {
      get(PTR);
      emit(op.load, 0, ...uleb(4 * i)); // align hint 0: no alignment assumed
    });
    set(W + i);
  }
  for (let j = 0; j < 8; j++) {
    get(H + j);
    set(S + j);
  }
  // The eight working variables, renamed each round instead of moved.
  let [a, b, c, d, e, f, g, h] = [S, S + 1, S + 2, S + 3, S + 4, S + 5, S + 6, S + 7];
  for (let t = 0; t < 64; t++) {
    const w = W + (t % 16);
    if (t >= 16) {
      // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16]
      smallSigma(W + ((t - 2) % 16), 17, 19, 10);
      get(W + ((t - 7) % 16));
      emit(op.add);
      smallSigma(W + ((t - 15) % 16), 7, 18, 3);
      emit(op.add);
      get(w);
      emit(op.add);
      set(w);
    }
    // T1 = h + Σ1(e) + Ch(e, f, g) + K[t] + W[t], Ch = g ^ (e & (f ^ g)); h := T1
    get(h);
    bigSigma(e, 6, 11, 25);
    emit(op.add);
    get(g);
    get(e);
    get(f);
    get(g);
    emit(op.xor, op.and, op.xor, op.add);
    i32(K[t]!);
    emit(op.add);
    get(w);
    emit(op.add);
    set(h);
    // d += T1; h = T1 + Σ0(a) + Maj(a, b, c), Maj = (a & b) | (c & (a | b))
    get(d);
    get(h);
    emit(op.add);
    set(d);
    get(h);
    bigSigma(a, 2, 13, 22);
    emit(op.add);
    get(a);
    get(b);
    emit(op.and);
    get(c);
    get(a);
    get(b);
    emit(op.or, op.and, op.or, op.add);
    set(h);
    [a, b, c, d, e, f, g, h] = [h, a, b, c, d, e, f, g];
  }
  [a, b, c, d, e, f, g, h].forEach((local, j) => {
    get(H + j);
    get(local);
    emit(op.add);
    set(H + j);
  });
  get(PTR);
  i32(64);
  emit(op.add);
  set(PTR);
  get(N);
  i32(1);
  emit(op.sub);
  set(N);
  emit(op.br, 0, op.end, op.end);
  for (let j = 0; j < 8; j++) {
    i32(4 * j);
    bswap(() => get(H + j));
    emit(op.store, 0, 0);
  }
  emit(op.end);
  return [1, 33, 0x7f, ...out]; // locals: 33 × i32
}

/** The module's bytes. */
export function sha256Module(): Uint8Array {
  const body = blocksBody();
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 1, 0x7f, 0]), // types: 0 (i32) → ()
    ...section(3, [1, 0]), // functions: blocks: type 0
    ...section(5, [1, 0, SHA256_WASM_PAGES]), // one memory, no maximum
    ...section(7, [2, ...name("memory"), 2, 0, ...name("blocks"), 0, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}
