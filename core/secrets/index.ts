export { findSecrets, looksRandom, secretLabel } from "./patterns";
export type { SecretFinding, SecretKind, SecretProvider } from "./patterns";
export { guardChatInput } from "./chat-guard";
export type { ChatGuardResult } from "./chat-guard";
export { maskKnownSecrets, maskValue, MIN_MASKABLE_LENGTH, redactSecrets } from "./mask";
