import { describe, expect, it } from "vitest";
import { compilePolicy, evaluate } from "../../../core/policy";
import { call, compileOk, oneRule } from "./helpers";

const matches = (match: string, args: Record<string, unknown>) =>
  evaluate(oneRule(match), call("t", args as never)).decision === "allow";

describe("YAML 1.1, as Lynx reads it", () => {
  it("1:30 is the sexagesimal 90", () => {
    expect(matches("{ args.t: 1:30 }", { t: 90 })).toBe(true);
    expect(matches("{ args.t: 1:30 }", { t: "1:30" })).toBe(false);
    expect(matches("{ args.t: '1:30' }", { t: "1:30" })).toBe(true);
    const p = compileOk(
      "version: 1\nrules:\n  - { id: a, match: {}, decision: approve_required, approvers: [x], timeout_seconds: 30:00 }\n",
    );
    expect(evaluate(p, call("x")).timeout_seconds).toBe(1800);
  });

  it("0755 is octal, and 0x / 0b / underscores are numbers", () => {
    expect(matches("{ args.mode: 0755 }", { mode: 493 })).toBe(true);
    expect(matches("{ args.mode: 0755 }", { mode: 755 })).toBe(false);
    expect(matches("{ args.n: 0x1F }", { n: 31 })).toBe(true);
    expect(matches("{ args.n: 0b101 }", { n: 5 })).toBe(true);
    expect(matches("{ args.n: 1_000 }", { n: 1000 })).toBe(true);
    expect(matches("{ args.n: 0o17 }", { n: "0o17" })).toBe(true); // not octal syntax in 1.1
  });

  it("yes / no / on / off are booleans, y / n are strings (as PyYAML); quoted they are strings", () => {
    expect(matches("{ args.force: yes }", { force: true })).toBe(true);
    expect(matches("{ args.force: no }", { force: false })).toBe(true);
    expect(matches("{ args.force: on }", { force: true })).toBe(true);
    expect(matches("{ args.force: Off }", { force: false })).toBe(true);
    expect(matches("{ args.answer: y }", { answer: "y" })).toBe(true);
    expect(matches("{ args.answer: y }", { answer: true })).toBe(false);
    expect(matches("{ args.answer: n }", { answer: "n" })).toBe(true);
    expect(matches("{ args.answer: 'yes' }", { answer: "yes" })).toBe(true);
    expect(matches("{ args.answer: yes }", { answer: "yes" })).toBe(false);
    // A mapping key n is the string "n", not false.
    expect(matches("{ args.n: 1 }", { n: 1 })).toBe(true);
    const quiet = compilePolicy(
      "version: 1\nrules:\n  - { id: e1, match: { args.a: y, args.b: 'n', args.c: yes }, decision: allow }\n",
    );
    expect(quiet.ok).toBe(true);
    expect(quiet.diagnostics).toEqual([]);
  });

  it("~ and null are null; an empty value is null", () => {
    expect(matches("{ args.x: ~ }", {})).toBe(true);
    expect(matches("{ args.x: }", {})).toBe(true);
  });

  it("a repeated key is a warning and the last value wins, as PyYAML", () => {
    const result = compilePolicy(
      "version: 1\nrules:\n  - { id: a, match: {}, decision: allow }\nrules: []\n",
    );
    expect(result.ok).toBe(true);
    expect(result.diagnostics[0]).toMatchObject({ severity: "warning", line: 4, column: 1 });
    if (result.ok) expect(result.policy.rules).toEqual([]);
  });

  it("anchors, aliases and merge keys are resolved", () => {
    const p = compileOk(`version: 1
predicates:
  base: &base { context.environment: prod }
  prod_shell:
    <<: *base
    tool: shell
rules:
  - id: a
    match: prod_shell
    decision: deny
    reason: &why "shared reason"
  - id: b
    match: { tool: git, context.environment: *base }
    decision: allow
    reason: *why
`);
    const d = evaluate(p, call("shell", {}, { context: { environment: "prod" } }));
    expect(d.rule_id).toBe("a");
    expect(d.reason).toBe("shared reason");
    expect(evaluate(p, call("shell", {}, { context: { environment: "dev" } })).decision).toBe(
      "deny",
    ); // default
    expect(evaluate(p, call("shell", {}, { context: { environment: "dev" } })).rule_id).toBeNull();
    expect(
      evaluate(
        p,
        call("git", {}, { context: { environment: { "context.environment": "prod" } as never } }),
      ).rule_id,
    ).toBe("b");
  });

  it("explicit keys override merged ones", () => {
    const p = compileOk(`version: 1
predicates:
  base: &base { tool: shell, context.environment: prod }
rules:
  - id: a
    match: { <<: *base, tool: git }
    decision: deny
`);
    expect(evaluate(p, call("git", {}, { context: { environment: "prod" } })).rule_id).toBe("a");
    expect(evaluate(p, call("shell", {}, { context: { environment: "prod" } })).rule_id).toBeNull();
  });

  it("an unknown alias is an error with its position", () => {
    const result = compilePolicy(
      "version: 1\nrules:\n  - { id: a, match: *nowhere, decision: allow }\n",
    );
    expect(result.ok).toBe(false);
    expect(
      result.diagnostics.some(
        (d) => d.line === 3 && d.column === 21 && d.message.includes("*nowhere"),
      ),
    ).toBe(true);
  });

  it("alias bombs are bounded", () => {
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    const src = `version: 1\npredicates:\n  bomb:\n    args.x.in: *a7\n${lines.map((l) => `# ${l}`).join("\n")}\n`;
    expect(compilePolicy(src).ok).toBe(false); // a7 is only in comments: unknown alias
    const real = `version: 1\nrules: []\npredicates:\n${lines.map((l) => `  ${l.replace(/^(a\d+):/, "$1:")}`).join("\n")}\n`;
    const result = compilePolicy(real);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.some((d) => d.message.includes("document too large"))).toBe(true);
  });
});
