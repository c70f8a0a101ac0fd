import { secretForms } from "./forms";
import { findSecrets } from "./patterns";

/** Values shorter than this are not masked by `maskKnownSecrets`: they would match everywhere. */
export const MIN_MASKABLE_LENGTH = 4;

/** `***` + the last four characters; values of four characters or fewer become just `***`. */
export function maskValue(value: string): string {
  const chars = Array.from(value);
  return chars.length <= 4 ? "***" : `***${chars.slice(-4).join("")}`;
}

export interface Span {
  start: number;
  end: number;
}

/** Sorted, possibly overlapping spans merged into disjoint ones. */
function merge(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Replaces each disjoint span by the mask of the text it covers. */
function maskSpans(text: string, spans: readonly Span[]): string {
  let out = "";
  let cursor = 0;
  for (const s of spans) {
    out += text.slice(cursor, s.start) + maskValue(text.slice(s.start, s.end));
    cursor = s.end;
  }
  return out + text.slice(cursor);
}

/**
 * Every spelling (`secretForms`) of a set of secret values, ready to find them in text. Built once
 * per set of values; both the one-shot mask and the streaming masker use it.
 */
export class SecretMatcher {
  readonly patterns: readonly string[];
  /** Patterns by their first two characters; the last character of a text needs `#byFirst`. */
  readonly #byTwo = new Map<number, string[]>();
  readonly #byFirst = new Map<number, string[]>();

  constructor(values: Iterable<string>) {
    const forms = new Set<string>();
    for (const v of new Set(values)) {
      if (v.length < MIN_MASKABLE_LENGTH) continue;
      for (const f of secretForms(v)) if (f.length >= MIN_MASKABLE_LENGTH) forms.add(f);
    }
    this.patterns = [...forms].sort((a, b) => b.length - a.length);
    const add = (map: Map<number, string[]>, key: number, p: string) => {
      const list = map.get(key) ?? [];
      list.push(p);
      map.set(key, list);
    };
    for (const p of this.patterns) {
      add(this.#byTwo, p.charCodeAt(0) * 0x10000 + p.charCodeAt(1), p);
      add(this.#byFirst, p.charCodeAt(0), p);
    }
  }

  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /** Disjoint spans covering every occurrence of every pattern (overlaps merged). */
  spans(text: string): Span[] {
    const spans: Span[] = [];
    for (const p of this.patterns) {
      for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + 1)) {
        spans.push({ start: at, end: at + p.length });
      }
    }
    return spans.length === 0 ? spans : merge(spans);
  }

  /**
   * One pass over a short text (a stream's pending tail plus a delta): every complete occurrence,
   * and the earliest position from which the rest could still grow into a pattern.
   */
  scan(text: string): { spans: Span[]; openTail: number | null } {
    const spans: Span[] = [];
    let openTail: number | null = null;
    for (let i = 0; i < text.length; i++) {
      const first = text.charCodeAt(i);
      const candidates =
        i === text.length - 1
          ? this.#byFirst.get(first)
          : this.#byTwo.get(first * 0x10000 + text.charCodeAt(i + 1));
      if (!candidates) continue;
      for (const p of candidates) {
        if (text.length - i >= p.length) {
          if (text.startsWith(p, i)) spans.push({ start: i, end: i + p.length });
        } else if (openTail === null && p.startsWith(text.slice(i))) {
          openTail = i;
        }
      }
    }
    return { spans: spans.length === 0 ? spans : merge(spans), openTail };
  }

  mask(text: string): string {
    if (this.empty) return text;
    const spans = this.spans(text);
    return spans.length === 0 ? text : maskSpans(text, spans);
  }
}

/**
 * Masks text that arrives in pieces (a model's streamed deltas) so that no split can let a value
 * through: it holds back exactly the tail that could still be the start of a secret (in any of
 * its spellings, so never more than the longest one) and releases text only once no secret can
 * still be completing in it. `end()` releases the rest, masked.
 */
export class StreamMasker {
  #pending = "";

  constructor(private readonly matcher: SecretMatcher) {}

  push(chunk: string): string {
    if (this.matcher.empty) return chunk;
    const text = this.#pending + chunk;
    const { spans, openTail } = this.matcher.scan(text);
    let cut = openTail ?? text.length;
    const crossing = spans.find((s) => s.start < cut && s.end > cut);
    if (crossing) cut = crossing.start;
    const code = text.charCodeAt(cut - 1);
    if (cut < text.length && code >= 0xd800 && code <= 0xdbff) cut--;
    this.#pending = text.slice(cut);
    return maskSpans(
      text.slice(0, cut),
      spans.filter((s) => s.end <= cut),
    );
  }

  end(): string {
    const rest = this.#pending;
    this.#pending = "";
    return this.matcher.mask(rest);
  }
}

/**
 * Masks every occurrence of every known secret value, in every spelling `secretForms` knows.
 * Occurrences that overlap — one value inside or across another — are merged and masked as one,
 * so nothing of either leaks beyond the last four characters of the merged run. Values shorter
 * than `MIN_MASKABLE_LENGTH` are ignored.
 */
export function maskKnownSecrets(text: string, values: readonly string[]): string {
  return new SecretMatcher(values).mask(text);
}

/** Masks every credential that `findSecrets` recognises by its format. */
export function redactSecrets(text: string): string {
  const spans = findSecrets(text);
  return spans.length === 0 ? text : maskSpans(text, merge(spans));
}
