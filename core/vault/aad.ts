import { canonicalJson } from "../canonical-json";
import { utf8 } from "../encoding";
import { badInput } from "./errors";

/**
 * Additional authenticated data. Each is the UTF-8 of the RFC 8785 canonical JSON of an object
 * with a distinct `purpose`, so fields are named and typed (no concatenation ambiguity), a DEK
 * AAD can never equal a secret AAD, and the bytes are stable across runtimes. These encodings
 * are part of the stored format: changing them makes existing ciphertexts unreadable.
 *
 *   DEK:    {"dek_version":1,"kek_id":"k1","purpose":"gatehouse/dek/v1","tenant":"t_1"}
 *   secret: {"dek_version":1,"name":"GH","purpose":"gatehouse/secret/v1","tenant":"t_1","version":2}
 */
export const DEK_AAD_PURPOSE = "gatehouse/dek/v1";
export const SECRET_AAD_PURPOSE = "gatehouse/secret/v1";

export function dekAad(tenantId: string, dekVersion: number, kekId: string): Uint8Array {
  return utf8.encode(
    canonicalJson({
      purpose: DEK_AAD_PURPOSE,
      tenant: checkText(tenantId, "tenantId"),
      dek_version: checkVersion(dekVersion, "dekVersion"),
      kek_id: checkText(kekId, "kekId"),
    }),
  );
}

export function secretAad(
  tenantId: string,
  name: string,
  version: number,
  dekVersion: number,
): Uint8Array {
  return utf8.encode(
    canonicalJson({
      purpose: SECRET_AAD_PURPOSE,
      tenant: checkText(tenantId, "tenantId"),
      name: checkText(name, "name"),
      version: checkVersion(version, "version"),
      dek_version: checkVersion(dekVersion, "dekVersion"),
    }),
  );
}

/**
 * Non-empty and well-formed UTF-16. A lone surrogate would be replaced by U+FFFD when encoded,
 * so two different strings could otherwise produce the same AAD.
 */
export function checkText(value: string, field: string): string {
  if (typeof value !== "string" || value.length === 0 || LONE_SURROGATE.test(value)) {
    throw badInput(field);
  }
  return value;
}

export function checkVersion(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw badInput(field);
  return value;
}

// With the `u` flag a valid surrogate pair is one code point, so only lone halves match.
export const LONE_SURROGATE = /\p{Cs}/u;
