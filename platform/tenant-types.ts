import type { Decision } from "../core/policy";

// One definition each, in core: contracts (zod) need them too.
export type { JsonArray, JsonObject, JsonValue } from "../core/contract/json";
export type { Actor } from "../core/contract/actor";

export type Channel = "console" | "api" | "agent" | "hosted" | "mcp";

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
