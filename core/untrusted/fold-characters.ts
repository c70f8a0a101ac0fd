import { MappedBuilder } from "./mapped-text";
import type { MappedText } from "./mapped-text";

/**
 * Look-alikes that NFKC does not fold: Cyrillic and Greek letters that read as Latin ones, and
 * brackets, slashes, bars, dashes and quotes that read as the ASCII punctuation of markup.
 */
const LOOKALIKES: Record<string, string> = Object.fromEntries(
  [
    "аa вb еe ѕs іi јj оo рp сc уy хx һh ԁd ԛq ԝw ӏl ɡg ıi ɩi ʏy ᴀa",
    "АA ВB ЕE КK МM НH ОO РP СC ТT ХX ІI ЈJ ЅS ҮY ӀI",
    "αa οo εe ιi κk νv ρp τt υu χx ωw ϲc",
    "ΑA ΒB ΕE ΖZ ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX",
    "‹< ›> ⟨< ⟩> 〈< 〉> ❮< ❯> ˂< ˃> ᐸ< ᐳ> ⟪< ⟫> ≺< ≻>",
    "∕/ ⁄/ ⧸/ ╱/ ǀ| ∣| │| ￨| ‐- ‑- ‒- –- —- ―- −-",
    "‘' ’' ‚' ‛' ′' “\" ”\" „\" ″\" ＂\"",
  ]
    .join(" ")
    .split(" ")
    .map((pair) => [...pair] as [string, string]),
);

const cache = new Map<number, string>();

function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x3164 ||
    cp === 0xffa0 ||
    (cp >= 0x17b4 && cp <= 0x17b5) ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0x1d173 && cp <= 0x1d17a) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    cp === 0xe0001 ||
    cp === 0xe007f
  );
}

/** What one code point reads as: "" for invisible ones. */
function fold(char: string, cp: number): string {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  let out: string;
  if (cp >= 0xe0020 && cp <= 0xe007e) {
    // Unicode "tag" characters: invisible copies of ASCII, used to smuggle hidden text.
    out = String.fromCharCode(cp - 0xe0000);
  } else if (isInvisible(cp) || /\p{Cf}/u.test(char)) {
    out = "";
  } else if (cp === 0x2028 || cp === 0x2029) {
    out = "\n";
  } else {
    const direct = LOOKALIKES[char];
    out =
      direct ??
      [...char.normalize("NFKD").replace(/\p{M}/gu, "").normalize("NFC")]
        .map((c) => LOOKALIKES[c] ?? c)
        .join("");
  }
  if (cache.size < 4096) cache.set(cp, out);
  return out;
}

/**
 * NFKC-style compatibility folding per code point (full-width, mathematical, circled letters),
 * with diacritics, zero-width and format characters removed and look-alikes mapped to ASCII.
 */
export function foldCharacters(input: MappedText): MappedText {
  const text = input.text;
  const out = new MappedBuilder(input);
  let runStart = 0;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const plain = cp >= 0x20 && cp < 0x7f ? true : cp === 0x09 || cp === 0x0a || cp === 0x0d;
    if (!plain) {
      out.copy(runStart, i);
      const char = text.slice(i, i + width);
      out.replace(i, i + width, cp < 0x20 || cp === 0x7f ? "" : fold(char, cp));
      runStart = i + width;
    }
    i += width;
  }
  out.copy(runStart, text.length);
  return out.build();
}
