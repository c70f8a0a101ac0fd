import type { Destination } from "../../core/secrets/destinations";
import { decryptSecret, encryptSecret, maskLast4 } from "../../core/vault";
import { utf8 } from "../../core/encoding";
import { isWellFormed } from "../../core/text";
import { activeDek, dekKey } from "./deks";
import type { DekRow, Vault } from "./deks";
import { VaultError } from "./errors";

export const SECRET_NAME_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;
export const MAX_SECRET_VALUE_BYTES = 64 * 1024;
const PUT_ATTEMPTS = 4;

/** What the API may show about a secret: never the value, only `***` + its last four characters. */
export interface SecretMeta {
  name: string;
  version: number;
  masked: string;
  dek_version: number;
  created_at: number;
  updated_at: number;
  updated_by: string;
  /** Where the value may be sent; empty means nowhere. */
  destinations: Destination[];
}

const META_COLUMNS =
  "name, version, masked, dek_version, created_at, updated_at, updated_by, destinations";

type MetaRow = Omit<SecretMeta, "destinations"> & { destinations: string };

const metaOf = (row: MetaRow): SecretMeta => ({
  ...row,
  destinations: JSON.parse(row.destinations) as Destination[],
});

/** Routes validate with zod first; these guard the internal callers (the DO, ask_secret). */
export function checkSecretName(name: string): void {
  if (typeof name !== "string" || !SECRET_NAME_PATTERN.test(name)) {
    throw new TypeError("invalid secret name");
  }
}

export function checkSecretValue(value: string): void {
  if (typeof value !== "string" || value.length === 0) throw new TypeError("empty secret value");
  // Not a vault fault: a value that cannot be UTF-8 is the caller's mistake (never vault_locked).
  if (!isWellFormed(value)) {
    throw new VaultError("invalid_value", "The value is not well-formed Unicode.");
  }
  if (utf8.encode(value).length > MAX_SECRET_VALUE_BYTES) {
    throw new TypeError("secret value too large");
  }
}

export interface PutSecretArgs {
  tenantId: string;
  name: string;
  value: string;
  /** `user:<id>` or `token:<id>`. */
  actor: string;
  /** ask_secret: the pending request this value answers; fulfilled in the same transaction. */
  fulfilsRequest?: string;
  /**
   * The audit-outbox statement for this write (built `ifChanged`), batched right after it so it
   * is written only if the write applied. Never given the value.
   */
  audit?: (change: { version: number; created: boolean }) => D1PreparedStatement;
  /**
   * Where the value may go, applied only when this write creates the secret (or revives a deleted
   * one); a new version of a live secret keeps its destinations (`setSecretDestinations` changes
   * them).
   */
  destinationsIfNew?: Destination[];
}

/**
 * Stores a secret or its next version, encrypted under the tenant's active DEK. One conditional
 * write, all or nothing: it applies only if the secret is still at the version read, the DEK used
 * is still the active one (so a concurrent DEK rotation can never miss it) and, for ask_secret,
 * the request is still pending. On a lost race it starts over with fresh state.
 */
export async function putSecret(
  v: Vault,
  args: PutSecretArgs,
): Promise<{ secret: SecretMeta; created: boolean }> {
  checkSecretName(args.name);
  checkSecretValue(args.value);
  const { tenantId, name } = args;
  for (let attempt = 0; attempt < PUT_ATTEMPTS; attempt++) {
    const dek = await activeDek(v, tenantId);
    const current = await v.db
      .prepare("SELECT version, deleted_at FROM secrets WHERE tenant_id = ?1 AND name = ?2")
      .bind(tenantId, name)
      .first<{ version: number; deleted_at: number | null }>();
    const version = (current?.version ?? 0) + 1;
    const encrypted = await encryptSecret({
      tenantId,
      name,
      version,
      dek: dek.key,
      dekVersion: dek.version,
      plaintext: args.value,
    });
    const now = v.now();
    const binds = [
      tenantId, // ?1
      name, // ?2
      dek.version, // ?3
      encrypted.iv, // ?4
      encrypted.ciphertext, // ?5
      maskLast4(args.value), // ?6
      now, // ?7
      args.actor, // ?8
      version, // ?9
      current?.version ?? 0, // ?10
      args.fulfilsRequest ?? "", // ?11
      JSON.stringify(args.destinationsIfNew ?? []), // ?12
    ];
    const conditions = `EXISTS (SELECT 1 FROM tenant_keys
        WHERE tenant_id = ?1 AND version = ?3 AND state = 'active')
      AND (?11 = '' OR EXISTS (SELECT 1 FROM secret_requests
        WHERE id = ?11 AND tenant_id = ?1 AND name = ?2 AND status = 'pending' AND expires_at > ?7))`;
    const write = current
      ? `UPDATE secrets SET version = ?9, dek_version = ?3, iv = ?4, ciphertext = ?5, masked = ?6,
           updated_at = ?7, updated_by = ?8,
           created_at = CASE WHEN deleted_at IS NULL THEN created_at ELSE ?7 END,
           destinations = CASE WHEN deleted_at IS NULL THEN destinations ELSE ?12 END,
           deleted_at = NULL
         WHERE tenant_id = ?1 AND name = ?2 AND version = ?10 AND ${conditions}`
      : `INSERT INTO secrets (tenant_id, name, version, dek_version, iv, ciphertext, masked,
           created_at, updated_at, updated_by, deleted_at, destinations)
         SELECT ?1, ?2, ?9, ?3, ?4, ?5, ?6, ?7, ?7, ?8, NULL, ?12 WHERE ?10 = 0 AND ${conditions}
         ON CONFLICT DO NOTHING`;
    const statements = [v.db.prepare(write).bind(...binds)];
    if (args.audit) {
      statements.push(args.audit({ version, created: !current || current.deleted_at !== null }));
    }
    if (args.fulfilsRequest) {
      statements.push(
        v.db
          .prepare(
            `UPDATE secret_requests SET status = 'fulfilled', fulfilled_at = ?3, fulfilled_by = ?4
              WHERE id = ?1 AND tenant_id = ?2 AND status = 'pending'
                AND EXISTS (SELECT 1 FROM secrets WHERE tenant_id = ?2 AND name = ?5 AND iv = ?6)`,
          )
          .bind(args.fulfilsRequest, tenantId, now, args.actor, name, encrypted.iv),
      );
    }
    const [written] = await v.db.batch(statements);
    if (written!.meta.changes === 1) {
      const secret = await getSecretMeta(v.db, tenantId, name);
      if (!secret) throw new VaultError("conflict", "The secret was deleted while it was saved.");
      return { secret, created: !current || current.deleted_at !== null };
    }
    if (args.fulfilsRequest && !(await requestIsPending(v, tenantId, args.fulfilsRequest))) {
      throw new VaultError("conflict", "This request for a secret is no longer pending.");
    }
  }
  throw new VaultError("conflict", "The secret changed while it was being saved. Try again.");
}

async function requestIsPending(v: Vault, tenantId: string, id: string): Promise<boolean> {
  const row = await v.db
    .prepare(
      `SELECT 1 AS x FROM secret_requests
        WHERE id = ?1 AND tenant_id = ?2 AND status = 'pending' AND expires_at > ?3`,
    )
    .bind(id, tenantId, v.now())
    .first();
  return row !== null;
}

export async function getSecretMeta(
  db: D1Database,
  tenantId: string,
  name: string,
): Promise<SecretMeta | null> {
  const row = await db
    .prepare(
      `SELECT ${META_COLUMNS} FROM secrets WHERE tenant_id = ?1 AND name = ?2 AND deleted_at IS NULL`,
    )
    .bind(tenantId, name)
    .first<MetaRow>();
  return row ? metaOf(row) : null;
}

/**
 * Replaces where a live secret may be sent, with its audit record in the same batch. The caller
 * has checked the role and step-up. Returns the list before the change, or null if there is
 * no such secret.
 */
export async function setSecretDestinations(
  db: D1Database,
  args: {
    tenantId: string;
    name: string;
    destinations: Destination[];
    actor: string;
    now: number;
    /** The audit-outbox statement (built `ifChanged`), given the list before the change. */
    audit: (before: Destination[]) => D1PreparedStatement;
  },
): Promise<{ before: Destination[]; secret: SecretMeta } | null> {
  const before = await getSecretMeta(db, args.tenantId, args.name);
  if (!before) return null;
  const [result] = await db.batch([
    db
      .prepare(
        `UPDATE secrets SET destinations = ?3, updated_at = ?4, updated_by = ?5
          WHERE tenant_id = ?1 AND name = ?2 AND deleted_at IS NULL`,
      )
      .bind(args.tenantId, args.name, JSON.stringify(args.destinations), args.now, args.actor),
    args.audit(before.destinations),
  ]);
  if (result!.meta.changes !== 1) return null;
  return {
    before: before.destinations,
    secret: { ...before, destinations: args.destinations, updated_at: args.now },
  };
}

/** Live secrets that may be sent nowhere (for the console and the doctor). */
export async function unboundSecrets(db: D1Database, tenantId: string): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT name FROM secrets WHERE tenant_id = ?1 AND deleted_at IS NULL AND destinations = '[]'
        ORDER BY name LIMIT 1000`,
    )
    .bind(tenantId)
    .all<{ name: string }>();
  return results.map((r) => r.name);
}

/** A page of live secrets by name, after `after` (exclusive). */
export async function listSecrets(
  db: D1Database,
  tenantId: string,
  page: { after?: string; limit: number },
): Promise<{ secrets: SecretMeta[]; next: string | null }> {
  const { results } = await db
    .prepare(
      `SELECT ${META_COLUMNS} FROM secrets
        WHERE tenant_id = ?1 AND deleted_at IS NULL AND name > ?2 ORDER BY name LIMIT ?3`,
    )
    .bind(tenantId, page.after ?? "", page.limit + 1)
    .all<MetaRow>();
  const secrets = results.slice(0, page.limit).map(metaOf);
  return { secrets, next: results.length > page.limit ? secrets.at(-1)!.name : null };
}

/** Erases the ciphertext and keeps a tombstone, so the next put continues the version count. */
export async function deleteSecret(
  db: D1Database,
  args: {
    tenantId: string;
    name: string;
    actor: string;
    now: number;
    /** The audit-outbox statement, built `ifChanged`. */
    audit: D1PreparedStatement;
  },
): Promise<boolean> {
  const [result] = await db.batch([
    db
      .prepare(
        `UPDATE secrets SET iv = NULL, ciphertext = NULL, masked = NULL, dek_version = NULL,
         destinations = '[]', deleted_at = ?3, updated_at = ?3, updated_by = ?4
       WHERE tenant_id = ?1 AND name = ?2 AND deleted_at IS NULL`,
      )
      .bind(args.tenantId, args.name, args.now, args.actor),
    args.audit,
  ]);
  return result!.meta.changes === 1;
}

interface StoredSecretRow {
  version: number;
  dek_version: number;
  iv: string;
  ciphertext: string;
  destinations: string;
  state: DekRow["state"] | null;
  kek_id: string | null;
  wrapped_iv: string | null;
  wrapped_dek: string | null;
}

/**
 * Decrypts a secret for a tool that is about to run. Internal only: no route calls it. The caller
 * must use the value at once and drop it.
 */
export async function readSecret(
  v: Vault,
  tenantId: string,
  name: string,
): Promise<{ value: string; destinations: Destination[] }> {
  if (typeof name !== "string" || !SECRET_NAME_PATTERN.test(name)) {
    throw new VaultError("secret_not_found", "No secret by that name (names are A-Z, 0-9, _).");
  }
  const row = await v.db
    .prepare(
      `SELECT s.version, s.dek_version, s.iv, s.ciphertext, s.destinations,
              k.state, k.kek_id, k.wrapped_iv, k.wrapped_dek
         FROM secrets s
         LEFT JOIN tenant_keys k ON k.tenant_id = s.tenant_id AND k.version = s.dek_version
        WHERE s.tenant_id = ?1 AND s.name = ?2 AND s.deleted_at IS NULL`,
    )
    .bind(tenantId, name)
    .first<StoredSecretRow>();
  if (!row) throw new VaultError("secret_not_found", `No secret named ${name}.`);
  if (row.state === null) {
    throw new VaultError("key_destroyed", `The key that encrypted ${name} no longer exists.`);
  }
  const dek = await dekKey(v, {
    ...row,
    tenant_id: tenantId,
    version: row.dek_version,
    state: row.state,
  });
  const value = await decryptSecret({
    tenantId,
    name,
    version: row.version,
    dek,
    dekVersion: row.dek_version,
    encrypted: { iv: row.iv, ciphertext: row.ciphertext },
  });
  return { value, destinations: JSON.parse(row.destinations) as Destination[] };
}

/** The decrypted value alone (crypto tests); tools get values only through `VaultSession`. */
export async function readSecretValue(v: Vault, tenantId: string, name: string): Promise<string> {
  return (await readSecret(v, tenantId, name)).value;
}
