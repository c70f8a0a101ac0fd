import { createDek, reencryptSecret } from "../../core/vault";
import { activeDek, dekKey, tenantDeks } from "./deks";
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

interface BehindRow {
  name: string;
  version: number;
  dek_version: number;
  iv: string;
  ciphertext: string;
}

export async function secretsBehind(
  db: D1Database,
  tenantId: string,
  activeVersion: number,
): Promise<number> {
  const row = await db
    .prepare(
      `SELECT COUNT(*) AS n FROM secrets
        WHERE tenant_id = ?1 AND deleted_at IS NULL AND dek_version < ?2`,
    )
    .bind(tenantId, activeVersion)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

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
    audit?: (change: { version: number; previous_version: number | null }) => D1PreparedStatement;
  },
): Promise<RotationProgress> {
  const batchSize = Math.max(1, Math.min(opts.batchSize ?? ROTATION_BATCH, 100));
  let keys = await tenantDeks(v.db, tenantId);
  let active = keys.find((k) => k.state === "active");
  let started = false;
  if (!active) {
    if (keys.length > 0) {
      throw new VaultError("key_destroyed", "This tenant's vault keys have been destroyed.");
    }
    const first = await activeDek(v, tenantId);
    // The first DEK is created on first use, outside a batch of ours: record it on its own.
    await opts.audit?.({ version: first.version, previous_version: null }).run();
    return {
      started: true,
      status: "complete",
      active_version: first.version,
      reencrypted: 0,
      remaining: 0,
    };
  }

  if ((await secretsBehind(v.db, tenantId, active.version)) === 0) {
    started = await startRotation(v, active, opts.audit);
    keys = await tenantDeks(v.db, tenantId);
    active = keys.find((k) => k.state === "active");
    if (!active) throw new Error("no active DEK after starting a rotation");
  }

  const byVersion = new Map<number, DekRow>(keys.map((k) => [k.version, k]));
  const newKey = await dekKey(v, active);
  let reencrypted = 0;
  while (reencrypted < opts.maxSecrets) {
    const { results } = await v.db
      .prepare(
        `SELECT name, version, dek_version, iv, ciphertext FROM secrets
          WHERE tenant_id = ?1 AND deleted_at IS NULL AND dek_version < ?2
          ORDER BY name LIMIT ?3`,
      )
      .bind(tenantId, active.version, Math.min(batchSize, opts.maxSecrets - reencrypted))
      .all<BehindRow>();
    if (results.length === 0) break;
    const statements: D1PreparedStatement[] = [];
    for (const s of results) {
      const old = byVersion.get(s.dek_version);
      if (!old) throw new VaultError("key_destroyed", `DEK version ${s.dek_version} is missing.`);
      const encrypted = await reencryptSecret({
        tenantId,
        name: s.name,
        version: s.version,
        oldDek: await dekKey(v, old),
        oldDekVersion: s.dek_version,
        newDek: newKey,
        newDekVersion: active.version,
        encrypted: { iv: s.iv, ciphertext: s.ciphertext },
      });
      // Applies only if nobody wrote the secret since it was read (a put moves it on by itself).
      statements.push(
        v.db
          .prepare(
            `UPDATE secrets SET dek_version = ?1, iv = ?2, ciphertext = ?3
              WHERE tenant_id = ?4 AND name = ?5 AND version = ?6 AND dek_version = ?7 AND iv = ?8`,
          )
          .bind(
            active.version,
            encrypted.iv,
            encrypted.ciphertext,
            tenantId,
            s.name,
            s.version,
            s.dek_version,
            s.iv,
          ),
      );
    }
    const written = await v.db.batch(statements);
    reencrypted += written.reduce((n, r) => n + r.meta.changes, 0);
  }

  const remaining = await secretsBehind(v.db, tenantId, active.version);
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
  audit?: (change: { version: number; previous_version: number }) => D1PreparedStatement,
): Promise<boolean> {
  const version = active.version + 1;
  const created = await createDek({
    ring: v.ring,
    tenantId: active.tenant_id,
    dekVersion: version,
  });
  const now = v.now();
  try {
    const [retired] = await v.db.batch([
      v.db
        .prepare(
          "UPDATE tenant_keys SET state = 'retired' WHERE tenant_id = ?1 AND version = ?2 AND state = 'active'",
        )
        .bind(active.tenant_id, active.version),
      ...(audit ? [audit({ version, previous_version: active.version })] : []),
      v.db
        .prepare(
          `INSERT INTO tenant_keys (tenant_id, version, state, kek_id, wrapped_iv, wrapped_dek, created_at)
           SELECT ?1, ?2, 'active', ?3, ?4, ?5, ?6
            WHERE NOT EXISTS (SELECT 1 FROM tenant_keys WHERE tenant_id = ?1 AND state = 'active')`,
        )
        .bind(
          active.tenant_id,
          version,
          created.wrapped.kekId,
          created.wrapped.iv,
          created.wrapped.ciphertext,
          now,
        ),
    ]);
    if (retired!.meta.changes !== 1) return false;
  } catch (e) {
    // Another rotation inserted this version first; the batch was rolled back.
    if (e instanceof Error && /UNIQUE|constraint/i.test(e.message)) return false;
    throw e;
  }
  v.cache.set(active.tenant_id, version, created.dek, now);
  return true;
}
