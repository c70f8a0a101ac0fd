import { createDek, reencryptSecret } from "../../core/vault";
import { database, type Query } from "../../platform/db/client";
import { activeDek, dekKey } from "./deks";
import {
  activateDekQuery,
  countSecretsBehind,
  dekRows,
  reencryptQuery,
  retireDekQuery,
  secretsBehind as secretsBehindPage,
} from "./repository";
import type { DekRow, Vault } from "./deks";
import { VaultError } from "./errors";

export const ROTATION_BATCH = 100;

export interface RotationProgress {
  /** True when this call created the new DEK version (false: it resumed a rotation). */
  started: boolean;
  status: "complete" | "in_progress";
  active_version: number;
  /** Secrets re-encrypted by this call. */
  reencrypted: number;
  /** Live secrets still under an older DEK version. */
  remaining: number;
}

export const secretsBehind = (
  d1: D1Database,
  tenantId: string,
  activeVersion: number,
): Promise<number> => countSecretsBehind(database(d1), tenantId, activeVersion);

/**
 * DEK rotation, resumable. If no rotation is under way, a new DEK version becomes active and the
 * old one retired in one transaction; then live secrets still under older versions are
 * re-encrypted in batches of `batchSize`, each batch one transaction, until `maxSecrets` are done
 * or none remain. Every secret records its own DEK version and retired DEKs are kept, so at any
 * moment — including after a crash between batches — every secret is readable. Calling again
 * resumes where the last call stopped.
 */
export async function rotateDek(
  v: Vault,
  tenantId: string,
  opts: {
    maxSecrets: number;
    batchSize?: number;
    /** The audit-outbox statement for a new DEK version (built `ifChanged`). */
    audit?: (change: { version: number; previous_version: number | null }) => Query;
  },
): Promise<RotationProgress> {
  const batchSize = Math.max(1, Math.min(opts.batchSize ?? ROTATION_BATCH, 100));
  let keys = await dekRows(v.db, tenantId);
  let active = keys.find((k) => k.state === "active");
  let started = false;
  if (!active) {
    if (keys.length > 0) {
      throw new VaultError("key_destroyed", "This tenant's vault keys have been destroyed.");
    }
    const first = await activeDek(v, tenantId);
    // The first DEK is created on first use, outside a batch of ours: record it on its own.
    const audit = opts.audit?.({ version: first.version, previous_version: null });
    if (audit) await v.db.batch([audit]);
    return {
      started: true,
      status: "complete",
      active_version: first.version,
      reencrypted: 0,
      remaining: 0,
    };
  }

  if ((await countSecretsBehind(v.db, tenantId, active.version)) === 0) {
    started = await startRotation(v, active, opts.audit);
    keys = await dekRows(v.db, tenantId);
    active = keys.find((k) => k.state === "active");
    if (!active) throw new Error("no active DEK after starting a rotation");
  }

  const byVersion = new Map<number, DekRow>(keys.map((k) => [k.version, k]));
  const newKey = await dekKey(v, active);
  let reencrypted = 0;
  while (reencrypted < opts.maxSecrets) {
    const results = await secretsBehindPage(
      v.db,
      tenantId,
      active.version,
      Math.min(batchSize, opts.maxSecrets - reencrypted),
    );
    if (results.length === 0) break;
    const statements: Query[] = [];
    for (const s of results) {
      // Behind the active version means encrypted under an older DEK: never a tombstone.
      const from = { dekVersion: s.dekVersion!, iv: s.iv!, ciphertext: s.ciphertext! };
      const old = byVersion.get(from.dekVersion);
      if (!old) throw new VaultError("key_destroyed", `DEK version ${from.dekVersion} is missing.`);
      const encrypted = await reencryptSecret({
        tenantId,
        name: s.name,
        version: s.version,
        oldDek: await dekKey(v, old),
        oldDekVersion: from.dekVersion,
        newDek: newKey,
        newDekVersion: active.version,
        encrypted: { iv: from.iv, ciphertext: from.ciphertext },
      });
      // Applies only if nobody wrote the secret since it was read (a put moves it on by itself).
      statements.push(
        reencryptQuery(v.db, {
          tenantId,
          name: s.name,
          version: s.version,
          from,
          to: { dekVersion: active.version, ...encrypted },
        }),
      );
    }
    const written = (await v.db.batch(statements as [Query, ...Query[]])) as D1Result[];
    reencrypted += written.reduce((n, r) => n + r.meta.changes, 0);
  }

  const remaining = await countSecretsBehind(v.db, tenantId, active.version);
  return {
    started,
    status: remaining === 0 ? "complete" : "in_progress",
    active_version: active.version,
    reencrypted,
    remaining,
  };
}

/**
 * Retires the active DEK and activates a new version in one transaction. Returns false when a
 * concurrent call got there first (then this call simply helps finish that rotation).
 */
async function startRotation(
  v: Vault,
  active: DekRow,
  audit?: (change: { version: number; previous_version: number }) => Query,
): Promise<boolean> {
  const version = active.version + 1;
  const created = await createDek({
    ring: v.ring,
    tenantId: active.tenantId,
    dekVersion: version,
  });
  const now = v.now();
  try {
    const [retired] = (await v.db.batch([
      retireDekQuery(v.db, active.tenantId, active.version),
      ...(audit ? [audit({ version, previous_version: active.version })] : []),
      activateDekQuery(v.db, { tenantId: active.tenantId, version, wrapped: created.wrapped, now }),
    ])) as D1Result[];
    if (retired!.meta.changes !== 1) return false;
  } catch (e) {
    // Another rotation inserted this version first; the batch was rolled back.
    if (e instanceof Error && /UNIQUE|constraint/i.test(e.message)) return false;
    throw e;
  }
  v.cache.set(active.tenantId, version, created.dek, now);
  return true;
}
