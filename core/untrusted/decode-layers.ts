/**
 * Decoding passes: segments of the original text that are base64, base64url, hex or
 * percent-encoded UTF-8 and decode to readable text, and whole-text ROT13 and reversed views
 * (plus right-to-left override runs) when they read better than the text itself. Each decoded
 * text is scanned again like the original; sizes, counts and depth are bounded.
 */
export type Encoding = "base64" | "base64url" | "hex" | "url" | "rot13" | "reversed";

export interface DecodedSegment {
  encoding: Encoding;
  /** Span of the encoded form in the text it was found in. */
  start: number;
  end: number;
  text: string;
}

export const DECODE_LIMITS = {
  /** Segments decoded per text (the longest first). */
  maxSegments: 16,
  /** Characters of decoded text per text, all segments together. */
  maxDecodedChars: 32 * 1024,
  /** Encoded inside encoded inside the original: two levels. */
  maxDepth: 2,
  minEncodedChars: 16,
  /** Longest single segment looked at (a larger blob is an attachment, not a sentence). */
  maxEncodedChars: 16 * 1024,
} as const;

const BASE64 = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const HEX = /(?:[0-9a-fA-F]{2}(?:[ :]?)){8,}/g;
const PERCENT = /(?:%[0-9a-fA-F]{2}){4,}/g;
const RTL_RUN = /\u202e([^\u202c\n]*)(?:\u202c|$)/gm;
const fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Readable: valid UTF-8, few control characters, mostly letters and spaces. */
function readable(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = fatal.decode(bytes);
  } catch {
    return null;
  }
  if (text.length < 8) return null;
  if (/[\p{Co}\p{Cn}\ufffd]|(?![\t\n\r])\p{Cc}/u.test(text)) return null;
  const letters = text.match(/[\p{L}\p{N}\s]/gu)?.length ?? 0;
  const n = text.match(/[\s\S]/gu)?.length ?? text.length;
  return letters / n >= 0.7 && (/\s/.test(text) || /[\u3040-\u9fff]/.test(text)) ? text : null;
}

function fromBase64Text(s: string): Uint8Array | null {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (b64.length % 4 === 1) return null;
  try {
    const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function fromHexText(s: string): Uint8Array {
  const hex = s.replace(/[ :]/g, "");
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function fromPercent(s: string): Uint8Array {
  const out = new Uint8Array(s.length / 3);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(i * 3 + 1, i * 3 + 3), 16);
  return out;
}

const rot13 = (s: string): string =>
  s.replace(/[A-Za-z]/g, (c) => {
    const base = c <= "Z" ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
const reverse = (s: string): string => Array.from(s).reverse().join("");

// Short words that ordinary text in the Latin-script languages is full of.
const COMMON =
  /(?<![\p{L}\p{N}])(?:the|and|you|your|to|of|is|are|all|this|that|with|for|now|from|der|die|das|und|nicht|ist|ein|mit|den|el|la|los|las|que|y|en|un|una|del|con|por|le|les|et|des|est|pour|du|au|o|os|um|uma|do|da|com|il|lo|che|di|per|non|della|dello|gli)(?![\p{L}\p{N}])/giu;
const LINE = /[^\n]{16,4096}/g;
const commonWords = (s: string): number => s.match(COMMON)?.length ?? 0;

/** Encoded segments of `text` and the transformed views worth scanning. */
export function decodedSegments(text: string): DecodedSegment[] {
  const found: DecodedSegment[] = [];
  const add = (encoding: Encoding, start: number, end: number, decoded: string | null) => {
    if (decoded !== null && decoded.trim() !== "")
      found.push({ encoding, start, end, text: decoded });
  };
  for (const m of text.matchAll(BASE64)) {
    const s = m[0];
    if (s.length > DECODE_LIMITS.maxEncodedChars || !/[0-9+/_-]|[a-z].*[A-Z]|[A-Z].*[a-z]/.test(s))
      continue;
    if (/^[0-9a-fA-F]+$/.test(s)) continue; // hex, below
    const bytes = fromBase64Text(s);
    if (bytes)
      add(/[-_]/.test(s) ? "base64url" : "base64", m.index, m.index + s.length, readable(bytes));
  }
  for (const m of text.matchAll(HEX)) {
    const s = m[0].trimEnd();
    if (s.length > DECODE_LIMITS.maxEncodedChars) continue;
    add("hex", m.index, m.index + s.length, readable(fromHexText(s)));
  }
  for (const m of text.matchAll(PERCENT)) {
    if (m[0].length > DECODE_LIMITS.maxEncodedChars) continue;
    add("url", m.index, m.index + m[0].length, readable(fromPercent(m[0])));
  }
  for (const m of text.matchAll(RTL_RUN)) {
    if (m[1]!.length >= 8) add("reversed", m.index, m.index + m[0].length, reverse(m[1]!));
  }
  // Line by line, so a wrapper sentence in plain text does not hide an encoded payload.
  for (const m of text.matchAll(LINE)) {
    const line = m[0];
    const own = commonWords(line);
    const better = (view: string) => {
      const n = commonWords(view);
      return n >= 3 && n > own;
    };
    const end = m.index + line.length;
    // Reversed CJK has no short words to count: it starts with the sentence's final stop.
    const stop = line.search(/[。！？]/);
    if (stop >= 0 && stop < line.search(/[\u3040-\u30ff\u4e00-\u9fff]/)) {
      add("reversed", m.index, end, reverse(line));
      continue;
    }
    // A line that already reads as prose (a common word every 30 characters) is left alone.
    if (own * 30 > line.length || !/[A-Za-z]{4}/.test(line)) continue;
    const r13 = rot13(line);
    if (better(r13)) add("rot13", m.index, end, r13);
    const rev = reverse(line);
    if (better(rev)) add("reversed", m.index, end, rev);
  }
  // Longest first, within the bounds.
  found.sort((a, b) => b.end - b.start - (a.end - a.start));
  const out: DecodedSegment[] = [];
  let budget = DECODE_LIMITS.maxDecodedChars;
  for (const seg of found) {
    if (out.length >= DECODE_LIMITS.maxSegments || budget <= 0) break;
    const piece = seg.text.slice(0, budget);
    budget -= piece.length;
    out.push({ ...seg, text: piece });
  }
  return out;
}
