/**
 * Live lint for the policy editor, in the browser, with the same engine the server uses. The
 * editor loads this module on demand (it brings the YAML parser and the compiler).
 */
import { bundleId } from "../../core/policy/bundle-id";
import { compilePolicy } from "../../core/policy/compile";
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
  const diagnostics = [...result.diagnostics].sort(
    (x, y) => x.line - y.line || x.column - y.column,
  );
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return {
    ok: result.ok,
    diagnostics,
    errors,
    warnings: diagnostics.length - errors,
    policy: result.ok ? result.policy : null,
  };
}

/** The bundle id the server will record for this draft (SHA-256 of its canonical form). */
export function draftBundleId(report: LintReport): Promise<string | null> {
  return report.policy ? bundleId(report.policy) : Promise.resolve(null);
}
