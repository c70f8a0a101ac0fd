/**
 * Seeded random YAML documents for checking the direct reader (yaml-subset.ts) against the
 * `yaml` package: policy-shaped block and flow collections in every layout, scalars of every
 * kind (including ones the reader must leave to the package), comments, blank lines, and
 * mutations that break the syntax.
 */

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAIN = [
  "x",
  "deny",
  "shell",
  "rule-1",
  "e1",
  "1e3",
  "1.5",
  "-1",
  "0x1F",
  "0o17",
  "017",
  "1_000",
  "1:30",
  "190:20:30.15",
  ".inf",
  "-.Inf",
  ".nan",
  "~",
  "null",
  "Null",
  "NULL",
  "yes",
  "No",
  "ON",
  "off",
  "y",
  "n",
  "true",
  "False",
  "2024-01-01",
  "2024-02-30",
  "2001-12-14t21:59:43.10-05:00",
  "=",
  "<<",
  "a:b",
  "http://x.example/a?b=c",
  "x#y",
  "a b  c",
  "-x",
  "^cmd-1/",
  "^\\s*rm\\s+-[rf]+",
  "x,y",
  "x]",
  "x}",
  "x[0]",
  "é",
  "日本",
  "a'b",
  'a"b',
  "a\\b",
  "- x",
  "?x",
  ":x",
  "*alias",
  "&anchor x",
  "!tag x",
  "!!str 1",
  "|",
  ">",
  "@x",
  "%x",
  "`x",
  "x: y",
  "x:",
  "---",
  "...",
  "#c",
];

const QUOTED = [
  "''",
  '""',
  "'x'",
  "'it''s'",
  "'a: b'",
  "'# not a comment'",
  "'1'",
  "'yes'",
  '"x"',
  '"a\\nb"',
  '"tab\\there"',
  '"q\\"q"',
  '"back\\\\slash"',
  '"\\x41"',
  '"\\u00e9"',
  '"\\e\\a\\0\\N\\_\\L\\P\\/\\ "',
  '"bad\\q"',
  '"unterminated',
  "'unterminated",
  "'a'b'",
  '"^\\\\s*rm"',
];

const KEYS = [
  "id",
  "match",
  "tool",
  "args.cmd.matches",
  "decision",
  "n",
  "y",
  "yes",
  "1",
  "1.5",
  "~",
  "2024-01-01",
  "a b",
  "a#b",
  "-k",
  "'quoted key'",
  '"dq key"',
  "'1'",
  "<<",
  "? k",
  "k ",
  "a: b",
  "[k]",
  "{k: v}",
  "k#",
  "é",
];

export class Generator {
  constructor(private readonly random: () => number) {}

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private scalar(): string {
    return this.chance(0.7) ? this.pick(PLAIN) : this.pick(QUOTED);
  }

  private spaces(): string {
    return this.pick(["", " ", "  ", "   "]);
  }

  private comment(): string {
    return this.chance(0.15)
      ? `${this.pick([" ", "  ", ""])}#${this.pick(["", " c", "c: d", " - x"])}`
      : "";
  }

  private flow(depth: number): string {
    if (depth > 2 || this.chance(0.4)) return this.scalar();
    const s = this.spaces;
    const sep = () =>
      this.chance(0.1) ? `,\n${this.pick(["", " ", "    ", "      "])}` : `,${s.call(this)}`;
    const count = Math.floor(this.random() * 4);
    if (this.chance(0.5)) {
      const items = Array.from({ length: count }, () => this.flow(depth + 1));
      const trailing = this.chance(0.05) ? "," : "";
      return `[${s.call(this)}${items.join(sep())}${trailing}${s.call(this)}]`;
    }
    const entries = Array.from({ length: count }, () => {
      if (this.chance(0.08)) return this.pick(KEYS);
      const colon = this.pick([": ", ": ", ":", " : ", ":  "]);
      return `${this.pick(KEYS)}${colon}${this.chance(0.05) ? "" : this.flow(depth + 1)}`;
    });
    return `{${s.call(this)}${entries.join(sep())}${s.call(this)}}`;
  }

  private inline(depth: number): string {
    return this.chance(0.3) ? this.flow(depth) : this.scalar();
  }

  /** A block node at `indent`, as the lines after its parent's key or dash. */
  private block(indent: number, depth: number): string[] {
    const pad = " ".repeat(indent);
    const lines: string[] = [];
    const count = 1 + Math.floor(this.random() * 3);
    const seq = this.chance(0.4);
    for (let k = 0; k < count; k++) {
      if (this.chance(0.08))
        lines.push(this.chance(0.5) ? "" : `${" ".repeat(Math.floor(this.random() * 6))}# note`);
      const head = seq
        ? `${pad}-${this.pick([" ", " ", "  ", "   "])}`
        : `${pad}${this.pick(KEYS)}:`;
      if (depth < 3 && this.chance(0.35)) {
        const step = this.pick([2, 2, 4, 1, 3]);
        if (seq && this.chance(0.5)) {
          // A compact mapping or sequence on the dash's line.
          const child = this.block(0, depth + 1);
          const inner = head.length;
          lines.push(head + child[0]!.trimStart());
          for (const line of child.slice(1))
            lines.push(line === "" ? "" : " ".repeat(inner) + line);
          continue;
        }
        lines.push(`${seq ? head.trimEnd() : head}${this.comment()}`);
        const sameIndent = !seq && this.chance(0.2);
        lines.push(...this.block(sameIndent ? indent : indent + step, depth + 1));
        continue;
      }
      if (this.chance(0.08)) {
        lines.push(`${seq ? head.trimEnd() : head}${this.pick(["", " ", "  "])}${this.comment()}`);
        continue;
      }
      const sp = seq ? "" : this.pick([" ", " ", "  "]);
      lines.push(
        `${head}${sp}${this.inline(depth)}${this.comment()}${this.chance(0.05) ? " " : ""}`,
      );
    }
    return lines;
  }

  document(): string {
    const lines = this.block(0, 0);
    if (this.chance(0.1)) lines.unshift("# header");
    let text = lines.join("\n");
    if (!this.chance(0.1)) text += "\n";
    return this.chance(0.3) ? this.mutate(text) : text;
  }

  /** One random edit that may break the syntax. */
  mutate(text: string): string {
    const at = Math.floor(this.random() * (text.length + 1));
    const insert = this.pick([
      " ",
      "\n",
      ":",
      "- ",
      "#",
      "'",
      '"',
      "[",
      "]",
      "{",
      "}",
      ",",
      "  ",
      "\t",
      "&a ",
      "*a",
      "\r\n",
      "? ",
      "",
    ]);
    const remove = this.chance(0.5) ? Math.floor(this.random() * 3) : 0;
    return text.slice(0, at) + insert + text.slice(at + remove);
  }
}

/** Node trees and diagnostics as a string that tells NaN, infinities and -0 apart. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "number" ? `num:${Object.is(v, -0) ? "-0" : String(v)}` : v,
  );
}
