import { and, asc, count, desc, eq, gt, lt, ne, or, isNull, sql } from "drizzle-orm";
import type { WrappedDek } from "../../core/vault";
import type { Database } from "../../platform/db/client";
import { insertSelect } from "../../platform/db/insert-select";
import { secretRequests, secrets, tenantKeys } from "../../platform/db/schema";

/** The vault's D1 queries (tenant_keys, secrets, secret_requests); only the vault services call them. */

export type DekRow = typeof tenantKeys.$inferSelect;
export type SecretRequestRow = typeof secretRequests.$inferSelect;

// ---- DEKs ----

export const dekRows = (db: Database, tenantId: string) =>
  db
    .select()
    .from(tenantKeys)
    .where(eq(tenantKeys.tenantId, tenantId))
    .orderBy(asc(tenantKeys.version));

export const activeDekRow = async (db: Database, tenantId: string): Promise<DekRow | null> =>
  (await db
    .select()
    .from(tenantKeys)
    .where(and(eq(tenantKeys.tenantId, tenantId), eq(tenantKeys.state, "active")))
    .get()) ?? null;

export const hasAnyDek = async (db: Database, tenantId: string) =>
  (await db
    .select({ x: sql<number>`1` })
    .from(tenantKeys)
    .where(eq(tenantKeys.tenantId, tenantId))
    .limit(1)
    .get()) !== undefined;

/** Version 1, unless a concurrent first use stored it first (then this is a no-op). */
export const insertFirstDek = (db: Database, tenantId: string, wrapped: WrappedDek, now: number) =>
  db
    .insert(tenantKeys)
    .values({
      tenantId,
      version: 1,
      state: "active",
      kekId: wrapped.kekId,
      wrappedIv: wrapped.iv,
      wrappedDek: wrapped.ciphertext,
      createdAt: now,
    })
    .onConflictDoNothing();

export const retireDekQuery = (db: Database, tenantId: string, version: number) =>
  db
    .update(tenantKeys)
    .set({ state: "retired" })
    .where(
      and(
        eq(tenantKeys.tenantId, tenantId),
        eq(tenantKeys.version, version),
        eq(tenantKeys.state, "active"),
      ),
    );

/** Activates `version` only if no DEK of the tenant is active (the retire before it applied). */
export const activateDekQuery = (
  db: Database,
  args: { tenantId: string; version: number; wrapped: WrappedDek; now: number },
) =>
  insertSelect(
    db,
    tenantKeys,
    {
      tenantId: args.tenantId,
      version: args.version,
      state: "active",
      kekId: args.wrapped.kekId,
      wrappedIv: args.wrapped.iv,
      wrappedDek: args.wrapped.ciphertext,
      createdAt: args.now,
    },
    sql`WHERE NOT EXISTS (SELECT 1 FROM tenant_keys WHERE tenant_id = ${args.tenantId} AND state = 'active')`,
  );

const rewrapScope = (kekId: string, tenantId?: string) =>
  and(
    ne(tenantKeys.state, "destroyed"),
    ne(tenantKeys.kekId, kekId),
    tenantId ? eq(tenantKeys.tenantId, tenantId) : undefined,
  );

/** Live DEKs not wrapped by `kekId`, in (tenant, version) order after `after`. */
export const deksToRewrap = (
  db: Database,
  args: { kekId: string; tenantId?: string; after: [string, number]; limit: number },
) =>
  db
    .select()
    .from(tenantKeys)
    .where(
      and(
        rewrapScope(args.kekId, args.tenantId),
        or(
          gt(tenantKeys.tenantId, args.after[0]),
          and(eq(tenantKeys.tenantId, args.after[0]), gt(tenantKeys.version, args.after[1])),
        ),
      ),
    )
    .orderBy(asc(tenantKeys.tenantId), asc(tenantKeys.version))
    .limit(args.limit);

/** Replaces a DEK's wrapping only if it is still the one read (and the DEK not destroyed). */
export const rewrapQuery = (
  db: Database,
  args: { row: DekRow; from: WrappedDek; to: WrappedDek; now: number },
) =>
  db
    .update(tenantKeys)
    .set({
      kekId: args.to.kekId,
      wrappedIv: args.to.iv,
      wrappedDek: args.to.ciphertext,
      rewrappedAt: args.now,
    })
    .where(
      and(
        eq(tenantKeys.tenantId, args.row.tenantId),
        eq(tenantKeys.version, args.row.version),
        eq(tenantKeys.kekId, args.from.kekId),
        eq(tenantKeys.wrappedDek, args.from.ciphertext),
        ne(tenantKeys.state, "destroyed"),
      ),
    );

export const countDeksNotUnder = async (db: Database, kekId: string, tenantId?: string) =>
  (await db.select({ n: count() }).from(tenantKeys).where(rewrapScope(kekId, tenantId)).get())?.n ??
  0;

export const dekCountsByKek = (db: Database, tenantId?: string) =>
  db
    .select({ kekId: tenantKeys.kekId, n: count() })
    .from(tenantKeys)
    .where(
      and(
        ne(tenantKeys.state, "destroyed"),
        tenantId ? eq(tenantKeys.tenantId, tenantId) : undefined,
      ),
    )
    .groupBy(tenantKeys.kekId)
    .orderBy(asc(tenantKeys.kekId));

// ---- secrets ----

const live = (tenantId: string) => and(eq(secrets.tenantId, tenantId), isNull(secrets.deletedAt));

/** The columns the API may show (never the ciphertext), as the wire names them. */
export const metaColumns = {
  name: secrets.name,
  version: secrets.version,
  masked: secrets.masked,
  dek_version: secrets.dekVersion,
  created_at: secrets.createdAt,
  updated_at: secrets.updatedAt,
  updated_by: secrets.updatedBy,
  destinations: secrets.destinations,
};

export const secretMetaRow = (db: Database, tenantId: string, name: string) =>
  db
    .select(metaColumns)
    .from(secrets)
    .where(and(live(tenantId), eq(secrets.name, name)))
    .get();

export const secretMetaPage = (
  db: Database,
  tenantId: string,
  page: { after: string; limit: number },
) =>
  db
    .select(metaColumns)
    .from(secrets)
    .where(and(live(tenantId), gt(secrets.name, page.after)))
    .orderBy(asc(secrets.name))
    .limit(page.limit);

export const secretVersion = (db: Database, tenantId: string, name: string) =>
  db
    .select({ version: secrets.version, deletedAt: secrets.deletedAt })
    .from(secrets)
    .where(and(eq(secrets.tenantId, tenantId), eq(secrets.name, name)))
    .get();

export const liveSecretNames = async (db: Database, tenantId: string, limit: number) =>
  (
    await db
      .select({ name: secrets.name })
      .from(secrets)
      .where(live(tenantId))
      .orderBy(asc(secrets.name))
      .limit(limit)
  ).map((r) => r.name);

export const unboundSecretNames = async (db: Database, tenantId: string) =>
  (
    await db
      .select({ name: secrets.name })
      .from(secrets)
      .where(and(live(tenantId), eq(secrets.destinations, "[]")))
      .orderBy(asc(secrets.name))
      .limit(1000)
  ).map((r) => r.name);

export const secretCountsByDek = (db: Database, tenantId: string) =>
  db
    .select({ dekVersion: secrets.dekVersion, n: count() })
    .from(secrets)
    .where(live(tenantId))
    .groupBy(secrets.dekVersion);

/** A live secret's ciphertext with the DEK it is under (null DEK columns: the DEK row is gone). */
export const storedSecret = (db: Database, tenantId: string, name: string) =>
  db
    .select({
      version: secrets.version,
      dekVersion: secrets.dekVersion,
      iv: secrets.iv,
      ciphertext: secrets.ciphertext,
      destinations: secrets.destinations,
      state: tenantKeys.state,
      kekId: tenantKeys.kekId,
      wrappedIv: tenantKeys.wrappedIv,
      wrappedDek: tenantKeys.wrappedDek,
    })
    .from(secrets)
    .leftJoin(
      tenantKeys,
      and(eq(tenantKeys.tenantId, secrets.tenantId), eq(tenantKeys.version, secrets.dekVersion)),
    )
    .where(and(live(tenantId), eq(secrets.name, name)))
    .get();

export interface SecretWrite {
  tenantId: string;
  name: string;
  /** The version this write creates, and the one it replaces (0: none). */
  version: number;
  previousVersion: number;
  dekVersion: number;
  iv: string;
  ciphertext: string;
  masked: string;
  now: number;
  actor: string;
  /** ask_secret: the pending request the value answers ("" for none). */
  fulfilsRequest: string;
  /** Where a new (or revived) secret may go, as JSON. */
  destinationsIfNew: string;
}

/**
 * The one conditional write of a secret version: applies only if the secret is still at the
 * version read, the DEK used is still active and, for ask_secret, the request is still pending.
 */
export function writeSecretQuery(db: Database, w: SecretWrite, exists: boolean) {
  const conditions = sql`EXISTS (SELECT 1 FROM tenant_keys
        WHERE tenant_id = ${w.tenantId} AND version = ${w.dekVersion} AND state = 'active')
      AND (${w.fulfilsRequest} = '' OR EXISTS (SELECT 1 FROM secret_requests
        WHERE id = ${w.fulfilsRequest} AND tenant_id = ${w.tenantId} AND name = ${w.name}
          AND status = 'pending' AND expires_at > ${w.now}))`;
  if (exists) {
    return db
      .update(secrets)
      .set({
        version: w.version,
        dekVersion: w.dekVersion,
        iv: w.iv,
        ciphertext: w.ciphertext,
        masked: w.masked,
        updatedAt: w.now,
        updatedBy: w.actor,
        createdAt: sql`CASE WHEN deleted_at IS NULL THEN created_at ELSE ${w.now} END`,
        destinations: sql`CASE WHEN deleted_at IS NULL THEN destinations ELSE ${w.destinationsIfNew} END`,
        deletedAt: null,
      })
      .where(
        and(
          eq(secrets.tenantId, w.tenantId),
          eq(secrets.name, w.name),
          eq(secrets.version, w.previousVersion),
          conditions,
        ),
      );
  }
  return insertSelect(
    db,
    secrets,
    {
      tenantId: w.tenantId,
      name: w.name,
      version: w.version,
      dekVersion: w.dekVersion,
      iv: w.iv,
      ciphertext: w.ciphertext,
      masked: w.masked,
      createdAt: w.now,
      updatedAt: w.now,
      updatedBy: w.actor,
      deletedAt: null,
      destinations: w.destinationsIfNew,
    },
    sql`WHERE ${w.previousVersion} = 0 AND ${conditions}`,
  ).onConflictDoNothing();
}

/** Marks the request fulfilled, only if the secret now holds the value just written (its iv). */
export const fulfilRequestQuery = (
  db: Database,
  args: { id: string; tenantId: string; name: string; iv: string; now: number; actor: string },
) =>
  db
    .update(secretRequests)
    .set({ status: "fulfilled", fulfilledAt: args.now, fulfilledBy: args.actor })
    .where(
      and(
        eq(secretRequests.id, args.id),
        eq(secretRequests.tenantId, args.tenantId),
        eq(secretRequests.status, "pending"),
        sql`EXISTS (SELECT 1 FROM secrets WHERE tenant_id = ${args.tenantId} AND name = ${args.name} AND iv = ${args.iv})`,
      ),
    );

export const setDestinationsQuery = (
  db: Database,
  args: { tenantId: string; name: string; destinations: string; now: number; actor: string },
) =>
  db
    .update(secrets)
    .set({ destinations: args.destinations, updatedAt: args.now, updatedBy: args.actor })
    .where(and(live(args.tenantId), eq(secrets.name, args.name)));

/** Erases the ciphertext and keeps a tombstone. */
export const eraseSecretQuery = (
  db: Database,
  args: { tenantId: string; name: string; now: number; actor: string },
) =>
  db
    .update(secrets)
    .set({
      iv: null,
      ciphertext: null,
      masked: null,
      dekVersion: null,
      destinations: "[]",
      deletedAt: args.now,
      updatedAt: args.now,
      updatedBy: args.actor,
    })
    .where(and(live(args.tenantId), eq(secrets.name, args.name)));

export const countSecretsBehind = async (db: Database, tenantId: string, activeVersion: number) =>
  (
    await db
      .select({ n: count() })
      .from(secrets)
      .where(and(live(tenantId), lt(secrets.dekVersion, activeVersion)))
      .get()
  )?.n ?? 0;

export const secretsBehind = (
  db: Database,
  tenantId: string,
  activeVersion: number,
  limit: number,
) =>
  db
    .select({
      name: secrets.name,
      version: secrets.version,
      dekVersion: secrets.dekVersion,
      iv: secrets.iv,
      ciphertext: secrets.ciphertext,
    })
    .from(secrets)
    .where(and(live(tenantId), lt(secrets.dekVersion, activeVersion)))
    .orderBy(asc(secrets.name))
    .limit(limit);

/** Re-encrypted under the new DEK, only if nobody wrote the secret since it was read. */
export const reencryptQuery = (
  db: Database,
  args: {
    tenantId: string;
    name: string;
    version: number;
    from: { dekVersion: number; iv: string };
    to: { dekVersion: number; iv: string; ciphertext: string };
  },
) =>
  db
    .update(secrets)
    .set({ dekVersion: args.to.dekVersion, iv: args.to.iv, ciphertext: args.to.ciphertext })
    .where(
      and(
        eq(secrets.tenantId, args.tenantId),
        eq(secrets.name, args.name),
        eq(secrets.version, args.version),
        eq(secrets.dekVersion, args.from.dekVersion),
        eq(secrets.iv, args.from.iv),
      ),
    );

// ---- secret requests ----

export const insertRequestQuery = (db: Database, row: SecretRequestRow) =>
  db.insert(secretRequests).values(row);

export const secretRequestRow = async (db: Database, tenantId: string, id: string) =>
  (await db
    .select()
    .from(secretRequests)
    .where(and(eq(secretRequests.id, id), eq(secretRequests.tenantId, tenantId)))
    .get()) ?? null;

/** The pending, unexpired requests (or the 200 most recent of any status), newest first. */
export const secretRequestRows = (db: Database, tenantId: string, now: number, all: boolean) =>
  db
    .select()
    .from(secretRequests)
    .where(
      and(
        eq(secretRequests.tenantId, tenantId),
        all
          ? undefined
          : and(eq(secretRequests.status, "pending"), gt(secretRequests.expiresAt, now)),
      ),
    )
    .orderBy(desc(secretRequests.createdAt))
    .limit(200);

export const requestIsPending = async (db: Database, tenantId: string, id: string, now: number) =>
  (await db
    .select({ x: sql<number>`1` })
    .from(secretRequests)
    .where(
      and(
        eq(secretRequests.id, id),
        eq(secretRequests.tenantId, tenantId),
        eq(secretRequests.status, "pending"),
        gt(secretRequests.expiresAt, now),
      ),
    )
    .get()) !== undefined;

export const cancelRequestQuery = (
  db: Database,
  args: { id: string; tenantId: string; now: number; actor: string },
) =>
  db
    .update(secretRequests)
    .set({ status: "cancelled", fulfilledAt: args.now, fulfilledBy: args.actor })
    .where(
      and(
        eq(secretRequests.id, args.id),
        eq(secretRequests.tenantId, args.tenantId),
        eq(secretRequests.status, "pending"),
      ),
    );
