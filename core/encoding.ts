const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** The two character codes of each byte's hex, and a digest's 64 codes (reused). */
const HEX_CODES = HEX.flatMap((h) => [h.charCodeAt(0), h.charCodeAt(1)]);
const DIGEST_CODES: number[] = new Array(64).fill(0);

export function toHex(bytes: Uint8Array): string {
  // A 32-byte digest, the common case, as one string at once instead of 32 concatenations.
  if (bytes.length === 32) {
    for (let i = 0; i < 32; i++) {
      DIGEST_CODES[2 * i] = HEX_CODES[2 * bytes[i]!]!;
      DIGEST_CODES[2 * i + 1] = HEX_CODES[2 * bytes[i]! + 1]!;
    }
    return String.fromCharCode.apply(null, DIGEST_CODES);
  }
  let out = "";
  for (const b of bytes) out += HEX[b];
  return out;
}

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 !== 0 || /[^0-9a-f]/i.test(hex)) throw new TypeError("invalid hex");
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (/[^A-Za-z0-9_-]/.test(text)) throw new TypeError("invalid base64url");
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export function toBase64(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export const utf8 = {
  encode: (text: string): Uint8Array<ArrayBuffer> =>
    new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>,
  decode: (bytes: Uint8Array): string => new TextDecoder().decode(bytes),
};

/** Constant-time comparison of two byte strings (length is not secret). */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
