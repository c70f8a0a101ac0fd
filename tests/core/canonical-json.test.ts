import canonicalize from "canonicalize";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../core/canonical-json";

/** A deterministic generator of JSON-ish values, exotic members included. */
function generator(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const strings = ["", "a", "é", "\u2028", '"q"', "\\", "\u0000", "😀", "\ud800", "b", "aa", "A"];
  const numbers = [0, -0, 1, -1, 0.1, 1e21, 1e-7, 123456789.123, Number.MAX_SAFE_INTEGER, 5e-324];
  const value = (depth: number): unknown => {
    const r = next();
    if (depth > 4 || r < 0.3)
      return pick<unknown>([null, true, false, pick(numbers), pick(strings)]);
    if (r < 0.6) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    const out: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 5); i > 0; i--)
      out[pick(strings) + pick(strings)] = value(depth + 1);
    return out;
  };
  return value;
}

describe("canonicalJson", () => {
  it("spells plain JSON exactly as the canonicalize package does", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const value = generator(seed)(0);
      expect(canonicalJson(value), JSON.stringify(value)).toBe(canonicalize(value));
    }
  });

  it("leaves the values plain JSON lacks to the package", () => {
    const exotic: unknown[] = [
      { a: undefined, b: 1 },
      [undefined, 1],
      { d: new Date(0) },
      { toJSON: () => ({ z: 1, a: 2 }) },
      [Symbol("s")],
      { s: Symbol("s"), t: 2 },
    ];
    for (const value of exotic) expect(canonicalJson(value)).toBe(canonicalize(value));
    let deep: unknown = "leaf";
    for (let i = 0; i < 100; i++) deep = { [`k${i % 3}`]: [deep] };
    expect(canonicalJson(deep)).toBe(canonicalize(deep));
  });

  it("refuses what JSON cannot represent", () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => canonicalJson(circular)).toThrow();
    expect(() => canonicalJson([Infinity])).toThrow();
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
