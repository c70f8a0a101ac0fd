/**
 * I-JSON (RFC 7493), as RFC 8785 §3.1 requires of JCS input: beyond plain JSON syntax, no
 * object may repeat a member name and no string (member names included) may hold a lone UTF-16
 * surrogate, escaped (`"\ud800"`) or raw. Two parsers that keep a different one of two
 * duplicate members, or that replace a lone surrogate differently, would hash different bytes
 * for the same text — so such text is refused before anything is parsed into a hash.
 *
 * Invalid UTF-8 is the byte-level part of the same rule: see `decodeUtf8Strict`.
 */

/** Nesting deeper than this is refused (nothing Gatehouse writes or accepts comes close). */
export const MAX_JSON_DEPTH = 256;

export interface JsonProblem {
  /** JSON-pointer-like path of where it was found, e.g. `data.name` ("" for the top level). */
  path: string;
  message: string;
}

/** Why `text` is not I-JSON, or null when it is. */
export function ijsonProblem(text: string): JsonProblem | null {
  try {
    JSON.parse(text);
  } catch {
    return { path: "", message: "not valid JSON" };
  }
  return ijsonRulesProblem(text);
}

/** The I-JSON rules only, for `text` that JSON.parse has already accepted. */
export function ijsonRulesProblem(text: string): JsonProblem | null {
  const scanner = new Scanner(text);
  try {
    scanner.value([], 0);
    return null;
  } catch (e) {
    if (e instanceof ProblemFound) return e.problem;
    throw e;
  }
}

/** UTF-8 bytes as text, or null when they are not well-formed UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The first lone surrogate's index in `s`, or -1. */
export function loneSurrogateAt(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

class ProblemFound extends Error {
  constructor(readonly problem: JsonProblem) {
    super(problem.message);
  }
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** Walks text JSON.parse already accepted, so only I-JSON rules are checked here. */
class Scanner {
  private i = 0;
  constructor(private readonly text: string) {}

  private fail(path: (string | number)[], message: string): never {
    throw new ProblemFound({ path: path.join("."), message });
  }

  private skipSpace(): void {
    while (this.i < this.text.length && " \t\n\r".includes(this.text[this.i]!)) this.i++;
  }

  value(path: (string | number)[], depth: number): void {
    if (depth > MAX_JSON_DEPTH) this.fail(path, `nested deeper than ${MAX_JSON_DEPTH} levels`);
    this.skipSpace();
    const c = this.text[this.i];
    if (c === "{") return this.object(path, depth);
    if (c === "[") return this.array(path, depth);
    if (c === '"') {
      this.string(path);
      return;
    }
    // A number, true, false or null: skip to the next delimiter.
    while (this.i < this.text.length && !",]} \t\n\r".includes(this.text[this.i]!)) this.i++;
  }

  private object(path: (string | number)[], depth: number): void {
    this.i++; // {
    const names = new Set<string>();
    this.skipSpace();
    if (this.text[this.i] === "}") {
      this.i++;
      return;
    }
    for (;;) {
      this.skipSpace();
      const name = this.string(path);
      if (names.has(name)) this.fail([...path, name], `duplicate member name "${name}"`);
      names.add(name);
      this.skipSpace();
      this.i++; // :
      this.value([...path, name], depth + 1);
      this.skipSpace();
      if (this.text[this.i++] === "}") return;
    }
  }

  private array(path: (string | number)[], depth: number): void {
    this.i++; // [
    this.skipSpace();
    if (this.text[this.i] === "]") {
      this.i++;
      return;
    }
    for (let index = 0; ; index++) {
      this.value([...path, index], depth + 1);
      this.skipSpace();
      if (this.text[this.i++] === "]") return;
    }
  }

  /** Decodes the string at the cursor (escapes resolved) and checks it for lone surrogates. */
  private string(path: (string | number)[]): string {
    this.i++; // opening quote
    let out = "";
    for (;;) {
      const c = this.text[this.i++]!;
      if (c === '"') break;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.text[this.i++]!;
      if (e === "u") {
        out += String.fromCharCode(parseInt(this.text.slice(this.i, this.i + 4), 16));
        this.i += 4;
      } else out += ESCAPES[e]!;
    }
    if (loneSurrogateAt(out) >= 0) this.fail(path, "a string holds a lone UTF-16 surrogate");
    return out;
  }
}
