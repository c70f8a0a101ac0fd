import { describe, expect, it } from "vitest";
import { toBase64 } from "../../../core/encoding";
import { importKekRing, loadKekRing, parseKekRing } from "../../../core/vault/kek-ring";
import { keyBytes, keyText } from "./fixtures";

const K1 = keyText(1);
const K2 = keyText(2);

function parseError(text: string): string {
  const result = parseKekRing(text);
  if (result.ok) throw new Error("expected a parse error");
  return result.error;
}

/** No key text (nor any 8-character run of it) may appear in an error message. */
function expectNoKeyMaterial(message: string, ...keys: string[]): void {
  for (const key of keys) {
    for (let i = 0; i + 8 <= key.length; i++) expect(message).not.toContain(key.slice(i, i + 8));
  }
}

describe("parseKekRing", () => {
  it("parses entries in order, the first one active", () => {
    const result = parseKekRing(`k2:${K2},k1:${K1}`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ring.active.id).toBe("k2");
    expect(result.ring.active.keyBytes).toEqual(keyBytes(2));
    expect(result.ring.rest.map((k) => k.id)).toEqual(["k1"]);
    expect(result.ring.rest[0]!.keyBytes).toEqual(keyBytes(1));
  });

  it("accepts a single key, surrounding whitespace and every allowed id character", () => {
    const id = "Ab-9_" + "x".repeat(27);
    const result = parseKekRing(`  ${id}:${K1} ,\n k_2:${K2}\n`);
    expect(result.ok && result.ring.active.id).toBe(id);
    expect(result.ok && result.ring.rest.map((k) => k.id)).toEqual(["k_2"]);
    expect(parseKekRing(`solo:${K1}`).ok).toBe(true);
  });

  it.each([
    ["empty", "", /empty/],
    ["whitespace only", "  \n", /empty/],
    ["an empty entry", `k1:${K1},`, /entry 2 is empty/],
    ["a missing colon", K1, /entry 1 is not of the form/],
    ["an empty id", `:${K1}`, /entry 1 has an invalid id/],
    ["an id with a bad character", `k.1:${K1}`, /entry 1 has an invalid id/],
    ["an id of 33 characters", `${"k".repeat(33)}:${K1}`, /entry 1 has an invalid id/],
    ["a duplicate id", `k1:${K1},k1:${K2}`, /entry 2: duplicate KEK id 'k1'/],
    ["invalid base64 characters", `k1:${K1.slice(0, -2)}!=`, /entry 1 \('k1'\): key is not valid/],
    [
      "url-safe base64",
      `k1:${toBase64(new Uint8Array(32).fill(0xfb)).replace(/\+/g, "-")}`,
      /not valid padded base64/,
    ],
    ["unpadded base64", `k1:${K1.replace(/=$/, "")}`, /not valid padded base64/],
    ["an empty key", "k1:", /key must be 32 bytes, got 0/],
    ["a 16-byte key", `k1:${toBase64(keyBytes(1).slice(0, 16))}`, /must be 32 bytes, got 16/],
    ["a 33-byte key", `k1:${toBase64(Uint8Array.of(...keyBytes(1), 9))}`, /got 33/],
    ["a good key then a short one", `k2:${K2},k1:${toBase64(keyBytes(1).slice(0, 31))}`, /entry 2/],
  ])("rejects %s without echoing key material", (_label, text, message) => {
    const error = parseError(text);
    expect(error).toMatch(message);
    expectNoKeyMaterial(error, K1, K2);
  });

  it("does not echo a key pasted into the id position", () => {
    const error = parseError(`${K1}:${K2}`);
    expect(error).toMatch(/invalid id/);
    expectNoKeyMaterial(error, K1, K2);
  });
});

describe("importKekRing", () => {
  it("imports every KEK as a non-extractable AES-GCM key without decrypt usage", async () => {
    const parsed = parseKekRing(`k2:${K2},k1:${K1}`);
    if (!parsed.ok) throw new Error(parsed.error);
    const ring = await importKekRing(parsed.ring);
    expect(ring.active.id).toBe("k2");
    expect([...ring.byId.keys()]).toEqual(["k2", "k1"]);
    expect(ring.byId.get("k2")).toBe(ring.active);
    for (const { key } of ring.byId.values()) {
      expect(key.extractable).toBe(false);
      expect(key.algorithm.name).toBe("AES-GCM");
      expect([...key.usages].sort()).toEqual(["encrypt", "unwrapKey", "wrapKey"]);
      await expect(crypto.subtle.exportKey("raw", key)).rejects.toThrow();
    }
  });

  it("loadKekRing parses and imports, or returns the parse error", async () => {
    const good = await loadKekRing(`k1:${K1}`);
    expect(good.ok && good.ring.active.id).toBe("k1");
    const bad = await loadKekRing("k1:AAAA");
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/must be 32 bytes, got 3/);
  });
});
