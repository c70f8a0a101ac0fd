import { decodeEscapes } from "./decode-escapes";
import { foldCharacters } from "./fold-characters";
import { identity, rewrite } from "./mapped-text";
import type { MappedText } from "./mapped-text";

// Single letters separated by one repeated separator — space, dot, dash, underscore, star…:
// "i g n o r e", "i.g.n.o.r.e". Latin only: the patterns are, and folding has already mapped
// look-alikes to Latin. A change of separator ends the run, so "i-g-n-o-r-e a-l-l" stays two words.
const SPACED_LETTERS =
  /(?<![A-Za-z0-9])[A-Za-z]([ .\-_*~|+/])[A-Za-z](?:\1[A-Za-z])+(?![A-Za-z0-9])/g;
const SPACED_SEPARATOR = /[ .\-_*~|+/]/g;

// Words mixing letters with digits used as letters: "1gn0re", "prev10us". Tokens are matched
// whole and tested in code: a single regex for "mixed" backtracks quadratically on long runs.
const ALNUM_WORD = /[A-Za-z0-9]+/g;
const LEET_CANDIDATE = /[A-Za-z]{2}|[A-Za-z][0-9]+[A-Za-z]/;
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t" };

// Only runs that change: two or more whitespace characters, or one that is not " " or "\n".
const WHITESPACE = /\s{2,}|[^\S \n]/g;

/**
 * The view of untrusted text that injection patterns are matched against: escapes decoded
 * (HTML references, \\u, %XX — repeatedly), compatibility characters folded, invisible
 * characters dropped, look-alikes mapped, letter-spacing and leetspeak undone, and whitespace
 * collapsed (a run keeps one newline, or a blank line if it had one, so line structure
 * survives). Every character remembers its span in the original text.
 */
export function normalizeForScan(original: string): MappedText {
  let t = identity(original);
  t = decodeEscapes(t);
  t = foldCharacters(t);
  t = rewrite(t, SPACED_LETTERS, (m) => m[0].replace(SPACED_SEPARATOR, ""));
  t = rewrite(t, ALNUM_WORD, (m) =>
    /[013457]/.test(m[0]) && /[A-Za-z]/.test(m[0]) && LEET_CANDIDATE.test(m[0])
      ? m[0].replace(/[013457]/g, (d) => LEET[d]!)
      : null,
  );
  t = rewrite(t, WHITESPACE, (m) => {
    const newlines = m[0].split("\n").length - 1;
    return newlines >= 2 ? "\n\n" : newlines === 1 ? "\n" : " ";
  });
  return t;
}

export type { MappedText };
