import { describe, expect, it } from "vitest";
import { evaluate, type ToolCall } from "../../../core/policy";
import { call, oneRule } from "./helpers";

/** allow when the single rule matches, deny (default) when not; "error" when the rule faulted. */
function outcome(match: string, c: ToolCall): "match" | "no" | "error" {
  const d = evaluate(oneRule(match), c);
  if (d.matched_rules.includes("<rule_error:r:TypeError>")) {
    expect(d.decision).toBe("deny");
    return "error";
  }
  return d.decision === "allow" ? "match" : "no";
}

const args = (a: ToolCall["args"]) => call("t", a);

describe("operators", () => {
  it("eq and no operator: Python equality (no string coercion; booleans are numbers)", () => {
    expect(outcome("{ args.n: 5 }", args({ n: 5 }))).toBe("match");
    expect(outcome("{ args.n.eq: 5 }", args({ n: 5 }))).toBe("match");
    expect(outcome("{ args.n: 5 }", args({ n: "5" }))).toBe("no");
    expect(outcome("{ args.b: true }", args({ b: 1 }))).toBe("match"); // True == 1, as Lynx
    expect(outcome("{ args.b: true }", args({ b: 2 }))).toBe("no");
    expect(outcome("{ args.b: true }", args({ b: "true" }))).toBe("no");
    expect(outcome("{ args.o: { a: [1, 2] } }", args({ o: { a: [1, 2] } }))).toBe("match");
    expect(outcome("{ args.o: { a: [1, 2] } }", args({ o: { a: [2, 1] } }))).toBe("no");
    expect(outcome("{ args.l: [x, z] }", args({ l: ["x", "z"] }))).toBe("match");
    expect(outcome("{ tool: t }", args({}))).toBe("match");
    expect(outcome("{ tool: other }", args({}))).toBe("no");
  });

  it("matches: regex search on strings, false for anything else", () => {
    expect(outcome(`{ args.cmd.matches: 'rm\\s+-rf' }`, args({ cmd: "sudo rm  -rf /" }))).toBe(
      "match",
    );
    expect(outcome(`{ args.cmd.matches: '^rm' }`, args({ cmd: "sudo rm" }))).toBe("no");
    expect(outcome(`{ args.cmd.matches: '5' }`, args({ cmd: 5 }))).toBe("no");
    expect(outcome(`{ args.cmd.matches: '(?i)^DROP' }`, args({ cmd: "drop table" }))).toBe("match");
  });

  it("in: membership in a list", () => {
    expect(outcome("{ args.env.in: [dev, staging] }", args({ env: "dev" }))).toBe("match");
    expect(outcome("{ args.env.in: [dev, staging] }", args({ env: "prod" }))).toBe("no");
    expect(outcome("{ args.n.in: [1, 2] }", args({ n: "1" }))).toBe("no");
    expect(outcome("{ args.o.in: [[1], [2]] }", args({ o: [2] }))).toBe("match");
    // An unhashable value against a list of scalars is Python's TypeError.
    expect(outcome("{ args.o.in: [a, b] }", args({ o: ["a"] }))).toBe("error");
  });

  it("contains: substring, list element, object key", () => {
    expect(outcome("{ args.s.contains: needle }", args({ s: "haystack with needle" }))).toBe(
      "match",
    );
    expect(outcome("{ args.s.contains: needle }", args({ s: "haystack" }))).toBe("no");
    expect(
      outcome(
        "{ declared.scope.contains: 'net:write' }",
        call("t", {}, { declared: { scope: ["net:write"] } }),
      ),
    ).toBe("match");
    expect(outcome("{ args.l.contains: 3 }", args({ l: [1, 2, 3] }))).toBe("match");
    expect(outcome("{ args.l.contains: '3' }", args({ l: [1, 2, 3] }))).toBe("no");
    expect(outcome("{ args.o.contains: k }", args({ o: { k: 1 } }))).toBe("match");
    expect(outcome("{ args.o.contains: z }", args({ o: { k: 1 } }))).toBe("no");
    expect(outcome("{ args.o.contains: constructor }", args({ o: {} }))).toBe("no");
    expect(outcome("{ args.o.contains: 1 }", args({ o: { "1": 1 } }))).toBe("no");
  });

  it("contains: type mismatches are rule errors", () => {
    expect(outcome("{ args.s.contains: 5 }", args({ s: "a5" }))).toBe("error");
    expect(outcome("{ args.n.contains: 5 }", args({ n: 55 }))).toBe("error");
    expect(outcome("{ args.b.contains: true }", args({ b: true }))).toBe("error");
    expect(outcome("{ args.o.contains: [k] }", args({ o: { k: 1 } }))).toBe("error");
  });

  it("contains_any and contains_all", () => {
    const scope = (s: string[]) => call("t", {}, { declared: { scope: s } });
    expect(outcome("{ declared.scope.contains_any: [a, b] }", scope(["x", "b"]))).toBe("match");
    expect(outcome("{ declared.scope.contains_any: [a, b] }", scope(["x"]))).toBe("no");
    expect(outcome("{ declared.scope.contains_any: [] }", scope(["x"]))).toBe("no");
    expect(outcome("{ declared.scope.contains_all: [a, b] }", scope(["b", "a", "c"]))).toBe(
      "match",
    );
    expect(outcome("{ declared.scope.contains_all: [a, b] }", scope(["a"]))).toBe("no");
    expect(outcome("{ declared.scope.contains_all: [] }", scope([]))).toBe("match");
    expect(outcome("{ args.s.contains_any: [foo, bar] }", args({ s: "a bar" }))).toBe("match");
    expect(outcome("{ args.s.contains_all: [foo, bar] }", args({ s: "foo bar" }))).toBe("match");
    // Python evaluates items lazily: a type error only when reached.
    expect(outcome("{ args.s.contains_any: [a, 1] }", args({ s: "a" }))).toBe("match");
    expect(outcome("{ args.s.contains_any: [z, 1] }", args({ s: "a" }))).toBe("error");
  });

  it("gt ge lt le on numbers and on strings", () => {
    expect(
      outcome(
        "{ declared.blast_radius_hint.gt: 3 }",
        call("t", {}, { declared: { blast_radius_hint: 4 } }),
      ),
    ).toBe("match");
    expect(outcome("{ args.n.gt: 3 }", args({ n: 3 }))).toBe("no");
    expect(outcome("{ args.n.ge: 3 }", args({ n: 3 }))).toBe("match");
    expect(outcome("{ args.n.lt: 3 }", args({ n: 2.5 }))).toBe("match");
    expect(outcome("{ args.n.lt: 3 }", args({ n: 3 }))).toBe("no");
    expect(outcome("{ args.n.le: 3 }", args({ n: 3 }))).toBe("match");
    expect(outcome("{ args.s.gt: b }", args({ s: "c" }))).toBe("match");
    expect(outcome("{ args.s.lt: b }", args({ s: "ab" }))).toBe("match");
    expect(outcome("{ args.s.ge: b }", args({ s: "b" }))).toBe("match");
    expect(outcome("{ args.s.le: b }", args({ s: "c" }))).toBe("no");
    // Code point order, as Python: an astral character sorts above U+FFFD.
    expect(outcome("{ args.s.gt: '\uFFFD' }", args({ s: "\u{1F600}" }))).toBe("match");
  });

  it("ordering across types is a rule error, not false", () => {
    expect(outcome("{ args.n.gt: 3 }", args({ n: "4" }))).toBe("error");
    expect(outcome("{ args.n.lt: a }", args({ n: 1 }))).toBe("error");
    expect(outcome("{ args.n.ge: 1 }", args({ n: true }))).toBe("match"); // a bool is an int
    expect(outcome("{ args.n.ge: 1 }", args({ n: { a: 1 } }))).toBe("error");
    expect(outcome("{ args.n.le: 1 }", args({ n: [1] }))).toBe("error");
  });

  it("between and not_between are inclusive", () => {
    for (const [n, inside] of [
      [1, true],
      [5, true],
      [3, true],
      [0, false],
      [6, false],
    ] as const) {
      expect(outcome("{ args.n.between: [1, 5] }", args({ n }))).toBe(inside ? "match" : "no");
      expect(outcome("{ args.n.not_between: [1, 5] }", args({ n }))).toBe(inside ? "no" : "match");
    }
    expect(outcome("{ args.s.between: [b, d] }", args({ s: "c" }))).toBe("match");
    expect(outcome("{ args.n.between: [1, 5] }", args({ n: "3" }))).toBe("error");
    expect(outcome("{ args.n.not_between: [1, 5] }", args({ n: "9" }))).toBe("error");
  });

  it("a missing value is null: every operator is false, plain equality with null matches", () => {
    const missing = args({});
    for (const m of [
      "{ args.x.matches: '.*' }",
      "{ args.x.in: [a, b] }",
      "{ args.x.contains: a }",
      "{ args.x.contains_any: [a] }",
      "{ args.x.contains_all: [] }",
      "{ args.x.gt: 0 }",
      "{ args.x.ge: 0 }",
      "{ args.x.lt: 0 }",
      "{ args.x.le: 0 }",
      "{ args.x.between: [0, 1] }",
      "{ args.x.not_between: [0, 1] }",
      "{ args.x: a }",
    ]) {
      expect(outcome(m, missing), m).toBe("no");
    }
    expect(outcome("{ args.x: null }", missing)).toBe("match");
    expect(outcome("{ args.x.in: [null, a] }", missing)).toBe("match"); // None in (None, 'a')
    expect(outcome("{ args.x.eq: ~ }", missing)).toBe("match");
    expect(outcome("{ args.x: null }", args({ x: null }))).toBe("match");
    expect(outcome("{ args.x: null }", args({ x: 0 }))).toBe("no");
    expect(outcome("{ args.a.b.c: null }", args({ a: "not an object" }))).toBe("match");
    expect(outcome("{ context.principal.id: null }", call("t"))).toBe("match");
    expect(outcome("{ args.constructor: null }", args({}))).toBe("match");
  });

  it("paths walk nested objects only (arrays are not indexed)", () => {
    expect(outcome("{ args.a.b.c.d: 1 }", args({ a: { b: { c: { d: 1 } } } }))).toBe("match");
    expect(outcome("{ args.items.0: x }", args({ items: ["x"] }))).toBe("no");
    expect(
      outcome(
        "{ context.extra.team: blue }",
        call("t", {}, { context: { extra: { team: "blue" } } }),
      ),
    ).toBe("match");
    expect(
      outcome(
        "{ context.principal.kind: agent }",
        call("t", {}, { context: { principal: { kind: "agent", id: "a1" } } }),
      ),
    ).toBe("match");
    expect(outcome("{ args: { a: 1 } }", args({ a: 1 }))).toBe("match");
  });

  it("context.correlation_id and context.run_id are the same value", () => {
    const withRun = call("t", {}, { context: { run_id: "r1" } });
    const withCorrelation = call("t", {}, { context: { correlation_id: "r1" } });
    for (const c of [withRun, withCorrelation]) {
      expect(outcome("{ context.correlation_id: r1 }", c)).toBe("match");
      expect(outcome("{ context.run_id: r1 }", c)).toBe("match");
    }
    expect(outcome("{ context.run_id: r2 }", withCorrelation)).toBe("no");
  });

  it("composition: all_of, any_of, not, with Python error propagation", () => {
    expect(outcome("{ all_of: [{ args.a: 1 }, { args.b: 2 }] }", args({ a: 1, b: 2 }))).toBe(
      "match",
    );
    expect(outcome("{ all_of: [{ args.a: 1 }, { args.b: 2 }] }", args({ a: 1, b: 3 }))).toBe("no");
    expect(outcome("{ any_of: [{ args.a: 1 }, { args.b: 2 }] }", args({ b: 2 }))).toBe("match");
    expect(outcome("{ any_of: [] }", args({}))).toBe("no");
    expect(outcome("{ all_of: [] }", args({}))).toBe("match");
    expect(outcome("{ not: { args.a: 1 } }", args({ a: 2 }))).toBe("match");
    expect(outcome("{ not: { args.a.gt: 1 } }", args({}))).toBe("match"); // not(false on null)
    expect(outcome("{ not: { args.a.gt: 1 } }", args({ a: "x" }))).toBe("error");
    // any_of stops at the first true branch; an error before it propagates.
    expect(outcome("{ any_of: [{ args.a: 1 }, { args.b.gt: 1 }] }", args({ a: 1, b: "x" }))).toBe(
      "match",
    );
    expect(outcome("{ any_of: [{ args.b.gt: 1 }, { args.a: 1 }] }", args({ a: 1, b: "x" }))).toBe(
      "error",
    );
    // A mapping is evaluated in file order and short-circuits.
    expect(outcome("{ args.a: 2, args.b.gt: 1 }", args({ a: 1, b: "x" }))).toBe("no");
    expect(outcome("{ args.b.gt: 1, args.a: 2 }", args({ a: 1, b: "x" }))).toBe("error");
  });
});
