import { describe, expect, it } from "vitest";
import { compilePolicy } from "../../../core/policy";
import { diagnosticsOf, expectDiagnostic } from "./helpers";

/** One rule under `rules:`; its first line is line 3 and its keys start at column 5. */
const rule = (body: string) => `version: 1\nrules:\n  - id: r\n${body}`;

describe("lint: document structure", () => {
  it("malformed YAML", () => {
    const broken = compilePolicy("version: 1\nrules: [\n  {id: a\n");
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics.length).toBeGreaterThan(0);
    for (const d of broken.diagnostics)
      expect([d.severity, d.line, d.column, d.message.startsWith("malformed YAML")]).toEqual([
        "error",
        4,
        1,
        true,
      ]);
    expectDiagnostic("version: 1\nrules:\n\t- id: a\n", "error", 3, 1, "malformed YAML");
    expectDiagnostic("a: 1\n---\nb: 2\n", "error", 2, 1, "multiple documents");
  });

  it("unknown top-level key, with a suggestion", () => {
    const d = expectDiagnostic(
      "version: 1\nrule:\n  - {}\n",
      "warning",
      2,
      1,
      'unknown top-level key "rule" is ignored, as Lynx',
    );
    expect(d.message).toContain('did you mean "rules"');
  });

  it("a policy that is not a mapping, rules that are not a list, a rule that is not a mapping", () => {
    expectDiagnostic("- a\n- b\n", "error", 1, 1, "a policy must be a mapping");
    expectDiagnostic("version: 1\nrules: { a: 1 }\n", "error", 2, 8, "rules must be a list");
    expectDiagnostic("version: 1\nrules:\n  - deny\n", "error", 3, 5, "a rule must be a mapping");
  });

  it("version: read with int() as Lynx, anything but 1 warned about", () => {
    expectDiagnostic("version: 2\nrules: []\n", "warning", 1, 10, "only version 1 exists");
    expectDiagnostic('version: "1"\nrules: []\n', "warning", 1, 10, "is read as 1");
    expectDiagnostic("version: abc\nrules: []\n", "error", 1, 10, "version must be an integer");
    expect(diagnosticsOf("version: 1\nrules: []\n")).toEqual([]);
  });

  it("repeated keys: a warning, and the last value is used (as Lynx)", () => {
    expectDiagnostic(
      rule("    match: { tool: a }\n    decision: allow\n    decision: deny\n"),
      "warning",
      6,
      5,
      'repeated key "decision"',
    );
    expectDiagnostic(
      rule("    match: { tool: a, tool: b }\n    decision: allow\n"),
      "warning",
      4,
      23,
      'repeated key "tool"',
    );
  });

  it("non-string mapping keys from YAML 1.1 booleans", () => {
    const d = expectDiagnostic(
      rule("    match: { args.x: { on: 1 } }\n    decision: allow\n"),
      "error",
      4,
      24,
      "must be a string",
    );
    expect(d.message).toContain("boolean");
  });

  it("unknown rule key, with a suggestion", () => {
    const d = expectDiagnostic(
      rule("    priorty: 5\n    match: {}\n    decision: allow\n"),
      "warning",
      4,
      5,
      'unknown rule key "priorty" is ignored, as Lynx',
    );
    expect(d.message).toContain('did you mean "priority"');
  });

  it("defaults: unknown key, unknown verdict, transform", () => {
    expectDiagnostic(
      "version: 1\ndefaults:\n  on_nomatch: deny\n",
      "warning",
      3,
      3,
      'unknown defaults key "on_nomatch" is ignored',
    );
    expectDiagnostic(
      "version: 1\ndefaults:\n  on_no_match: block\n",
      "error",
      3,
      16,
      'unknown verdict "block"',
    );
    expectDiagnostic(
      "version: 1\ndefaults:\n  on_missing_shadow: transform\n",
      "error",
      3,
      22,
      "cannot be transform",
    );
  });

  it("an unquoted timestamp in a match is an error (Lynx compares a date: never true)", () => {
    expectDiagnostic(
      rule("    match: { args.day: 2024-01-02 }\n    decision: allow\n"),
      "error",
      4,
      24,
      "unquoted timestamp",
    );
    expect(diagnosticsOf(rule("    match: { args.n.lt: .inf }\n    decision: allow\n"))).toEqual(
      [],
    );
  });
});

describe("lint: rules", () => {
  it("missing match (Lynx would match everything)", () => {
    expectDiagnostic(rule("    decision: allow\n"), "error", 3, 5, 'rule "r" has no match');
  });

  it("missing or empty decision: a warning, and the rule denies (as Lynx)", () => {
    expectDiagnostic(
      rule("    match: { tool: a }\n"),
      "warning",
      3,
      5,
      'rule "r" has no decision: it denies',
    );
    expectDiagnostic(
      rule("    match: { tool: a }\n    decision:\n"),
      "warning",
      5,
      14,
      "the rule denies",
    );
  });

  it("both decision and verdict: decision is used (as Lynx)", () => {
    expectDiagnostic(
      rule("    match: {}\n    decision: allow\n    verdict: allow\n"),
      "warning",
      6,
      5,
      "both decision and verdict: decision is used",
    );
  });

  it("unknown verdict, listing the valid ones", () => {
    const d = expectDiagnostic(
      rule("    match: {}\n    decision: permit\n"),
      "error",
      5,
      15,
      'unknown verdict "permit"',
    );
    expect(d.message).toContain("allow, deny, dry_run, approve_required, transform");
    expectDiagnostic(
      rule("    match: {}\n    decision: yes\n"),
      "error",
      5,
      15,
      "got the boolean true",
    );
  });

  it("duplicate rule id, explicit or generated", () => {
    expectDiagnostic(
      "version: 1\nrules:\n  - { id: a, match: {tool: x}, decision: allow }\n  - { id: a, match: {tool: y}, decision: deny }\n",
      "warning",
      4,
      11,
      'duplicate rule id "a" (first used at line 3)',
    );
    expectDiagnostic(
      "version: 1\nrules:\n  - { match: {tool: x}, decision: allow }\n  - { id: rule_0, match: {tool: y}, decision: deny }\n",
      "warning",
      4,
      11,
      'duplicate rule id "rule_0"',
    );
  });

  it("invalid field values", () => {
    expectDiagnostic(
      rule("    priority: high\n    match: {}\n    decision: allow\n"),
      "error",
      4,
      15,
      "priority must be an integer",
    );
    expectDiagnostic(
      rule("    priority: 1.5\n    match: {}\n    decision: allow\n"),
      "warning",
      4,
      15,
      "priority the number 1.5 is read as 1, as Lynx",
    );
    expectDiagnostic(
      rule('    priority: "50"\n    match: {}\n    decision: allow\n'),
      "warning",
      4,
      15,
      'priority the string "50" is read as 50',
    );
    expectDiagnostic(
      rule("    priority:\n    match: {}\n    decision: allow\n"),
      "error",
      4,
      14,
      "priority must be an integer",
    );
    expectDiagnostic(
      rule("    match: {}\n    decision: approve_required\n    approvers: ops\n"),
      "error",
      6,
      16,
      "approvers must be a list of strings",
    );
    expectDiagnostic(
      rule(
        "    match: {}\n    decision: approve_required\n    approvers: [a]\n    timeout_seconds: -1\n",
      ),
      "error",
      7,
      22,
      "timeout_seconds must be",
    );
    expectDiagnostic(
      rule("    match: {}\n    decision: allow\n    reason: [a]\n"),
      "warning",
      6,
      13,
      `reason is not a string; read as "['a']"`,
    );
    expectDiagnostic(
      "version: 1\nrules:\n  - id: 7\n    match: {}\n    decision: allow\n",
      "warning",
      3,
      9,
      'the rule is "7", as Lynx',
    );
    expectDiagnostic(
      "version: 1\nrules:\n  - id: { a: 1 }\n    match: {}\n    decision: allow\n",
      "error",
      3,
      9,
      "rule id must be a string",
    );
  });

  it("approvers: warnings where they are missing or ignored", () => {
    expectDiagnostic(
      rule("    match: {}\n    decision: approve_required\n"),
      "warning",
      5,
      15,
      "lists no approvers",
    );
    expectDiagnostic(
      rule("    match: {}\n    decision: deny\n    approvers: [a]\n"),
      "warning",
      6,
      5,
      "approvers only apply to approve_required",
    );
    expectDiagnostic(
      rule("    match: {}\n    decision: deny\n    timeout_seconds: 60\n"),
      "warning",
      6,
      5,
      "timeout_seconds only applies",
    );
    expect(compilePolicy(rule("    match: {}\n    decision: approve_required\n")).ok).toBe(true);
  });
});

describe("lint: match", () => {
  it("unknown operator, with a did-you-mean", () => {
    const d = expectDiagnostic(
      rule("    match: { tool: a, args.cmd.matchs: x }\n    decision: allow\n"),
      "error",
      4,
      23,
      'unknown operator "matchs"',
    );
    expect(d.message).toContain('did you mean "matches"');
    expectDiagnostic(
      rule("    match:\n      args.n.gte: 1\n    decision: allow\n"),
      "error",
      5,
      7,
      'unknown operator "gte"',
    );
    expectDiagnostic(
      rule("    match:\n      declared.scope.contains_none: [a]\n    decision: allow\n"),
      "error",
      5,
      7,
      'did you mean "contains_any"',
    );
  });

  it("a path under tool", () => {
    expectDiagnostic(
      rule("    match: { tool.name: shell }\n    decision: allow\n"),
      "warning",
      4,
      14,
      '"tool.name": tool is a string and has no fields; read as "tool", as Lynx',
    );
  });

  it("an unknown path root, an empty segment", () => {
    expectDiagnostic(
      rule("    match: { arg.cmd: ls }\n    decision: allow\n"),
      "error",
      4,
      14,
      'did you mean "args"',
    );
    expectDiagnostic(
      rule("    match: { args..cmd: ls }\n    decision: allow\n"),
      "error",
      4,
      14,
      "empty path segment",
    );
  });

  it("unknown declared/context fields are warnings", () => {
    expectDiagnostic(
      rule("    match: { declared.scopes.contains: a }\n    decision: allow\n"),
      "warning",
      4,
      14,
      'did you mean "scope"',
    );
    expectDiagnostic(
      rule("    match: { context.enviroment: prod }\n    decision: allow\n"),
      "warning",
      4,
      14,
      'did you mean "environment"',
    );
    expectDiagnostic(
      rule("    match: { context.principal.role: admin }\n    decision: allow\n"),
      "warning",
      4,
      14,
      'unknown context field "role"',
    );
    expect(
      diagnosticsOf(
        rule("    match: { context.extra.anything: 1, args.whatever: 2 }\n    decision: allow\n"),
      ),
    ).toEqual([]);
  });

  it("unknown predicate name, with a suggestion; cycles; unused predicates", () => {
    const src = `version: 1
predicates:
  in_prod: { context.environment: prod }
rules:
  - id: r
    match: { all_of: [in_prd] }
    decision: allow
`;
    const d = expectDiagnostic(src, "error", 6, 23, 'unknown predicate "in_prd"');
    expect(d.message).toContain('did you mean "in_prod"');
    expectDiagnostic(src, "warning", 3, 3, 'predicate "in_prod" is never used');
    expectDiagnostic(
      "version: 1\npredicates:\n  a: b\n  b: a\nrules:\n  - { id: r, match: a, decision: allow }\n",
      "error",
      4,
      6,
      "predicate cycle: a -> b -> a",
    );
    expectDiagnostic(
      rule("    match: nothing_here\n    decision: allow\n"),
      "error",
      4,
      12,
      'unknown predicate "nothing_here"',
    );
  });

  it("composition shapes", () => {
    expectDiagnostic(
      rule("    match: { any_of: { tool: a } }\n    decision: allow\n"),
      "error",
      4,
      22,
      "any_of needs a list",
    );
    expectDiagnostic(
      rule("    match: [ { tool: a } ]\n    decision: allow\n"),
      "error",
      4,
      12,
      "match must be a mapping or a predicate name",
    );
    expectDiagnostic(
      rule("    match: { all_of: [ 5 ] }\n    decision: allow\n"),
      "error",
      4,
      24,
      "an item of all_of must be a mapping or a predicate name",
    );
    expectDiagnostic(
      rule("    match:\n    decision: allow\n"),
      "error",
      4,
      11,
      "match must be a mapping or a predicate name",
    );
  });

  it("wrong right-hand side for in / between / not_between / contains_* / ordering", () => {
    expectDiagnostic(
      rule("    match: { args.env.in: prod }\n    decision: allow\n"),
      "error",
      4,
      27,
      "in needs a list",
    );
    expectDiagnostic(
      rule("    match: { args.n.between: [1, 2, 3] }\n    decision: allow\n"),
      "error",
      4,
      30,
      "between needs a two-element list",
    );
    expectDiagnostic(
      rule("    match: { args.n.between: 5 }\n    decision: allow\n"),
      "error",
      4,
      30,
      "between needs a two-element list",
    );
    expectDiagnostic(
      rule("    match: { args.n.not_between: [1, a] }\n    decision: allow\n"),
      "warning",
      4,
      34,
      "cannot be compared: every call that has the value is a rule error (as Lynx)",
    );
    expectDiagnostic(
      rule("    match: { args.n.between: [9, 1] }\n    decision: allow\n"),
      "error",
      4,
      30,
      "lo 9 is greater than hi 1",
    );
    expectDiagnostic(
      rule("    match: { args.n.not_between: [z, a] }\n    decision: allow\n"),
      "warning",
      4,
      34,
      "so every value is outside (as Lynx)",
    );
    expectDiagnostic(
      rule("    match: { args.n.between: [1, a] }\n    decision: allow\n"),
      "error",
      4,
      30,
      "between needs [lo, hi] that can be compared",
    );
    expectDiagnostic(
      rule("    match: { declared.scope.contains_any: net }\n    decision: allow\n"),
      "error",
      4,
      43,
      "contains_any needs a list",
    );
    expectDiagnostic(
      rule("    match: { args.n.gt: null }\n    decision: allow\n"),
      "warning",
      4,
      25,
      "null cannot be ordered",
    );
    expect(diagnosticsOf(rule("    match: { args.n.gt: [1] }\n    decision: allow\n"))).toEqual([]);
    expectDiagnostic(
      rule("    match: { args.n.matches: 5 }\n    decision: allow\n"),
      "error",
      4,
      30,
      "matches needs a regex string",
    );
  });

  it("ReDoS-guarded, over-long and untranslatable regexes", () => {
    expectDiagnostic(
      rule("    match: { args.s.matches: '(a+)+$' }\n    decision: allow\n"),
      "error",
      4,
      30,
      "ReDoS",
    );
    expectDiagnostic(
      rule("    match: { args.s.matches: '(a|a)+' }\n    decision: allow\n"),
      "error",
      4,
      30,
      "ReDoS",
    );
    expectDiagnostic(
      rule(`    match: { args.s.matches: '${"a".repeat(1001)}' }\n    decision: allow\n`),
      "error",
      4,
      30,
      "limit 1000",
    );
    expectDiagnostic(
      rule("    match: { args.s.matches: '(?>x)' }\n    decision: allow\n"),
      "error",
      4,
      30,
      "atomic groups cannot be translated",
    );
    expectDiagnostic(
      rule("    match: { args.s.matches: 'a(?i)b' }\n    decision: allow\n"),
      "error",
      4,
      30,
      "global flags not at the start",
    );
    expectDiagnostic(
      rule("    match: { args.s.matches: '[' }\n    decision: allow\n"),
      "error",
      4,
      30,
      "unterminated character set",
    );
  });
});

describe("lint: transform and obligations", () => {
  it("transform decision without a block, and a block without the decision", () => {
    expectDiagnostic(
      rule("    match: {}\n    decision: transform\n"),
      "error",
      5,
      15,
      "needs a transform block",
    );
    expectDiagnostic(
      rule('    match: {}\n    decision: allow\n    transform: { jsonpath: "$.args.a", set: 1 }\n'),
      "error",
      6,
      5,
      "only applies to decision: transform",
    );
  });

  it("more than one transform action", () => {
    expectDiagnostic(
      rule(
        '    match: {}\n    decision: transform\n    transform: { jsonpath: "$.args.a", set: 1, delete: true }\n',
      ),
      "error",
      6,
      48,
      "more than one transform action (set, delete)",
    );
  });

  it("transform targets and action values", () => {
    expectDiagnostic(
      rule("    match: {}\n    decision: transform\n    transform: { set: 1 }\n"),
      "error",
      6,
      16,
      "transform needs a target",
    );
    expectDiagnostic(
      rule(
        '    match: {}\n    decision: transform\n    transform: { jsonpath: "$.args.a", path: [a], set: 1 }\n',
      ),
      "error",
      6,
      40,
      "jsonpath or path, not both",
    );
    expectDiagnostic(
      rule(
        '    match: {}\n    decision: transform\n    transform: { jsonpath: "$.tool", set: 1 }\n',
      ),
      "error",
      6,
      28,
      'jsonpath must look like "$.args.KEY"',
    );
    expectDiagnostic(
      rule("    match: {}\n    decision: transform\n    transform: { path: [], set: 1 }\n"),
      "error",
      6,
      24,
      "path must be a non-empty list",
    );
    expectDiagnostic(
      rule('    match: {}\n    decision: transform\n    transform: { jsonpath: "$.args.a" }\n'),
      "error",
      6,
      16,
      "transform needs one action",
    );
    expectDiagnostic(
      rule(
        '    match: {}\n    decision: transform\n    transform: { jsonpath: "$.args.a", delete: false }\n',
      ),
      "error",
      6,
      48,
      "delete must be true",
    );
    expectDiagnostic(
      rule(
        '    match: {}\n    decision: transform\n    transform: { jsonpath: "$.args.a", append: [x] }\n',
      ),
      "error",
      6,
      48,
      "append needs a string",
    );
    expectDiagnostic(
      rule(
        '    match: {}\n    decision: transform\n    transform: { jsonpath: "$.args.a", sett: 1 }\n',
      ),
      "warning",
      6,
      40,
      'did you mean "set"',
    );
  });

  it("obligations", () => {
    expectDiagnostic(
      rule("    match: {}\n    decision: deny\n    obligations: audit-note\n"),
      "error",
      6,
      18,
      "obligations must be a list",
    );
    expectDiagnostic(
      rule("    match: {}\n    decision: deny\n    obligations: [{ id: x, phase: during }]\n"),
      "error",
      6,
      35,
      "phase must be pre or post",
    );
    expectDiagnostic(
      rule("    match: {}\n    decision: deny\n    obligations: [{ phase: pre }]\n"),
      "error",
      6,
      19,
      "obligation needs an id",
    );
    expectDiagnostic(
      rule("    match: {}\n    decision: deny\n    obligations: [{ id: x, params: [1] }]\n"),
      "error",
      6,
      36,
      "params must be a mapping",
    );
    expectDiagnostic(
      rule("    match: {}\n    decision: deny\n    obligations: [{ id: x, parms: {} }]\n"),
      "warning",
      6,
      28,
      'did you mean "params"',
    );
    expectDiagnostic(
      rule("    match: {}\n    decision: deny\n    obligations: [3]\n"),
      "error",
      6,
      19,
      "an obligation is an id",
    );
  });
});

describe("lint: unreachable rules", () => {
  it("warns about a rule after an exact catch-all of higher or equal priority", () => {
    const src = `version: 1
rules:
  - { id: everything, priority: 5, match: {}, decision: deny }
  - id: never
    priority: 5
    match: { tool: shell }
    decision: allow
  - { id: higher, priority: 6, match: { tool: git }, decision: allow }
`;
    expectDiagnostic(
      src,
      "warning",
      4,
      5,
      'rule "never" can never fire: rule "everything" (line 3, priority 5) matches every call',
    );
    expect(diagnosticsOf(src).filter((d) => d.message.includes('"higher"'))).toEqual([]);
    expect(compilePolicy(src).ok).toBe(true);
  });

  it("warns when an earlier rule's tests are a subset of a later rule's tests", () => {
    const src = `version: 1
predicates:
  is_shell: { tool: shell }
rules:
  - { id: broad, match: is_shell, decision: deny }
  - { id: narrow, match: { all_of: [{ args.cmd: ls }], tool: shell }, decision: allow }
  - { id: other, match: { tool: git }, decision: allow }
`;
    expectDiagnostic(src, "warning", 6, 5, 'rule "narrow" can never fire: rule "broad"');
    expect(diagnosticsOf(src).filter((d) => d.message.includes('"other"'))).toEqual([]);
  });

  it("does not warn when the earlier rule can fail to decide (nested transform) or is narrower", () => {
    const src = `version: 1
rules:
  - { id: t, match: {}, decision: transform, transform: { path: [a, b], set: 1 } }
  - { id: after, match: { tool: x, args.y: 1 }, decision: allow }
  - { id: after2, match: { tool: x }, decision: allow }
`;
    expect(diagnosticsOf(src)).toEqual([]);
  });
});

describe("diagnostics", () => {
  it("reports every problem, sorted by position, with 1-based lines and columns", () => {
    const src = `version: 1
bogus: 1
rules:
  - id: a
    match: { tool.x: 1 }
    decision: nope
  - id: a
    match: { args.n.in: 5 }
    decision: allow
`;
    const result = compilePolicy(src);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.severity, d.line, d.column])).toEqual([
      ["warning", 2, 1],
      ["warning", 5, 14],
      ["error", 6, 15],
      ["error", 8, 25],
    ]);
    for (const d of result.diagnostics)
      expect(Object.keys(d).sort()).toEqual(["column", "line", "message", "severity"]);
  });
});
