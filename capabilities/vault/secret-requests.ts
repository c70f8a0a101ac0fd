import type { Destination } from "../../core/secrets/destinations";
import { database, type Query } from "../../platform/db/client";
import { VaultError } from "./errors";
import {
  cancelRequestQuery,
  insertRequestQuery,
  secretRequestRow,
  secretRequestRows,
  type SecretRequestRow,
} from "./repository";

/** ask_secret: an agent's request for a secret that a person types into the console. */
export type { SecretRequestRow } from "./repository";

export const SECRET_REQUEST_TTL_MS = 60 * 60 * 1000;
export const MAX_SECRET_REQUEST_TTL_MS = 24 * 60 * 60 * 1000;

/** What the console shows next to the masked field, and all the agent ever gets back. */
export const ASK_SECRET_NOTICE = "Stored encrypted, never sent to the AI.";
export const ASK_SECRET_RESULT = "secret saved" as const;

export async function createSecretRequest(
  d1: D1Database,
  args: {
    tenantId: string;
    name: string;
    description: string;
    /** `run:<id>`, `session:<id>`, `token:<id>` or `user:<id>`. */
    requestedBy: string;
    /** Validated (`parseDestination`) by the caller. */
    destination: Destination;
    now: number;
    ttlMs?: number;
    /** The audit-outbox statement for the request, batched with it. */
    audit: (row: SecretRequestRow) => Query;
  },
): Promise<SecretRequestRow> {
  const ttl = Math.min(args.ttlMs ?? SECRET_REQUEST_TTL_MS, MAX_SECRET_REQUEST_TTL_MS);
  const row: SecretRequestRow = {
    id: crypto.randomUUID(),
    tenantId: args.tenantId,
    name: args.name,
    description: args.description,
    requestedBy: args.requestedBy,
    destination: JSON.stringify(args.destination),
    status: "pending",
    createdAt: args.now,
    expiresAt: args.now + ttl,
    fulfilledAt: null,
    fulfilledBy: null,
  };
  const db = database(d1);
  await db.batch([insertRequestQuery(db, row), args.audit(row)]);
  return row;
}

export const getSecretRequest = (
  d1: D1Database,
  tenantId: string,
  id: string,
): Promise<SecretRequestRow | null> => secretRequestRow(database(d1), tenantId, id);

/** The pending, unexpired requests (or the 200 most recent of any status), newest first. */
export const listSecretRequests = (
  d1: D1Database,
  tenantId: string,
  now: number,
  status: "pending" | "all",
): Promise<SecretRequestRow[]> => secretRequestRows(database(d1), tenantId, now, status === "all");

export async function cancelSecretRequest(
  d1: D1Database,
  args: {
    tenantId: string;
    id: string;
    now: number;
    actor: string;
    /** The audit-outbox statement, built `ifChanged`. */
    audit: Query;
  },
): Promise<void> {
  const db = database(d1);
  const [result] = await db.batch([cancelRequestQuery(db, args), args.audit]);
  if (result.meta.changes === 0) {
    throw new VaultError("conflict", "This request for a secret is no longer pending.");
  }
}

/** The status an API answer shows: a pending request past its expiry reads as expired. */
export function requestStatus(
  row: SecretRequestRow,
  now: number,
): "pending" | "fulfilled" | "cancelled" | "expired" {
  return row.status === "pending" && row.expiresAt <= now ? "expired" : row.status;
}

/** The destination a request names, if any. */
export const requestedDestination = (row: SecretRequestRow): Destination | null =>
  row.destination ? (JSON.parse(row.destination) as Destination) : null;
