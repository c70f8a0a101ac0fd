import { rewrite } from "./mapped-text";
import type { MappedText } from "./mapped-text";

/** HTML named references that matter for hiding markup or words; others are left as they are. */
const NAMED: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
  nbsp: " ",
  sol: "/",
  bsol: "\\",
  lsqb: "[",
  rsqb: "]",
  lbrack: "[",
  rbrack: "]",
  lpar: "(",
  rpar: ")",
  lcub: "{",
  rcub: "}",
  lbrace: "{",
  rbrace: "}",
  vert: "|",
  verbar: "|",
  VerticalLine: "|",
  excl: "!",
  quest: "?",
  num: "#",
  period: ".",
  comma: ",",
  colon: ":",
  semi: ";",
  equals: "=",
  lowbar: "_",
  hyphen: "-",
  dash: "-",
  ndash: "-",
  mdash: "-",
  Tab: "\t",
  NewLine: "\n",
  shy: "\u00ad",
  ZeroWidthSpace: "\u200b",
  zwj: "\u200d",
  zwnj: "\u200c",
  lsaquo: "‹",
  rsaquo: "›",
  lang: "⟨",
  rang: "⟩",
  langle: "⟨",
  rangle: "⟩",
  LT: "<",
  GT: ">",
  AMP: "&",
  QUOT: '"',
  lsquo: "'",
  rsquo: "'",
  ldquo: '"',
  rdquo: '"',
  grave: "`",
  ast: "*",
  midast: "*",
  plus: "+",
  percnt: "%",
  dollar: "$",
  commat: "@",
  Hat: "^",
};
/** Legacy references a browser also decodes without the semicolon. */
const BARE = new Set(["lt", "gt", "amp", "quot", "LT", "GT", "AMP", "QUOT", "nbsp", "shy"]);

const ESCAPE =
  /&(?:#(\d{1,8});?|#[xX]([0-9a-fA-F]{1,7});?|([A-Za-z][A-Za-z0-9]{1,31})(;?))|\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|%([0-9a-fA-F]{2})/g;

function fromCodePoint(cp: number): string {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return "\ufffd";
  return String.fromCodePoint(cp);
}

function decodeOne(m: RegExpExecArray): string | null {
  const [, dec, hex, name, semi, braced, u4, x2, pct] = m;
  if (dec !== undefined) return fromCodePoint(Number(dec));
  if (hex !== undefined) return fromCodePoint(parseInt(hex, 16));
  if (name !== undefined) {
    const value = NAMED[name];
    return value !== undefined && (semi === ";" || BARE.has(name)) ? value : null;
  }
  const code = braced ?? u4 ?? x2;
  if (code !== undefined) return fromCodePoint(parseInt(code, 16));
  // Percent-encoding: only single ASCII bytes, which is all that hiding a word or tag needs.
  const byte = parseInt(pct!, 16);
  return (byte >= 0x20 && byte < 0x7f) || (byte >= 0x09 && byte <= 0x0d)
    ? String.fromCharCode(byte)
    : null;
}

/** Decodes HTML references, JS-style escapes and %XX, repeatedly (for double encoding). */
export function decodeEscapes(input: MappedText, maxRounds = 3): MappedText {
  let current = input;
  for (let round = 0; round < maxRounds; round++) {
    const next = rewrite(current, ESCAPE, decodeOne);
    if (next === current) break;
    current = next;
  }
  return current;
}
