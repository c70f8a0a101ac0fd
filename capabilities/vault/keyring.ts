import { DekCache, loadKekRing } from "../../core/vault";
import type { KekRing } from "../../core/vault";

/**
 * The imported KEK ring and its DEK cache, once per distinct `VAULT_KEKS` value in this isolate.
 * Each ring has its own cache, so a DEK unwrapped under one ring is never served to another
 * (a changed or wrong ring must fail to unwrap, not hit a warm cache).
 */
export interface Keyring {
  readonly ring: KekRing;
  readonly cache: DekCache;
}

const MAX_RINGS = 8;
const DEK_CACHE = { maxEntries: 1000, ttlMs: 5 * 60 * 1000 } as const;
const rings = new Map<string, Promise<Keyring>>();

/** `text` has been validated by loadConfig; a parse failure here is a programming error. */
export function keyring(text: string): Promise<Keyring> {
  let entry = rings.get(text);
  if (!entry) {
    if (rings.size >= MAX_RINGS) {
      const oldest = rings.keys().next();
      if (!oldest.done) rings.delete(oldest.value);
    }
    entry = loadKekRing(text).then((loaded) => {
      if (!loaded.ok) throw new Error(loaded.error);
      return { ring: loaded.ring, cache: new DekCache(DEK_CACHE) };
    });
    entry.catch(() => rings.delete(text));
    rings.set(text, entry);
  }
  return entry;
}

/** Drops a tenant's cached DEKs from every ring's cache (tenant deletion). */
export async function forgetTenantDeks(tenantId: string): Promise<void> {
  for (const entry of rings.values()) {
    const k = await entry.catch(() => undefined);
    k?.cache.deleteTenant(tenantId);
  }
}
