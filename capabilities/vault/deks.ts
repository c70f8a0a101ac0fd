import { clock } from "../../platform/clock";
import { createDek, unwrapDek } from "../../core/vault";
import type { WrappedDek } from "../../core/vault";
import { VaultError } from "./errors";
import { keyring } from "./keyring";
import type { Keyring } from "./keyring";

export type DekState = "active" | "retired" | "destroyed";

export interface DekRow {
  tenant_id: string;
  version: number;
  state: DekState;
  kek_id: string | null;
  wrapped_iv: string | null;
  wrapped_dek: string | null;
  created_at: number;
  rewrapped_at: number | null;
  destroyed_at: number | null;
}

/** Everything a vault operation needs: D1, the KEK ring with its DEK cache, and a clock. */
export interface Vault extends Keyring {
  readonly db: D1Database;
  readonly now: () => number;
}

/** The vault over `db` with the ring in `vaultKeks` (the `VAULT_KEKS` text). */
export async function openVault(
  db: D1Database,
  vaultKeks: string,
  now: () => number = clock.now,
): Promise<Vault> {
  return { ...(await keyring(vaultKeks)), db, now };
}

/** The columns needed to open a DEK. */
export type StoredDek = Pick<
  DekRow,
  "tenant_id" | "version" | "state" | "kek_id" | "wrapped_iv" | "wrapped_dek"
>;

export const wrappedOf = (row: StoredDek): WrappedDek | undefined =>
  row.state !== "destroyed" && row.kek_id && row.wrapped_iv && row.wrapped_dek
    ? { kekId: row.kek_id, iv: row.wrapped_iv, ciphertext: row.wrapped_dek }
    : undefined;

const keyDestroyed = (version: number) =>
  new VaultError("key_destroyed", `DEK version ${version} of this tenant has been destroyed.`);

/** The usable key of a stored DEK, from the cache or by unwrapping it with the ring. */
export async function dekKey(v: Vault, row: StoredDek): Promise<CryptoKey> {
  const wrapped = wrappedOf(row);
  if (!wrapped) throw keyDestroyed(row.version);
  const now = v.now();
  const cached = v.cache.get(row.tenant_id, row.version, now);
  if (cached) return cached;
  const key = await unwrapDek({
    ring: v.ring,
    tenantId: row.tenant_id,
    dekVersion: row.version,
    wrapped,
  });
  v.cache.set(row.tenant_id, row.version, key, now);
  return key;
}

export async function tenantDeks(db: D1Database, tenantId: string): Promise<DekRow[]> {
  const { results } = await db
    .prepare("SELECT * FROM tenant_keys WHERE tenant_id = ?1 ORDER BY version")
    .bind(tenantId)
    .all<DekRow>();
  return results;
}

export async function activeDekRow(db: D1Database, tenantId: string): Promise<DekRow | null> {
  return db
    .prepare("SELECT * FROM tenant_keys WHERE tenant_id = ?1 AND state = 'active'")
    .bind(tenantId)
    .first<DekRow>();
}

/** The statement that stores a newly wrapped DEK as the tenant's active version. */
export function insertDekStatement(
  db: D1Database,
  args: { tenantId: string; version: number; wrapped: WrappedDek; now: number },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO tenant_keys (tenant_id, version, state, kek_id, wrapped_iv, wrapped_dek, created_at)
       VALUES (?1, ?2, 'active', ?3, ?4, ?5, ?6)`,
    )
    .bind(
      args.tenantId,
      args.version,
      args.wrapped.kekId,
      args.wrapped.iv,
      args.wrapped.ciphertext,
      args.now,
    );
}

/**
 * The tenant's active DEK, creating version 1 on first use. Two concurrent first uses race on the
 * (tenant, version) key; the loser's insert is ignored and both use the winner's DEK.
 */
export async function activeDek(
  v: Vault,
  tenantId: string,
): Promise<{ version: number; key: CryptoKey }> {
  const row = await activeDekRow(v.db, tenantId);
  if (row) return { version: row.version, key: await dekKey(v, row) };

  const anyKey = await v.db
    .prepare("SELECT 1 AS x FROM tenant_keys WHERE tenant_id = ?1 LIMIT 1")
    .bind(tenantId)
    .first();
  if (anyKey) {
    // Keys exist but none is active: only a tenant whose keys were destroyed looks like this.
    throw new VaultError("key_destroyed", "This tenant's vault keys have been destroyed.");
  }
  const created = await createDek({ ring: v.ring, tenantId, dekVersion: 1 });
  await v.db
    .prepare(
      `INSERT OR IGNORE INTO tenant_keys
         (tenant_id, version, state, kek_id, wrapped_iv, wrapped_dek, created_at)
       VALUES (?1, 1, 'active', ?2, ?3, ?4, ?5)`,
    )
    .bind(tenantId, created.wrapped.kekId, created.wrapped.iv, created.wrapped.ciphertext, v.now())
    .run();
  const winner = await activeDekRow(v.db, tenantId);
  if (!winner) throw new Error("tenant has key rows but no active DEK after creating one");
  return { version: winner.version, key: await dekKey(v, winner) };
}
