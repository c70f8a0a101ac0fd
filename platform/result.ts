/**
 * Every expected failure a capability reports, named for the domain, not for HTTP: the Worker
 * answers each with the status (and, where the wire name differs, the code) of its row in
 * `platform/http/domain-errors.ts`.
 */
export type DomainErrorCode =
  | "not_found"
  | "session_not_found"
  | "secret_not_found"
  | "tenant_deleted"
  | "invalid_name"
  | "invalid_range"
  | "invalid_value"
  | "unknown_model"
  | "unknown_provider"
  | "policy_invalid"
  | "policy_version_uncompilable"
  | "not_an_approver"
  | "not_run_creator"
  | "destination_refused"
  | "run_token_revoked"
  | "revoked_token_not_reissued"
  | "run_closed"
  | "steps_in_flight"
  | "step_not_executing"
  | "step_already_reported"
  | "approval_closed"
  | "secret_in_message"
  | "session_busy"
  | "session_closed"
  | "illegal_transition"
  | "idempotency_conflict"
  | "idempotency_key_reused"
  | "signing_unavailable"
  | "export_blocked"
  | "witness_exists"
  | "too_many_servers"
  | "key_destroyed"
  | "conflict";

export interface Issue {
  path: string;
  message: string;
}

/**
 * What the Durable Object answers over RPC: a value, or an expected failure the Worker turns
 * into the standard error response (thrown errors are reserved for real faults).
 */
export type Failure = {
  ok: false;
  code: DomainErrorCode;
  message: string;
  issues?: Issue[];
};
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: DomainErrorCode, message: string, issues?: Issue[]): Failure => ({
  ok: false,
  code,
  message,
  ...(issues ? { issues } : {}),
});
