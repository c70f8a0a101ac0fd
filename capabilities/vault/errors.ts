import { VaultCryptoError } from "../../core/vault";
import { ApiError } from "../../platform/http/errors";
import { domainApiError } from "../../platform/http/domain-errors";
import type { DomainErrorCode } from "../../platform/result";

export type VaultErrorCode = Extract<
  DomainErrorCode,
  "secret_not_found" | "key_destroyed" | "conflict" | "invalid_value" | "destination_refused"
>;

/** Vault outcomes that are not crypto failures. Messages name secrets, never values. */
export class VaultError extends Error {
  override readonly name = "VaultError";
  constructor(
    readonly code: VaultErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An API error for a vault failure. Crypto failures mean the KEK ring cannot open this tenant's
 * keys (a missing or wrong KEK, or tampered key material): logged by code only, answered as 503.
 */
export function vaultApiError(e: unknown, requestId: string | undefined): unknown {
  if (e instanceof ApiError) return e;
  if (e instanceof VaultError) {
    // A malformed value is reported on the field it came in.
    const issues = e.code === "invalid_value" ? [{ path: "value", message: e.message }] : [];
    return domainApiError(e.code, e.message, issues);
  }
  if (e instanceof VaultCryptoError) {
    console.error(
      JSON.stringify({ level: "error", requestId, msg: "vault crypto failure", code: e.code }),
    );
    return new ApiError(
      503,
      "vault_locked",
      "The vault cannot open this tenant's keys. An operator must check VAULT_KEKS.",
    );
  }
  return e;
}

/** Runs a vault operation for a route, turning vault failures into API errors. */
export async function withVaultErrors<T>(
  requestId: string | undefined,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw vaultApiError(e, requestId);
  }
}
