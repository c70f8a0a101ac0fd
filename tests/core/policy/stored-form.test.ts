/**
 * A policy loaded from its stored form (what a Durable Object reads after a wake) decides
 * exactly as the source does: the whole Lynx corpus, judged against Lynx's own answers, and
 * the values JSON cannot hold. A form that is not what the encoder wrote does not load.
 */
import { describe, expect, it } from "vitest";
import {
  bundleId,
  compilePolicy,
  evaluate,
  loadStoredForm,
  parseToolCall,
  type CompiledPolicy,
} from "../../../core/policy";
import fixture from "./fixtures/lynx-conformance.json";
import { runCase, type Case, type Delivery } from "./conformance";
import { DEPARTURES } from "./departures";

const viaStoredForm: Delivery = (compiled) => {
  const loaded = loadStoredForm(compiled.storedForm());
  if (!loaded) throw new Error("the stored form does not load");
  return loaded;
};

function loaded(source: string): CompiledPolicy {
  const compiled = compilePolicy(source);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join("; "));
  return viaStoredForm(compiled);
}

function decide(policy: CompiledPolicy, call: unknown) {
  const parsed = parseToolCall(call);
  if (!parsed.ok) throw new Error(parsed.issues.join("; "));
  return evaluate(policy, parsed.call);
}

const cases = fixture.cases as Case[];

describe(`stored form: the Lynx corpus (${cases.length} cases) through a stored form`, () => {
  const counts = { agree: 0, departures: 0 };
  for (const c of cases) {
    const departure = DEPARTURES.some((d) => d.cases.test(c.name));
    it(c.name, () => {
      const { differences } = runCase(c, viaStoredForm);
      if (departure) {
        expect(differences.length).toBeGreaterThan(0);
        counts.departures++;
      } else {
        expect(differences).toEqual([]);
        counts.agree++;
      }
    });
  }
  it("agrees on the same cases as the compiled policies", () => {
    expect(counts).toEqual({ agree: 964, departures: 21 });
  });
});

describe("stored form: values JSON cannot hold", () => {
  it("keeps .inf, -.inf and .nan (Python: 5 < inf, -inf < 5, None == nan is false)", () => {
    const policy = loaded(`rules:
  - id: nan
    match: { tool: t, args.n.eq: .nan }
    decision: deny
  - id: below-inf
    match: { tool: t, args.n.lt: .inf, args.n.gt: -.inf }
    decision: allow
`);
    expect(decide(policy, { tool: "t", args: { n: 5 } })).toMatchObject({
      decision: "allow",
      matched_rules: ["below-inf"],
    });
    // Read as null, the first rule would match a call without n.
    expect(decide(policy, { tool: "t", args: {} })).toMatchObject({
      decision: "deny",
      rule_id: null,
      matched_rules: ["<default:on_no_match>"],
    });
  });

  it("keeps -0.0 in a transform value", () => {
    const policy = loaded(`rules:
  - id: zero
    match: { tool: t }
    decision: transform
    transform: { jsonpath: "$.args.x", set: -0.0 }
`);
    const d = decide(policy, { tool: "t", args: { x: 1 } });
    if (d.decision !== "transform") throw new Error(`not a transform: ${d.decision}`);
    expect(Object.is(d.args.x, -0)).toBe(true);
  });

  it("never reads a policy's own mapping as a tag, also beside such values", () => {
    const policy = loaded(`rules:
  - id: inf
    match: { tool: t, args.n.eq: .inf }
    decision: deny
  - id: lookalikes
    match: { tool: t, args.a.eq: { n: "-0" }, args.b.eq: { o: [] } }
    decision: allow
`);
    const args = { a: { n: "-0" }, b: { o: [] } };
    expect(decide(policy, { tool: "t", args })).toMatchObject({
      decision: "allow",
      matched_rules: ["lookalikes"],
    });
    expect(decide(policy, { tool: "t", args: { ...args, b: { o: [0] } } }).rule_id).toBeNull();
  });
});

describe("stored form: what a loaded policy shares", () => {
  const SOURCE = `predicates:
  prod: { context.environment: prod }
rules:
  - id: deploy-prod
    match: { all_of: [prod, { tool: deploy }] }
    decision: approve_required
    approvers: [owner]
    timeout_seconds: 60
    obligations: [{ id: notify, phase: post, params: { channel: ops } }]
  - id: not-prod
    match: { not: prod, tool.in: [deploy, shell] }
    decision: allow
  - id: shell-prod
    match: { any_of: [prod, { args.force.eq: true }], tool: shell, args.cmd.matches: '^(ls|cat)\\b' }
    decision: deny
`;

  it("decides every rule as written", () => {
    const policy = loaded(SOURCE);
    const prod = { environment: "prod" };
    expect(decide(policy, { tool: "deploy", args: {}, context: prod })).toMatchObject({
      decision: "approve_required",
      approvers: ["owner"],
      timeout_seconds: 60,
      obligations: [{ id: "notify", phase: "post", params: { channel: "ops" } }],
    });
    expect(decide(policy, { tool: "deploy", args: {} }).rule_id).toBe("not-prod");
    expect(decide(policy, { tool: "shell", args: { cmd: "ls -l" }, context: prod }).rule_id).toBe(
      "shell-prod",
    );
    expect(decide(policy, { tool: "shell", args: { cmd: "lsof" }, context: prod }).rule_id).toBe(
      null,
    );
    expect(decide(policy, { tool: "shell", args: { cmd: "cat x" } }).rule_id).toBe("not-prod");
  });

  it("hands out frozen obligations, as a compiled policy does", () => {
    const d = decide(loaded(SOURCE), {
      tool: "deploy",
      args: {},
      context: { environment: "prod" },
    });
    expect(Object.isFrozen(d.obligations[0]!.params)).toBe(true);
  });

  it("has the canonical form, and so the bundle id, of its source", async () => {
    const compiled = compilePolicy(SOURCE);
    if (!compiled.ok) throw new Error("does not compile");
    const policy = loaded(SOURCE);
    expect(policy.canonical).toEqual(compiled.policy.canonical);
    expect(await bundleId(policy)).toBe(await bundleId(compiled.policy));
  });
});

describe("stored form: a form the encoder did not write does not load", () => {
  const good = (() => {
    const compiled = compilePolicy(
      "rules:\n  - id: a\n    match: { tool: t }\n    decision: allow\n",
    );
    if (!compiled.ok) throw new Error("does not compile");
    return compiled.storedForm();
  })();
  const [program, canonical] = good.split("\n") as [string, string];
  const edited = (edit: (p: Record<string, unknown>) => void) => {
    const p = JSON.parse(program) as Record<string, unknown>;
    edit(p);
    return `${JSON.stringify(p)}\n${canonical}`;
  };

  it("loads the form as written", () => {
    expect(loadStoredForm(good)).not.toBeNull();
  });

  it.each([
    ["empty", ""],
    ["one line", program],
    ["not JSON", `{${program}\n${canonical}`],
    ["boxed garbage", `!${program}\n${canonical}`],
    ["a rule without a verdict", edited((p) => (p.rules as unknown[][])[0]!.pop())],
    ["an unknown verdict", edited((p) => ((p.rules as unknown[][])[0]![6] = "maybe"))],
    ["a conjunct out of range", edited((p) => (p.matches = [[7]]))],
    ["fewer matches than rules", edited((p) => (p.matches = []))],
    ["a form that refers to itself", edited((p) => (p.conjuncts = [{ not: [0] }]))],
    ["an unknown operator", edited((p) => (p.conjuncts = [["like", 0, "t"]]))],
    ["an unknown path root", edited((p) => (p.paths = [["env"]]))],
    ["a path out of range", edited((p) => (p.conjuncts = [["eq", 1, "t"]]))],
    ["a bad regex plan", edited((p) => (p.conjuncts = [["matches", 0, "t", {}]]))],
  ])("%s", (_, text) => {
    expect(loadStoredForm(text)).toBeNull();
  });
});
