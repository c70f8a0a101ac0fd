/**
 * Injection rules, matched case-insensitively against `normalizeForScan` output (escapes
 * decoded, look-alikes folded, whitespace collapsed to single spaces and newlines). Each rule
 * looks for a phrase that addresses the reader as an agent, not for alarming words alone, so
 * documentation about "instructions", a `system` variable or a password-reset email stays quiet.
 */
export type InjectionKind =
  | "instruction_override"
  | "role_impersonation"
  | "prompt_structure"
  | "tool_invocation"
  | "exfiltration"
  /** The trained classifier, which scores text without naming an intent. */
  | "likely_injection";

export interface InjectionRule {
  id: string;
  kind: InjectionKind;
  pattern: RegExp;
  /** Optional second look at a match (e.g. parsing a URL's query) before it counts. */
  accept?: (match: RegExpExecArray) => boolean;
}

export const alt = (...words: string[]): string => `(?:${words.join("|")})`;
export const rx = (...parts: string[]): RegExp => new RegExp(parts.join(""), "gi");

// A short run of words between two anchors: lazy and bounded, so matching stays linear.
export const words = (max: number): string => `(?:[^\\s]+\\s+){0,${max}}?`;
