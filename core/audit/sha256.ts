import { sha256 as nobleDigest } from "@noble/hashes/sha2.js";
import { toHex } from "../encoding";

/**
 * A synchronous SHA-256. Audit hashing runs once or more per event, so it must not go through
 * WebCrypto's per-call promise. Core defaults to `nobleSha256` (pure JS, runs everywhere); hosts
 * with a native hash (the CLI on Node) can inject a faster one.
 */
export interface Sha256 {
  /** The 32-byte digest of `data`, in a new array the caller may keep. */
  digest(data: Uint8Array): Uint8Array;
  /** The digest of `data` as 64 lowercase hex characters. */
  hex(data: Uint8Array): string;
  /** Optional: writes the digest of `data` to `out[offset, offset + 32)`, allocating nothing. */
  digestInto?(data: Uint8Array, out: Uint8Array, offset: number): void;
}

/** Adapts a plain `bytes -> digest` function (e.g. Node's `createHash`) to `Sha256`. */
export function sha256FromDigest(digest: (data: Uint8Array) => Uint8Array): Sha256 {
  return { digest, hex: (data) => toHex(digest(data)) };
}

export const nobleSha256: Sha256 = sha256FromDigest((data) => nobleDigest(data));
