import { describe, expect, it } from "vitest";
import { fromBase64 } from "../../../core/encoding";
import {
  createDek,
  generateDek,
  importDek,
  isWrappedByActiveKek,
  rewrapDek,
  unwrapDek,
  wrapDek,
} from "../../../core/vault/dek";
import type { WrappedDek } from "../../../core/vault/dek";
import { importKekRing, parseKekRing } from "../../../core/vault/kek-ring";
import { decryptSecret, encryptSecret } from "../../../core/vault/secret";
import { expectVaultError, flipBit, keyText, ringOf } from "./fixtures";

const T = "t_alpha";

/** Proves `a` and `b` are the same AES key: what one encrypts, the other decrypts. */
async function expectSameKey(a: CryptoKey, b: CryptoKey): Promise<void> {
  const ctx = { tenantId: T, name: "PROBE", version: 1, dekVersion: 1 };
  const encrypted = await encryptSecret({ ...ctx, dek: a, plaintext: "probe value" });
  expect(await decryptSecret({ ...ctx, dek: b, encrypted })).toBe("probe value");
}

describe("generateDek", () => {
  it("returns 32 fresh random bytes", async () => {
    const a = await generateDek();
    const b = await generateDek();
    expect(a).toBeInstanceOf(Uint8Array);
    expect(a.length).toBe(32);
    expect(a).not.toEqual(b);
  });
});

describe("wrapDek / unwrapDek", () => {
  it("round-trips to a non-extractable AES-GCM key equal to the original DEK", async () => {
    const ring = await ringOf(["k1", 1]);
    const dekBytes = await generateDek();
    const wrapped = await wrapDek({ ring, tenantId: T, dekVersion: 1, dekBytes });
    expect(wrapped.kekId).toBe("k1");
    expect(fromBase64(wrapped.iv).length).toBe(12);
    expect(fromBase64(wrapped.ciphertext).length).toBe(48);
    const dek = await unwrapDek({ ring, tenantId: T, dekVersion: 1, wrapped });
    expect(dek.extractable).toBe(false);
    expect(dek.algorithm).toMatchObject({ name: "AES-GCM", length: 256 });
    expect([...dek.usages].sort()).toEqual(["decrypt", "encrypt"]);
    await expect(crypto.subtle.exportKey("raw", dek)).rejects.toThrow();
    await expectSameKey(await importDek(dekBytes), dek);
    await expectSameKey(dek, await importDek(dekBytes));
  });

  it("wraps with the active (first) KEK and a fresh IV each time", async () => {
    const ring = await ringOf(["k2", 2], ["k1", 1]);
    const dekBytes = await generateDek();
    const a = await wrapDek({ ring, tenantId: T, dekVersion: 1, dekBytes });
    const b = await wrapDek({ ring, tenantId: T, dekVersion: 1, dekBytes });
    expect(a.kekId).toBe("k2");
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it("refuses the wrong tenant or DEK version", async () => {
    const ring = await ringOf(["k1", 1]);
    const wrapped = await wrapDek({
      ring,
      tenantId: T,
      dekVersion: 2,
      dekBytes: await generateDek(),
    });
    await expectVaultError(
      unwrapDek({ ring, tenantId: "t_beta", dekVersion: 2, wrapped }),
      "decrypt_failed",
    );
    await expectVaultError(
      unwrapDek({ ring, tenantId: T, dekVersion: 1, wrapped }),
      "decrypt_failed",
    );
    await expectVaultError(
      unwrapDek({ ring, tenantId: T, dekVersion: 3, wrapped }),
      "decrypt_failed",
    );
  });

  it("binds the KEK id: relabelling to another id with the same key bytes is refused", async () => {
    // Both ids hold identical key bytes, so only the kek_id in the AAD can make this fail.
    const parsed = parseKekRing(`a:${keyText(1)},b:${keyText(1)}`);
    if (!parsed.ok) throw new Error(parsed.error);
    const ring = await importKekRing(parsed.ring);
    const wrapped = await wrapDek({
      ring,
      tenantId: T,
      dekVersion: 1,
      dekBytes: await generateDek(),
    });
    expect(wrapped.kekId).toBe("a");
    await unwrapDek({ ring, tenantId: T, dekVersion: 1, wrapped });
    const relabelled = { ...wrapped, kekId: "b" };
    await expectVaultError(
      unwrapDek({ ring, tenantId: T, dekVersion: 1, wrapped: relabelled }),
      "decrypt_failed",
    );
  });

  it("refuses an unknown KEK id, and a ring that no longer holds the old KEK", async () => {
    const oldRing = await ringOf(["k1", 1]);
    const wrapped = await wrapDek({
      ring: oldRing,
      tenantId: T,
      dekVersion: 1,
      dekBytes: await generateDek(),
    });
    const newRing = await ringOf(["k2", 2]);
    const missing = await expectVaultError(
      unwrapDek({ ring: newRing, tenantId: T, dekVersion: 1, wrapped }),
      "unknown_kek",
    );
    expect(missing.message).not.toContain(wrapped.ciphertext);
    await expectVaultError(
      unwrapDek({
        ring: oldRing,
        tenantId: T,
        dekVersion: 1,
        wrapped: { ...wrapped, kekId: "nope" },
      }),
      "unknown_kek",
    );
  });

  it("refuses a KEK that has the right id but different bytes", async () => {
    const wrapped = await wrapDek({
      ring: await ringOf(["k1", 1]),
      tenantId: T,
      dekVersion: 1,
      dekBytes: await generateDek(),
    });
    const impostor = await ringOf(["k1", 9]);
    await expectVaultError(
      unwrapDek({ ring: impostor, tenantId: T, dekVersion: 1, wrapped }),
      "decrypt_failed",
    );
  });

  it("refuses any flipped bit in the IV or ciphertext", async () => {
    const ring = await ringOf(["k1", 1]);
    const wrapped = await wrapDek({
      ring,
      tenantId: T,
      dekVersion: 1,
      dekBytes: await generateDek(),
    });
    const variants: WrappedDek[] = [
      { ...wrapped, iv: flipBit(wrapped.iv, 0) },
      { ...wrapped, ciphertext: flipBit(wrapped.ciphertext, 0) },
      { ...wrapped, ciphertext: flipBit(wrapped.ciphertext, 31, 7) },
      { ...wrapped, ciphertext: flipBit(wrapped.ciphertext, -1, 3) }, // in the tag
    ];
    for (const bad of variants) {
      const error = await expectVaultError(
        unwrapDek({ ring, tenantId: T, dekVersion: 1, wrapped: bad }),
        "decrypt_failed",
      );
      expect(error.message).toBe("decryption failed (wrong key, context or tampered data)");
    }
  });

  it("rejects malformed input as bad_input", async () => {
    const ring = await ringOf(["k1", 1]);
    const dekBytes = await generateDek();
    const wrapped = await wrapDek({ ring, tenantId: T, dekVersion: 1, dekBytes });
    const cases: (() => Promise<unknown>)[] = [
      () => wrapDek({ ring, tenantId: T, dekVersion: 1, dekBytes: dekBytes.slice(0, 16) }),
      () => wrapDek({ ring, tenantId: "", dekVersion: 1, dekBytes }),
      () => wrapDek({ ring, tenantId: T, dekVersion: 0, dekBytes }),
      () => importDek(new Uint8Array(31)),
      () =>
        unwrapDek({ ring, tenantId: T, dekVersion: 1, wrapped: { ...wrapped, iv: "not base64!" } }),
      () =>
        unwrapDek({ ring, tenantId: T, dekVersion: 1, wrapped: { ...wrapped, iv: "AAAAAAAA" } }),
      () =>
        unwrapDek({
          ring,
          tenantId: T,
          dekVersion: 1,
          wrapped: { ...wrapped, ciphertext: wrapped.ciphertext.slice(0, 8) },
        }),
      () => unwrapDek({ ring, tenantId: T, dekVersion: -1, wrapped }),
      () => unwrapDek({ ring, tenantId: T, dekVersion: 1, wrapped: null as unknown as WrappedDek }),
      () =>
        unwrapDek({
          ring,
          tenantId: T,
          dekVersion: 1,
          wrapped: { ...wrapped, kekId: 7 as unknown as string },
        }),
    ];
    for (const run of cases) await expectVaultError(run(), "bad_input");
  });
});

describe("createDek", () => {
  it("returns a usable non-extractable key and its wrapped form", async () => {
    const ring = await ringOf(["k1", 1]);
    const { wrapped, dek } = await createDek({ ring, tenantId: T, dekVersion: 4 });
    expect(dek.extractable).toBe(false);
    expect(wrapped.kekId).toBe("k1");
    await expectSameKey(dek, await unwrapDek({ ring, tenantId: T, dekVersion: 4, wrapped }));
    await expectVaultError(
      unwrapDek({ ring, tenantId: T, dekVersion: 3, wrapped }),
      "decrypt_failed",
    );
  });
});

describe("rewrapDek (KEK rotation)", () => {
  it("rewraps under the new active KEK; after removing the old KEK secrets still decrypt", async () => {
    const ctx = { tenantId: T, dekVersion: 1 };
    const secret = { tenantId: T, name: "STRIPE_KEY", version: 1, dekVersion: 1 };
    const before = await ringOf(["k1", 1]);
    const { wrapped: original, dek } = await createDek({ ring: before, ...ctx });
    const encrypted = await encryptSecret({ ...secret, dek, plaintext: "sk_live_abc123" });

    const during = await ringOf(["k2", 2], ["k1", 1]);
    expect(isWrappedByActiveKek(during, original)).toBe(false);
    const rewrapped = await rewrapDek({ ring: during, ...ctx, wrapped: original });
    expect(rewrapped.kekId).toBe("k2");
    expect(isWrappedByActiveKek(during, rewrapped)).toBe(true);
    expect(rewrapped.iv).not.toBe(original.iv);
    // Both forms are readable while the rotation is under way.
    await unwrapDek({ ring: during, ...ctx, wrapped: original });
    await unwrapDek({ ring: during, ...ctx, wrapped: rewrapped });

    const after = await ringOf(["k2", 2]);
    const dekAfter = await unwrapDek({ ring: after, ...ctx, wrapped: rewrapped });
    expect(dekAfter.extractable).toBe(false);
    expect(await decryptSecret({ ...secret, dek: dekAfter, encrypted })).toBe("sk_live_abc123");
    await expectVaultError(unwrapDek({ ring: after, ...ctx, wrapped: original }), "unknown_kek");
  });

  it("refuses to rewrap under the wrong context, and reports a missing old KEK", async () => {
    const ring = await ringOf(["k2", 2], ["k1", 1]);
    const wrapped = await wrapDek({
      ring: await ringOf(["k1", 1]),
      tenantId: T,
      dekVersion: 1,
      dekBytes: await generateDek(),
    });
    await expectVaultError(
      rewrapDek({ ring, tenantId: "t_beta", dekVersion: 1, wrapped }),
      "decrypt_failed",
    );
    await expectVaultError(
      rewrapDek({ ring, tenantId: T, dekVersion: 2, wrapped }),
      "decrypt_failed",
    );
    await expectVaultError(
      rewrapDek({ ring: await ringOf(["k2", 2]), tenantId: T, dekVersion: 1, wrapped }),
      "unknown_kek",
    );
  });
});
