import { badResponse, quoteName } from "./errors";
import { isObject, tryParseJson } from "./json-guards";
import type { ModelToolCall, ProviderError, ProviderKind } from "./types";

export type ToolCallResult =
  { ok: true; call: ModelToolCall } | { ok: false; error: ProviderError };

/**
 * Builds a tool call from the arguments text a model produced. Empty text means "no arguments"
 * (some models send nothing for tools without parameters); anything else must be a JSON object.
 */
export function toolCallFromJson(
  provider: ProviderKind,
  id: string,
  name: string,
  argumentsJson: string,
): ToolCallResult {
  if (argumentsJson.trim() === "") return { ok: true, call: { id, name, input: {} } };
  const parsed = tryParseJson(argumentsJson);
  if (!parsed.ok) {
    return {
      ok: false,
      error: badResponse(
        provider,
        `the arguments of tool call ${quoteName(name)} are not valid JSON`,
      ),
    };
  }
  return toolCallFromValue(provider, id, name, parsed.value);
}

export function toolCallFromValue(
  provider: ProviderKind,
  id: string,
  name: string,
  input: unknown,
): ToolCallResult {
  if (!isObject(input)) {
    return {
      ok: false,
      error: badResponse(
        provider,
        `the arguments of tool call ${quoteName(name)} are not a JSON object`,
      ),
    };
  }
  return { ok: true, call: { id, name, input } };
}
