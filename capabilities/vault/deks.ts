import { clock } from "../../platform/clock";
import { createDek, unwrapDek } from "../../core/vault";
import type { WrappedDek } from "../../core/vault";
import { database, type Database } from "../../platform/db/client";
import { VaultError } from "./errors";
import { activeDekRow, dekRows, hasAnyDek, insertFirstDek, type DekRow } from "./repository";
import { keyring } from "./keyring";
import type { Keyring } from "./keyring";

export type { DekRow } from "./repository";

/** Everything a vault operation needs: D1 (through drizzle), the KEK ring with its DEK cache, and a clock. */
export interface Vault extends Keyring {
  readonly db: Database;
  readonly now: () => number;
}

/** The vault over `db` with the ring in `vaultKeks` (the `VAULT_KEKS` text). */
export async function openVault(
  db: D1Database,
  vaultKeks: string,
  now: () => number = clock.now,
): Promise<Vault> {
  return { ...(await keyring(vaultKeks)), db: database(db), now };
}

/** The columns needed to open a DEK. */
export type StoredDek = Pick<
  DekRow,
  "tenantId" | "version" | "state" | "kekId" | "wrappedIv" | "wrappedDek"
>;

export const wrappedOf = (row: StoredDek): WrappedDek | undefined =>
  row.state !== "destroyed" && row.kekId && row.wrappedIv && row.wrappedDek
    ? { kekId: row.kekId, iv: row.wrappedIv, ciphertext: row.wrappedDek }
    : undefined;

const keyDestroyed = (version: number) =>
  new VaultError("key_destroyed", `DEK version ${version} of this tenant has been destroyed.`);

/** The usable key of a stored DEK, from the cache or by unwrapping it with the ring. */
export async function dekKey(v: Vault, row: StoredDek): Promise<CryptoKey> {
  const wrapped = wrappedOf(row);
  if (!wrapped) throw keyDestroyed(row.version);
  const now = v.now();
  const cached = v.cache.get(row.tenantId, row.version, now);
  if (cached) return cached;
  const key = await unwrapDek({
    ring: v.ring,
    tenantId: row.tenantId,
    dekVersion: row.version,
    wrapped,
  });
  v.cache.set(row.tenantId, row.version, key, now);
  return key;
}

/** The tenant's DEK versions, oldest first. */
export const tenantDeks = (db: D1Database, tenantId: string): Promise<DekRow[]> =>
  dekRows(database(db), tenantId);

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

  if (await hasAnyDek(v.db, tenantId)) {
    // Keys exist but none is active: only a tenant whose keys were destroyed looks like this.
    throw new VaultError("key_destroyed", "This tenant's vault keys have been destroyed.");
  }
  const created = await createDek({ ring: v.ring, tenantId, dekVersion: 1 });
  await insertFirstDek(v.db, tenantId, created.wrapped, v.now());
  const winner = await activeDekRow(v.db, tenantId);
  if (!winner) throw new Error("tenant has key rows but no active DEK after creating one");
  return { version: winner.version, key: await dekKey(v, winner) };
}
