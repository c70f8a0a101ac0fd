import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { VaultCryptoError } from "../../../core/vault";
import { readSecretValue } from "../secrets";
import { expectError, signUp } from "../../../tests/helpers/client";
import { fetchWith } from "../../../tests/helpers/worker";
import { json, newTenant, putSecret } from "../../tenancy/tests/helpers";
import { coldVault, K2, secretRows, WRONG_K1 } from "./helpers";

async function tenantWith(secrets: Record<string, string>) {
  const owner = await signUp();
  const t = await newTenant(owner);
  for (const [name, value] of Object.entries(secrets)) {
    const res = await putSecret(owner.cookie, t, name, value);
    if (res.status !== 201) throw new Error(await res.text());
  }
  return { owner, t };
}

async function expectCryptoError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VaultCryptoError);
  expect((error as VaultCryptoError).code).toBe(code);
}

/** Copies one secret row's encrypted fields over another's (what an attacker with D1 write could do). */
async function copyCiphertext(from: { t: string; name: string }, to: { t: string; name: string }) {
  const src = await env.DB.prepare(
    "SELECT iv, ciphertext, version, dek_version FROM secrets WHERE tenant_id = ?1 AND name = ?2",
  )
    .bind(from.t, from.name)
    .first<{ iv: string; ciphertext: string; version: number; dek_version: number }>();
  await env.DB.prepare(
    "UPDATE secrets SET iv = ?3, ciphertext = ?4, version = ?5, dek_version = ?6 WHERE tenant_id = ?1 AND name = ?2",
  )
    .bind(to.t, to.name, src!.iv, src!.ciphertext, src!.version, src!.dek_version)
    .run();
}

describe("vault encryption at rest", () => {
  it("round-trips values of every shape, each under a fresh IV", async () => {
    const values = {
      SHORT: "abc",
      UNICODE: "pässwörd ✓ 日本語 🔐",
      LONG: "x".repeat(60_000),
      SPACES: "  padded  ",
    };
    const { t } = await tenantWith(values);
    const vault = await coldVault();
    for (const [name, value] of Object.entries(values)) {
      expect(await readSecretValue(vault, t, name)).toBe(value);
    }
    const ivs = (await secretRows(t)).map((r) => r.iv);
    expect(new Set(ivs).size).toBe(ivs.length);
  });

  it("refuses a ciphertext moved to another tenant", async () => {
    const a = await tenantWith({ SHARED_NAME: "tenant-a-value" });
    const b = await tenantWith({ SHARED_NAME: "tenant-b-value" });
    await copyCiphertext({ t: b.t, name: "SHARED_NAME" }, { t: a.t, name: "SHARED_NAME" });
    await expectCryptoError(
      readSecretValue(await coldVault(), a.t, "SHARED_NAME"),
      "decrypt_failed",
    );
  });

  it("refuses a ciphertext moved to another name, version or DEK version", async () => {
    const { t } = await tenantWith({ ALPHA: "alpha-value", BETA: "beta-value" });
    await copyCiphertext({ t, name: "ALPHA" }, { t, name: "BETA" });
    await expectCryptoError(readSecretValue(await coldVault(), t, "BETA"), "decrypt_failed");
    expect(await readSecretValue(await coldVault(), t, "ALPHA")).toBe("alpha-value");

    await env.DB.prepare("UPDATE secrets SET version = 2 WHERE tenant_id = ?1 AND name = 'ALPHA'")
      .bind(t)
      .run();
    await expectCryptoError(readSecretValue(await coldVault(), t, "ALPHA"), "decrypt_failed");
  });

  it("refuses a wrapped DEK moved to another tenant", async () => {
    const a = await tenantWith({ ONE: "one-value" });
    const b = await tenantWith({ ONE: "other-value" });
    const bKey = await env.DB.prepare(
      "SELECT wrapped_iv, wrapped_dek FROM tenant_keys WHERE tenant_id = ?1",
    )
      .bind(b.t)
      .first<{ wrapped_iv: string; wrapped_dek: string }>();
    await env.DB.prepare(
      "UPDATE tenant_keys SET wrapped_iv = ?2, wrapped_dek = ?3 WHERE tenant_id = ?1",
    )
      .bind(a.t, bKey!.wrapped_iv, bKey!.wrapped_dek)
      .run();
    await expectCryptoError(readSecretValue(await coldVault(), a.t, "ONE"), "decrypt_failed");
  });

  it("cannot open the vault with a wrong or missing KEK, and says so without writing", async () => {
    const { owner, t } = await tenantWith({ KEPT: "kept-value-1" });
    await expectCryptoError(
      readSecretValue(await coldVault(WRONG_K1), t, "KEPT"),
      "decrypt_failed",
    );
    await expectCryptoError(readSecretValue(await coldVault(K2), t, "KEPT"), "unknown_kek");

    const before = JSON.stringify(await secretRows(t));
    const res = await fetchWith({ VAULT_KEKS: WRONG_K1 }, `/api/tenants/${t}/secrets/KEPT`, {
      method: "PUT",
      body: JSON.stringify({ value: "new-value-2" }),
      headers: { cookie: owner.cookie },
    });
    const text = await res.clone().text();
    await expectError(res, 503, "vault_locked");
    expect(text).not.toContain(WRONG_K1.slice(3));
    expect(JSON.stringify(await secretRows(t))).toBe(before);
    expect(await readSecretValue(await coldVault(), t, "KEPT")).toBe("kept-value-1");
  });

  it("refuses to start with an invalid or missing VAULT_KEKS, naming it without echoing it", async () => {
    for (const ring of [
      "k1:not-base64!",
      "k1:AAAA",
      "nocolon",
      `k1:${WRONG_K1.slice(3)},k1:${WRONG_K1.slice(3)}`,
      undefined,
    ]) {
      const health = await fetchWith({ VAULT_KEKS: ring }, "/health");
      const body = await json<{ status: string; problems: string[] }>(health, 503);
      expect(body.status).toBe("misconfigured");
      expect(body.problems.join()).toContain("VAULT_KEKS");
      if (ring) expect(JSON.stringify(body)).not.toContain(ring.slice(3, 12));
    }
  });
});
