import { KEY_BYTES, decodeBase64 } from "./aes-gcm";

/**
 * The key-encryption-key ring, parsed from the `VAULT_KEKS` secret:
 * `"k2:<base64 32 bytes>,k1:<base64 32 bytes>"`. The first entry is the active KEK (new wraps);
 * the others only unwrap DEKs that have not been rewrapped yet.
 */
export interface ParsedKek {
  readonly id: string;
  readonly keyBytes: Uint8Array;
}

/** Non-empty by construction: `active` is the first entry, `rest` the older ones. */
export interface ParsedKekRing {
  readonly active: ParsedKek;
  readonly rest: readonly ParsedKek[];
}

export interface Kek {
  readonly id: string;
  /** Non-extractable AES-256-GCM key; usable only to encrypt a raw DEK and (un)wrap DEK keys. */
  readonly key: CryptoKey;
}

export interface KekRing {
  readonly active: Kek;
  readonly byId: ReadonlyMap<string, Kek>;
}

export type ParseKekRingResult =
  | { readonly ok: true; readonly ring: ParsedKekRing }
  | { readonly ok: false; readonly error: string };

export const KEK_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Validates the ring text. Error messages name the entry by position (and by id only once the id
 * is known to be well-formed) and never echo key text: a mis-pasted secret must not reach logs.
 */
export function parseKekRing(text: string): ParseKekRingResult {
  if (typeof text !== "string" || text.trim() === "") {
    return { ok: false, error: "VAULT_KEKS is empty: expected 'id:base64key[,id:base64key...]'" };
  }
  const entries: ParsedKek[] = [];
  const seen = new Set<string>();
  const parts = text.trim().split(",");
  for (const [index, raw] of parts.entries()) {
    const where = `VAULT_KEKS entry ${index + 1}`;
    const part = raw.trim();
    if (part === "") return { ok: false, error: `${where} is empty` };
    const colon = part.indexOf(":");
    if (colon < 0) return { ok: false, error: `${where} is not of the form 'id:base64key'` };
    const id = part.slice(0, colon);
    if (!KEK_ID_PATTERN.test(id)) {
      return { ok: false, error: `${where} has an invalid id (expected [A-Za-z0-9_-]{1,32})` };
    }
    if (seen.has(id)) return { ok: false, error: `${where}: duplicate KEK id '${id}'` };
    seen.add(id);
    const keyBytes = decodeBase64(part.slice(colon + 1));
    if (keyBytes === undefined) {
      return { ok: false, error: `${where} ('${id}'): key is not valid padded base64` };
    }
    if (keyBytes.length !== KEY_BYTES) {
      return {
        ok: false,
        error: `${where} ('${id}'): key must be ${KEY_BYTES} bytes, got ${keyBytes.length}`,
      };
    }
    entries.push({ id, keyBytes });
  }
  // `split` yields at least one part and every part was either pushed or returned an error.
  const [active, ...rest] = entries as [ParsedKek, ...ParsedKek[]];
  return { ok: true, ring: { active, rest } };
}

/** Imports every KEK as a non-extractable AES-GCM key. */
export async function importKekRing(parsed: ParsedKekRing): Promise<KekRing> {
  const importOne = async ({ id, keyBytes }: ParsedKek): Promise<Kek> => ({
    id,
    key: await crypto.subtle.importKey(
      "raw",
      new Uint8Array(keyBytes),
      { name: "AES-GCM" },
      false,
      // No "decrypt": raw DEK bytes can never be recovered with a KEK, only unwrapped into keys.
      ["encrypt", "wrapKey", "unwrapKey"],
    ),
  });
  const active = await importOne(parsed.active);
  const byId = new Map<string, Kek>([[active.id, active]]);
  for (const entry of parsed.rest) byId.set(entry.id, await importOne(entry));
  return { active, byId };
}

/** Parses and imports in one step; the error is the parse error (no key material). */
export async function loadKekRing(
  text: string,
): Promise<{ ok: true; ring: KekRing } | { ok: false; error: string }> {
  const parsed = parseKekRing(text);
  if (!parsed.ok) return parsed;
  return { ok: true, ring: await importKekRing(parsed.ring) };
}
