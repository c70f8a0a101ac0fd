import { env } from "cloudflare:test";
import { toBase64 } from "../../../core/encoding";
import { DekCache, loadKekRing } from "../../../core/vault";
import type { Vault } from "../deks";

/** The test ring's KEK (vitest.shared.ts) and two others, as `VAULT_KEKS` entries. */
export const K1 = env.VAULT_KEKS!;
export const K2 = `k2:${toBase64(Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + 3) & 255))}`;
/** Same id as the real k1, different key bytes: a wrong KEK. */
export const WRONG_K1 = `k1:${toBase64(Uint8Array.from({ length: 32 }, (_, i) => (255 - i) & 255))}`;

/**
 * A vault over the test D1 with `ring` and an empty DEK cache, so every read really unwraps the
 * stored DEK (a warm cache in the shared isolate would hide a wrong or tampered key).
 */
export async function coldVault(ring = K1): Promise<Vault> {
  const loaded = await loadKekRing(ring);
  if (!loaded.ok) throw new Error(loaded.error);
  return {
    ring: loaded.ring,
    cache: new DekCache({ maxEntries: 100, ttlMs: 60_000 }),
    db: env.DB,
    now: Date.now,
  };
}

export async function secretRows(tenantId: string) {
  const { results } = await env.DB.prepare(
    "SELECT * FROM secrets WHERE tenant_id = ?1 ORDER BY name",
  )
    .bind(tenantId)
    .all<{
      name: string;
      version: number;
      dek_version: number | null;
      iv: string | null;
      ciphertext: string | null;
      masked: string | null;
      deleted_at: number | null;
    }>();
  return results;
}

export async function dekRows(tenantId: string) {
  const { results } = await env.DB.prepare(
    "SELECT * FROM tenant_keys WHERE tenant_id = ?1 ORDER BY version",
  )
    .bind(tenantId)
    .all<{
      version: number;
      state: string;
      kek_id: string | null;
      wrapped_iv: string | null;
      wrapped_dek: string | null;
      rewrapped_at: number | null;
    }>();
  return results;
}
