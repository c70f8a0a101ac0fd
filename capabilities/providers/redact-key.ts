import { maskKnownSecrets } from "../../core/secrets/mask";
import type { ModelResult } from "../../core/providers/types";

/**
 * Keys shorter than this are only masked in error messages: local servers (Ollama, LM Studio)
 * accept any placeholder such as "ollama", and masking that word inside model text would garble
 * answers without protecting anything.
 */
export const MIN_KEY_LENGTH_FOR_CONTENT = 8;

function maskDeep(value: unknown, key: string): unknown {
  if (typeof value === "string") return maskKnownSecrets(value, [key]);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, key));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [maskKnownSecrets(k, [key]), maskDeep(v, key)]),
    );
  }
  return value;
}

/**
 * Defence in depth: no code path puts the key into a result, but a provider (or a proxy, or a
 * mistyped base URL pointing at an echo server) can reflect request headers into its error body
 * or even into a "completion". Every occurrence is masked as `***last4`, the vault's own display.
 */
export function redactKey(result: ModelResult, apiKey: string): ModelResult {
  if (apiKey === "") return result;
  if (!result.ok) {
    return {
      ok: false,
      error: { ...result.error, message: maskKnownSecrets(result.error.message, [apiKey]) },
    };
  }
  if (apiKey.length < MIN_KEY_LENGTH_FOR_CONTENT) return result;
  return { ok: true, response: maskDeep(result.response, apiKey) as typeof result.response };
}
