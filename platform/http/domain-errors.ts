import type { DomainErrorCode, Issue } from "../result";
import { ApiError } from "./errors";

type Status = 400 | 401 | 403 | 404 | 409 | 410 | 422;

/** How one domain error is answered: its status and, where it differs, the code on the wire. */
interface HttpAnswer {
  status: Status;
  code?: string;
}

/** The one place a domain error code becomes an HTTP status (the compiler requires every code). */
export const DOMAIN_ERRORS: Record<DomainErrorCode, HttpAnswer> = {
  not_found: { status: 404 },
  session_not_found: { status: 404 },
  secret_not_found: { status: 404, code: "not_found" },
  tenant_deleted: { status: 410 },
  invalid_name: { status: 400 },
  invalid_range: { status: 400 },
  invalid_value: { status: 400, code: "invalid_request" },
  unknown_model: { status: 400 },
  unknown_provider: { status: 400 },
  policy_invalid: { status: 400 },
  policy_version_uncompilable: { status: 409, code: "policy_invalid" },
  not_an_approver: { status: 403 },
  not_run_creator: { status: 403 },
  destination_refused: { status: 403 },
  run_token_revoked: { status: 401 },
  revoked_token_not_reissued: { status: 409, code: "run_token_revoked" },
  run_closed: { status: 409 },
  steps_in_flight: { status: 409 },
  step_not_executing: { status: 409 },
  step_already_reported: { status: 409 },
  approval_closed: { status: 409 },
  secret_in_message: { status: 400 },
  session_busy: { status: 409 },
  session_closed: { status: 409 },
  illegal_transition: { status: 409 },
  idempotency_conflict: { status: 409 },
  idempotency_key_reused: { status: 422 },
  signing_unavailable: { status: 409 },
  export_blocked: { status: 409 },
  witness_exists: { status: 409 },
  too_many_servers: { status: 409 },
  key_destroyed: { status: 409 },
  conflict: { status: 409 },
};

export const statusOf = (code: DomainErrorCode): Status => DOMAIN_ERRORS[code].status;

/** A domain error as the standard API error. */
export function domainApiError(code: DomainErrorCode, message: string, issues: Issue[] = []) {
  const answer = DOMAIN_ERRORS[code];
  return new ApiError(answer.status, answer.code ?? code, message, issues);
}
