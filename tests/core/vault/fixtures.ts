import { toBase64 } from "../../../core/encoding";
import { importKekRing, parseKekRing } from "../../../core/vault/kek-ring";
import type { KekRing } from "../../../core/vault/kek-ring";
import { VaultCryptoError } from "../../../core/vault/errors";
import type { VaultCryptoErrorCode } from "../../../core/vault/errors";

/** Deterministic 32-byte test key per seed (distinct seeds give distinct keys). */
export function keyBytes(seed: number): Uint8Array {
  return Uint8Array.from({ length: 32 }, (_, i) => (seed * 31 + i * 7 + 1) & 255);
}

export function keyText(seed: number): string {
  return toBase64(keyBytes(seed));
}

/** Builds a ring from `[id, seed]` pairs; the first pair is the active KEK. */
export async function ringOf(...entries: [id: string, seed: number][]): Promise<KekRing> {
  const parsed = parseKekRing(entries.map(([id, seed]) => `${id}:${keyText(seed)}`).join(","));
  if (!parsed.ok) throw new Error(parsed.error);
  return importKekRing(parsed.ring);
}

/** Awaits a rejection and checks it is a VaultCryptoError with `code`; returns it. */
export async function expectVaultError(
  promise: Promise<unknown>,
  code: VaultCryptoErrorCode,
): Promise<VaultCryptoError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof VaultCryptoError)) {
    throw new Error(`expected VaultCryptoError(${code}), got ${String(caught)}`);
  }
  if (caught.code !== code) throw new Error(`expected code ${code}, got ${caught.code}`);
  return caught;
}

/** Flips one bit of a base64 field. */
export function flipBit(base64: string, byteIndex: number, bit = 0): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const i = ((byteIndex % bytes.length) + bytes.length) % bytes.length;
  bytes[i] = bytes[i]! ^ (1 << bit);
  return toBase64(bytes);
}
