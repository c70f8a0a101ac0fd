/**
 * plainLiteral (the parse-free path for patterns without special characters) gives the same
 * literal shape as the full Python-regex translation, and declines everything else.
 */
import { describe, expect, it } from "vitest";
import { plainLiteral, translatePythonRegex } from "../../../core/policy/python-regex";

const PLAIN = [
  "",
  "^",
  "$",
  "\\Z",
  "^$",
  "^\\Z",
  "ls",
  "^cmd-1/",
  "^cmd-1/$",
  "^/etc/passwd\\Z",
  "rm -rf /",
  "#not-a-comment",
  "tab\there",
  "line\nbreak",
  "é日本",
  "a,b;c=d@e%f&g!h'i\"j<k>l:m~n`o",
  "x".repeat(1000),
];

const NOT_PLAIN = [
  "a]b",
  "a}b",
  "a.b",
  "a*",
  "a+",
  "a?",
  "a{2}",
  "[ab]",
  "a|b",
  "(a)",
  "\\d",
  "a\\.b",
  "a^",
  "$a",
  "a$b",
  "(?i)^ls",
  "x".repeat(1001),
  "\ud83d\ude00",
];

describe("plainLiteral", () => {
  it.each(PLAIN)("reads %j as the translator does", (pattern) => {
    const translated = translatePythonRegex(pattern);
    expect(translated.ok).toBe(true);
    expect(plainLiteral(pattern)).toEqual(translated.ok ? translated.literal : undefined);
  });

  it("spells anchors as Python does", () => {
    expect(plainLiteral("^cmd-1/")).toEqual({ text: "cmd-1/", start: true, end: "none" });
    expect(plainLiteral("^ls$")).toEqual({ text: "ls", start: true, end: "dollar" });
    expect(plainLiteral("^ls\\Z")).toEqual({ text: "ls", start: true, end: "absolute" });
    expect(plainLiteral("host.internal")).toBeNull();
  });

  it.each(NOT_PLAIN)("leaves %j to the translator", (pattern) => {
    expect(plainLiteral(pattern)).toBeNull();
  });
});
