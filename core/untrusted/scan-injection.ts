import { maskValue } from "../secrets/mask";
import { findSecrets } from "../secrets/patterns";
import type { SecretFinding } from "../secrets/patterns";
import { classify } from "./classifier/model";
import { conceptBuckets, conceptMarks } from "./classifier/concepts";
import type { ConceptMark } from "./classifier/concepts";
import { BUCKETS, classifierView, featureVector, hitBucket } from "./classifier/features";
import { MODEL } from "./classifier/weights";
import { DECODE_LIMITS, decodedSegments } from "./decode-layers";
import type { Encoding } from "./decode-layers";
import { INJECTION_RULES, ruleWeight } from "./injection-rules";
import type { InjectionKind } from "./injection-rules";
import { LEXICON } from "./lexicon";
import { originalSpan } from "./mapped-text";
import type { MappedText } from "./mapped-text";
import { normalizeForScan } from "./normalize";

export type { InjectionKind, Encoding };

/** Which detector produced a finding: patterns, the trained model, or either on decoded text. */
export type InjectionLayer = "rules" | "lexicon" | "classifier" | `decoded:${Encoding}`;

export interface InjectionFinding {
  layer: InjectionLayer;
  kind: InjectionKind;
  /** Which rule matched (stable id, for tuning and audit). */
  rule: string;
  /** 0..1: how strongly this finding alone suggests an injection. */
  score: number;
  /** Span in the original (un-normalised) text. */
  start: number;
  end: number;
  /** The normalised match, shortened, with credentials masked. */
  excerpt: string;
}

export interface InjectionScan {
  /** 0..1 for the whole text: the highest window or decoded-segment score. */
  score: number;
  threshold: number;
  flagged: boolean;
  /** Every finding, including those below the threshold, by position. */
  findings: InjectionFinding[];
}

export interface ScanOptions {
  /** Score at or above which a text counts as an injection (default: chosen on validation). */
  threshold?: number;
}

/** Chosen on the validation split for ≤ 3 % false positives (scripts/injection/train.mjs). */
export const DEFAULT_INJECTION_THRESHOLD: number = MODEL.threshold;

/** The classifier reads overlapping windows, so cost is linear and a long page is no cover. */
export const SCAN_WINDOW = { size: 384, overlap: 192 } as const;
/** Classifier windows below this probability are not reported as findings. */
const REPORT_MIN = 0.5;

const EXCERPT_MAX = 80;
// Only the start of a long match is shown; normalising a bounded slice keeps excerpts cheap.
const EXCERPT_SOURCE_MAX = 400;
// Inline code and fenced blocks, and quotations introduced as examples ("payloads such as
// \"ignore previous instructions\""): what is quoted there is more often talked about than meant.
const CODE = /```[\s\S]*?(?:```|$)|`[^`\n]{1,200}`/g;
const CITED =
  /(?:example|payload|phrases?|such as|like|e\.g\.|for instance|string|says?|said|wrote|reads?|beispiel|wie|ejemplo|como|exemple|comme|esempio|как|вроде|مثل|例如|像|のような)[^.!?\n"“«„「]{0,30}(?:"[^"\n]{4,300}"|“[^”\n]{4,300}”|«[^»\n]{4,300}»|„[^“”\n]{4,300}[“”]|「[^」\n]{4,300}」|'[^'\n]{4,300}')/giu;
const QUOTED_FACTOR = 0.6;
// A chat-template token named inside a sentence ("the literal string <|endoftext|> is …") is
// being talked about; one that opens a turn ("<|im_start|>system\n…") is being used.
const MENTION_RULES = new Set(["special-token", "role-tag"]);
const MENTIONED_FACTOR = 0.5;
const ROLE_AFTER = /^\s*(?:system|user|assistant|developer|tool)\b/i;
// Text about prompt formats (model cards, tokenizer docs, datasets) shows template tokens as
// examples; elsewhere a template token that opens or closes a turn is an attempt to use it.
const TEMPLATE_TALK =
  /\b(?:tokeni[sz]\w*|\w*templat\w*|render\w*|special tokens?|chatml|prompt format|fine-?tun\w*|jinja|datasets?|model card)\b/i;
const wordsIn = (s: string): number => s.match(/\p{L}{2,}/gu)?.length ?? 0;
// "Never send …", "do not call …": a prohibition, as in security advice.
const NEGATED =
  /(?:\b(?:never|not|don't|do not|nie|nicht|niemals|nunca|jamais|mai|ne)\b|никогда|не\s|لا\s|绝不|不要|決して)[^.!?\n]{0,24}$/i;
const NEGATED_FACTOR = 0.5;

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

interface PatternHit {
  layer: "rules" | "lexicon";
  kind: InjectionKind;
  rule: string;
  score: number;
  /** Span in the normalised text. */
  at: number;
  stop: number;
}

function patternHits(normalized: MappedText): PatternHit[] {
  const text = normalized.text;
  const code: [number, number][] = [];
  for (const m of text.matchAll(CODE)) code.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(CITED)) code.push([m.index, m.index + m[0].length]);
  const quoted = (at: number) => code.some(([a, b]) => at >= a && at < b);
  const aboutTemplates = TEMPLATE_TALK.test(text);
  const hits: PatternHit[] = [];
  const push = (
    layer: PatternHit["layer"],
    kind: InjectionKind,
    rule: string,
    weight: number,
    m: RegExpMatchArray,
  ) => {
    const lead = m[0].length - m[0].replace(/^\s+/, "").length;
    const at = m.index! + lead;
    const stop = m.index! + m[0].length;
    let score = quoted(at) ? weight * QUOTED_FACTOR : weight;
    // "System prompt: the text a developer gives a model" defines a term; it gives no order.
    if (kind === "role_impersonation" && /^[^:\n]{0,40}:\s*(?:the|an?)\s/i.test(m[0].slice(lead))) {
      score *= MENTIONED_FACTOR;
    }
    if (kind === "prompt_structure" && aboutTemplates) score *= MENTIONED_FACTOR;
    if (MENTION_RULES.has(rule)) {
      const lineStart = text.lastIndexOf("\n", at - 1) + 1;
      const lineEnd = text.indexOf("\n", stop);
      const after = text.slice(stop, lineEnd < 0 ? undefined : lineEnd);
      const before = text.slice(lineStart, at);
      if (wordsIn(before) >= 3 && wordsIn(after) >= 2 && !ROLE_AFTER.test(after)) {
        score *= MENTIONED_FACTOR;
      }
    }
    if ((kind === "exfiltration" || kind === "tool_invocation") && layer === "lexicon") {
      if (NEGATED.test(text.slice(Math.max(0, at - 40), at))) score *= NEGATED_FACTOR;
    }
    hits.push({ layer, kind, rule, score, at, stop });
  };
  for (const rule of INJECTION_RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of text.matchAll(rule.pattern)) {
      if (rule.accept && !rule.accept(m as RegExpExecArray)) continue;
      push("rules", rule.kind, rule.id, ruleWeight(rule.id), m);
    }
  }
  const scripts = new Map<RegExp, boolean>();
  for (const entry of LEXICON) {
    if (entry.script) {
      if (!scripts.has(entry.script)) scripts.set(entry.script, entry.script.test(text));
      if (!scripts.get(entry.script)) continue;
    }
    for (const m of text.matchAll(entry.pattern)) {
      if (m[0].trim() === "") continue;
      push("lexicon", entry.kind, entry.id, entry.weight, m);
    }
  }
  // One hit per kind and overlapping span: the strongest (the earlier-listed on a tie).
  hits.sort((a, b) => a.at - b.at || b.score - a.score);
  const kept: PatternHit[] = [];
  const last = new Map<InjectionKind, PatternHit>();
  for (const h of hits) {
    const same = last.get(h.kind);
    if (!same || h.at >= same.stop) {
      kept.push(h);
      last.set(h.kind, h);
    } else if (h.score > same.score) {
      Object.assign(same, h, { at: same.at, stop: Math.max(same.stop, h.stop) });
    } else same.stop = Math.max(same.stop, h.stop);
  }
  return kept;
}

/** Findings at or above this score count as "strong" features; below, as "weak". */
const STRONG = 0.8;
/**
 * A chat-template token or role marker used as such (not quoted, not in text about templates)
 * is a structural attack on its own: the window scores at least its weight, whatever the model
 * says. Every other pattern only counts through the model.
 */
const structuralFloor = (hits: readonly PatternHit[], at: number, stop: number): number => {
  let floor = 0;
  for (const h of hits) {
    if (h.kind === "prompt_structure" && h.score >= STRONG && h.at < stop && h.stop > at) {
      floor = Math.max(floor, h.score);
    }
  }
  return floor;
};
/** The feature buckets of the pattern hits in `[at, stop)`: each rule, and each kind by strength. */
function hitFeatures(hits: readonly PatternHit[], at: number, stop: number): number[] {
  const names = new Set<string>();
  for (const h of hits) {
    if (h.at >= stop || h.stop <= at) continue;
    names.add(`${h.layer}:${h.rule}`);
    names.add(`kind:${h.kind}:${h.score >= STRONG ? "strong" : "weak"}`);
  }
  return [...names].map(hitBucket);
}

/** What the classifier is trained on for a whole text: its n-grams, pattern hits and concepts. */
export function trainingFeatures(text: string): Map<number, number> {
  const normalized = normalizeForScan(text);
  const hits = patternHits(normalized);
  const marks = conceptMarks(normalized.text);
  return featureVector(
    classifierView(normalized.text),
    hitFeatures(hits, 0, normalized.text.length),
    conceptBuckets(marks, 0, normalized.text.length, BUCKETS - 1),
  );
}

interface Raw {
  score: number;
  findings: Omit<InjectionFinding, "excerpt">[];
}

function analyze(text: string, depth: number): Raw {
  const normalized = normalizeForScan(text);
  const hits = patternHits(normalized);
  const findings: Raw["findings"] = hits.map((h) => ({
    layer: h.layer,
    kind: h.kind,
    rule: h.rule,
    score: round(h.score),
    ...originalSpan(normalized, h.at, h.stop),
  }));
  let score = 0;
  const norm = normalized.text;
  const marks = conceptMarks(norm);
  const step = SCAN_WINDOW.size - SCAN_WINDOW.overlap;
  for (let at = 0; at < Math.max(norm.length, 1); at += step) {
    const stop = Math.min(norm.length, at + SCAN_WINDOW.size);
    const p = classify(
      classifierView(norm.slice(at, stop)),
      hitFeatures(hits, at, stop),
      conceptBuckets(marks, at, stop, BUCKETS - 1),
    );
    score = Math.max(score, p, structuralFloor(hits, at, stop));
    if (p >= REPORT_MIN) {
      findings.push({
        layer: "classifier",
        kind: "likely_injection",
        rule: "ngram-logistic",
        score: round(p),
        ...originalSpan(normalized, at, stop),
      });
    }
    if (stop >= norm.length) break;
  }
  if (depth < DECODE_LIMITS.maxDepth) {
    for (const seg of decodedSegments(text)) {
      const inner = analyze(seg.text, depth + 1);
      score = Math.max(score, inner.score);
      const best = inner.findings.reduce<Raw["findings"][number] | null>(
        (a, f) => (!a || f.score > a.score ? f : a),
        null,
      );
      if (best && inner.score >= REPORT_MIN) {
        findings.push({
          layer: `decoded:${seg.encoding}`,
          kind: best.kind,
          rule: `${best.layer}:${best.rule}`,
          score: round(inner.score),
          start: seg.start,
          end: seg.end,
        });
      }
    }
  }
  return { score: round(score), findings };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Scores untrusted text for prompt injection, in layers: patterns (the rules and a multilingual
 * lexicon) on a normalised view (see `normalizeForScan`: entities, zero-width, full-width,
 * homoglyph, letter-spaced and leetspeak variants undone), a trained n-gram classifier over
 * overlapping windows, and both again on decoded base64 / hex / percent / ROT13 / reversed
 * segments. Spans point back into the original text.
 */
export function analyzeInjection(text: string, opts: ScanOptions = {}): InjectionScan {
  const threshold = opts.threshold ?? DEFAULT_INJECTION_THRESHOLD;
  const raw = analyze(text, 0);
  let secrets: SecretFinding[] | null = null;
  const findings = raw.findings
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((f) => {
      secrets ??= findSecrets(text);
      return { ...f, excerpt: excerptOf(text, f.start, f.end, secrets) };
    });
  return { score: raw.score, threshold, flagged: raw.score >= threshold, findings };
}

/**
 * The findings that explain a flagged scan (empty when its score is below the threshold): the
 * pattern findings inside the windows the classifier flagged (it weighs them there), structural
 * findings that reach the threshold on their own (see `structuralFloor`) and decoded segments
 * that reach it, or the flagged windows themselves when no pattern is in them.
 */
export function explainingFindings(scan: InjectionScan): InjectionFinding[] {
  if (!scan.flagged) return [];
  const windows = scan.findings.filter(
    (f) => f.layer === "classifier" && f.score >= scan.threshold,
  );
  const inFlagged = (f: InjectionFinding) =>
    windows.some((w) => f.start < w.end && f.end > w.start);
  const explaining = scan.findings.filter((f) =>
    f.layer === "rules" || f.layer === "lexicon"
      ? inFlagged(f) || (f.kind === "prompt_structure" && f.score >= scan.threshold)
      : f.layer !== "classifier" && f.score >= scan.threshold,
  );
  return explaining.length > 0 ? explaining : windows;
}

/** `explainingFindings(analyzeInjection(text))`: what makes a text an injection, if it is one. */
export function scanInjection(text: string, opts: ScanOptions = {}): InjectionFinding[] {
  return explainingFindings(analyzeInjection(text, opts));
}
