/**
 * The policy decision point: pure and synchronous (no clock, no I/O, no randomness).
 * A single policy behaves as a Lynx bundle; a PolicyBundle evaluates each layer independently
 * and combines them with its combiner (model.ts).
 */
import { canonicalJson } from "../canonical-json";
import {
  FIRST_LAYER_WINS,
  LAST_LAYER_WINS,
  type CompiledPolicy,
  type CompiledRule,
  type PolicyBundle,
  type PolicyDefaults,
} from "./model";
import type { Matcher } from "./operators";
import { candidates, type BlockStep } from "./program";
import { faultKind } from "./rule-fault";
import { applyTransform } from "./transform";
import {
  DEFAULT_APPROVAL_TIMEOUT_SECONDS,
  VERDICT_SEVERITY,
  type Decision,
  type JsonObject,
  type Obligation,
  type ToolCall,
} from "./types";

interface Hit {
  readonly rule: CompiledRule;
  /** Present for transform rules. */
  readonly args: JsonObject | null;
}

/**
 * First matching rule in evaluation order, or null (the policy abstains). Rules that fail at
 * run time are skipped and recorded in `errors` as `<prefix><rule_error:ID:KIND>`.
 */
function firstHit(
  policy: CompiledPolicy,
  call: ToolCall,
  errors: string[],
  prefix: string,
): Hit | null {
  const steps = policy.planFor(call.tool);
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s]!;
    const hit =
      step.kind === "rule"
        ? guarded(step.rule, step.test, call, errors, prefix)
        : blockHit(step, call, errors, prefix);
    if (hit !== null) return hit;
  }
  return null;
}

/** The rule's test and then its decision (a transform can fail too), as one guarded step. */
function guarded(
  rule: CompiledRule,
  test: Matcher,
  call: ToolCall,
  errors: string[],
  prefix: string,
): Hit | null {
  try {
    if (!test(call)) return null;
    return {
      rule,
      args: rule.verdict === "transform" ? applyTransform(rule.transform, call.args) : null,
    };
  } catch (e) {
    errors.push(`${prefix}<rule_error:${rule.id}:${faultKind(e)}>`);
    return null;
  }
}

function blockHit(step: BlockStep, call: ToolCall, errors: string[], prefix: string): Hit | null {
  const v = step.get(call);
  if (typeof v !== "string") {
    for (let i = 0; i < step.rules.length; i++) {
      const hit = guarded(step.rules[i]!, step.test(i), call, errors, prefix);
      if (hit !== null) return hit;
    }
    return null;
  }
  const found = candidates(step, v);
  for (let k = 0; k < found.length; k++) {
    const i = found[k]!;
    const hit = guarded(step.rules[i]!, step.rest(i), call, errors, prefix);
    if (hit !== null) return hit;
  }
  return null;
}

function ruleDecision(
  hit: Hit,
  ruleId: string,
  matched: string[],
  obligations: readonly Obligation[],
): Decision {
  const rule = hit.rule;
  const common = {
    rule_id: ruleId,
    reason: rule.reason,
    matched_rules: matched,
    obligations: obligations.slice(),
  };
  switch (rule.verdict) {
    case "approve_required":
      return {
        decision: rule.verdict,
        ...common,
        approvers: rule.approvers.slice(),
        timeout_seconds: rule.timeoutSeconds,
      };
    case "transform":
      return {
        decision: rule.verdict,
        ...common,
        approvers: [],
        timeout_seconds: null,
        args: hit.args!,
      };
    default:
      return { decision: rule.verdict, ...common, approvers: [], timeout_seconds: null };
  }
}

function defaultDecision(
  defaults: PolicyDefaults,
  call: ToolCall,
  errors: readonly string[],
  layered: boolean,
): Decision {
  // Only an explicit "not reversible and no shadow" selects on_missing_shadow; a missing
  // declaration is null, which is not false.
  const missingShadow = call.declared?.reversible === false && call.declared?.has_shadow === false;
  const verdict = missingShadow ? defaults.on_missing_shadow : defaults.on_no_match;
  const marker = missingShadow ? "<default:on_missing_shadow>" : "<default:on_no_match>";
  const nothing = layered ? "no layer matched" : "no rule matched";
  // Lynx's wording, which names "no layer matched" only for layers on the shadow path too.
  const reason = missingShadow
    ? `irreversible action with no shadow; ${layered ? "no layer matched; " : ""}default policy`
    : `${nothing}; default policy`;
  const common = { rule_id: null, reason, matched_rules: [...errors, marker], obligations: [] };
  if (verdict === "approve_required") {
    return {
      decision: verdict,
      ...common,
      approvers: [],
      timeout_seconds: DEFAULT_APPROVAL_TIMEOUT_SECONDS,
    };
  }
  return { decision: verdict, ...common, approvers: [], timeout_seconds: null };
}

export function evaluate(target: CompiledPolicy | PolicyBundle, call: ToolCall): Decision {
  return target.kind === "policy" ? evaluatePolicy(target, call) : evaluateBundle(target, call);
}

function evaluatePolicy(policy: CompiledPolicy, call: ToolCall): Decision {
  const errors: string[] = [];
  const hit = firstHit(policy, call, errors, "");
  if (hit === null) return defaultDecision(policy.defaults, call, errors, false);
  const matched = errors.length === 0 ? [hit.rule.id] : [...errors, hit.rule.id];
  return ruleDecision(hit, hit.rule.id, matched, hit.rule.obligations);
}

function evaluateBundle(bundle: PolicyBundle, call: ToolCall): Decision {
  const errors: string[] = [];
  const hits: { layer: string; hit: Hit }[] = [];
  for (const layer of bundle.layers) {
    const hit = firstHit(layer.policy, call, errors, `${layer.name}:`);
    if (hit !== null) hits.push({ layer: layer.name, hit });
  }
  if (hits.length === 0) return defaultDecision(bundle.defaults, call, errors, true);
  let winners = hits;
  if (bundle.combiner === FIRST_LAYER_WINS) winners = hits.slice(0, 1);
  else if (bundle.combiner === LAST_LAYER_WINS) winners = hits.slice(-1);
  else {
    // Layers that tie at the strictest verdict merge their provenance and obligations; the
    // first of them supplies the scalar fields (reason, approvers, args), as Lynx.
    const top = Math.max(...hits.map((h) => VERDICT_SEVERITY[h.hit.rule.verdict]));
    winners = hits.filter((h) => VERDICT_SEVERITY[h.hit.rule.verdict] === top);
  }
  const first = winners[0]!;
  const matched = [...errors, ...winners.map((w) => `${w.layer}:${w.hit.rule.id}`)];
  const obligations =
    winners.length === 1
      ? first.hit.rule.obligations
      : mergeObligations(winners.map((w) => w.hit.rule.obligations));
  return ruleDecision(first.hit, `${first.layer}:${first.hit.rule.id}`, matched, obligations);
}

/** The union, in order, without repeats of the same (id, phase, params). */
function mergeObligations(lists: readonly (readonly Obligation[])[]): Obligation[] {
  const out: Obligation[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    for (const o of list) {
      const key = canonicalJson({ id: o.id, phase: o.phase, params: o.params });
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(o);
    }
  }
  return out;
}
