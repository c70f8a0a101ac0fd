import { maskValue } from "../secrets/mask";
import { findSecrets } from "../secrets/patterns";
import type { SecretFinding } from "../secrets/patterns";
import { INJECTION_RULES } from "./injection-rules";
import type { InjectionKind } from "./injection-rules";
import { originalSpan } from "./mapped-text";
import { normalizeForScan } from "./normalize";

export type { InjectionKind };

export interface InjectionFinding {
  kind: InjectionKind;
  /** Which rule matched (stable id, for tuning and audit). */
  rule: string;
  /** Span in the original (un-normalised) text. */
  start: number;
  end: number;
  /** The normalised match, shortened, with credentials masked. */
  excerpt: string;
}

const EXCERPT_MAX = 80;
// Only the start of a long match is shown; normalising a bounded slice keeps excerpts cheap.
const EXCERPT_SOURCE_MAX = 400;

/**
 * The readable (normalised) form of `text[start, end)`, with every credential masked in the
 * original first: normalisation (leetspeak, look-alikes) could otherwise disguise a key from
 * the masker and leak it here.
 */
function excerptOf(text: string, start: number, end: number, secrets: SecretFinding[]): string {
  const stop = Math.min(end, start + EXCERPT_SOURCE_MAX);
  let source = "";
  let cursor = start;
  for (const s of secrets) {
    if (s.end <= cursor || s.start >= stop) continue;
    source += text.slice(cursor, Math.max(cursor, s.start));
    const whole = s.start >= start && s.end <= stop;
    source += whole ? maskValue(text.slice(s.start, s.end)) : "***";
    cursor = Math.min(stop, s.end);
  }
  source += text.slice(cursor, stop);
  const flat = normalizeForScan(source).text.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 1)}…` : flat;
}

/**
 * Finds prompt-injection patterns in untrusted text. Matching runs on a normalised view (see
 * `normalizeForScan`) so entity-encoded, zero-width-split, full-width, homoglyph, letter-spaced
 * and leetspeak variants are caught; spans point back into the original text. Findings are
 * sorted by position; one finding per rule and position.
 */
export function scanInjection(text: string): InjectionFinding[] {
  const normalized = normalizeForScan(text);
  const findings: InjectionFinding[] = [];
  let secrets: SecretFinding[] | null = null;
  for (const rule of INJECTION_RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of normalized.text.matchAll(rule.pattern)) {
      if (rule.accept && !rule.accept(m as RegExpExecArray)) continue;
      // Leading line breaks belong to the anchor, not to the finding.
      const lead = m[0].length - m[0].replace(/^\s+/, "").length;
      const { start, end } = originalSpan(normalized, m.index + lead, m.index + m[0].length);
      secrets ??= findSecrets(text);
      const excerpt = excerptOf(text, start, end, secrets);
      findings.push({ kind: rule.kind, rule: rule.id, start, end, excerpt });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
