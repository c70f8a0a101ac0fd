import type { Destination } from "../../core/secrets/destinations";
import { VaultError } from "./errors";

/** ask_secret: an agent's request for a secret that a person types into the console. */
export interface SecretRequestRow {
  id: string;
  tenant_id: string;
  name: string;
  description: string;
  requested_by: string;
  /** JSON `Destination`: where the requester means to send the secret (null: older requests). */
  destination: string | null;
  status: "pending" | "fulfilled" | "cancelled";
  created_at: number;
  expires_at: number;
  fulfilled_at: number | null;
  fulfilled_by: string | null;
}

export const SECRET_REQUEST_TTL_MS = 60 * 60 * 1000;
export const MAX_SECRET_REQUEST_TTL_MS = 24 * 60 * 60 * 1000;

/** What the console shows next to the masked field, and all the agent ever gets back. */
export const ASK_SECRET_NOTICE = "Stored encrypted, never sent to the AI.";
export const ASK_SECRET_RESULT = "secret saved" as const;

export async function createSecretRequest(
  db: D1Database,
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
    audit: (row: SecretRequestRow) => D1PreparedStatement;
  },
): Promise<SecretRequestRow> {
  const ttl = Math.min(args.ttlMs ?? SECRET_REQUEST_TTL_MS, MAX_SECRET_REQUEST_TTL_MS);
  const row: SecretRequestRow = {
    id: crypto.randomUUID(),
    tenant_id: args.tenantId,
    name: args.name,
    description: args.description,
    requested_by: args.requestedBy,
    destination: JSON.stringify(args.destination),
    status: "pending",
    created_at: args.now,
    expires_at: args.now + ttl,
    fulfilled_at: null,
    fulfilled_by: null,
  };
  const insert = db
    .prepare(
      `INSERT INTO secret_requests (id, tenant_id, name, description, requested_by, status,
         created_at, expires_at, destination) VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?7, ?8)`,
    )
    .bind(
      row.id,
      row.tenant_id,
      row.name,
      row.description,
      row.requested_by,
      row.created_at,
      row.expires_at,
      row.destination,
    );
  await db.batch([insert, args.audit(row)]);
  return row;
}

export async function getSecretRequest(
  db: D1Database,
  tenantId: string,
  id: string,
): Promise<SecretRequestRow | null> {
  return db
    .prepare("SELECT * FROM secret_requests WHERE id = ?1 AND tenant_id = ?2")
    .bind(id, tenantId)
    .first<SecretRequestRow>();
}

/** The pending, unexpired requests (or the 200 most recent of any status), newest first. */
export async function listSecretRequests(
  db: D1Database,
  tenantId: string,
  now: number,
  status: "pending" | "all",
): Promise<SecretRequestRow[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM secret_requests
        WHERE tenant_id = ?1 AND (?3 = 'all' OR (status = 'pending' AND expires_at > ?2))
        ORDER BY created_at DESC LIMIT 200`,
    )
    .bind(tenantId, now, status)
    .all<SecretRequestRow>();
  return results;
}

export async function cancelSecretRequest(
  db: D1Database,
  args: {
    tenantId: string;
    id: string;
    now: number;
    actor: string;
    /** The audit-outbox statement, built `ifChanged`. */
    audit: D1PreparedStatement;
  },
): Promise<void> {
  const [result] = await db.batch([
    db
      .prepare(
        `UPDATE secret_requests SET status = 'cancelled', fulfilled_at = ?3, fulfilled_by = ?4
        WHERE id = ?1 AND tenant_id = ?2 AND status = 'pending'`,
      )
      .bind(args.id, args.tenantId, args.now, args.actor),
    args.audit,
  ]);
  if (result!.meta.changes === 0) {
    throw new VaultError("conflict", "This request for a secret is no longer pending.");
  }
}

/** The status an API answer shows: a pending request past its expiry reads as expired. */
export function requestStatus(
  row: SecretRequestRow,
  now: number,
): "pending" | "fulfilled" | "cancelled" | "expired" {
  return row.status === "pending" && row.expires_at <= now ? "expired" : row.status;
}

/** The destination a request names, if any. */
export const requestedDestination = (row: SecretRequestRow): Destination | null =>
  row.destination ? (JSON.parse(row.destination) as Destination) : null;
