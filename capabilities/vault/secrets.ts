import type { Destination } from "../../core/secrets/destinations";
import { decryptSecret, encryptSecret, maskLast4 } from "../../core/vault";
import { utf8 } from "../../core/encoding";
import { isWellFormed } from "../../core/text";
import { activeDek, dekKey } from "./deks";
import type { Vault } from "./deks";
import { database, type Query } from "../../platform/db/client";
import {
  eraseSecretQuery,
  fulfilRequestQuery,
  requestIsPending,
  secretMetaPage,
  secretMetaRow,
  secretVersion,
  setDestinationsQuery,
  storedSecret,
  unboundSecretNames,
  writeSecretQuery,
} from "./repository";
import { VaultError } from "./errors";
import { MAX_SECRET_VALUE_BYTES, SECRET_NAME_PATTERN } from "../../core/secrets/limits";

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

type MetaRow = NonNullable<Awaited<ReturnType<typeof secretMetaRow>>>;

// A live secret always has a DEK version and a mask (only a tombstone has neither).
const metaOf = (row: MetaRow): SecretMeta => ({
  ...row,
  masked: row.masked!,
  dek_version: row.dek_version!,
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
  audit?: (change: { version: number; created: boolean }) => Query;
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
    const current = await secretVersion(v.db, tenantId, name);
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
    const write = writeSecretQuery(
      v.db,
      {
        tenantId,
        name,
        version,
        previousVersion: current?.version ?? 0,
        dekVersion: dek.version,
        iv: encrypted.iv,
        ciphertext: encrypted.ciphertext,
        masked: maskLast4(args.value),
        now,
        actor: args.actor,
        fulfilsRequest: args.fulfilsRequest ?? "",
        destinationsIfNew: JSON.stringify(args.destinationsIfNew ?? []),
      },
      current !== undefined,
    );
    const statements: [Query, ...Query[]] = [write];
    if (args.audit) {
      statements.push(args.audit({ version, created: !current || current.deletedAt !== null }));
    }
    if (args.fulfilsRequest) {
      statements.push(
        fulfilRequestQuery(v.db, {
          id: args.fulfilsRequest,
          tenantId,
          name,
          iv: encrypted.iv,
          now,
          actor: args.actor,
        }),
      );
    }
    const [written] = (await v.db.batch(statements)) as D1Result[];
    if (written!.meta.changes === 1) {
      const row = await secretMetaRow(v.db, tenantId, name);
      if (!row) throw new VaultError("conflict", "The secret was deleted while it was saved.");
      return { secret: metaOf(row), created: !current || current.deletedAt !== null };
    }
    if (
      args.fulfilsRequest &&
      !(await requestIsPending(v.db, tenantId, args.fulfilsRequest, v.now()))
    ) {
      throw new VaultError("conflict", "This request for a secret is no longer pending.");
    }
  }
  throw new VaultError("conflict", "The secret changed while it was being saved. Try again.");
}

export async function getSecretMeta(
  d1: D1Database,
  tenantId: string,
  name: string,
): Promise<SecretMeta | null> {
  const row = await secretMetaRow(database(d1), tenantId, name);
  return row ? metaOf(row) : null;
}

/**
 * Replaces where a live secret may be sent, with its audit record in the same batch. The caller
 * has checked the role and step-up. Returns the list before the change, or null if there is
 * no such secret.
 */
export async function setSecretDestinations(
  d1: D1Database,
  args: {
    tenantId: string;
    name: string;
    destinations: Destination[];
    actor: string;
    now: number;
    /** The audit-outbox statement (built `ifChanged`), given the list before the change. */
    audit: (before: Destination[]) => Query;
  },
): Promise<{ before: Destination[]; secret: SecretMeta } | null> {
  const before = await getSecretMeta(d1, args.tenantId, args.name);
  if (!before) return null;
  const db = database(d1);
  const [result] = await db.batch([
    setDestinationsQuery(db, { ...args, destinations: JSON.stringify(args.destinations) }),
    args.audit(before.destinations),
  ]);
  if (result!.meta.changes !== 1) return null;
  return {
    before: before.destinations,
    secret: { ...before, destinations: args.destinations, updated_at: args.now },
  };
}

/** Live secrets that may be sent nowhere (for the console and the doctor). */
export const unboundSecrets = (d1: D1Database, tenantId: string): Promise<string[]> =>
  unboundSecretNames(database(d1), tenantId);

/** A page of live secrets by name, after `after` (exclusive). */
export async function listSecrets(
  d1: D1Database,
  tenantId: string,
  page: { after?: string; limit: number },
): Promise<{ secrets: SecretMeta[]; next: string | null }> {
  const results = await secretMetaPage(database(d1), tenantId, {
    after: page.after ?? "",
    limit: page.limit + 1,
  });
  const secrets = results.slice(0, page.limit).map(metaOf);
  return { secrets, next: results.length > page.limit ? secrets.at(-1)!.name : null };
}

/** Erases the ciphertext and keeps a tombstone, so the next put continues the version count. */
export async function deleteSecret(
  d1: D1Database,
  args: {
    tenantId: string;
    name: string;
    actor: string;
    now: number;
    /** The audit-outbox statement, built `ifChanged`. */
    audit: Query;
  },
): Promise<boolean> {
  const db = database(d1);
  const [result] = await db.batch([eraseSecretQuery(db, args), args.audit]);
  return result.meta.changes === 1;
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
  const row = await storedSecret(v.db, tenantId, name);
  if (!row || row.dekVersion === null || row.iv === null || row.ciphertext === null) {
    throw new VaultError("secret_not_found", `No secret named ${name}.`);
  }
  if (row.state === null) {
    throw new VaultError("key_destroyed", `The key that encrypted ${name} no longer exists.`);
  }
  const dek = await dekKey(v, {
    ...row,
    tenantId,
    version: row.dekVersion,
    state: row.state,
  });
  const value = await decryptSecret({
    tenantId,
    name,
    version: row.version,
    dek,
    dekVersion: row.dekVersion,
    encrypted: { iv: row.iv, ciphertext: row.ciphertext },
  });
  return { value, destinations: JSON.parse(row.destinations) as Destination[] };
}

/** The decrypted value alone (crypto tests); tools get values only through `VaultSession`. */
export async function readSecretValue(v: Vault, tenantId: string, name: string): Promise<string> {
  return (await readSecret(v, tenantId, name)).value;
}
