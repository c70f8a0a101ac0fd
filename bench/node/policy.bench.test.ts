/**
 * Policy evaluation per call for 100- and 1000-rule tenant policies (plus the platform layer),
 * with a realistic mix of operators and the call matching a rule near the end, or none.
 */
import { expect, it } from "vitest";
import { report, sampleBatched, summarize } from "../measure";
import {
  compilePolicy,
  evaluate,
  tenantBundle,
  type PolicyBundle,
  type ToolCall,
} from "../../core/policy";

const TOOLS = [
  "shell",
  "http_fetch",
  "read_file",
  "write_file",
  "git",
  "deploy",
  "search",
  "sql",
  "email",
  "s3_put",
];

function ruleFor(i: number): string {
  const tool = TOOLS[i % TOOLS.length];
  switch (i % 8) {
    case 0:
      return `  - id: r${i}\n    priority: ${i % 7}\n    match: { tool: ${tool}, args.cmd.matches: '^\\s*rm\\s+-[rf]+\\s+/v${i}' }\n    decision: deny`;
    case 1:
      return `  - id: r${i}\n    match: { declared.scope.contains_any: ["scope-${i}", "x-${i}"], context.environment: prod }\n    decision: approve_required\n    approvers: [ops]`;
    case 2:
      return `  - id: r${i}\n    match: { tool.in: [${tool}, other-${i}], args.size.gt: ${1000 + i} }\n    decision: dry_run`;
    case 3:
      return `  - id: r${i}\n    match: { any_of: [{ context.principal.id: p${i} }, { context.extra.team: t${i} }] }\n    decision: allow`;
    case 4:
      return `  - id: r${i}\n    match: { tool: ${tool}, args.path.matches: '(?i)^/etc/v${i}/' }\n    decision: deny\n    obligations: [audit-note]`;
    case 5:
      return `  - id: r${i}\n    match: { declared.blast_radius_hint.between: [${i}, ${i + 2}], not: { context.channel: console } }\n    decision: approve_required\n    approvers: [sec]`;
    case 6:
      return `  - id: r${i}\n    match: { tool: ${tool}, args.limit.ge: ${500 + i} }\n    decision: transform\n    transform: { jsonpath: "$.args.limit", set: 100 }`;
    default:
      return `  - id: r${i}\n    match: { args.url.contains: "host-${i}.internal", context.environment.in: [prod, staging] }\n    decision: deny`;
  }
}

function bundleOf(n: number): PolicyBundle {
  const rules = Array.from({ length: n - 1 }, (_, i) => ruleFor(i));
  // The rule that matches the "late" call sits at the very end (priority -1).
  rules.push(
    `  - id: last\n    priority: -1\n    match: { tool: search, args.q.matches: '^needle' }\n    decision: allow`,
  );
  const result = compilePolicy(
    `version: 1\ndefaults: { on_no_match: deny }\nrules:\n${rules.join("\n")}\n`,
  );
  if (!result.ok)
    throw new Error(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("\n"));
  return tenantBundle(result.policy);
}

const context = {
  environment: "dev",
  channel: "agent" as const,
  principal: { kind: "agent", id: "a1", name: "bot" },
  run_id: "run-1",
  step_seq: 3,
  extra: { team: "blue" },
};
const lateMatch: ToolCall = {
  tool: "search",
  args: { q: "needle in a haystack", limit: 10, url: "https://example.com/search" },
  declared: {
    scope: ["net:read"],
    reversible: true,
    has_shadow: true,
    cost: "low",
    blast_radius_hint: 0,
  },
  context,
};
const noMatch: ToolCall = {
  tool: "unknown_tool",
  args: { cmd: "echo hi", path: "/tmp/x", size: 1, url: "https://example.com/" },
  declared: {
    scope: ["fs:read"],
    reversible: true,
    has_shadow: true,
    cost: "low",
    blast_radius_hint: -5,
  },
  context,
};

for (const n of [100, 1000]) {
  const budget = n === 100 ? "≤ 5 µs" : "≤ 50 µs";
  const bundle = bundleOf(n);
  for (const [label, call, expected] of [
    ["late match", lateMatch, "tenant:last"],
    ["no match", noMatch, null],
  ] as const) {
    it(`policy evaluation, ${n} rules, ${label}`, () => {
      expect(evaluate(bundle, call).rule_id).toBe(expected);
      const samples = sampleBatched(() => evaluate(bundle, call), 200, n === 100 ? 2000 : 300);
      const { medianMs, p95Ms } = summarize(samples);
      report({
        name: `policy evaluation, ${n} rules, ${label}`,
        median: medianMs * 1000,
        p95: p95Ms * 1000,
        unit: "µs",
        budget,
        samples: samples.length,
      });
    });
  }
}
