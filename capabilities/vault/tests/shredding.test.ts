import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { openVault } from "../deks";
import { VaultError } from "../errors";
import { readSecretValue } from "../secrets";
import { call, signUp } from "../../../tests/helpers/client";
import { newTenant, putSecret } from "../../tenancy/tests/helpers";
import { coldVault, dekRows, K1, secretRows } from "./helpers";

describe("crypto-shredding on tenant deletion", () => {
  it("leaves a copy of the ciphertexts undecryptable: the DEKs are gone", async () => {
    const owner = await signUp();
    const t = await newTenant(owner, "Doomed");
    await putSecret(owner.cookie, t, "OLD_KEY", "old-value-1111");
    await call(`/api/tenants/${t}/keys/rotate`, { body: {}, cookie: owner.cookie });
    await putSecret(owner.cookie, t, "NEW_KEY", "new-value-2222");
    // Warm the shared DEK cache, as real traffic would have.
    const warm = await openVault(env.DB, K1);
    expect(await readSecretValue(warm, t, "OLD_KEY")).toBe("old-value-1111");

    const copy = await secretRows(t); // e.g. a backup taken before the deletion
    expect(
      (await call(`/api/tenants/${t}`, { method: "DELETE", cookie: owner.cookie })).status,
    ).toBe(200);

    const keys = await dekRows(t);
    expect(keys.map((k) => [k.version, k.state, k.wrapped_iv, k.wrapped_dek])).toEqual([
      [1, "destroyed", null, null],
      [2, "destroyed", null, null],
    ]);

    // Restore the copied ciphertexts next to what is left of the tenant.
    await env.DB.prepare("INSERT INTO tenants (id, name, created_at) VALUES (?1, 'restored', ?2)")
      .bind(t, Date.now())
      .run();
    for (const r of copy) {
      await env.DB.prepare(
        `INSERT INTO secrets (tenant_id, name, version, dek_version, iv, ciphertext, masked,
           created_at, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, 0, 'restore')`,
      )
        .bind(t, r.name, r.version, r.dek_version, r.iv, r.ciphertext, r.masked)
        .run();
    }
    for (const vault of [warm, await coldVault()]) {
      for (const name of ["OLD_KEY", "NEW_KEY"]) {
        const error = await readSecretValue(vault, t, name).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(VaultError);
        expect((error as VaultError).code).toBe("key_destroyed");
      }
    }
  });
});
