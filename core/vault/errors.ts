/**
 * The only error the vault crypto throws for bad data. Messages are fixed strings or name the
 * offending field; they never contain key material, plaintext, ciphertext or underlying errors.
 */
export type VaultCryptoErrorCode = "unknown_kek" | "decrypt_failed" | "bad_input";

export class VaultCryptoError extends Error {
  override readonly name = "VaultCryptoError";
  readonly code: VaultCryptoErrorCode;

  constructor(code: VaultCryptoErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export const decryptFailed = () =>
  new VaultCryptoError("decrypt_failed", "decryption failed (wrong key, context or tampered data)");

export const badInput = (what: string) => new VaultCryptoError("bad_input", `invalid ${what}`);
