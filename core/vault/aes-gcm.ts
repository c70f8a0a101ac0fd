import { fromBase64 } from "../encoding";
import { badInput, decryptFailed } from "./errors";

/** Shared AES-256-GCM primitives: 96-bit IVs, 128-bit tags, strict base64 for stored fields. */
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** Bytes backed by a plain ArrayBuffer, as WebCrypto's `BufferSource` requires. */
export type Bytes = Uint8Array<ArrayBuffer>;

export function asBytes(view: Uint8Array): Bytes {
  return view.buffer instanceof ArrayBuffer ? (view as Bytes) : new Uint8Array(view);
}

export function freshIv(): Bytes {
  return crypto.getRandomValues(new Uint8Array(IV_BYTES));
}

export function gcmParams(iv: Uint8Array, aad: Uint8Array) {
  return { name: "AES-GCM", iv: asBytes(iv), additionalData: asBytes(aad), tagLength: 128 };
}

export async function gcmEncrypt(
  key: CryptoKey,
  iv: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.encrypt(gcmParams(iv, aad), key, asBytes(plaintext)));
}

/** Authenticated decrypt; any failure becomes an opaque `decrypt_failed`. */
export async function gcmDecrypt(
  key: CryptoKey,
  iv: Uint8Array,
  aad: Uint8Array,
  ciphertext: Uint8Array,
): Promise<Bytes> {
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(gcmParams(iv, aad), key, asBytes(ciphertext)),
    );
  } catch {
    throw decryptFailed();
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict, padded standard base64 (rejects whitespace, the url-safe alphabet and bad padding). */
export function decodeBase64(text: string): Bytes | undefined {
  if (typeof text !== "string" || !BASE64.test(text)) return undefined;
  return asBytes(fromBase64(text));
}

export function decodeIv(text: string, field: string): Bytes {
  const iv = decodeBase64(text);
  if (iv === undefined || iv.length !== IV_BYTES) throw badInput(field);
  return iv;
}

export function decodeCiphertext(text: string, field: string, minBytes = TAG_BYTES): Bytes {
  const bytes = decodeBase64(text);
  if (bytes === undefined || bytes.length < minBytes) throw badInput(field);
  return bytes;
}
