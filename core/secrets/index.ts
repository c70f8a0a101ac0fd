export { findSecrets, looksRandom, secretLabel } from "./patterns";
export type { SecretFinding, SecretKind, SecretProvider } from "./patterns";
export { guardChatInput } from "./chat-guard";
export type { ChatGuardResult } from "./chat-guard";
export {
  maskKnownSecrets,
  maskValue,
  MIN_MASKABLE_LENGTH,
  redactSecrets,
  SecretMatcher,
  StreamMasker,
} from "./mask";
export { secretForms } from "./forms";
export {
  findSecretRefs,
  referencedNames,
  replaceSecretRefs,
  SECRET_NAME_SYNTAX,
} from "./reference";
export type { SecretReference } from "./reference";
export {
  destinationAllows,
  parseDestination,
  originOf,
  parseOrigin,
  canonicalOrigin,
  type Destination,
  type DestinationVia,
} from "./destinations";
