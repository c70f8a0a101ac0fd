import { findSecrets } from "./patterns";

/** Values shorter than this are not masked by `maskKnownSecrets`: they would match everywhere. */
export const MIN_MASKABLE_LENGTH = 4;

/** `***` + the last four characters; values of four characters or fewer become just `***`. */
export function maskValue(value: string): string {
  const chars = Array.from(value);
  return chars.length <= 4 ? "***" : `***${chars.slice(-4).join("")}`;
}

interface Span {
  start: number;
  end: number;
}

/** Replaces each span (sorted, possibly overlapping) by the mask of the text it covers. */
function maskSpans(text: string, spans: Span[]): string {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "";
  let cursor = 0;
  let open: Span | null = null;
  const flush = (): void => {
    if (!open) return;
    out += text.slice(cursor, open.start) + maskValue(text.slice(open.start, open.end));
    cursor = open.end;
    open = null;
  };
  for (const s of spans) {
    if (open && s.start < open.end) open.end = Math.max(open.end, s.end);
    else {
      flush();
      open = { ...s };
    }
  }
  flush();
  return out + text.slice(cursor);
}

/**
 * Masks every occurrence of every known secret value (e.g. the tenant's vault values a tool may
 * have echoed). Occurrences that overlap — one value inside or across another — are merged and
 * masked as one, so the longest covering text wins and nothing of either value leaks beyond the
 * last four characters of the merged run. Values shorter than `MIN_MASKABLE_LENGTH` are ignored.
 */
export function maskKnownSecrets(text: string, values: readonly string[]): string {
  const spans: Span[] = [];
  const unique = [...new Set(values)].filter((v) => v.length >= MIN_MASKABLE_LENGTH);
  unique.sort((a, b) => b.length - a.length);
  for (const value of unique) {
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) {
      spans.push({ start: at, end: at + value.length });
    }
  }
  return spans.length === 0 ? text : maskSpans(text, spans);
}

/** Masks every credential that `findSecrets` recognises by its format. */
export function redactSecrets(text: string): string {
  const spans = findSecrets(text);
  return spans.length === 0 ? text : maskSpans(text, spans);
}
