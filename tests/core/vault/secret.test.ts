import { describe, expect, it } from "vitest";
import { fromBase64 } from "../../../core/encoding";
import { createDek, importDek } from "../../../core/vault/dek";
import { decryptSecret, encryptSecret, reencryptSecret } from "../../../core/vault/secret";
import type { EncryptedSecret } from "../../../core/vault/secret";
import { expectVaultError, flipBit, keyBytes, ringOf } from "./fixtures";

const ctx = { tenantId: "t_alpha", name: "OPENAI_KEY", version: 1, dekVersion: 1 };
const dekP = importDek(keyBytes(40));

async function seal(plaintext: string, over: Partial<typeof ctx> = {}): Promise<EncryptedSecret> {
  return encryptSecret({ ...ctx, ...over, dek: await dekP, plaintext });
}

async function open(encrypted: EncryptedSecret, over: Partial<typeof ctx> = {}): Promise<string> {
  return decryptSecret({ ...ctx, ...over, dek: await dekP, encrypted });
}

describe("encryptSecret / decryptSecret", () => {
  it.each([
    ["ascii", "sk-proj-abc123"],
    ["unicode", "pässwörd ✓ 日本語 😀 e\u0301"],
    ["a leading BOM", "\uFEFFkept"],
    ["the empty string", ""],
    ["a NUL byte", "a\u0000b"],
  ])("round-trips %s", async (_label, value) => {
    expect(await open(await seal(value))).toBe(value);
  });

  it("round-trips a 64 KiB value", async () => {
    const value = Array.from({ length: 64 * 1024 }, (_, i) =>
      String.fromCharCode(33 + (i % 90)),
    ).join("");
    const encrypted = await seal(value);
    expect(fromBase64(encrypted.ciphertext).length).toBe(64 * 1024 + 16);
    expect(await open(encrypted)).toBe(value);
  });

  it("stores a 12-byte IV and ciphertext = value + 16-byte tag, never the plaintext", async () => {
    const encrypted = await seal("plain-marker");
    expect(fromBase64(encrypted.iv).length).toBe(12);
    expect(fromBase64(encrypted.ciphertext).length).toBe("plain-marker".length + 16);
    expect(JSON.stringify(encrypted)).not.toContain("plain-marker");
  });

  it("uses a fresh IV every time: 1,000 encryptions of one value are all distinct", async () => {
    const ivs = new Set<string>();
    const ciphertexts = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const { iv, ciphertext } = await seal("same value");
      ivs.add(iv);
      ciphertexts.add(ciphertext);
    }
    expect(ivs.size).toBe(1000);
    expect(ciphertexts.size).toBe(1000);
  });

  it("refuses lone surrogates in the value (they would not round-trip)", async () => {
    await expectVaultError(seal("bad \uD83D"), "bad_input");
  });

  it("refuses a different DEK", async () => {
    const encrypted = await seal("v");
    const other = await importDek(keyBytes(41));
    await expectVaultError(decryptSecret({ ...ctx, dek: other, encrypted }), "decrypt_failed");
  });
});

describe("AAD binding: ciphertexts moved to another record are refused", () => {
  // Same DEK throughout, so only the AAD distinguishes the records.
  it.each([
    ["tenants", { tenantId: "t_alpha" }, { tenantId: "t_beta" }],
    ["names", { name: "OPENAI_KEY" }, { name: "STRIPE_KEY" }],
    ["secret versions", { version: 1 }, { version: 2 }],
    ["DEK versions", { dekVersion: 1 }, { dekVersion: 2 }],
  ] as const)("swapped between %s", async (_label, a, b) => {
    const sealedA = await seal("value-a", a);
    const sealedB = await seal("value-b", b);
    expect(await open(sealedA, a)).toBe("value-a");
    expect(await open(sealedB, b)).toBe("value-b");
    const e1 = await expectVaultError(open(sealedA, b), "decrypt_failed");
    const e2 = await expectVaultError(open(sealedB, a), "decrypt_failed");
    for (const e of [e1, e2]) expect(e.message).not.toMatch(/value-|OPENAI|STRIPE|t_alpha|t_beta/);
  });
});

describe("tampering", () => {
  it("refuses a flipped bit anywhere in IV, body or tag", async () => {
    const encrypted = await seal("tamper-me-please");
    const length = fromBase64(encrypted.ciphertext).length;
    for (let byte = 0; byte < length; byte++) {
      const ciphertext = flipBit(encrypted.ciphertext, byte, byte % 8);
      await expectVaultError(open({ ...encrypted, ciphertext }), "decrypt_failed");
    }
    for (let byte = 0; byte < 12; byte++) {
      await expectVaultError(
        open({ ...encrypted, iv: flipBit(encrypted.iv, byte) }),
        "decrypt_failed",
      );
    }
  });

  it("refuses a truncated ciphertext", async () => {
    const encrypted = await seal("truncate");
    const bytes = fromBase64(encrypted.ciphertext);
    const cut = btoa(String.fromCharCode(...bytes.slice(0, bytes.length - 1)));
    await expectVaultError(open({ ...encrypted, ciphertext: cut }), "decrypt_failed");
  });

  it("rejects malformed stored fields and contexts as bad_input", async () => {
    const encrypted = await seal("x");
    const cases: (() => Promise<unknown>)[] = [
      () => open({ ...encrypted, iv: "AAAA" }),
      () => open({ ...encrypted, iv: `${encrypted.iv} ` }),
      () => open({ ...encrypted, ciphertext: "AAAA" }), // shorter than a tag
      () => open({ ...encrypted, ciphertext: "%%%%" }),
      () => open(null as unknown as EncryptedSecret),
      () => open(encrypted, { version: 0 }),
      () => open(encrypted, { name: "" }),
      () => seal("x", { tenantId: "" }),
      () => seal("x", { dekVersion: 1.5 }),
      () => seal(42 as unknown as string),
    ];
    for (const run of cases) await expectVaultError(run(), "bad_input");
  });
});

describe("reencryptSecret (DEK rotation)", () => {
  it("moves a secret from DEK v1 to v2; the old ciphertext stays readable under v1", async () => {
    const ring = await ringOf(["k1", 1]);
    const v1 = await createDek({ ring, tenantId: ctx.tenantId, dekVersion: 1 });
    const v2 = await createDek({ ring, tenantId: ctx.tenantId, dekVersion: 2 });
    const secret = { tenantId: ctx.tenantId, name: ctx.name, version: 3 };
    const old = await encryptSecret({
      ...secret,
      dek: v1.dek,
      dekVersion: 1,
      plaintext: "rotate ✓",
    });
    const moved = await reencryptSecret({
      ...secret,
      oldDek: v1.dek,
      oldDekVersion: 1,
      newDek: v2.dek,
      newDekVersion: 2,
      encrypted: old,
    });
    expect(moved.iv).not.toBe(old.iv);
    expect(await decryptSecret({ ...secret, dek: v2.dek, dekVersion: 2, encrypted: moved })).toBe(
      "rotate ✓",
    );
    expect(await decryptSecret({ ...secret, dek: v1.dek, dekVersion: 1, encrypted: old })).toBe(
      "rotate ✓",
    );
    await expectVaultError(
      decryptSecret({ ...secret, dek: v2.dek, dekVersion: 1, encrypted: moved }),
      "decrypt_failed",
    );
    await expectVaultError(
      decryptSecret({ ...secret, dek: v1.dek, dekVersion: 2, encrypted: moved }),
      "decrypt_failed",
    );
  });

  it("refuses a wrong old DEK or version, and validates the new context first", async () => {
    const dek1 = await importDek(keyBytes(50));
    const dek2 = await importDek(keyBytes(51));
    const secret = { tenantId: "t", name: "N", version: 1 };
    const encrypted = await encryptSecret({ ...secret, dek: dek1, dekVersion: 1, plaintext: "p" });
    const base = { ...secret, newDek: dek2, newDekVersion: 2, encrypted };
    await expectVaultError(
      reencryptSecret({ ...base, oldDek: dek2, oldDekVersion: 1 }),
      "decrypt_failed",
    );
    await expectVaultError(
      reencryptSecret({ ...base, oldDek: dek1, oldDekVersion: 2 }),
      "decrypt_failed",
    );
    await expectVaultError(
      reencryptSecret({ ...base, oldDek: dek1, oldDekVersion: 1, newDekVersion: 0 }),
      "bad_input",
    );
  });
});
