import { describe, expect, it } from "vitest";
import { MAX_REGEX_LENGTH, translatePythonRegex } from "../../../core/policy";

function search(pattern: string, text: string): boolean {
  const t = translatePythonRegex(pattern);
  if (!t.ok) throw new Error(t.message);
  return t.regex.test(text);
}

function rejected(pattern: string): string {
  const t = translatePythonRegex(pattern);
  if (t.ok) throw new Error(`expected ${pattern} to be rejected, got ${t.regex}`);
  return t.message;
}

describe("Python regex semantics", () => {
  it("searches anywhere, like re.search", () => {
    expect(search("rm", "sudo rm -rf")).toBe(true);
    expect(search("^rm", "sudo rm -rf")).toBe(false);
  });

  it("accepts the POLICY.md example and matches what Python matches", () => {
    const p = String.raw`^\s*rm\s+(-[rRf]+\s+)+/(\s|$)`;
    expect(search(p, "rm -rf /")).toBe(true);
    expect(search(p, "  rm -r -f / ")).toBe(true);
    expect(search(p, "rm -rf /tmp/x")).toBe(false);
    expect(search(p, "rm -rf /\n")).toBe(true);
  });

  it("translates a leading (?i) into the i flag, and several leading flag groups", () => {
    expect(search("(?i)hello", "HeLLo")).toBe(true);
    expect(search("hello", "HeLLo")).toBe(false);
    expect(search("(?i)(?s)a.b", "A\nB")).toBe(true);
    expect(search("(?is)a.b", "A\nB")).toBe(true);
  });

  it("`.` excludes only \\n (JavaScript would also exclude \\r and U+2028)", () => {
    expect(search("a.b", "a\rb")).toBe(true);
    expect(search("a.b", "a\u2028b")).toBe(true);
    expect(search("a.b", "a\nb")).toBe(false);
    expect(search("(?s)a.b", "a\nb")).toBe(true);
  });

  it("`$` also matches before a final newline; \\Z only at the very end", () => {
    expect(search("abc$", "abc\n")).toBe(true);
    expect(search("abc$", "abc\n\n")).toBe(false);
    expect(search(String.raw`abc\Z`, "abc\n")).toBe(false);
    expect(search(String.raw`abc\Z`, "abc")).toBe(true);
    expect(search(String.raw`\Aabc`, "abc")).toBe(true);
    expect(search(String.raw`\Aabc`, "xabc")).toBe(false);
  });

  it("multiline ^ and $ split on \\n only", () => {
    expect(search("(?m)^b$", "a\nb\nc")).toBe(true);
    expect(search("(?m)^b$", "a\rb\rc")).toBe(false);
    expect(search("^b$", "a\nb\nc")).toBe(false);
  });

  it("\\w, \\d, \\s and \\b are Unicode-aware as in Python 3", () => {
    expect(search(String.raw`^\w+$`, "héllo")).toBe(true);
    expect(search(String.raw`^\d$`, "٣")).toBe(true); // ARABIC-INDIC DIGIT THREE
    expect(search(String.raw`\s`, "\x1c")).toBe(true); // Python's isspace includes FS
    expect(search(String.raw`\s`, "\ufeff")).toBe(false); // JavaScript's \s would match BOM
    expect(search(String.raw`\bcafé\b`, "un café noir")).toBe(true);
    expect(search(String.raw`\bcaf\b`, "café")).toBe(false);
    expect(search(String.raw`\Bf\B`, "café")).toBe(true);
    expect(search(String.raw`^[\w-]+$`, "naïve-name")).toBe(true);
    expect(search(String.raw`^[^\d]+$`, "abc")).toBe(true);
    expect(search(String.raw`^\W$`, "é")).toBe(false);
    expect(search(String.raw`^\S+$`, "a\u00a0b")).toBe(false);
  });

  it("(?a) makes the classes ASCII-only", () => {
    expect(search(String.raw`(?a)^\w+$`, "héllo")).toBe(false);
    expect(search(String.raw`(?a)^\d$`, "٣")).toBe(false);
    expect(search(String.raw`(?a)^[\w]+$`, "abc_1")).toBe(true);
  });

  it("scoped flags other than i are honoured", () => {
    expect(search("a(?s:.)b.c", "a\nbxc")).toBe(true);
    expect(search("a(?s:.)b.c", "a\nb\nc")).toBe(false);
    expect(search("(?x: a b # comment\n )c", "abc")).toBe(true);
  });

  it("verbose mode ignores whitespace and comments outside classes", () => {
    expect(search("(?x) a \\  b  # spaces\n [ ]c", "a b c")).toBe(true);
  });

  it("handles escapes, octal, braces and Python-only quantifier forms", () => {
    expect(search(String.raw`\x41\u0042\U00000043`, "ABC")).toBe(true);
    expect(search(String.raw`\101`, "A")).toBe(true);
    expect(search(String.raw`\0`, "\0")).toBe(true);
    expect(search(String.raw`a\-b\#c\:d`, "a-b#c:d")).toBe(true);
    expect(search("a{,2}b", "aab")).toBe(true);
    expect(search("x{", "x{")).toBe(true);
    expect(search("x{a}", "x{a}")).toBe(true);
    expect(search("x{}", "x{}")).toBe(true);
    expect(search("^a{2}$", "aa")).toBe(true);
    expect(search("a]", "a]")).toBe(true);
    expect(search("a/b", "a/b")).toBe(true);
  });

  it("character classes follow Python's rules", () => {
    expect(search("[]a]", "]")).toBe(true);
    expect(search("[^]a]", "]")).toBe(false);
    expect(search("^[a-]$", "-")).toBe(true);
    expect(search(String.raw`[\b]`, "\b")).toBe(true);
    expect(search("[[]", "[")).toBe(true);
  });

  it("named groups, backreferences and lookarounds", () => {
    expect(search("(?P<q>['\"]).*?(?P=q)", `say "hi"`)).toBe(true);
    expect(search(String.raw`(a)\1`, "aa")).toBe(true);
    expect(search(String.raw`(a)\100`, "a@")).toBe(true); // three octal digits: an octal escape
    expect(search("(?<=a)b", "ab")).toBe(true);
    expect(search("(?<!a)b", "ab")).toBe(false);
    expect(search("a(?=b)", "ab")).toBe(true);
    expect(search("a(?!b)", "ab")).toBe(false);
    expect(search("a(?#comment)b", "ab")).toBe(true);
    expect(search("(?:ab)+?", "abab")).toBe(true);
  });

  it("rejects constructs that cannot be translated faithfully", () => {
    expect(rejected("a(?i)b")).toContain("global flags not at the start");
    expect(rejected("(?i:a)b")).toContain("scoped case-insensitive");
    expect(rejected("(?i)(?-i:a)")).toContain("scoped case-insensitive");
    expect(rejected("(?>a)")).toContain("atomic");
    expect(rejected("a++")).toContain("possessive");
    expect(rejected("(a)?(?(1)b|c)")).toContain("conditional");
    expect(rejected(String.raw`\N{DIGIT ONE}`)).toContain("named character");
    expect(rejected(String.raw`[\S]`)).toContain("inside a character class");
    expect(rejected(String.raw`[\W]`)).toContain("inside a character class");
    expect(rejected("(?L)a")).toContain("bad inline flags");
    expect(rejected("(?ai)a")).toContain("ASCII-only case-insensitive");
    expect(rejected("(?=a)*")).toContain("lookaround");
    expect(rejected(String.raw`(a)(?<=\1)`)).toContain("lookbehind");
  });

  it("rejects what Python itself rejects", () => {
    expect(rejected(String.raw`\e`)).toContain("bad escape");
    expect(rejected(String.raw`\z`)).toContain("bad escape");
    expect(rejected(String.raw`[\8]`)).toContain("bad escape");
    expect(rejected("a**")).toContain("multiple repeat");
    expect(rejected("*a")).toContain("nothing to repeat");
    expect(rejected("^*")).toContain("nothing to repeat");
    expect(rejected("(a")).toContain("missing )");
    expect(rejected("a)")).toContain("unbalanced parenthesis");
    expect(rejected("[a")).toContain("unterminated character set");
    expect(rejected("[z-a]")).toContain("bad character range");
    expect(rejected(String.raw`[\d-z]`)).toContain("bad character range");
    expect(rejected("a{3,1}")).toContain("min repeat greater than max repeat");
    expect(rejected(String.raw`\1(a)`)).toContain("invalid group reference");
    expect(rejected(String.raw`(a)\10`)).toContain("invalid group reference 10");
    expect(rejected(String.raw`(a\1)`)).toContain("open group");
    expect(rejected("(?P<n>a)(?P<n>b)")).toContain("redefinition");
    expect(rejected("(?P=nope)")).toContain("unknown group name");
    expect(rejected("(?<n>a)")).toContain("unknown extension");
    expect(rejected(String.raw`\x4`)).toContain("incomplete escape");
  });

  it("ReDoS guard: nested quantifiers and repeated identical alternatives", () => {
    for (const p of [
      "(a+)+",
      String.raw`(\w+)+`,
      "(.+)+",
      "(a|a)+",
      "(a*)*",
      "(?:[a-z]+)*",
      String.raw`(\w+\s?)+$`,
      "((a+))+",
      "(x|y|x)*",
      "(a+){2,}",
    ]) {
      expect(rejected(p), p).toContain("ReDoS");
    }
    for (const p of [
      String.raw`(-[rRf]+\s+)+`,
      String.raw`([a-z0-9-]+\.)+[a-z]{2,}`,
      "(a+){1,3}",
      "(ab)+",
      "(a|b)+",
      String.raw`(\d+)?`,
    ]) {
      expect(translatePythonRegex(p).ok, p).toBe(true);
    }
  });

  it(`rejects patterns longer than ${MAX_REGEX_LENGTH} characters`, () => {
    expect(translatePythonRegex("a".repeat(MAX_REGEX_LENGTH)).ok).toBe(true);
    expect(rejected("a".repeat(MAX_REGEX_LENGTH + 1))).toContain("limit 1000");
  });
});
