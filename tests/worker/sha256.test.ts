import { describe, expect, it } from "vitest";
import { nobleSha256 } from "../../core/audit/sha256";
import { toHex } from "../../core/encoding";
import { WORKERD_SHA256 } from "../../platform/sha256";

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

describe("WORKERD_SHA256 (WebAssembly for short messages, native for long ones)", () => {
  it("gives noble's digests on both sides of the switch, as bytes, hex and in place", () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 300, 1023, 1024, 1025, 5000]) {
      const data = random(n);
      const want = nobleSha256.digest(data);
      expect(toHex(WORKERD_SHA256.digest(data)), `length ${n}`).toBe(toHex(want));
      expect(WORKERD_SHA256.hex(data)).toBe(toHex(want));
      const out = new Uint8Array(40);
      WORKERD_SHA256.digestInto!(data, out, 4);
      expect(toHex(out.subarray(4, 36))).toBe(toHex(want));
    }
  });

  it("returns digests that a later call does not overwrite", () => {
    const first = WORKERD_SHA256.digest(random(65));
    const copy = first.slice();
    WORKERD_SHA256.digest(random(65));
    expect(first).toEqual(copy);
  });
});
