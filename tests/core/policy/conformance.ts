/**
 * Runs one case of the Lynx conformance fixture through Gatehouse and says where it differs
 * from what Lynx's own engine decided (the fixture is written by scripts/lynx-conformance.py).
 */
import {
  bundleFor,
  compilePolicy,
  evaluate,
  MERGE_MODES,
  parseToolCall,
  type CompiledPolicy,
  type Decision,
  type Diagnostic,
} from "../../../core/policy";

export interface LynxOutcome {
  compiles: boolean;
  error?: string;
  verdict?: string;
  reason?: string | null;
  matched_rules?: string[];
  approvers?: string[];
  timeout_seconds?: number | null;
  transform_args?: Record<string, unknown> | null;
  obligations?: { id: string; phase: string; params: Record<string, unknown> }[];
}

export interface Case {
  name: string;
  policy?: string;
  layers?: [string, string][];
  merge?: string;
  call: unknown;
  lynx: LynxOutcome;
}

export interface Verdict {
  /** Differences from Lynx; empty when Gatehouse agrees. */
  readonly differences: string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** JSON with sorted keys: Lynx's canonical_json, so key order never counts as a difference. */
function json(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(json).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${json(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/**
 * How a compiled policy reaches the evaluation: as compiled, or (for the stored-form tests)
 * written to its stored form and loaded back.
 */
export type Delivery = (
  compiled: Extract<ReturnType<typeof compilePolicy>, { ok: true }>,
) => CompiledPolicy;

const asCompiled: Delivery = (compiled) => compiled.policy;

export function runCase(c: Case, deliver: Delivery = asCompiled): Verdict {
  const sources = c.layers ?? [["", c.policy ?? ""]];
  const diagnostics: Diagnostic[] = [];
  const policies: { name: string; policy: CompiledPolicy }[] = [];
  let compiles = true;
  for (const [name, source] of sources) {
    const result = compilePolicy(source);
    diagnostics.push(...result.diagnostics);
    if (result.ok) policies.push({ name, policy: deliver(result) });
    else compiles = false;
  }
  if (compiles !== c.lynx.compiles) {
    return {
      differences: [
        compiles
          ? `Lynx refuses (${c.lynx.error}), Gatehouse compiles`
          : `Lynx compiles, Gatehouse refuses: ${diagnostics
              .filter((d) => d.severity === "error")
              .map((d) => d.message)
              .join("; ")}`,
      ],
      diagnostics,
    };
  }
  if (!compiles) return { differences: [], diagnostics };
  const parsed = parseToolCall(c.call);
  if (!parsed.ok)
    return { differences: [`call refused: ${parsed.issues.join("; ")}`], diagnostics };
  const target = c.layers ? bundleFor(policies, MERGE_MODES[c.merge!]!) : policies[0]!.policy;
  const d: Decision = evaluate(target, parsed.call);
  const lynx = c.lynx;
  const differences: string[] = [];
  const expect = (what: string, ours: unknown, theirs: unknown) => {
    if (json(ours) !== json(theirs))
      differences.push(`${what}: ${json(ours)} ≠ Lynx ${json(theirs)}`);
  };
  expect("verdict", d.decision, lynx.verdict);
  expect("matched_rules", d.matched_rules, lynx.matched_rules);
  expect("obligations", d.obligations, lynx.obligations);
  expect("reason", d.reason, lynx.reason ?? "");
  if (d.decision === "approve_required") {
    expect("approvers", d.approvers, lynx.approvers);
    if (lynx.timeout_seconds !== null)
      expect("timeout_seconds", d.timeout_seconds, lynx.timeout_seconds);
  }
  if (d.decision === "transform") expect("args", d.args, lynx.transform_args);
  return { differences, diagnostics };
}
