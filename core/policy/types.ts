/** Shared types of the policy engine: calls, verdicts, decisions, diagnostics. */

export type JsonPrimitive = string | number | boolean | null;
// Interfaces (not type literals) so the recursion stays named: Durable Object RPC stub types
// map return types structurally and hit "excessively deep" on recursive type literals.
export type JsonValue = JsonPrimitive | JsonArray | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}
export interface JsonArray extends Array<JsonValue> {}

export const VERDICTS = ["allow", "deny", "dry_run", "approve_required", "transform"] as const;
export type Verdict = (typeof VERDICTS)[number];
/** Verdicts usable as defaults: a transform needs a transform block, which defaults cannot have. */
export type DefaultVerdict = Exclude<Verdict, "transform">;

/** Strictness ladder of the strictest-wins combiner (higher is stricter). */
export const VERDICT_SEVERITY: Readonly<Record<Verdict, number>> = {
  deny: 4,
  approve_required: 3,
  dry_run: 2,
  transform: 1,
  allow: 0,
};

export type Channel = "console" | "api" | "agent" | "hosted" | "mcp";

export interface Principal {
  kind?: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

export interface DeclaredMetadata {
  scope?: string[];
  reversible?: boolean;
  has_shadow?: boolean;
  cost?: string;
  blast_radius_hint?: number;
  [key: string]: unknown;
}

export interface CallContext {
  environment?: string;
  workspace?: string;
  channel?: Channel;
  principal?: Principal;
  /** Gatehouse's name; Lynx calls it `correlation_id` (both are accepted, in calls and in paths). */
  run_id?: string;
  correlation_id?: string;
  step_seq?: number;
  extra?: JsonObject;
  [key: string]: unknown;
}

/** One proposed tool call, the input of `evaluate`. */
export interface ToolCall {
  tool: string;
  args: JsonObject;
  declared?: DeclaredMetadata;
  context?: CallContext;
}

export type ObligationPhase = "pre" | "post";

/** A duty attached to a verdict: `pre` gates the action, `post` runs after it and is audited. */
export interface Obligation {
  readonly id: string;
  readonly phase: ObligationPhase;
  readonly params: JsonObject;
}

/** Every array in a decision is fresh: callers may keep or modify it without touching the policy. */
interface DecisionCommon {
  /** The winning rule (`layer:id` in a layered bundle); null when a default decided. */
  readonly rule_id: string | null;
  readonly reason: string;
  /** Provenance: rule-error markers, then the winning rule(s) or the default marker. */
  readonly matched_rules: string[];
  /** Obligation objects are frozen and shared with the compiled policy; the array is fresh. */
  readonly obligations: Obligation[];
}

interface NoApproval {
  readonly approvers: [];
  readonly timeout_seconds: null;
}

export interface AllowDecision extends DecisionCommon, NoApproval {
  readonly decision: "allow";
}
export interface DenyDecision extends DecisionCommon, NoApproval {
  readonly decision: "deny";
}
export interface DryRunDecision extends DecisionCommon, NoApproval {
  readonly decision: "dry_run";
}
export interface ApproveRequiredDecision extends DecisionCommon {
  readonly decision: "approve_required";
  readonly approvers: string[];
  readonly timeout_seconds: number;
}
export interface TransformDecision extends DecisionCommon, NoApproval {
  readonly decision: "transform";
  /** The call's arguments after the rule's transform (a new object; the call is not mutated). */
  readonly args: JsonObject;
}

export type Decision =
  AllowDecision | DenyDecision | DryRunDecision | ApproveRequiredDecision | TransformDecision;

export type Severity = "error" | "warning";

/** One lint finding; line and column are 1-based and point at the offending YAML node. */
export interface Diagnostic {
  readonly severity: Severity;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export const DEFAULT_APPROVAL_TIMEOUT_SECONDS = 1800;
