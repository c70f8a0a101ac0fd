/**
 * Every injection rule, by kind. Rules match case-insensitively against `normalizeForScan`
 * output; see rules/rule.ts for what they look for and why.
 */
import { EXFILTRATION_RULES } from "./rules/exfiltration";
import { OVERRIDE_RULES } from "./rules/instruction-override";
import { STRUCTURE_RULES } from "./rules/prompt-structure";
import { ROLE_RULES } from "./rules/role-impersonation";
import type { InjectionRule } from "./rules/rule";
import { TOOL_RULES } from "./rules/tool-invocation";

export type { InjectionKind, InjectionRule } from "./rules/rule";

export const INJECTION_RULES: readonly InjectionRule[] = [
  ...OVERRIDE_RULES,
  ...ROLE_RULES,
  ...STRUCTURE_RULES,
  ...TOOL_RULES,
  ...EXFILTRATION_RULES,
];

/**
 * How much one match of a rule alone counts (0..1). Most rules name an unambiguous act (0.9);
 * a question-and-answer layout also matches plain transcripts, so the classifier has to agree.
 * Chat-template tokens and role tags count less where they are quoted or named in a sentence
 * (see `scan-injection.ts`).
 */
const WEAK_RULES: Record<string, number> = { "turn-pair": 0.45 };
export const ruleWeight = (id: string): number => WEAK_RULES[id] ?? 0.9;
