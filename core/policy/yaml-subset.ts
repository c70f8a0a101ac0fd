/**
 * A direct reader for the YAML policies are written in: block mappings and sequences, flow
 * mappings and sequences, plain and quoted one-line scalars, comments. It builds the same
 * positioned tree as the `yaml` package walker (yaml-tree.ts), with the same diagnostics, in
 * one pass and without the package's document model — compile time is otherwise mostly spent
 * there. Anything outside that subset (anchors, aliases, tags, block scalars, multi-line
 * scalars, documents markers, tabs, complex keys, any syntax error) returns null, and the
 * caller reads the file with the `yaml` package instead; so this reader never has to report a
 * syntax error, and only ever accepts what it is sure the package reads the same way.
 */
import type { Diagnostic } from "./types";
import {
  MAX_NODES,
  mappingKey,
  mappingNode,
  scalarNode,
  type ParsedYaml,
  type PEntry,
  type PNode,
  type Pos,
} from "./yaml-nodes";

/** Characters this reader leaves to the `yaml` package wherever they appear. */
const OUTSIDE_SUBSET = /[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029\r]/;
/** The YAML package caps implicit keys at 1024 characters. */
const MAX_KEY_LENGTH = 1000;
/** Keys up to this long are kept once per document (see Reader.intern). */
const MAX_INTERNED = 32;

const NL = 10;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const COMMA = 44;
const DASH = 45;
const QUOTE = 39;
const DQUOTE = 34;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const BACKSLASH = 92;

/** Indicators a plain scalar cannot start with (`-` is handled on its own). */
const NOT_PLAIN_START = new Set([..."?:,[]{}#&*!|>'\"%@`"].map((c) => c.charCodeAt(0)));

const ESCAPES: Record<string, string> = {
  "\\": "\\",
  '"': '"',
  "/": "/",
  " ": " ",
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\x85",
  _: "\xa0",
  L: "\u2028",
  P: "\u2029",
};

/** Thrown (one shared instance, never shown) to leave a document to the `yaml` package. */
const OUTSIDE = new Error("outside the subset this reader handles");

export function parseYamlSubset(source: string): ParsedYaml | null {
  if (OUTSIDE_SUBSET.test(source)) return null;
  const reader = new Reader(source);
  try {
    const root = reader.document();
    return { root, diagnostics: reader.diagnostics };
  } catch (e) {
    if (e === OUTSIDE) return null;
    throw e;
  }
}

class Reader {
  readonly diagnostics: Diagnostic[] = [];
  private i = 0;
  private line = 1;
  private lineStart = 0;
  private nodes = 0;
  private readonly n: number;
  /** One copy of each mapping key: keys repeat on every rule (values mostly do not). */
  private readonly texts = new Map<string, string>();

  constructor(private readonly src: string) {
    this.n = src.length;
  }

  private at(offset: number): number {
    return offset < this.n ? this.src.charCodeAt(offset) : -1;
  }

  private pos(offset = this.i): Pos {
    return { line: this.line, column: offset - this.lineStart + 1 };
  }

  private intern(text: string): string {
    if (text.length > MAX_INTERNED) return text;
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    this.texts.set(text, text);
    return text;
  }

  private count(): void {
    if (++this.nodes > MAX_NODES) throw OUTSIDE;
  }

  /** A blank: a space, a line break or the end. */
  private blank(offset: number): boolean {
    const c = this.at(offset);
    return c === SPACE || c === NL || c === -1;
  }

  private skipSpaces(): void {
    while (this.at(this.i) === SPACE) this.i++;
  }

  /**
   * From the start of a line, past blank and comment lines to the next content; returns its
   * indentation, or -1 at the end.
   */
  private nextContent(): number {
    for (;;) {
      const start = this.i;
      this.skipSpaces();
      const c = this.at(this.i);
      if (c === -1) return -1;
      if (c === NL || c === HASH) {
        const end = this.src.indexOf("\n", this.i);
        if (end === -1) {
          this.i = this.n;
          return -1;
        }
        this.i = end + 1;
        this.line++;
        this.lineStart = this.i;
        continue;
      }
      if (this.i === start && (c === DASH || c === 46) && this.documentMarker()) throw OUTSIDE;
      return this.i - this.lineStart;
    }
  }

  private documentMarker(): boolean {
    const three = this.src.slice(this.i, this.i + 3);
    return (three === "---" || three === "...") && this.blank(this.i + 3);
  }

  /** After a value: only spaces and a comment may end the line. */
  private endLine(): void {
    const before = this.i;
    this.skipSpaces();
    let c = this.at(this.i);
    if (c === HASH && this.i > before) {
      const end = this.src.indexOf("\n", this.i);
      this.i = end === -1 ? this.n : end;
      c = this.at(this.i);
    }
    if (c === -1) return;
    if (c !== NL) throw OUTSIDE;
    this.i++;
    this.line++;
    this.lineStart = this.i;
  }

  document(): PNode {
    if (this.nextContent() !== 0) throw OUTSIDE;
    const root = this.block(-1);
    if (this.nextContent() !== -1) throw OUTSIDE;
    return root;
  }

  /** A node that starts here, on this line, inside a block collection indented `parent`. */
  private block(parent: number): PNode {
    this.count();
    const c = this.at(this.i);
    const column = this.i - this.lineStart;
    if (c === DASH && this.blank(this.i + 1)) return this.sequence(column);
    if (c === LBRACE || c === LBRACKET) {
      const node = this.flow(parent);
      this.skipSpaces();
      if (this.at(this.i) === COLON) throw OUTSIDE;
      this.endLine();
      return node;
    }
    const pos = this.pos();
    const key = this.keyAhead();
    if (key !== null) return this.mapping(column, pos);
    const node = this.inlineScalar(pos);
    this.endLine();
    return node;
  }

  /** Whether a mapping key starts here: its end (at the `:`), else null. Moves nothing. */
  private keyAhead(): number | null {
    const c = this.at(this.i);
    if (c === QUOTE || c === DQUOTE) {
      const save = this.i;
      this.quoted();
      const end = this.i;
      this.i = save;
      return this.at(end) === COLON && this.blank(end + 1) ? end : null;
    }
    const end = this.plainEnd(this.i);
    return this.at(end) === COLON ? end : null;
  }

  /** Where a block plain scalar starting at `from` ends: a `: `, a ` #` or the line end. */
  private plainEnd(from: number): number {
    const c = this.at(from);
    if (NOT_PLAIN_START.has(c) || (c === DASH && this.blank(from + 1))) throw OUTSIDE;
    const src = this.src;
    let j = from;
    for (;;) {
      const d = j < this.n ? src.charCodeAt(j) : -1;
      if (d === -1 || d === NL) return j;
      if (d === COLON && this.blank(j + 1)) return j;
      if (d === HASH && src.charCodeAt(j - 1) === SPACE) return j;
      j++;
    }
  }

  private inlineScalar(pos: Pos): PNode {
    const c = this.at(this.i);
    if (c === QUOTE || c === DQUOTE) {
      const text = this.quoted();
      return scalarNode(text, false, pos, this.diagnostics);
    }
    const end = this.plainEnd(this.i);
    if (this.at(end) === COLON) throw OUTSIDE; // `a: b: c`
    const text = this.src.slice(this.i, end).trimEnd();
    this.i = end;
    return scalarNode(text, true, pos, this.diagnostics);
  }

  /** A quoted scalar on one line; leaves `i` after the closing quote. */
  private quoted(): string {
    const src = this.src;
    const quote = src.charCodeAt(this.i);
    let j = this.i + 1;
    let text = "";
    if (quote === QUOTE) {
      for (;;) {
        const close = src.indexOf("'", j);
        const nl = src.indexOf("\n", j);
        if (close === -1 || (nl !== -1 && nl < close)) throw OUTSIDE;
        text += src.slice(j, close);
        if (src.charCodeAt(close + 1) === QUOTE) {
          text += "'";
          j = close + 2;
          continue;
        }
        this.i = close + 1;
        return text;
      }
    }
    for (;;) {
      const d = j < this.n ? src.charCodeAt(j) : -1;
      if (d === -1 || d === NL) throw OUTSIDE;
      if (d === DQUOTE) {
        this.i = j + 1;
        return text;
      }
      if (d === BACKSLASH) {
        const escaped = ESCAPES[src[j + 1] ?? ""];
        if (escaped === undefined) throw OUTSIDE;
        text += escaped;
        j += 2;
        continue;
      }
      let k = j + 1;
      while (k < this.n) {
        const e = src.charCodeAt(k);
        if (e === DQUOTE || e === BACKSLASH || e === NL) break;
        k++;
      }
      text += src.slice(j, k);
      j = k;
    }
  }

  /** A key (plain or quoted, on this line) up to its `:`; leaves `i` after the `:`. */
  private key(): { key: string; keyPos: Pos } {
    const keyPos = this.pos();
    const c = this.at(this.i);
    let key: string;
    if (c === QUOTE || c === DQUOTE) {
      const text = this.intern(this.quoted());
      if (this.at(this.i) !== COLON || !this.blank(this.i + 1)) throw OUTSIDE;
      key = mappingKey(
        scalarNode(text, false, keyPos, this.diagnostics),
        text,
        keyPos,
        this.diagnostics,
      );
    } else {
      const end = this.plainEnd(this.i);
      if (this.at(end) !== COLON) throw OUTSIDE;
      const text = this.intern(this.src.slice(this.i, end));
      if (text.length > MAX_KEY_LENGTH || text.charCodeAt(text.length - 1) === SPACE) throw OUTSIDE;
      if (text === "<<") throw OUTSIDE;
      this.i = end;
      key = mappingKey(
        scalarNode(text, true, keyPos, this.diagnostics),
        text,
        keyPos,
        this.diagnostics,
      );
    }
    if (this.i - this.lineStart - keyPos.column + 1 > MAX_KEY_LENGTH) throw OUTSIDE;
    this.i++; // the colon
    return { key, keyPos };
  }

  /** A block mapping whose keys start at column `indent`; `i` is at its first key. */
  private mapping(indent: number, pos: Pos): PNode {
    const entries: PEntry[] = [];
    for (;;) {
      const { key, keyPos } = this.key();
      this.skipSpaces();
      let value: PNode;
      const c = this.at(this.i);
      if (c === NL || c === -1 || c === HASH) {
        const empty = this.pos();
        this.endLine();
        const next = this.nextContent();
        if (next > indent) value = this.block(indent);
        else if (next === indent && this.at(this.i) === DASH && this.blank(this.i + 1)) {
          value = this.block(indent);
        } else {
          this.count();
          value = { kind: "scalar", value: null, pos: empty };
        }
      } else {
        value = this.inline(indent);
      }
      entries.push({ key, keyPos, value });
      const next = this.nextContent();
      if (next < indent) break;
      if (next > indent) throw OUTSIDE;
      if (this.at(this.i) === DASH && this.blank(this.i + 1)) throw OUTSIDE;
    }
    // A copy at its exact size: the tree lives through the whole compile, and an array grown
    // by push keeps room for 17.
    return mappingNode([], entries.slice(), pos, this.diagnostics);
  }

  /** A value on the line of its key: a scalar or a flow collection, ending the line. */
  private inline(indent: number): PNode {
    this.count();
    const c = this.at(this.i);
    let node: PNode;
    if (c === LBRACE || c === LBRACKET) node = this.flow(indent);
    else node = this.inlineScalar(this.pos());
    this.endLine();
    return node;
  }

  /** A block sequence whose dashes are at column `indent`; `i` is at its first dash. */
  private sequence(indent: number): PNode {
    const pos = this.pos();
    const items: PNode[] = [];
    for (;;) {
      this.i++; // the dash
      this.skipSpaces();
      const c = this.at(this.i);
      if (c === NL || c === -1 || c === HASH) {
        const empty = this.pos();
        this.endLine();
        const next = this.nextContent();
        if (next > indent) items.push(this.block(indent));
        else {
          this.count();
          items.push({ kind: "scalar", value: null, pos: empty });
        }
      } else {
        items.push(this.block(indent));
      }
      const next = this.nextContent();
      if (next < indent) break;
      if (next > indent) throw OUTSIDE;
      if (this.at(this.i) !== DASH || !this.blank(this.i + 1)) break;
    }
    return { kind: "seq", items: items.slice(), pos };
  }

  // Flow collections. `indent` is the enclosing block collection's: continuation lines must
  // be indented further.

  private flowSpace(indent: number): void {
    for (;;) {
      const c = this.at(this.i);
      if (c === SPACE) this.i++;
      else if (c === NL) {
        this.i++;
        this.line++;
        this.lineStart = this.i;
        this.skipSpaces();
        const d = this.at(this.i);
        if (d !== NL && d !== HASH && this.i - this.lineStart <= indent) throw OUTSIDE;
        if (d === -1) throw OUTSIDE;
      } else if (c === HASH) {
        const prev = this.src.charCodeAt(this.i - 1);
        if (prev !== SPACE && prev !== NL) throw OUTSIDE;
        const end = this.src.indexOf("\n", this.i);
        if (end === -1) throw OUTSIDE;
        this.i = end;
      } else return;
    }
  }

  private flow(indent: number): PNode {
    return this.at(this.i) === LBRACE ? this.flowMapping(indent) : this.flowSequence(indent);
  }

  private flowNode(indent: number): PNode {
    this.count();
    const c = this.at(this.i);
    if (c === LBRACE || c === LBRACKET) return this.flow(indent);
    const pos = this.pos();
    if (c === QUOTE || c === DQUOTE) return scalarNode(this.quoted(), false, pos, this.diagnostics);
    const text = this.flowPlain();
    return scalarNode(text, true, pos, this.diagnostics);
  }

  /** A plain scalar inside a flow collection (one line, no trailing blanks before a `:`). */
  private flowPlain(): string {
    const src = this.src;
    const start = this.i;
    const c = this.at(start);
    if (NOT_PLAIN_START.has(c) || c === -1 || c === NL || c === SPACE) throw OUTSIDE;
    if (c === DASH && this.flowBreak(start + 1)) throw OUTSIDE;
    let j = start;
    for (;;) {
      const d = j < this.n ? src.charCodeAt(j) : -1;
      if (d === -1 || d === NL || d === COMMA || d === RBRACKET || d === RBRACE) break;
      if (d === LBRACKET || d === LBRACE) throw OUTSIDE;
      if (d === COLON) {
        if (this.flowBreak(j + 1)) break;
        throw OUTSIDE;
      }
      if (d === HASH && src.charCodeAt(j - 1) === SPACE) throw OUTSIDE;
      j++;
    }
    const raw = src.slice(start, j);
    const text = raw.trimEnd();
    if (text.length !== raw.length && this.at(j) === COLON) throw OUTSIDE;
    this.i = j;
    return text;
  }

  /** A blank or a flow indicator that ends a `:` or a `-`. */
  private flowBreak(offset: number): boolean {
    const c = this.at(offset);
    return c === SPACE || c === NL || c === -1 || c === COMMA || c === RBRACKET || c === RBRACE;
  }

  private flowSequence(indent: number): PNode {
    const pos = this.pos();
    this.i++;
    const items: PNode[] = [];
    this.flowSpace(indent);
    if (this.at(this.i) === RBRACKET) {
      this.i++;
      return { kind: "seq", items, pos };
    }
    for (;;) {
      items.push(this.flowNode(indent));
      this.flowSpace(indent);
      const c = this.at(this.i);
      if (c === RBRACKET) {
        this.i++;
        return { kind: "seq", items: items.slice(), pos };
      }
      if (c !== COMMA) throw OUTSIDE;
      this.i++;
      this.flowSpace(indent);
      if (this.at(this.i) === RBRACKET) throw OUTSIDE;
    }
  }

  private flowMapping(indent: number): PNode {
    const pos = this.pos();
    this.i++;
    const entries: PEntry[] = [];
    this.flowSpace(indent);
    if (this.at(this.i) === RBRACE) {
      this.i++;
      return mappingNode([], entries, pos, this.diagnostics);
    }
    for (;;) {
      const keyPos = this.pos();
      const c = this.at(this.i);
      const quoted = c === QUOTE || c === DQUOTE;
      const text = this.intern(quoted ? this.quoted() : this.flowPlain());
      if (!quoted && text === "<<") throw OUTSIDE;
      const key = mappingKey(
        scalarNode(text, !quoted, keyPos, this.diagnostics),
        text,
        keyPos,
        this.diagnostics,
      );
      let value: PNode;
      if (this.at(this.i) === COLON) {
        if (!this.flowBreak(this.i + 1)) throw OUTSIDE;
        this.i++;
        this.flowSpace(indent);
        const d = this.at(this.i);
        if (d === COMMA || d === RBRACE) {
          this.count();
          value = { kind: "scalar", value: null, pos: this.pos() };
        } else value = this.flowNode(indent);
      } else {
        // `{a, b: 1}`: a key without a value is null, placed at the key.
        this.skipSpaces();
        const d = this.at(this.i);
        if (d !== COMMA && d !== RBRACE) throw OUTSIDE;
        this.count();
        value = { kind: "scalar", value: null, pos: keyPos };
      }
      entries.push({ key, keyPos, value });
      this.flowSpace(indent);
      const d = this.at(this.i);
      if (d === RBRACE) {
        this.i++;
        return mappingNode([], entries.slice(), pos, this.diagnostics);
      }
      if (d !== COMMA) throw OUTSIDE;
      this.i++;
      this.flowSpace(indent);
      if (this.at(this.i) === RBRACE) throw OUTSIDE;
    }
  }
}
