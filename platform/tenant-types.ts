import type { Decision, Verdict } from "../core/policy";

// Interface-based recursion keeps TypeScript's RPC stub mapping from expanding JSON endlessly.
export type JsonValue = string | number | boolean | null | JsonArray | JsonObject;
export interface JsonArray extends Array<JsonValue> {}
export interface JsonObject {
  [k: string]: JsonValue;
}

/** Who did something, as recorded in the audit log. */
export interface Actor {
  kind: "user" | "token" | "agent" | "system";
  id: string;
  /** The member's role in this tenant (people and API tokens). */
  role?: string;
  /** The member's email (people), for approver lists that name addresses. */
  email?: string;
}

export type Channel = "console" | "api" | "agent" | "hosted" | "mcp";

export type RunStatus = "open" | "cancelled" | "completed";

/** Why a run closed: cancelled, completed by a request, idle for too long, its session ended. */
export type CloseReason = "cancelled" | "completed" | "idle_timeout" | "session_ended";

/**
 * `executing`: handed out for its side effect (checkpointed); `awaiting_approval`: waits for a
 * person; `dry_run`: previewed, never executed; `denied`; `succeeded` / `failed`: reported.
 */
export type StepStatus =
  "executing" | "awaiting_approval" | "dry_run" | "denied" | "succeeded" | "failed" | "cancelled";

export interface RunView {
  id: string;
  agent: string;
  metadata: JsonObject;
  status: RunStatus;
  created_by: Actor;
  created_at: string;
  closed_at: string | null;
  close_reason: CloseReason | null;
  /** Closed as `completed` after this long without a step proposed, reported or decided. */
  idle_timeout_seconds: number | null;
  step_count: number;
}

export interface StepView {
  step_id: string;
  run_id: string;
  seq: number;
  idempotency_key: string;
  tool: string;
  args: JsonObject;
  declared: JsonObject;
  verdict: Verdict;
  rule_id: string | null;
  reason: string;
  matched_rules: string[];
  status: StepStatus;
  /** The arguments to execute with (transformed where a transform applied). */
  exec_args: JsonObject | null;
  preview: JsonObject | null;
  approval_id: string | null;
  output: JsonValue | null;
  policy_version: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProposeResult extends StepView {
  /** True when this is an earlier proposal with the same idempotency key. */
  replay: boolean;
}

export type ApprovalStatus = "pending" | "approved" | "denied" | "expired" | "cancelled";

export interface ApprovalView {
  id: string;
  step_id: string;
  run_id: string;
  tool: string;
  args: JsonObject;
  /** The rule that asked for a person, and its reason (issue 17: context on the card). */
  rule_id: string | null;
  policy_reason: string;
  /** The run's agent and who opened the run. */
  agent: string | null;
  requested_by: Actor | null;
  status: ApprovalStatus;
  approvers: string[];
  reason: string | null;
  decided_by: Actor | null;
  /** Whether a person (a sign-in session) or an API token decided. */
  decided_via: "person" | "token" | null;
  created_at: string;
  expires_at: string;
  decided_at: string | null;
}

export interface PolicyVersionView {
  version: number;
  bundle_id: string;
  author: string;
  created_at: string;
  activated_at: string | null;
  active: boolean;
}

export type StoredDecision = Pick<
  Decision,
  | "decision"
  | "rule_id"
  | "reason"
  | "matched_rules"
  | "approvers"
  | "timeout_seconds"
  | "obligations"
>;
