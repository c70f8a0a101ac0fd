/** The compiled forms: rules, policies (one layer) and bundles (layers + combiner). */
import type { Step } from "./program";
import type { TransformSpec } from "./transform";
import type { DefaultVerdict, JsonValue, Obligation } from "./types";

export interface PolicyDefaults {
  readonly on_no_match: DefaultVerdict;
  readonly on_missing_shadow: DefaultVerdict;
}

/** What Lynx assumes when a file has no `defaults`. */
export const LYNX_DEFAULTS: PolicyDefaults = {
  on_no_match: "deny",
  on_missing_shadow: "approve_required",
};

interface RuleCommon {
  readonly id: string;
  readonly priority: number;
  /** Index in the file (tie-break after priority). */
  readonly order: number;
  readonly line: number;
  readonly reason: string;
  readonly obligations: readonly Obligation[];
}

export type CompiledRule =
  | (RuleCommon & { readonly verdict: "allow" | "deny" | "dry_run" })
  | (RuleCommon & {
      readonly verdict: "approve_required";
      readonly approvers: readonly string[];
      readonly timeoutSeconds: number;
    })
  | (RuleCommon & { readonly verdict: "transform"; readonly transform: TransformSpec });

/** The hashed form of a rule (see bundle-id.ts): semantics only, no formatting. */
export interface CanonicalRule {
  readonly id: string;
  readonly priority: number;
  readonly match: JsonValue;
  readonly decision: string;
  readonly reason: string;
  readonly approvers: readonly string[];
  readonly timeout_seconds: number | null;
  readonly transform: JsonValue;
  readonly obligations: readonly Obligation[];
}

export interface CanonicalPolicy {
  readonly version: 1;
  readonly defaults: PolicyDefaults;
  /** In evaluation order. */
  readonly rules: readonly CanonicalRule[];
}

export interface CompiledPolicy {
  readonly kind: "policy";
  readonly version: 1;
  readonly defaults: PolicyDefaults;
  /** In evaluation order: priority descending, then file order. */
  readonly rules: readonly CompiledRule[];
  readonly canonical: CanonicalPolicy;
  /**
   * How to evaluate a call to `tool` (program.ts): the rules that can possibly match it, in
   * evaluation order; rules whose first test is `tool: X` / `tool.in: [...]` for other tools are
   * left out (that test would short-circuit to false before any other could fail).
   */
  readonly planFor: (tool: unknown) => readonly Step[];
}

export interface PolicyLayer {
  readonly name: string;
  readonly policy: CompiledPolicy;
}

export const STRICTEST_WINS = "strictest-wins";
export const FIRST_LAYER_WINS = "first-layer-wins";
export const LAST_LAYER_WINS = "last-layer-wins";
/**
 * How layer decisions combine (Lynx's combiners): the strictest verdict (ties merge provenance
 * and obligations), or the first / last layer that did not abstain.
 */
export type Combiner = typeof STRICTEST_WINS | typeof FIRST_LAYER_WINS | typeof LAST_LAYER_WINS;

/** Lynx's names for the combiners (`--merge`). */
export const MERGE_MODES: Readonly<Record<string, Combiner>> = {
  strict_overrides_loose: STRICTEST_WINS,
  first_layer_wins: FIRST_LAYER_WINS,
  last_layer_wins: LAST_LAYER_WINS,
};

export interface PolicyBundle {
  readonly kind: "bundle";
  readonly layers: readonly PolicyLayer[];
  /** The strictest defaults across layers; used only when every layer abstains. */
  readonly defaults: PolicyDefaults;
  readonly combiner: Combiner;
}
