import { describe, expect, it } from "vitest";
import { importDek } from "../../../core/vault/dek";
import { DekCache } from "../../../core/vault/dek-cache";
import { keyBytes } from "./fixtures";

const keys = Promise.all([1, 2, 3, 4].map((seed) => importDek(keyBytes(seed))));

describe("DekCache", () => {
  it("returns the cached key for the same tenant and version only", async () => {
    const [a, b] = await keys;
    const cache = new DekCache({ maxEntries: 10, ttlMs: 1000 });
    expect(cache.get("t1", 1, 0)).toBeUndefined();
    cache.set("t1", 1, a!, 0);
    cache.set("t1", 2, b!, 0);
    expect(cache.get("t1", 1, 10)).toBe(a);
    expect(cache.get("t1", 2, 10)).toBe(b);
    expect(cache.get("t2", 1, 10)).toBeUndefined();
    expect(cache.get("t1", 3, 10)).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it("expires entries ttlMs after they were set, and a new set refreshes the TTL", async () => {
    const [a] = await keys;
    const cache = new DekCache({ maxEntries: 10, ttlMs: 100 });
    cache.set("t", 1, a!, 1000);
    expect(cache.get("t", 1, 1099)).toBe(a);
    expect(cache.get("t", 1, 1100)).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set("t", 1, a!, 2000);
    cache.set("t", 1, a!, 2050);
    expect(cache.size).toBe(1);
    expect(cache.get("t", 1, 2149)).toBe(a);
    expect(cache.get("t", 1, 2150)).toBeUndefined();
  });

  it("evicts the least recently used entry beyond maxEntries", async () => {
    const [a, b, c] = await keys;
    const cache = new DekCache({ maxEntries: 2, ttlMs: 1000 });
    cache.set("t", 1, a!, 0);
    cache.set("t", 2, b!, 0);
    expect(cache.get("t", 1, 1)).toBe(a); // v1 is now the most recent
    cache.set("t", 3, c!, 2);
    expect(cache.size).toBe(2);
    expect(cache.get("t", 2, 3)).toBeUndefined();
    expect(cache.get("t", 1, 3)).toBe(a);
    expect(cache.get("t", 3, 3)).toBe(c);
  });

  it("drops expired entries before evicting live ones", async () => {
    const [a, b, c] = await keys;
    const cache = new DekCache({ maxEntries: 2, ttlMs: 100 });
    cache.set("t", 1, a!, 0); // expires at 100
    cache.set("t", 2, b!, 60); // expires at 160
    expect(cache.get("t", 1, 50)).toBe(a); // most recent, but will expire first
    cache.set("t", 3, c!, 120);
    expect(cache.get("t", 2, 121)).toBe(b);
    expect(cache.get("t", 3, 121)).toBe(c);
    expect(cache.get("t", 1, 121)).toBeUndefined();
  });

  it("deletes single entries and every entry of one tenant", async () => {
    const [a, b, c, d] = await keys;
    const cache = new DekCache({ maxEntries: 10, ttlMs: 1000 });
    cache.set("t", 1, a!, 0);
    cache.set("t", 2, b!, 0);
    cache.set("tt", 1, c!, 0); // a tenant id that extends another must survive
    cache.set('t",1', 1, d!, 0); // and one that mimics the key encoding
    expect(cache.delete("t", 2)).toBe(true);
    expect(cache.delete("t", 2)).toBe(false);
    cache.set("t", 2, b!, 0);
    expect(cache.deleteTenant("t")).toBe(2);
    expect(cache.get("t", 1, 1)).toBeUndefined();
    expect(cache.get("tt", 1, 1)).toBe(c);
    expect(cache.get('t",1', 1, 1)).toBe(d);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it("rejects invalid limits", () => {
    expect(() => new DekCache({ maxEntries: 0, ttlMs: 1 })).toThrow(RangeError);
    expect(() => new DekCache({ maxEntries: 1.5, ttlMs: 1 })).toThrow(RangeError);
    expect(() => new DekCache({ maxEntries: 1, ttlMs: 0 })).toThrow(RangeError);
    expect(() => new DekCache({ maxEntries: 1, ttlMs: Number.NaN })).toThrow(RangeError);
  });
});
