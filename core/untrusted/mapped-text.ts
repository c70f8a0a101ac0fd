/**
 * Text derived from an original string, remembering for every UTF-16 unit which span of the
 * original produced it, so matches on the derived text can be reported on the original.
 */
export interface MappedText {
  readonly text: string;
  /** `from[i]`/`to[i]`: the original span `[from, to)` that produced `text[i]`. */
  readonly from: Int32Array;
  readonly to: Int32Array;
}

export function identity(text: string): MappedText {
  const from = new Int32Array(text.length);
  const to = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    from[i] = i;
    to[i] = i + 1;
  }
  return { text, from, to };
}

/** Accumulates output while consuming a `MappedText` from left to right. */
export class MappedBuilder {
  private readonly parts: string[] = [];
  private from: Int32Array;
  private to: Int32Array;
  private length = 0;

  constructor(private readonly source: MappedText) {
    this.from = new Int32Array(source.text.length + 16);
    this.to = new Int32Array(source.text.length + 16);
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.from.length) return;
    const size = Math.max(needed, this.from.length * 2);
    const from = new Int32Array(size);
    const to = new Int32Array(size);
    from.set(this.from.subarray(0, this.length));
    to.set(this.to.subarray(0, this.length));
    this.from = from;
    this.to = to;
  }

  /** Copies `source.text[start, end)` unchanged. */
  copy(start: number, end: number): void {
    if (end <= start) return;
    this.reserve(end - start);
    this.parts.push(this.source.text.slice(start, end));
    this.from.set(this.source.from.subarray(start, end), this.length);
    this.to.set(this.source.to.subarray(start, end), this.length);
    this.length += end - start;
  }

  /** Emits `replacement` for `source.text[start, end)` (an empty replacement drops it). */
  replace(start: number, end: number, replacement: string): void {
    if (replacement === "") return;
    this.reserve(replacement.length);
    this.parts.push(replacement);
    const next = this.length + replacement.length;
    this.from.fill(this.source.from[start]!, this.length, next);
    this.to.fill(this.source.to[end - 1]!, this.length, next);
    this.length = next;
  }

  build(): MappedText {
    return {
      text: this.parts.join(""),
      from: this.from.subarray(0, this.length),
      to: this.to.subarray(0, this.length),
    };
  }
}

/** Rewrites every match of `pattern` (global) with `replace(match)`; null keeps the match. */
export function rewrite(
  source: MappedText,
  pattern: RegExp,
  replace: (match: RegExpExecArray) => string | null,
): MappedText {
  let out: MappedBuilder | null = null;
  let cursor = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source.text); m; m = pattern.exec(source.text)) {
    if (m[0] === "") {
      pattern.lastIndex++;
      continue;
    }
    const replacement = replace(m);
    if (replacement === null || replacement === m[0]) continue;
    out ??= new MappedBuilder(source);
    out.copy(cursor, m.index);
    out.replace(m.index, m.index + m[0].length, replacement);
    cursor = m.index + m[0].length;
  }
  if (!out) return source;
  out.copy(cursor, source.text.length);
  return out.build();
}

/** The original span covered by derived span `[start, end)`. */
export function originalSpan(
  mapped: MappedText,
  start: number,
  end: number,
): { start: number; end: number } {
  if (end <= start) {
    const at = mapped.from[start] ?? mapped.to[mapped.to.length - 1] ?? 0;
    return { start: at, end: at };
  }
  return { start: mapped.from[start]!, end: mapped.to[end - 1]! };
}
