export { DEK_AAD_PURPOSE, SECRET_AAD_PURPOSE, dekAad, secretAad } from "./aad";
export {
  createDek,
  generateDek,
  importDek,
  isWrappedByActiveKek,
  rewrapDek,
  unwrapDek,
  wrapDek,
} from "./dek";
export type { DekContext, WrappedDek } from "./dek";
export { DekCache } from "./dek-cache";
export { VaultCryptoError } from "./errors";
export type { VaultCryptoErrorCode } from "./errors";
export { KEK_ID_PATTERN, importKekRing, loadKekRing, parseKekRing } from "./kek-ring";
export type { Kek, KekRing, ParseKekRingResult, ParsedKek, ParsedKekRing } from "./kek-ring";
export { maskLast4 } from "./mask";
export { decryptSecret, encryptSecret, reencryptSecret } from "./secret";
export type { EncryptedSecret, SecretContext } from "./secret";
