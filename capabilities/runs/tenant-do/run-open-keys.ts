import type { Actor } from "../../../platform/tenant-types";

/** How long an `Idempotency-Key` of `POST …/runs` is remembered. */
export const RUN_OPEN_KEY_TTL_MS = 24 * 60 * 60 * 1000;

/** An opening request's idempotency key and the hash of the request it names. */
export interface OpenKey {
  key: string;
  /** SHA-256 (hex) of the validated request body's canonical JSON. */
  requestHash: string;
}

/**
 * The idempotency keys of run openings, scoped to their creator (this object is one tenant, so
 * keys are per tenant and creator): another member or API token using the same key opens a run
 * of its own. Expired keys are purged as new runs open.
 */
export class RunOpenKeys {
  constructor(private readonly sql: SqlStorage) {}

  static creatorOf(actor: Actor): string {
    return `${actor.kind}:${actor.id}`;
  }

  /** The run an earlier request with this key opened, if the key is still live. */
  find(actor: Actor, key: string, now: number) {
    return this.sql
      .exec<{ request_hash: string; run_id: string }>(
        `SELECT request_hash, run_id FROM run_open_keys WHERE creator = ? AND key = ? AND expires_at > ?`,
        RunOpenKeys.creatorOf(actor),
        key,
        now,
      )
      .toArray()[0];
  }

  /** Call inside the transaction that opens the run. */
  remember(actor: Actor, open: OpenKey, runId: string, now: number): void {
    this.sql.exec(`DELETE FROM run_open_keys WHERE expires_at <= ?`, now);
    this.sql.exec(
      `INSERT INTO run_open_keys (creator, key, request_hash, run_id, expires_at) VALUES (?, ?, ?, ?, ?)`,
      RunOpenKeys.creatorOf(actor),
      open.key,
      open.requestHash,
      runId,
      now + RUN_OPEN_KEY_TTL_MS,
    );
  }
}
