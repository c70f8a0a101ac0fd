import { rewrapDek, VaultCryptoError } from "../../core/vault";
import { database, type Query } from "../../platform/db/client";
import type { Vault } from "./deks";
import { countDeksNotUnder, dekCountsByKek, deksToRewrap, rewrapQuery } from "./repository";
import { wrappedOf } from "./deks";

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
    }) => Query;
  },
): Promise<RewrapResult> {
  const activeKek = v.ring.active.id;
  const tenant = opts.tenantId ?? "";
  const failed: RewrapFailure[] = [];
  let rewrapped = 0;
  let after: [string, number] = ["", 0];
  while (rewrapped + failed.length < opts.limit) {
    const results = await deksToRewrap(v.db, {
      kekId: activeKek,
      tenantId: opts.tenantId,
      after,
      limit: Math.min(REWRAP_PAGE, opts.limit - rewrapped - failed.length),
    });
    if (results.length === 0) break;
    const last = results.at(-1)!;
    after = [last.tenantId, last.version];

    const now = v.now();
    const statements: Query[] = [];
    const updates = new Set<number>();
    for (const row of results) {
      const wrapped = wrappedOf(row);
      if (!wrapped) continue;
      try {
        const next = await rewrapDek({
          ring: v.ring,
          tenantId: row.tenantId,
          dekVersion: row.version,
          wrapped,
        });
        statements.push(rewrapQuery(v.db, { row, from: wrapped, to: next, now }));
        updates.add(statements.length - 1);
        const audit = opts.audit?.({
          tenantId: row.tenantId,
          version: row.version,
          from_kek: wrapped.kekId,
          to_kek: next.kekId,
        });
        if (audit) statements.push(audit);
      } catch (e) {
        if (!(e instanceof VaultCryptoError)) throw e;
        failed.push({
          tenant_id: row.tenantId,
          version: row.version,
          kek_id: row.kekId,
          reason: e.code,
        });
      }
    }
    if (statements.length > 0) {
      const written = (await v.db.batch(statements as [Query, ...Query[]])) as D1Result[];
      rewrapped += written.reduce((n, r, i) => (updates.has(i) ? n + r.meta.changes : n), 0);
    }
  }
  const remaining = await countDeksNotUnder(v.db, activeKek, opts.tenantId);
  return {
    status: remaining === 0 ? "complete" : "in_progress",
    active_kek: activeKek,
    rewrapped,
    remaining,
    failed,
  };
}

export const deksNotUnder = (d1: D1Database, kekId: string, tenantId?: string): Promise<number> =>
  countDeksNotUnder(database(d1), kekId, tenantId);

/** Live DEKs per KEK id, for status answers. */
export async function deksByKek(
  d1: D1Database,
  tenantId?: string,
): Promise<Record<string, number>> {
  const rows = await dekCountsByKek(database(d1), tenantId);
  return Object.fromEntries(rows.map((r) => [r.kekId, r.n]));
}
