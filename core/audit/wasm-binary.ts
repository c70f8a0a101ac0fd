/**
 * The WebAssembly binary format, as far as the emitters here need it (sha256-wasm.ts,
 * sha256-x4-wasm.ts, canonical-line-wasm.ts): LEB128 integers, sections, names and the core
 * i32 opcodes. One definition, so the three modules spell the format the same way.
 */

export const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};

export const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
};

export function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

export const name = (text: string): number[] => [
  text.length,
  ...Array.from(text, (ch) => ch.charCodeAt(0)),
];

/** Core opcodes (WebAssembly 2.0), i32 only. */
export const op = {
  unreachable: 0x00,
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  else: 0x05,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  return: 0x0f,
  call: 0x10,
  get: 0x20,
  set: 0x21,
  tee: 0x22,
  load: 0x28,
  load8U: 0x2d,
  store: 0x36,
  const: 0x41,
  eqz: 0x45,
  eq: 0x46,
  ne: 0x47,
  ltS: 0x48,
  ltU: 0x49,
  gtS: 0x4a,
  gtU: 0x4b,
  leS: 0x4c,
  geS: 0x4e,
  geU: 0x4f,
  add: 0x6a,
  sub: 0x6b,
  mul: 0x6c,
  and: 0x71,
  or: 0x72,
  xor: 0x73,
  shl: 0x74,
  shrU: 0x76,
  rotl: 0x77,
  rotr: 0x78,
} as const;
