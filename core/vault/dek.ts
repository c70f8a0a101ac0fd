import { toBase64 } from "../encoding";
import { dekAad } from "./aad";
import {
  KEY_BYTES,
  TAG_BYTES,
  asBytes,
  decodeCiphertext,
  decodeIv,
  freshIv,
  gcmEncrypt,
  gcmParams,
} from "./aes-gcm";
import { VaultCryptoError, badInput, decryptFailed } from "./errors";
import type { Kek, KekRing } from "./kek-ring";

/**
 * A tenant's data-encryption key as stored (tenant_keys row, next to tenant id and DEK version):
 * AES-256-GCM of the 32 raw DEK bytes under KEK `kekId`, AAD = dekAad(tenant, version, kekId).
 * `iv` (12 bytes) and `ciphertext` (32 bytes + 16-byte tag) are padded standard base64.
 */
export interface WrappedDek {
  readonly kekId: string;
  readonly iv: string;
  readonly ciphertext: string;
}

export interface DekContext {
  readonly ring: KekRing;
  readonly tenantId: string;
  readonly dekVersion: number;
}

const DEK_ALGORITHM = { name: "AES-GCM", length: 256 } as const;
const DEK_USAGES: ("encrypt" | "decrypt")[] = ["encrypt", "decrypt"];
const WRAPPED_BYTES = KEY_BYTES + TAG_BYTES;

/** 32 fresh random bytes. Hold them only long enough to wrap (and import) them. */
export async function generateDek(): Promise<Uint8Array> {
  return crypto.getRandomValues(new Uint8Array(KEY_BYTES));
}

/** Imports raw DEK bytes as a non-extractable AES-GCM key for encrypt/decrypt. */
export async function importDek(dekBytes: Uint8Array): Promise<CryptoKey> {
  checkDekBytes(dekBytes);
  return crypto.subtle.importKey("raw", asBytes(dekBytes), DEK_ALGORITHM, false, DEK_USAGES);
}

/** Wraps raw DEK bytes under the ring's active KEK with a fresh IV. */
export async function wrapDek(args: DekContext & { dekBytes: Uint8Array }): Promise<WrappedDek> {
  checkDekBytes(args.dekBytes);
  const kek = args.ring.active;
  const iv = freshIv();
  const aad = dekAad(args.tenantId, args.dekVersion, kek.id);
  const ciphertext = await gcmEncrypt(kek.key, iv, aad, args.dekBytes);
  return { kekId: kek.id, iv: toBase64(iv), ciphertext: toBase64(ciphertext) };
}

/**
 * Generates, wraps and imports a new DEK, then zeroes the raw bytes: the usual way to create a
 * tenant's first DEK or the next version on DEK rotation.
 */
export async function createDek(
  args: DekContext,
): Promise<{ wrapped: WrappedDek; dek: CryptoKey }> {
  const dekBytes = await generateDek();
  try {
    const wrapped = await wrapDek({ ...args, dekBytes });
    return { wrapped, dek: await importDek(dekBytes) };
  } finally {
    dekBytes.fill(0);
  }
}

/**
 * Unwraps a stored DEK into a non-extractable AES-GCM key. Fails with `unknown_kek` if its KEK is
 * not in the ring, `decrypt_failed` if the KEK, tenant, DEK version or data do not match, and
 * `bad_input` if the stored fields are malformed.
 */
export async function unwrapDek(args: DekContext & { wrapped: WrappedDek }): Promise<CryptoKey> {
  return unwrapToKey(args, false);
}

/**
 * KEK rotation: re-wraps a stored DEK under the ring's active KEK (fresh IV, new AAD kek_id).
 * The DEK is unwrapped as an extractable key that lives only inside this call and is re-wrapped
 * with wrapKey, so its raw bytes never appear in JavaScript memory.
 */
export async function rewrapDek(args: DekContext & { wrapped: WrappedDek }): Promise<WrappedDek> {
  const dek = await unwrapToKey(args, true);
  const kek = args.ring.active;
  const iv = freshIv();
  const aad = dekAad(args.tenantId, args.dekVersion, kek.id);
  const ciphertext = await crypto.subtle.wrapKey("raw", dek, kek.key, gcmParams(iv, aad));
  return { kekId: kek.id, iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(ciphertext)) };
}

/** True when a stored DEK is already wrapped by the active KEK (KEK rotation can skip it). */
export function isWrappedByActiveKek(ring: KekRing, wrapped: WrappedDek): boolean {
  return wrapped.kekId === ring.active.id;
}

async function unwrapToKey(
  { ring, tenantId, dekVersion, wrapped }: DekContext & { wrapped: WrappedDek },
  extractable: boolean,
): Promise<CryptoKey> {
  if (typeof wrapped !== "object" || wrapped === null) throw badInput("wrapped DEK");
  if (typeof wrapped.kekId !== "string") throw badInput("wrapped DEK kekId");
  const iv = decodeIv(wrapped.iv, "wrapped DEK iv");
  const ciphertext = decodeCiphertext(wrapped.ciphertext, "wrapped DEK ciphertext");
  if (ciphertext.length !== WRAPPED_BYTES) throw badInput("wrapped DEK ciphertext");
  const kek: Kek | undefined = ring.byId.get(wrapped.kekId);
  if (kek === undefined) {
    throw new VaultCryptoError("unknown_kek", "DEK is wrapped by an unknown KEK");
  }
  const aad = dekAad(tenantId, dekVersion, kek.id);
  try {
    return await crypto.subtle.unwrapKey(
      "raw",
      ciphertext,
      kek.key,
      gcmParams(iv, aad),
      DEK_ALGORITHM,
      extractable,
      DEK_USAGES,
    );
  } catch {
    throw decryptFailed();
  }
}

function checkDekBytes(dekBytes: Uint8Array): void {
  if (!(dekBytes instanceof Uint8Array) || dekBytes.length !== KEY_BYTES) throw badInput("DEK");
}
