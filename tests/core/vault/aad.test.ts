import { describe, expect, it } from "vitest";
import { utf8 } from "../../../core/encoding";
import { dekAad, secretAad } from "../../../core/vault/aad";
import { unwrapDek } from "../../../core/vault/dek";
import { decryptSecret } from "../../../core/vault/secret";
import { VaultCryptoError } from "../../../core/vault/errors";
import { loadKekRing } from "../../../core/vault/kek-ring";

const text = (bytes: Uint8Array) => utf8.decode(bytes);

describe("AAD encodings (stored format: must never change)", () => {
  it("encodes a DEK context as canonical JSON with its purpose", () => {
    expect(text(dekAad("t_1", 2, "k1"))).toBe(
      '{"dek_version":2,"kek_id":"k1","purpose":"gatehouse/dek/v1","tenant":"t_1"}',
    );
  });

  it("encodes a secret context as canonical JSON with its purpose", () => {
    expect(text(secretAad("t_1", "GITHUB_TOKEN", 3, 2))).toBe(
      '{"dek_version":2,"name":"GITHUB_TOKEN","purpose":"gatehouse/secret/v1","tenant":"t_1","version":3}',
    );
  });

  it("keeps swapped or delimiter-laden fields distinct", () => {
    const dek = (t: string, v: number, k: string) => text(dekAad(t, v, k));
    const secret = (t: string, n: string, v: number, d: number) => text(secretAad(t, n, v, d));
    const deks = [
      dek("a", 1, "b"),
      dek("b", 1, "a"),
      dek("a", 2, "b"),
      dek('a","kek_id":"b', 1, "b"),
    ];
    const secrets = [
      secret("a", "b", 1, 2),
      secret("b", "a", 1, 2),
      secret("a", "b", 2, 1),
      secret("a:b", "c", 1, 1),
      secret("a", "b:c", 1, 1),
      secret('a","name":"b', "b", 1, 2),
    ];
    const all = [...deks, ...secrets];
    expect(new Set(all).size).toBe(all.length);
    expect(secret('a","name":"b', "b", 1, 2)).toContain('"tenant":"a\\",\\"name\\":\\"b"');
  });

  it.each([
    ["an empty tenant", () => dekAad("", 1, "k1")],
    ["an empty kek id", () => dekAad("t", 1, "")],
    ["a zero version", () => dekAad("t", 0, "k1")],
    ["a fractional version", () => secretAad("t", "n", 1.5, 1)],
    ["a NaN DEK version", () => secretAad("t", "n", 1, Number.NaN)],
    ["an unsafe integer version", () => secretAad("t", "n", 2 ** 53, 1)],
    ["an empty name", () => secretAad("t", "", 1, 1)],
    ["a lone surrogate in a name", () => secretAad("t", "x\uD800", 1, 1)],
    ["a lone surrogate in a tenant", () => dekAad("\uDC00", 1, "k1")],
  ])("rejects %s as bad_input", (_label, build) => {
    let caught: unknown;
    try {
      build();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(VaultCryptoError);
    expect((caught as VaultCryptoError).code).toBe("bad_input");
  });

  it("accepts well-formed astral characters (surrogate pairs)", () => {
    expect(text(secretAad("t", "KEY_😀", 1, 1))).toContain('"name":"KEY_😀"');
  });
});

describe("known-answer vectors produced independently with Node's crypto (aes-256-gcm)", () => {
  // Generated with node:crypto createCipheriv("aes-256-gcm", key, iv), setAAD(<the AAD strings
  // pinned above>), output = ciphertext || 16-byte tag, base64. Fixed IVs 0xa0.. and 0xb0...
  // KEK = bytes 0..31, DEK = bytes 0x40..0x5f, wrapped under k1 for tenant t_kat, DEK version 3.
  const wrapped = {
    kekId: "k1",
    iv: "oKGio6Slpqeoqaqr",
    ciphertext: "plk+bgGORPgqLM2YSzeOkSD9C0PG4hQ7xFd83SP2K15DczlPFgmiXWbYa+UppwlK",
  };
  // "hunter2 ✓" under that DEK as secret GITHUB_TOKEN version 7.
  const encrypted = { iv: "sLGys7S1tre4ubq7", ciphertext: "a3Xu8aQ42bnZcrTJk5PRio1BmyGAPbaT9vB7" };

  it("unwraps the DEK and decrypts the secret", async () => {
    const loaded = await loadKekRing("k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    if (!loaded.ok) throw new Error(loaded.error);
    const dek = await unwrapDek({ ring: loaded.ring, tenantId: "t_kat", dekVersion: 3, wrapped });
    const value = await decryptSecret({
      dek,
      tenantId: "t_kat",
      name: "GITHUB_TOKEN",
      version: 7,
      dekVersion: 3,
      encrypted,
    });
    expect(value).toBe("hunter2 ✓");
  });
});
