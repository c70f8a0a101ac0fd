import type { SecretMatcher } from "../../core/secrets";
import type { SecretUse, VaultSession } from "./resolve";

/** The tenant's vault, as the Durable Object's parts reach it (bound to the object's tenant). */
export interface VaultPort {
  /** A resolver for one operation (a tool call, a model call, a delivery): close it when done. */
  open(onUse?: (use: SecretUse) => void): Promise<VaultSession>;
  /** Every vault value of the tenant, in every spelling, for masking text before it is kept. */
  matcher(): Promise<SecretMatcher>;
}
