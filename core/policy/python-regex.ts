/**
 * Python `re` patterns (as Lynx uses them with `re.search`) translated into equivalent
 * JavaScript RegExps. The pattern is parsed with Python's rules and re-emitted with the `u`
 * flag; constructs whose meaning differs are rewritten (`.` excludes only \n, `$` also matches
 * before a final \n, \w \d \s \b are Unicode as in Python). Anything that cannot be rendered
 * faithfully is rejected, as are over-long patterns and nested-quantifier (ReDoS) shapes.
 */

export const MAX_REGEX_LENGTH = 1000;

/**
 * A pattern that is only literal characters, optionally anchored: `^lit` (prefix), `lit`
 * (substring), `^lit$` (equal, or equal plus a final newline, as Python's `$`), `^lit\Z`
 * (equal). Matching these needs no regex engine.
 */
export interface LiteralShape {
  readonly text: string;
  readonly start: boolean;
  readonly end: "none" | "dollar" | "absolute";
}

export type RegexTranslation =
  | { readonly ok: true; readonly regex: RegExp; readonly literal: LiteralShape | null }
  | { readonly ok: false; readonly message: string };

interface Flags {
  readonly i: boolean;
  readonly m: boolean;
  readonly s: boolean;
  readonly x: boolean;
  readonly a: boolean;
}

type Category = "d" | "D" | "w" | "W" | "s" | "S";
type AnchorKind =
  "start" | "end" | "absoluteEnd" | "lineStart" | "lineEnd" | "wordBoundary" | "notWordBoundary";
type GroupKind =
  "capture" | "noncapture" | "lookahead" | "negLookahead" | "lookbehind" | "negLookbehind";

type ClassPart =
  | { readonly t: "cp"; readonly cp: number }
  | { readonly t: "range"; readonly lo: number; readonly hi: number }
  | { readonly t: "cat"; readonly c: Category };

type Atom =
  | { readonly t: "char"; readonly cp: number }
  | {
      readonly t: "class";
      readonly negate: boolean;
      readonly parts: readonly ClassPart[];
      readonly ascii: boolean;
    }
  | { readonly t: "any"; readonly dotall: boolean }
  | { readonly t: "cat"; readonly c: Category; readonly ascii: boolean }
  | { readonly t: "anchor"; readonly k: AnchorKind; readonly ascii: boolean }
  | {
      readonly t: "group";
      readonly kind: GroupKind;
      readonly name: string | null;
      readonly body: Alternation;
    }
  | { readonly t: "backref"; readonly ref: number | string };

interface Item {
  readonly atom: Atom;
  readonly min: number;
  readonly max: number;
  readonly lazy: boolean;
  readonly quantified: boolean;
}
type Sequence = readonly Item[];
type Alternation = readonly Sequence[];

class RegexSyntaxError extends Error {}

const SYNTAX_CHARS = new Set("^$\\.*+?()[]{}|/");
const VERBOSE_WHITESPACE = new Set([" ", "\t", "\n", "\r", "\v", "\f"]);
const OCT = /^[0-7]$/;
const DIGIT = /^[0-9]$/;
const HEX = /^[0-9a-fA-F]$/;
const MAX_REPEAT = 4294967295;

/** No character Python's `re` treats specially, between optional `^` and `$` / `\Z`. */
const PLAIN_PATTERN = /^(\^?)([^.^$*+?{}[\]\\|()\ud800-\udfff]*)(\$|\\Z)?$/;

/**
 * The literal shape of a pattern made of plain characters only, found without parsing it
 * (most policy patterns); null for any other pattern. Agrees with translatePythonRegex's.
 */
export function plainLiteral(pattern: string): LiteralShape | null {
  if (pattern.length > MAX_REGEX_LENGTH) return null;
  const m = PLAIN_PATTERN.exec(pattern);
  if (m === null) return null;
  const end = m[3] === "$" ? "dollar" : m[3] === "\\Z" ? "absolute" : "none";
  return { text: m[2]!, start: m[1] === "^", end };
}

export function translatePythonRegex(pattern: string): RegexTranslation {
  const cps = Array.from(pattern);
  if (cps.length > MAX_REGEX_LENGTH) {
    return {
      ok: false,
      message: `regex is ${cps.length} characters long (limit ${MAX_REGEX_LENGTH})`,
    };
  }
  let ast: Alternation;
  let flags: Flags;
  try {
    const parser = new Parser(cps);
    ({ ast, flags } = parser.parse());
  } catch (e) {
    if (e instanceof RegexSyntaxError) return { ok: false, message: e.message };
    throw e;
  }
  const danger = findReDoS(ast);
  if (danger) return { ok: false, message: danger };
  const source = emitAlternation(ast);
  try {
    const regex = new RegExp(source, flags.i ? "iu" : "u");
    return { ok: true, regex, literal: flags.i ? null : literalShape(ast) };
  } catch (e) {
    return { ok: false, message: `regex cannot be translated: ${(e as Error).message}` };
  }
}

function literalShape(ast: Alternation): LiteralShape | null {
  if (ast.length !== 1) return null;
  const items = ast[0]!;
  let i = 0;
  let j = items.length;
  const anchor = (item: Item | undefined) =>
    item && !item.quantified && item.atom.t === "anchor" ? item.atom.k : null;
  const start = anchor(items[0]) === "start";
  if (start) i++;
  const last = j > i ? anchor(items[j - 1]) : null;
  const end = last === "end" ? "dollar" : last === "absoluteEnd" ? "absolute" : "none";
  if (end !== "none") j--;
  let text = "";
  for (; i < j; i++) {
    const item = items[i]!;
    if (item.quantified || item.atom.t !== "char") return null;
    text += String.fromCodePoint(item.atom.cp);
  }
  return { text, start, end };
}

class Parser {
  private pos = 0;
  private groups = 0;
  private readonly open = new Set<number>();
  private readonly names = new Map<string, number>();
  private lookbehindDepth = 0;

  constructor(private readonly cps: readonly string[]) {}

  parse(): { ast: Alternation; flags: Flags } {
    let flags: Flags = { i: false, m: false, s: false, x: false, a: false };
    // Global inline flags are only allowed at the very start (Python 3.11+).
    for (;;) {
      const global = this.tryGlobalFlags(flags);
      if (!global) break;
      flags = global;
    }
    const ast = this.alternation(flags);
    if (this.pos < this.cps.length) {
      throw new RegexSyntaxError(`unbalanced parenthesis at position ${this.pos}`);
    }
    return { ast, flags };
  }

  private peek(offset = 0): string | undefined {
    return this.cps[this.pos + offset];
  }

  private next(): string | undefined {
    return this.cps[this.pos++];
  }

  private fail(message: string): never {
    throw new RegexSyntaxError(`${message} at position ${this.pos}`);
  }

  private tryGlobalFlags(current: Flags): Flags | null {
    if (this.peek() !== "(" || this.peek(1) !== "?") return null;
    let j = this.pos + 2;
    let letters = "";
    while (j < this.cps.length && /^[aiLmsux]$/.test(this.cps[j]!)) letters += this.cps[j++];
    if (letters === "" || this.cps[j] !== ")") return null;
    this.pos = j + 1;
    return applyFlags(current, letters, "", (m) => this.fail(m));
  }

  private skipVerbose(flags: Flags): void {
    if (!flags.x) return;
    for (;;) {
      const c = this.peek();
      if (c !== undefined && VERBOSE_WHITESPACE.has(c)) {
        this.pos++;
      } else if (c === "#") {
        while (this.peek() !== undefined && this.peek() !== "\n") this.pos++;
      } else {
        return;
      }
    }
  }

  private alternation(flags: Flags): Alternation {
    const alternatives: Sequence[] = [this.sequence(flags)];
    while (this.peek() === "|") {
      this.pos++;
      alternatives.push(this.sequence(flags));
    }
    return alternatives;
  }

  private sequence(flags: Flags): Sequence {
    const items: Item[] = [];
    for (;;) {
      this.skipVerbose(flags);
      const c = this.peek();
      if (c === undefined || c === "|" || c === ")") return items;
      if (c === "*" || c === "+" || c === "?" || c === "{") {
        const quantifier = this.quantifier();
        if (quantifier) {
          this.applyQuantifier(items, quantifier, flags);
          continue;
        }
        // A `{` that does not form a repeat is a literal, as in Python.
        this.pos++;
        items.push(single({ t: "char", cp: 0x7b }));
        continue;
      }
      const atom = this.atom(flags);
      if (atom) items.push(single(atom));
    }
  }

  private quantifier(): { min: number; max: number } | null {
    const c = this.peek();
    if (c === "*") return (this.pos++, { min: 0, max: Infinity });
    if (c === "+") return (this.pos++, { min: 1, max: Infinity });
    if (c === "?") return (this.pos++, { min: 0, max: 1 });
    // `{m,n}`, `{m}`, `{m,}`, `{,n}`; anything else starting with `{` is a literal brace.
    let j = this.pos + 1;
    let lo = "";
    let hi = "";
    while (DIGIT.test(this.cps[j] ?? "")) lo += this.cps[j++];
    let comma = false;
    if (this.cps[j] === ",") {
      comma = true;
      j++;
      while (DIGIT.test(this.cps[j] ?? "")) hi += this.cps[j++];
    }
    if (this.cps[j] !== "}" || (lo === "" && !comma)) return null;
    this.pos = j + 1;
    const min = lo === "" ? 0 : Number(lo);
    const max = comma ? (hi === "" ? Infinity : Number(hi)) : min;
    if (min >= MAX_REPEAT || (max !== Infinity && max >= MAX_REPEAT))
      this.fail("the repetition number is too large");
    if (max < min) this.fail("min repeat greater than max repeat");
    return { min, max };
  }

  private applyQuantifier(items: Item[], q: { min: number; max: number }, flags: Flags): void {
    const last = items[items.length - 1];
    if (!last || last.atom.t === "anchor") this.fail("nothing to repeat");
    if (last.quantified) this.fail("multiple repeat");
    const g = last.atom.t === "group" ? last.atom.kind : null;
    if (g && g !== "capture" && g !== "noncapture")
      this.fail("a quantified lookaround cannot be translated");
    let lazy = false;
    if (this.peek() === "?") {
      this.pos++;
      lazy = true;
    } else if (this.peek() === "+") {
      this.fail("possessive quantifiers cannot be translated");
    }
    items[items.length - 1] = { atom: last.atom, min: q.min, max: q.max, lazy, quantified: true };
    this.skipVerbose(flags);
    const after = this.peek();
    if (after === "*" || after === "+" || after === "?") this.fail("multiple repeat");
    if (after === "{") {
      const save = this.pos;
      if (this.quantifier()) this.fail("multiple repeat");
      this.pos = save;
    }
  }

  private atom(flags: Flags): Atom | null {
    const c = this.next()!;
    switch (c) {
      case "(":
        return this.group(flags);
      case "[":
        return this.charClass(flags);
      case ".":
        return { t: "any", dotall: flags.s };
      case "^":
        return { t: "anchor", k: flags.m ? "lineStart" : "start", ascii: flags.a };
      case "$":
        return { t: "anchor", k: flags.m ? "lineEnd" : "end", ascii: flags.a };
      case "\\":
        return this.escape(flags);
      default:
        return { t: "char", cp: c.codePointAt(0)! };
    }
  }

  private group(flags: Flags): Atom | null {
    if (this.peek() !== "?") return this.capture(flags, null);
    this.pos++;
    const c = this.next();
    if (c === ":") return this.groupBody("noncapture", null, flags);
    if (c === "=") return this.groupBody("lookahead", null, flags);
    if (c === "!") return this.groupBody("negLookahead", null, flags);
    if (c === "<") {
      const d = this.next();
      if (d === "=") return this.lookbehind("lookbehind", flags);
      if (d === "!") return this.lookbehind("negLookbehind", flags);
      this.fail("unknown extension ?<" + (d ?? ""));
    }
    if (c === "P") {
      const d = this.next();
      if (d === "<") return this.capture(flags, this.groupName(">"));
      if (d === "=") {
        const name = this.groupName(")");
        const index = this.names.get(name);
        if (index === undefined) this.fail(`unknown group name '${name}'`);
        return this.backref(index, name);
      }
      this.fail("unknown extension ?P" + (d ?? ""));
    }
    if (c === "#") {
      for (;;) {
        const d = this.next();
        if (d === undefined) this.fail("missing ), unterminated comment");
        if (d === ")") return null;
      }
    }
    if (c === "(") this.fail("conditional groups cannot be translated");
    if (c === ">") this.fail("atomic groups cannot be translated");
    if (c !== undefined && /^[aiLmsux-]$/.test(c)) {
      let on = c === "-" ? "" : c;
      let off = "";
      let inOff = c === "-";
      for (;;) {
        const d = this.next();
        if (d === undefined) this.fail("missing -, : or )");
        if (d === ":") break;
        if (d === ")") this.fail("global flags not at the start of the expression");
        if (d === "-" && !inOff) {
          inOff = true;
          continue;
        }
        if (!/^[aiLmsux]$/.test(d)) this.fail("unknown flag");
        if (inOff) off += d;
        else on += d;
      }
      const scoped = applyFlags(flags, on, off, (m) => this.fail(m));
      if (scoped.i !== flags.i) {
        this.fail(
          "a scoped case-insensitive group cannot be translated; put (?i) at the start of the pattern",
        );
      }
      return this.groupBody("noncapture", null, scoped);
    }
    this.fail("unknown extension ?" + (c ?? ""));
  }

  private groupName(terminator: string): string {
    let name = "";
    for (;;) {
      const c = this.next();
      if (c === undefined) this.fail("missing group name terminator");
      if (c === terminator) break;
      name += c;
    }
    if (!/^[\p{ID_Start}_][\p{ID_Continue}]*$/u.test(name))
      this.fail(`bad character in group name '${name}'`);
    return name;
  }

  private capture(flags: Flags, name: string | null): Atom {
    const index = ++this.groups;
    if (name !== null) {
      if (this.names.has(name)) this.fail(`redefinition of group name '${name}'`);
      this.names.set(name, index);
    }
    this.open.add(index);
    const atom = this.groupBody("capture", name, flags);
    this.open.delete(index);
    return atom;
  }

  private lookbehind(kind: GroupKind, flags: Flags): Atom {
    this.lookbehindDepth++;
    const atom = this.groupBody(kind, null, flags);
    this.lookbehindDepth--;
    return atom;
  }

  private groupBody(kind: GroupKind, name: string | null, flags: Flags): Atom {
    const body = this.alternation(flags);
    if (this.next() !== ")") this.fail("missing ), unterminated subpattern");
    return { t: "group", kind, name, body };
  }

  private backref(index: number, ref: number | string): Atom {
    if (index > this.groups) this.fail(`invalid group reference ${index}`);
    if (this.open.has(index)) this.fail("cannot refer to an open group");
    if (this.lookbehindDepth > 0)
      this.fail("a group reference inside a lookbehind cannot be translated");
    return { t: "backref", ref };
  }

  private hexEscape(count: number, letter: string): number {
    let digits = "";
    for (let k = 0; k < count; k++) {
      const d = this.next();
      if (d === undefined || !HEX.test(d)) this.fail(`incomplete escape \\${letter}${digits}`);
      digits += d;
    }
    const cp = parseInt(digits, 16);
    if (cp > 0x10ffff) this.fail(`bad escape \\${letter}${digits}`);
    return cp;
  }

  /** Escapes shared by both contexts; returns null when the letter is context-specific. */
  private commonEscape(c: string): number | null {
    switch (c) {
      case "x":
        return this.hexEscape(2, c);
      case "u":
        return this.hexEscape(4, c);
      case "U":
        return this.hexEscape(8, c);
      case "a":
        return 0x07;
      case "f":
        return 0x0c;
      case "n":
        return 0x0a;
      case "r":
        return 0x0d;
      case "t":
        return 0x09;
      case "v":
        return 0x0b;
      case "\\":
        return 0x5c;
      case "N":
        this.fail("named character escapes (\\N{...}) cannot be translated");
      default:
        return null;
    }
  }

  private escape(flags: Flags): Atom {
    const c = this.next();
    if (c === undefined) this.fail("bad escape (end of pattern)");
    const common = this.commonEscape(c);
    if (common !== null) return { t: "char", cp: common };
    switch (c) {
      case "A":
        return { t: "anchor", k: "start", ascii: flags.a };
      case "Z":
        return { t: "anchor", k: "absoluteEnd", ascii: flags.a };
      case "b":
        return { t: "anchor", k: "wordBoundary", ascii: flags.a };
      case "B":
        return { t: "anchor", k: "notWordBoundary", ascii: flags.a };
      case "d":
      case "D":
      case "w":
      case "W":
      case "s":
      case "S":
        return { t: "cat", c, ascii: flags.a };
    }
    if (c === "0") {
      let digits = "";
      for (let k = 0; k < 2 && OCT.test(this.peek() ?? ""); k++) digits += this.next();
      return { t: "char", cp: parseInt(digits || "0", 8) };
    }
    if (DIGIT.test(c)) {
      let digits = c;
      if (DIGIT.test(this.peek() ?? "")) {
        digits += this.next();
        if (OCT.test(digits[0]!) && OCT.test(digits[1]!) && OCT.test(this.peek() ?? "")) {
          digits += this.next();
          const cp = parseInt(digits, 8);
          if (cp > 0o377) this.fail(`octal escape value \\${digits} outside of range 0-0o377`);
          return { t: "char", cp };
        }
      }
      const index = Number(digits);
      return this.backref(index, index);
    }
    if (/^[A-Za-z]$/.test(c)) this.fail(`bad escape \\${c}`);
    return { t: "char", cp: c.codePointAt(0)! };
  }

  private classEscape(): ClassPart {
    const c = this.next();
    if (c === undefined) this.fail("unterminated character set");
    const common = this.commonEscape(c);
    if (common !== null) return { t: "cp", cp: common };
    if (c === "b") return { t: "cp", cp: 0x08 };
    if (c === "d" || c === "D" || c === "w" || c === "W" || c === "s" || c === "S")
      return { t: "cat", c };
    if (OCT.test(c)) {
      let digits = c;
      for (let k = 0; k < 2 && OCT.test(this.peek() ?? ""); k++) digits += this.next();
      const cp = parseInt(digits, 8);
      if (cp > 0o377) this.fail(`octal escape value \\${digits} outside of range 0-0o377`);
      return { t: "cp", cp };
    }
    if (/^[A-Za-z0-9]$/.test(c)) this.fail(`bad escape \\${c}`);
    return { t: "cp", cp: c.codePointAt(0)! };
  }

  private charClass(flags: Flags): Atom {
    const parts: ClassPart[] = [];
    const negate = this.peek() === "^";
    if (negate) this.pos++;
    let first = true;
    for (;;) {
      const c = this.next();
      if (c === undefined) this.fail("unterminated character set");
      if (c === "]" && !first) break;
      first = false;
      const lo: ClassPart = c === "\\" ? this.classEscape() : { t: "cp", cp: c.codePointAt(0)! };
      if (this.peek() !== "-") {
        parts.push(lo);
        continue;
      }
      this.pos++;
      const d = this.next();
      if (d === undefined) this.fail("unterminated character set");
      if (d === "]") {
        parts.push(lo, { t: "cp", cp: 0x2d });
        break;
      }
      const hi: ClassPart = d === "\\" ? this.classEscape() : { t: "cp", cp: d.codePointAt(0)! };
      if (lo.t !== "cp" || hi.t !== "cp" || lo.cp > hi.cp) this.fail("bad character range");
      parts.push({ t: "range", lo: lo.cp, hi: hi.cp });
    }
    for (const part of parts) {
      if (part.t === "cat" && (part.c === "W" || part.c === "S")) {
        this.fail(`\\${part.c} inside a character class cannot be translated`);
      }
    }
    return { t: "class", negate, parts, ascii: flags.a };
  }
}

function single(atom: Atom): Item {
  return { atom, min: 1, max: 1, lazy: false, quantified: false };
}

function applyFlags(
  flags: Flags,
  on: string,
  off: string,
  fail: (message: string) => never,
): Flags {
  if (on.includes("L")) fail("bad inline flags: cannot use 'L' flag with a str pattern");
  if (/[aLu]/.test(off)) fail("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
  if (on.includes("a") && on.includes("u"))
    fail("bad inline flags: flags 'a' and 'u' are incompatible");
  for (const f of on) if (off.includes(f)) fail("bad inline flags: flag turned on and off");
  const set = (letter: "i" | "m" | "s" | "x", value: boolean) =>
    on.includes(letter) ? true : off.includes(letter) ? false : value;
  const next: Flags = {
    i: set("i", flags.i),
    m: set("m", flags.m),
    s: set("s", flags.s),
    x: set("x", flags.x),
    a: on.includes("a") ? true : on.includes("u") ? false : flags.a,
  };
  if (next.a && next.i) {
    fail("ASCII-only case-insensitive matching ((?a) with (?i)) cannot be translated");
  }
  return next;
}

// ---------------------------------------------------------------------------------------------
// ReDoS guard: an unbounded repeat of a group that has an alternative made only of repeats and
// optional parts (no mandatory fixed character to anchor each round: (a+)+, (\w+\s?)*, (.+)+),
// or that repeats identical alternatives ((a|a)+).

function findReDoS(alternation: Alternation): string | null {
  for (const sequence of alternation) {
    for (const item of sequence) {
      if (item.atom.t !== "group") continue;
      const body = item.atom.body;
      if (
        item.max === Infinity &&
        (item.atom.kind === "capture" || item.atom.kind === "noncapture")
      ) {
        for (const alternative of body) {
          if (
            alternative.some(isUnbounded) &&
            alternative.every((it) => !hasMandatoryBoundedPart(it))
          ) {
            return "nested quantifiers (like (a+)+) can backtrack catastrophically (ReDoS guard)";
          }
        }
        const rendered = body.map(emitSequence);
        if (new Set(rendered).size < rendered.length) {
          return "a repeated group with identical alternatives (like (a|a)+) can backtrack catastrophically (ReDoS guard)";
        }
      }
      const inner = findReDoS(body);
      if (inner) return inner;
    }
  }
  return null;
}

function isUnbounded(item: Item): boolean {
  if (item.max === Infinity) return true;
  return item.atom.t === "group" && item.atom.body.some((s) => s.some(isUnbounded));
}

function hasMandatoryBoundedPart(item: Item): boolean {
  if (item.min === 0) return false;
  const atom = item.atom;
  switch (atom.t) {
    case "char":
    case "class":
    case "any":
    case "cat":
      return item.max !== Infinity;
    case "group":
      if (atom.kind !== "capture" && atom.kind !== "noncapture") return false;
      return atom.body.every((s) => s.some(hasMandatoryBoundedPart));
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Emission (JavaScript, `u` flag, never `m` or `s`: those are rendered explicitly).

const PY_SPACE =
  "\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const ASCII_SPACE = "\\t-\\r ";
const UNI_WORD = "\\p{L}\\p{N}_";
const ASCII_WORD = "A-Za-z0-9_";

function emitAlternation(alternation: Alternation): string {
  return alternation.map(emitSequence).join("|");
}

function emitSequence(sequence: Sequence): string {
  return sequence.map(emitItem).join("");
}

function emitItem(item: Item): string {
  const atom = emitAtom(item.atom);
  if (!item.quantified) return atom;
  let q: string;
  if (item.min === 0 && item.max === Infinity) q = "*";
  else if (item.min === 1 && item.max === Infinity) q = "+";
  else if (item.min === 0 && item.max === 1) q = "?";
  else if (item.max === Infinity) q = `{${item.min},}`;
  else if (item.min === item.max) q = `{${item.min}}`;
  else q = `{${item.min},${item.max}}`;
  return atom + q + (item.lazy ? "?" : "");
}

function emitChar(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (SYNTAX_CHARS.has(ch)) return "\\" + ch;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029)
    return `\\u{${cp.toString(16)}}`;
  return ch;
}

function emitClassChar(cp: number): string {
  const ch = String.fromCodePoint(cp);
  if (ch === "\\" || ch === "]" || ch === "[" || ch === "^" || ch === "-") return "\\" + ch;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029)
    return `\\u{${cp.toString(16)}}`;
  return ch;
}

function categoryInClass(c: Category, ascii: boolean): string {
  switch (c) {
    case "d":
      return ascii ? "0-9" : "\\p{Nd}";
    case "D":
      return ascii ? "\\D" : "\\P{Nd}";
    case "w":
      return ascii ? ASCII_WORD : UNI_WORD;
    case "s":
      return ascii ? ASCII_SPACE : PY_SPACE;
    default:
      // \W and \S are rejected inside classes by the parser.
      throw new Error(`unreachable category ${c}`);
  }
}

function category(c: Category, ascii: boolean): string {
  switch (c) {
    case "d":
      return ascii ? "[0-9]" : "\\p{Nd}";
    case "D":
      return ascii ? "[^0-9]" : "\\P{Nd}";
    case "w":
      return `[${ascii ? ASCII_WORD : UNI_WORD}]`;
    case "W":
      return `[^${ascii ? ASCII_WORD : UNI_WORD}]`;
    case "s":
      return `[${ascii ? ASCII_SPACE : PY_SPACE}]`;
    case "S":
      return `[^${ascii ? ASCII_SPACE : PY_SPACE}]`;
  }
}

function emitAnchor(k: AnchorKind, ascii: boolean): string {
  const w = `[${ascii ? ASCII_WORD : UNI_WORD}]`;
  switch (k) {
    case "start":
      return "^";
    case "end":
      // Python's `$` also matches just before a final newline.
      return "(?=\\n?$)";
    case "absoluteEnd":
      return "$";
    case "lineStart":
      return "(?:^|(?<=\\n))";
    case "lineEnd":
      return "(?=\\n|$)";
    case "wordBoundary":
      return `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
    case "notWordBoundary":
      return `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`;
  }
}

function emitAtom(atom: Atom): string {
  switch (atom.t) {
    case "char":
      return emitChar(atom.cp);
    case "any":
      return atom.dotall ? "[\\s\\S]" : "[^\\n]";
    case "cat":
      return category(atom.c, atom.ascii);
    case "anchor":
      return emitAnchor(atom.k, atom.ascii);
    case "backref":
      return typeof atom.ref === "number" ? `(?:\\${atom.ref})` : `\\k<${atom.ref}>`;
    case "class": {
      const body = atom.parts
        .map((p) =>
          p.t === "cp"
            ? emitClassChar(p.cp)
            : p.t === "range"
              ? `${emitClassChar(p.lo)}-${emitClassChar(p.hi)}`
              : categoryInClass(p.c, atom.ascii),
        )
        .join("");
      return `[${atom.negate ? "^" : ""}${body}]`;
    }
    case "group": {
      const body = emitAlternation(atom.body);
      switch (atom.kind) {
        case "capture":
          return atom.name === null ? `(${body})` : `(?<${atom.name}>${body})`;
        case "noncapture":
          return `(?:${body})`;
        case "lookahead":
          return `(?=${body})`;
        case "negLookahead":
          return `(?!${body})`;
        case "lookbehind":
          return `(?<=${body})`;
        case "negLookbehind":
          return `(?<!${body})`;
      }
    }
  }
}
