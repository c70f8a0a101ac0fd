import type { ProviderError, ProviderErrorKind, ProviderKind } from "./types";

/** Longest provider-supplied text copied into an error message. */
export const MAX_DETAIL_CHARS = 300;

export function providerLabel(kind: ProviderKind): string {
  return kind === "anthropic" ? "Anthropic" : "OpenAI-compatible provider";
}

export function providerError(
  kind: ProviderErrorKind,
  message: string,
  extra: { status?: number | null; retry_after_seconds?: number | null } = {},
): ProviderError {
  return {
    kind,
    status: extra.status ?? null,
    retry_after_seconds: extra.retry_after_seconds ?? null,
    message,
  };
}

export function badResponse(provider: ProviderKind, what: string): ProviderError {
  return providerError(
    "bad_response",
    `${providerLabel(provider)} sent a malformed response: ${what}`,
  );
}

export function cutStream(provider: ProviderKind, what: string): ProviderError {
  return providerError("cut_stream", `${providerLabel(provider)} stream ended early: ${what}`);
}

/** Collapses whitespace and caps length so provider text is safe to put in one log/event line. */
export function clip(text: string, max = MAX_DETAIL_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Quotes a model-chosen name (e.g. a tool name) for an error message. */
export function quoteName(name: string): string {
  return JSON.stringify(clip(name, 64));
}
