import { expect } from "vitest";
import {
  compilePolicy,
  type CompiledPolicy,
  type Diagnostic,
  type ToolCall,
} from "../../../core/policy";

/** Compiles a policy that must have no errors (warnings allowed). */
export function compileOk(source: string): CompiledPolicy {
  const result = compilePolicy(source);
  if (!result.ok) {
    throw new Error(
      `expected the policy to compile:\n${result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("\n")}`,
    );
  }
  return result.policy;
}

export function diagnosticsOf(source: string): readonly Diagnostic[] {
  return compilePolicy(source).diagnostics;
}

/** Asserts that exactly one diagnostic of `severity` at line:column contains `text`. */
export function expectDiagnostic(
  source: string,
  severity: Diagnostic["severity"],
  line: number,
  column: number,
  text: string | RegExp,
): Diagnostic {
  const all = diagnosticsOf(source);
  const found = all.filter(
    (d) =>
      d.severity === severity &&
      d.line === line &&
      d.column === column &&
      (typeof text === "string" ? d.message.includes(text) : text.test(d.message)),
  );
  expect(found, `diagnostics were: ${JSON.stringify(all, null, 1)}`).toHaveLength(1);
  if (severity === "error") expect(compilePolicy(source).ok).toBe(false);
  return found[0]!;
}

export function call(
  tool: string,
  args: ToolCall["args"] = {},
  rest: Omit<ToolCall, "tool" | "args"> = {},
): ToolCall {
  return { tool, args, ...rest };
}

/** A policy with one rule matching `match` (YAML flow mapping) and decision allow, default deny. */
export function oneRule(match: string, extra = ""): CompiledPolicy {
  return compileOk(`version: 1
defaults: { on_no_match: deny }
rules:
  - id: r
    match: ${match}
    decision: allow
${extra}`);
}
