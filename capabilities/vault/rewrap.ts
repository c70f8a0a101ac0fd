import { rewrapDek, VaultCryptoError } from "../../core/vault";
import type { Vault } from "./deks";
import { wrappedOf } from "./deks";
import type { DekRow } from "./deks";

const REWRAP_PAGE = 100;

export interface RewrapFailure {
  tenant_id: string;
  version: number;
  kek_id: string | null;
  reason: "unknown_kek" | "decrypt_failed" | "bad_input";
}

export interface RewrapResult {
  status: "complete" | "in_progress";
  active_kek: string;
  /** DEKs rewrapped by this call. */
  rewrapped: number;
  /** Live DEKs still wrapped by another KEK (including failures). */
  remaining: number;
  /** DEKs this call could not rewrap: their KEK is missing from the ring or does not fit. */
  failed: RewrapFailure[];
}

/**
 * KEK rotation: rewraps live DEKs (of one tenant, or of every tenant) that are not wrapped by the
 * ring's active KEK, up to `limit` per call. No secret is re-encrypted. Each DEK is replaced by
 * one conditional update, so an interrupted run leaves every DEK wrapped by one KEK or the other
 * (both in the ring) and a second call continues with the rest.
 */
export async function rewrapDeks(
  v: Vault,
  opts: {
    tenantId?: string;
    limit: number;
    /** The audit-outbox statement for one rewrapped DEK (built `ifChanged`). */
    audit?: (change: {
      tenantId: string;
      version: number;
      from_kek: string;
      to_kek: string;
    }) => D1PreparedStatement;
  },
): Promise<RewrapResult> {
  const activeKek = v.ring.active.id;
  const tenant = opts.tenantId ?? "";
  const failed: RewrapFailure[] = [];
  let rewrapped = 0;
  let after: [string, number] = ["", 0];
  while (rewrapped + failed.length < opts.limit) {
    const { results } = await v.db
      .prepare(
        `SELECT * FROM tenant_keys
          WHERE state != 'destroyed' AND kek_id != ?1 AND (?2 = '' OR tenant_id = ?2)
            AND (tenant_id > ?3 OR (tenant_id = ?3 AND version > ?4))
          ORDER BY tenant_id, version LIMIT ?5`,
      )
      .bind(
        activeKek,
        tenant,
        after[0],
        after[1],
        Math.min(REWRAP_PAGE, opts.limit - rewrapped - failed.length),
      )
      .all<DekRow>();
    if (results.length === 0) break;
    const last = results.at(-1)!;
    after = [last.tenant_id, last.version];

    const now = v.now();
    const statements: D1PreparedStatement[] = [];
    const updates = new Set<number>();
    for (const row of results) {
      const wrapped = wrappedOf(row);
      if (!wrapped) continue;
      try {
        const next = await rewrapDek({
          ring: v.ring,
          tenantId: row.tenant_id,
          dekVersion: row.version,
          wrapped,
        });
        statements.push(
          v.db
            .prepare(
              `UPDATE tenant_keys SET kek_id = ?1, wrapped_iv = ?2, wrapped_dek = ?3, rewrapped_at = ?4
                WHERE tenant_id = ?5 AND version = ?6 AND kek_id = ?7 AND wrapped_dek = ?8
                  AND state != 'destroyed'`,
            )
            .bind(
              next.kekId,
              next.iv,
              next.ciphertext,
              now,
              row.tenant_id,
              row.version,
              wrapped.kekId,
              wrapped.ciphertext,
            ),
        );
        updates.add(statements.length - 1);
        const audit = opts.audit?.({
          tenantId: row.tenant_id,
          version: row.version,
          from_kek: wrapped.kekId,
          to_kek: next.kekId,
        });
        if (audit) statements.push(audit);
      } catch (e) {
        if (!(e instanceof VaultCryptoError)) throw e;
        failed.push({
          tenant_id: row.tenant_id,
          version: row.version,
          kek_id: row.kek_id,
          reason: e.code,
        });
      }
    }
    if (statements.length > 0) {
      const written = await v.db.batch(statements);
      rewrapped += written.reduce((n, r, i) => (updates.has(i) ? n + r.meta.changes : n), 0);
    }
  }
  const remaining = await deksNotUnder(v.db, activeKek, opts.tenantId);
  return {
    status: remaining === 0 ? "complete" : "in_progress",
    active_kek: activeKek,
    rewrapped,
    remaining,
    failed,
  };
}

export async function deksNotUnder(
  db: D1Database,
  kekId: string,
  tenantId?: string,
): Promise<number> {
  const row = await db
    .prepare(
      `SELECT COUNT(*) AS n FROM tenant_keys
        WHERE state != 'destroyed' AND kek_id != ?1 AND (?2 = '' OR tenant_id = ?2)`,
    )
    .bind(kekId, tenantId ?? "")
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** Live DEKs per KEK id, for status answers. */
export async function deksByKek(
  db: D1Database,
  tenantId?: string,
): Promise<Record<string, number>> {
  const { results } = await db
    .prepare(
      `SELECT kek_id, COUNT(*) AS n FROM tenant_keys
        WHERE state != 'destroyed' AND (?1 = '' OR tenant_id = ?1) GROUP BY kek_id ORDER BY kek_id`,
    )
    .bind(tenantId ?? "")
    .all<{ kek_id: string; n: number }>();
  return Object.fromEntries(results.map((r) => [r.kek_id, r.n]));
}
