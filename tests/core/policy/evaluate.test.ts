import { describe, expect, it } from "vitest";
import { DEFAULT_OBLIGATION_PHASE, evaluate, type Decision } from "../../../core/policy";
import { call, compileOk } from "./helpers";

describe("evaluation order", () => {
  const policy = compileOk(`
version: 1
rules:
  - id: low-first-in-file
    match: { tool: shell }
    decision: allow
  - id: high
    priority: 10
    match: { tool: shell, args.cmd: ls }
    decision: dry_run
  - id: same-priority-later
    priority: 10
    match: { tool: shell, args.cmd: ls }
    decision: deny
  - id: negative
    priority: -5
    match: { tool: other }
    decision: dry_run
`);

  it("orders rules by priority (high first), then file order; first match wins", () => {
    expect(policy.rules.map((r) => r.id)).toEqual([
      "high",
      "same-priority-later",
      "low-first-in-file",
      "negative",
    ]);
    const d = evaluate(policy, call("shell", { cmd: "ls" }));
    expect(d.decision).toBe("dry_run");
    expect(d.rule_id).toBe("high");
    expect(d.matched_rules).toEqual(["high"]);
    expect(evaluate(policy, call("shell", { cmd: "pwd" })).rule_id).toBe("low-first-in-file");
    expect(evaluate(policy, call("other")).rule_id).toBe("negative");
  });

  it("keeps file order for many rules of equal priority", () => {
    const rules = Array.from(
      { length: 25 },
      (_, i) => `  - { id: r${i}, match: {}, decision: ${i === 0 ? "deny" : "allow"} }`,
    ).join("\n");
    const p = compileOk(`version: 1\nrules:\n${rules}\n`);
    expect(p.rules.map((r) => r.id)).toEqual(Array.from({ length: 25 }, (_, i) => `r${i}`));
    expect(evaluate(p, call("x")).rule_id).toBe("r0");
  });

  it("default rule ids are rule_<index in file>", () => {
    const p = compileOk(`version: 1
rules:
  - { match: { tool: a }, decision: allow }
  - { match: { tool: b }, decision: deny }
`);
    expect(evaluate(p, call("b")).rule_id).toBe("rule_1");
    expect(evaluate(p, call("a")).matched_rules).toEqual(["rule_0"]);
  });
});

describe("rule errors", () => {
  const policy = compileOk(`
version: 1
defaults: { on_no_match: dry_run }
rules:
  - id: count-limit
    priority: 5
    match: { args.count.gt: 10 }
    decision: deny
  - id: name-range
    priority: 4
    match: { tool: shell, args.name.between: [a, m] }
    decision: approve_required
  - id: fallback
    match: { tool: shell }
    decision: allow
`);

  it("skips a rule whose matcher fails at run time, marks it and continues", () => {
    const d = evaluate(policy, call("shell", { count: "many" }));
    expect(d.decision).toBe("allow");
    expect(d.rule_id).toBe("fallback");
    expect(d.matched_rules).toEqual(["<rule_error:count-limit:TypeError>", "fallback"]);
  });

  it("keeps every marker, in evaluation order, before the default marker", () => {
    const d = evaluate(policy, call("shell", { count: "many", name: 3 }));
    expect(d.matched_rules).toEqual([
      "<rule_error:count-limit:TypeError>",
      "<rule_error:name-range:TypeError>",
      "fallback",
    ]);
    const none = evaluate(policy, call("git", { count: "many" }));
    expect(none.decision).toBe("dry_run");
    expect(none.matched_rules).toEqual([
      "<rule_error:count-limit:TypeError>",
      "<default:on_no_match>",
    ]);
  });

  it("the tool index never hides a marker: a rule is only skipped when its first test is on tool", () => {
    const p = compileOk(`
version: 1
rules:
  - { id: later-tool-test, match: { args.n.gt: 1, tool: shell }, decision: deny }
  - { id: first-tool-test, match: { tool: shell, args.n.gt: 1 }, decision: deny }
  - { id: any, match: {}, decision: allow }
`);
    const d = evaluate(p, call("git", { n: "x" }));
    expect(d.matched_rules).toEqual(["<rule_error:later-tool-test:TypeError>", "any"]);
    const s = evaluate(p, call("shell", { n: "x" }));
    expect(s.matched_rules).toEqual([
      "<rule_error:later-tool-test:TypeError>",
      "<rule_error:first-tool-test:TypeError>",
      "any",
    ]);
  });
});

describe("defaults", () => {
  const src = (defaults: string) =>
    `version: 1\n${defaults}\nrules:\n  - { id: only-shell, match: { tool: shell }, decision: allow }\n`;

  it("on_no_match applies when nothing matches", () => {
    const d = evaluate(compileOk(src("defaults: { on_no_match: dry_run }")), call("git"));
    expect(d).toEqual({
      decision: "dry_run",
      rule_id: null,
      reason: "no rule matched; default policy",
      matched_rules: ["<default:on_no_match>"],
      approvers: [],
      timeout_seconds: null,
      obligations: [],
    });
  });

  it("on_missing_shadow applies to irreversible calls without a shadow", () => {
    const p = compileOk(
      src("defaults: { on_no_match: allow, on_missing_shadow: approve_required }"),
    );
    const d = evaluate(p, call("git", {}, { declared: { reversible: false, has_shadow: false } }));
    expect(d.decision).toBe("approve_required");
    expect(d.matched_rules).toEqual(["<default:on_missing_shadow>"]);
    expect(d.timeout_seconds).toBe(1800);
    expect(d.reason).toBe("irreversible action with no shadow; default policy"); // Lynx's wording
    for (const declared of [
      { reversible: true, has_shadow: false },
      { reversible: false, has_shadow: true },
      {},
    ]) {
      const other = evaluate(p, call("git", {}, { declared }));
      expect(other.decision, JSON.stringify(declared)).toBe("allow");
      expect(other.matched_rules).toEqual(["<default:on_no_match>"]);
    }
    expect(evaluate(p, call("git")).decision).toBe("allow");
  });

  it("a matching rule wins over on_missing_shadow", () => {
    const p = compileOk(src("defaults: { on_missing_shadow: deny }"));
    expect(
      evaluate(p, call("shell", {}, { declared: { reversible: false, has_shadow: false } }))
        .decision,
    ).toBe("allow");
  });

  it("uses Lynx's defaults (deny / approve_required) when the file has none", () => {
    const p = compileOk(src(""));
    expect(p.defaults).toEqual({ on_no_match: "deny", on_missing_shadow: "approve_required" });
    expect(evaluate(p, call("git")).decision).toBe("deny");
    expect(
      evaluate(p, call("git", {}, { declared: { reversible: false, has_shadow: false } })).decision,
    ).toBe("approve_required");
  });

  it("an empty file is a policy of defaults", () => {
    expect(evaluate(compileOk(""), call("x")).decision).toBe("deny");
    expect(evaluate(compileOk("# nothing\n"), call("x")).matched_rules).toEqual([
      "<default:on_no_match>",
    ]);
  });
});

describe("decisions", () => {
  it("accepts decision: or verdict:, case-insensitively", () => {
    const p = compileOk(`version: 1
rules:
  - { id: a, match: { tool: a }, decision: DENY }
  - { id: b, match: { tool: b }, verdict: Dry_Run }
  - { id: c, match: { tool: c }, verdict: allow }
`);
    expect(evaluate(p, call("a")).decision).toBe("deny");
    expect(evaluate(p, call("b")).decision).toBe("dry_run");
    expect(evaluate(p, call("c")).decision).toBe("allow");
  });

  it("has the documented shape for each verdict", () => {
    const p = compileOk(`version: 1
rules:
  - id: ask
    match: { tool: deploy }
    decision: approve_required
    reason: needs a human
    approvers: [ops-lead, "role:admin"]
    timeout_seconds: 600
  - id: ask-default-timeout
    match: { tool: deploy2 }
    decision: approve_required
    approvers: [ops]
  - id: ok
    match: { tool: read }
    decision: allow
    reason: reads are fine
`);
    const ask: Decision = evaluate(p, call("deploy"));
    expect(ask).toEqual({
      decision: "approve_required",
      rule_id: "ask",
      reason: "needs a human",
      matched_rules: ["ask"],
      approvers: ["ops-lead", "role:admin"],
      timeout_seconds: 600,
      obligations: [],
    });
    expect(evaluate(p, call("deploy2")).timeout_seconds).toBe(1800);
    const ok = evaluate(p, call("read"));
    expect(ok).toEqual({
      decision: "allow",
      rule_id: "ok",
      reason: "reads are fine",
      matched_rules: ["ok"],
      approvers: [],
      timeout_seconds: null,
      obligations: [],
    });
    expect("args" in ok).toBe(false);
  });

  it("is pure: same input, same output, and the call is never mutated", () => {
    const p = compileOk(`version: 1
rules:
  - { id: t, match: { tool: x }, decision: transform, transform: { path: [a, b], set: 1 } }
`);
    const c = call("x", { a: { b: 0, keep: true }, other: [1] });
    const snapshot = structuredClone(c);
    const first = evaluate(p, c);
    const second = evaluate(p, c);
    expect(first).toEqual(second);
    expect(c).toEqual(snapshot);
    expect(first.decision === "transform" && first.args).toEqual({
      a: { b: 1, keep: true },
      other: [1],
    });
  });
});

describe("decision arrays", () => {
  it("are fresh per decision: modifying one never changes the policy", () => {
    const p = compileOk(`version: 1
rules:
  - { id: ask, match: {}, decision: approve_required, approvers: [ops], obligations: [audit-note] }
`);
    const first = evaluate(p, call("x"));
    if (first.decision !== "approve_required") throw new Error("expected approve_required");
    first.approvers.push("mallory");
    first.obligations.length = 0;
    first.matched_rules.push("forged");
    const second = evaluate(p, call("x"));
    expect(second.approvers).toEqual(["ops"]);
    expect(second.obligations.map((o) => o.id)).toEqual(["audit-note"]);
    expect(second.matched_rules).toEqual(["ask"]);
    // The obligation objects themselves are frozen.
    expect(Object.isFrozen(second.obligations[0])).toBe(true);
    expect(Object.isFrozen(second.obligations[0]!.params)).toBe(true);
  });
});

describe("transform", () => {
  const transform = (spec: string, args: Record<string, unknown>) => {
    const p = compileOk(
      `version: 1\nrules:\n  - id: t\n    match: { tool: x }\n    decision: transform\n    transform: ${spec}\n`,
    );
    const d = evaluate(p, call("x", args as never));
    return d;
  };
  const argsOf = (d: Decision) => (d.decision === "transform" ? d.args : undefined);

  it("jsonpath $.args.KEY targets the flat key, as Lynx (even with dots)", () => {
    expect(
      argsOf(transform(`{ jsonpath: "$.args.limit", set: 10 }`, { limit: 1000, q: "x" })),
    ).toEqual({ limit: 10, q: "x" });
    expect(argsOf(transform(`{ jsonpath: "$.args.a.b", set: 1 }`, { a: { b: 0 } }))).toEqual({
      a: { b: 0 },
      "a.b": 1,
    });
  });

  it("path: [a, b] targets the nested value and creates missing objects", () => {
    expect(argsOf(transform(`{ path: [a, b], set: 1 }`, { a: { b: 0, c: 2 } }))).toEqual({
      a: { b: 1, c: 2 },
    });
    expect(argsOf(transform(`{ path: [a, b], set: 1 }`, {}))).toEqual({ a: { b: 1 } });
    expect(argsOf(transform(`{ path: [a, b], set: { deep: [1, 2] } }`, {}))).toEqual({
      a: { b: { deep: [1, 2] } },
    });
  });

  it("append stringifies the old value first, as Python's str()", () => {
    expect(
      argsOf(transform(`{ jsonpath: "$.args.cmd", append: " --dry-run" }`, { cmd: "deploy" })),
    ).toEqual({ cmd: "deploy --dry-run" });
    expect(argsOf(transform(`{ jsonpath: "$.args.n", append: "!" }`, { n: 5 }))).toEqual({
      n: "5!",
    });
    expect(argsOf(transform(`{ jsonpath: "$.args.b", append: "!" }`, { b: true }))).toEqual({
      b: "True!",
    });
    expect(argsOf(transform(`{ jsonpath: "$.args.z", append: "!" }`, { z: null }))).toEqual({
      z: "None!",
    });
    expect(
      argsOf(transform(`{ jsonpath: "$.args.l", append: "!" }`, { l: ["a", 1, null] })),
    ).toEqual({ l: "['a', 1, None]!" });
    expect(
      argsOf(transform(`{ jsonpath: "$.args.o", append: "!" }`, { o: { k: "it's" } })),
    ).toEqual({ o: `{'k': "it's"}!` });
    expect(argsOf(transform(`{ jsonpath: "$.args.f", append: "!" }`, { f: 0.00001 }))).toEqual({
      f: "1e-05!",
    });
    expect(argsOf(transform(`{ jsonpath: "$.args.missing", append: "x" }`, {}))).toEqual({
      missing: "x",
    });
    expect(argsOf(transform(`{ path: [a, b], append: 2 }`, { a: { b: "v" } }))).toEqual({
      a: { b: "v2" },
    });
  });

  it("delete removes the key; a missing key or parent is a no-op", () => {
    expect(
      argsOf(transform(`{ jsonpath: "$.args.token", delete: true }`, { token: "t", q: 1 })),
    ).toEqual({ q: 1 });
    expect(argsOf(transform(`{ path: [a, b], delete: true }`, { a: { b: 1, c: 2 } }))).toEqual({
      a: { c: 2 },
    });
    expect(argsOf(transform(`{ path: [a, b], delete: true }`, { q: 1 }))).toEqual({ q: 1 });
  });

  it("a nested path through a non-object is a rule error", () => {
    const d = transform(`{ path: [a, b], set: 1 }`, { a: "string" });
    expect(d.decision).toBe("deny");
    expect(d.matched_rules).toEqual(["<rule_error:t:TypeError>", "<default:on_no_match>"]);
  });

  it("handles a __proto__ key as an ordinary key", () => {
    const d = transform(`{ jsonpath: "$.args.__proto__", set: { polluted: true } }`, {});
    const args = argsOf(d)!;
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
    expect(Object.keys(args)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("set values are fresh per decision (callers may mutate them)", () => {
    const p = compileOk(
      `version: 1\nrules:\n  - { id: t, match: {}, decision: transform, transform: { jsonpath: "$.args.o", set: { k: [1] } } }\n`,
    );
    const first = evaluate(p, call("x"));
    if (first.decision !== "transform") throw new Error("expected transform");
    (first.args.o as { k: number[] }).k.push(2);
    const second = evaluate(p, call("x"));
    expect(second.decision === "transform" && second.args).toEqual({ o: { k: [1] } });
  });
});

describe("obligations", () => {
  it("normalizes ids and mappings; a bare id is a pre obligation", () => {
    expect(DEFAULT_OBLIGATION_PHASE).toBe("pre");
    const p = compileOk(`version: 1
rules:
  - id: r
    match: {}
    decision: deny
    obligations:
      - audit-note
      - { id: notify-email, phase: post, params: { to: sec@example.com } }
      - { id: require-fresh-auth }
`);
    expect(evaluate(p, call("x")).obligations).toEqual([
      { id: "audit-note", phase: "pre", params: {} },
      { id: "notify-email", phase: "post", params: { to: "sec@example.com" } },
      { id: "require-fresh-auth", phase: "pre", params: {} },
    ]);
  });

  it("ride on every verdict, and defaults carry none", () => {
    for (const verdict of ["allow", "deny", "dry_run", "approve_required"]) {
      const p = compileOk(
        `version: 1\nrules:\n  - { id: r, match: { tool: x }, decision: ${verdict}, approvers: [a], obligations: [audit-note] }\n`,
      );
      expect(
        evaluate(p, call("x")).obligations.map((o) => o.id),
        verdict,
      ).toEqual(["audit-note"]);
      expect(evaluate(p, call("y")).obligations).toEqual([]);
    }
  });
});
