import { hmacHex, importHmacKey } from "../../core/crypto/hash";

/** Crockford base32: no I, L, O or U, so a code read aloud or retyped is not misread. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 8 symbols (40 bits) from `crypto.getRandomValues`; 256 is a multiple of 32, so no bias. */
export function generateDeviceCode(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => ALPHABET[b & 31]).join("");
}

/** `ABCDEFGH` → `ABCD-EFGH`, as shown to people. */
export const formatDeviceCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** Codes are stored keyed by AUTH_PEPPER, so the table alone does not reveal live codes. */
export async function deviceCodeHash(pepper: string, code: string): Promise<string> {
  return hmacHex(await importHmacKey(pepper), `gatehouse/device-code/v1\n${code}`);
}
