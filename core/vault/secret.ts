import { toBase64, utf8 } from "../encoding";
import { LONE_SURROGATE, secretAad } from "./aad";
import { decodeCiphertext, decodeIv, freshIv, gcmDecrypt, gcmEncrypt } from "./aes-gcm";
import type { Bytes } from "./aes-gcm";
import { badInput, decryptFailed } from "./errors";

/**
 * A secret value as stored (secrets row, next to tenant id, name, version and DEK version):
 * AES-256-GCM of the UTF-8 value under the tenant's DEK, AAD = secretAad(tenant, name, version,
 * dekVersion). `iv` (12 bytes) and `ciphertext` (value + 16-byte tag) are padded standard base64.
 */
export interface EncryptedSecret {
  readonly iv: string;
  readonly ciphertext: string;
}

/** Which secret a ciphertext belongs to; every field is bound into the AAD. */
export interface SecretContext {
  readonly tenantId: string;
  readonly name: string;
  readonly version: number;
}

export async function encryptSecret(
  args: SecretContext & { dek: CryptoKey; dekVersion: number; plaintext: string },
): Promise<EncryptedSecret> {
  // A lone surrogate would not survive UTF-8; refuse rather than store a different value.
  if (typeof args.plaintext !== "string" || LONE_SURROGATE.test(args.plaintext)) {
    throw badInput("plaintext");
  }
  const plaintext = utf8.encode(args.plaintext);
  try {
    return await encryptBytes(args, args.dek, args.dekVersion, plaintext);
  } finally {
    plaintext.fill(0);
  }
}

/**
 * Fails with `decrypt_failed` for a wrong DEK, a ciphertext moved to another tenant, name,
 * version or DEK version, or any tampering; with `bad_input` for malformed stored fields.
 */
export async function decryptSecret(
  args: SecretContext & { dek: CryptoKey; dekVersion: number; encrypted: EncryptedSecret },
): Promise<string> {
  const plaintext = await decryptBytes(args, args.dek, args.dekVersion, args.encrypted);
  try {
    return STRICT_UTF8.decode(plaintext);
  } catch {
    throw decryptFailed();
  } finally {
    plaintext.fill(0);
  }
}

/**
 * DEK rotation for one secret: decrypts under the old DEK and encrypts under the new one with a
 * fresh IV. The secret keeps its name and version; only the DEK version in the AAD changes. The
 * value stays in a byte buffer (zeroed afterwards) and is never turned into a string.
 */
export async function reencryptSecret(
  args: SecretContext & {
    oldDek: CryptoKey;
    oldDekVersion: number;
    newDek: CryptoKey;
    newDekVersion: number;
    encrypted: EncryptedSecret;
  },
): Promise<EncryptedSecret> {
  // Validate the target context before decrypting anything.
  secretAad(args.tenantId, args.name, args.version, args.newDekVersion);
  const plaintext = await decryptBytes(args, args.oldDek, args.oldDekVersion, args.encrypted);
  try {
    return await encryptBytes(args, args.newDek, args.newDekVersion, plaintext);
  } finally {
    plaintext.fill(0);
  }
}

async function encryptBytes(
  { tenantId, name, version }: SecretContext,
  dek: CryptoKey,
  dekVersion: number,
  plaintext: Uint8Array,
): Promise<EncryptedSecret> {
  const aad = secretAad(tenantId, name, version, dekVersion);
  const iv = freshIv();
  const ciphertext = await gcmEncrypt(dek, iv, aad, plaintext);
  return { iv: toBase64(iv), ciphertext: toBase64(ciphertext) };
}

async function decryptBytes(
  { tenantId, name, version }: SecretContext,
  dek: CryptoKey,
  dekVersion: number,
  encrypted: EncryptedSecret,
): Promise<Bytes> {
  if (typeof encrypted !== "object" || encrypted === null) throw badInput("encrypted secret");
  const aad = secretAad(tenantId, name, version, dekVersion);
  const iv = decodeIv(encrypted.iv, "secret iv");
  const ciphertext = decodeCiphertext(encrypted.ciphertext, "secret ciphertext");
  return gcmDecrypt(dek, iv, aad, ciphertext);
}

// fatal: reject invalid UTF-8; ignoreBOM: keep a leading U+FEFF so every value round-trips exactly.
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
