import { toBase64, toHex, utf8 } from "../encoding";

/** Chars of a base64 text that depend on k unknown bytes before the value: 0, 2 or 3. */
const PREFIX_CHARS = [0, 2, 3] as const;

/**
 * The base64 spellings of `bytes` wherever they sit inside a longer base64 text: for each of the
 * three byte alignments, the characters that depend on these bytes alone (so `Basic
 * base64("user:" + value)` still contains one of them).
 */
function base64Forms(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (const k of [0, 1, 2] as const) {
    const shifted = new Uint8Array(k + bytes.length);
    shifted.set(bytes, k);
    const full = Math.floor(shifted.length / 3) * 4;
    const form = toBase64(shifted).slice(PREFIX_CHARS[k], full);
    if (k === 0) out.push(toBase64(bytes).replace(/=+$/, ""));
    else if (form.length >= 8) out.push(form);
  }
  return out;
}

/**
 * The spellings in which a secret value can leave in text: as is, and in the encodings a model or
 * a tool most often produces — base64 and base64url (unpadded, at every alignment, so a padded or
 * embedded copy matches too), hex in either case, and URL-encoding. Maskers look for all of them.
 */
export function secretForms(value: string): string[] {
  const bytes = utf8.encode(value);
  const b64 = base64Forms(bytes);
  const hex = toHex(bytes);
  const forms = [
    value,
    ...b64,
    ...b64.map((f) => f.replace(/\+/g, "-").replace(/\//g, "_")),
    hex,
    hex.toUpperCase(),
    encodeURIComponent(value),
  ];
  return [...new Set(forms)];
}
