import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../core/canonical-json";
import { fromBase64Url, fromHex, timingSafeEqual, toBase64Url, toHex } from "../../core/encoding";

describe("encoding", () => {
  it("round-trips hex and base64url", () => {
    const bytes = Uint8Array.from([0, 1, 127, 128, 250, 255]);
    expect(toHex(bytes)).toBe("00017f80faff");
    expect(fromHex(toHex(bytes))).toEqual(bytes);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    expect(toBase64Url(bytes)).not.toMatch(/[+/=]/);
    expect(() => fromHex("0g")).toThrow();
    expect(() => fromBase64Url("a+b")).toThrow();
  });
  it("compares in constant time by content", () => {
    expect(timingSafeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(timingSafeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(timingSafeEqual(Uint8Array.of(1), Uint8Array.of(1, 2))).toBe(false);
  });
  it("spells 32-byte digests in hex like any other length", () => {
    for (let start = 0; start < 256; start += 32) {
      const bytes = Uint8Array.from({ length: 32 }, (_, i) => start + i);
      expect(toHex(bytes)).toBe(Buffer.from(bytes).toString("hex"));
    }
    for (let i = 0; i < 50; i++) {
      const bytes = crypto.getRandomValues(new Uint8Array(32));
      expect(toHex(bytes)).toBe(Buffer.from(bytes).toString("hex"));
      expect(toHex(bytes.subarray(1))).toBe(Buffer.from(bytes.subarray(1)).toString("hex"));
    }
  });
  it("canonicalises JSON as RFC 8785", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: { z: 1e21, y: 0.1 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":0.1,"z":1e+21}}',
    );
    expect(() => canonicalJson({ x: NaN })).toThrow();
  });
});
