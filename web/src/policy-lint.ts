/**
 * Live lint for the policy editor, in the browser, with the same engine the server uses. The
 * editor loads this module on demand (it brings the YAML parser and the compiler).
 */
import { bundleId } from "../../core/policy/bundle-id";
import { compilePolicy } from "../../core/policy/compile";
import { MAX_POLICY_SOURCE_CHARS } from "../../core/policy/limits";
import type { CompiledPolicy } from "../../core/policy/model";
import type { Diagnostic } from "../../core/policy/types";

export type { Diagnostic };

export interface LintReport {
  ok: boolean;
  /** Sorted by line, then column. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  policy: CompiledPolicy | null;
}

export function lintPolicy(source: string): LintReport {
  const result = compilePolicy(source);
  // The server stores at most this much; lint says so rather than the save failing later.
  const tooLong: Diagnostic[] =
    source.length > MAX_POLICY_SOURCE_CHARS
      ? [
          {
            severity: "error",
            line: 1,
            column: 1,
            message: `the policy is ${source.length} characters long; the limit is ${MAX_POLICY_SOURCE_CHARS}`,
          },
        ]
      : [];
  const diagnostics = [...tooLong, ...result.diagnostics].sort(
    (x, y) => x.line - y.line || x.column - y.column,
  );
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return {
    ok: result.ok && tooLong.length === 0,
    diagnostics,
    errors,
    warnings: diagnostics.length - errors,
    policy: result.ok && tooLong.length === 0 ? result.policy : null,
  };
}

/** The bundle id the server will record for this draft (SHA-256 of its canonical form). */
export function draftBundleId(report: LintReport): Promise<string | null> {
  return report.policy ? bundleId(report.policy) : Promise.resolve(null);
}
