import { clip, providerError, providerLabel } from "./errors";
import { isObject, stringOr, tryParseJson } from "./json-guards";
import { retryAfterSeconds } from "./retry-after";
import type { HeaderLookup, ProviderError, ProviderErrorKind, ProviderKind } from "./types";

/** The error kind an HTTP status means, before looking at the body. */
export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 429) return "rate_limited";
  if (status === 529 || status === 503) return "overloaded";
  if (status === 408) return "timeout";
  if (status >= 500) return "server";
  // 3xx: redirects are not followed (they would carry the key elsewhere), so the config is wrong.
  return status >= 300 ? "bad_request" : "bad_response";
}

/**
 * The error kind a provider's error `type`/`code` means, for errors that arrive without a useful
 * HTTP status (an Anthropic `error` SSE event, an OpenAI-style `{error}` chunk in a stream).
 */
export function kindForErrorType(type: string): ProviderErrorKind {
  const t = type.toLowerCase();
  if (t.includes("overloaded")) return "overloaded";
  if (t.includes("rate_limit") || t.includes("quota")) return "rate_limited";
  if (t.includes("authentication") || t.includes("permission") || t.includes("api_key")) {
    return "auth";
  }
  if (t.includes("invalid_request") || t.includes("not_found") || t.includes("too_large")) {
    return "bad_request";
  }
  if (t.includes("timeout")) return "timeout";
  return "server";
}

export interface ErrorDetail {
  type: string | null;
  message: string | null;
}

/**
 * Reads `{type:'error', error:{type, message}}` (Anthropic), `{error:{message, type, code}}`
 * (OpenAI, Groq, vLLM), `{error:"text"}` (Ollama) and `{object:'error', message, type}` (older vLLM).
 */
export function errorDetail(body: unknown): ErrorDetail | null {
  if (!isObject(body)) return null;
  const inner = body.error;
  if (typeof inner === "string") return { type: null, message: inner };
  if (isObject(inner)) {
    const type = stringOr(inner.type, null) ?? stringOr(inner.code, null);
    return { type, message: stringOr(inner.message, null) };
  }
  if (body.object === "error" || body.type === "error") {
    return { type: stringOr(body.code, null) ?? null, message: stringOr(body.message, null) };
  }
  return null;
}

function describe(detail: ErrorDetail | null, bodyText: string): string {
  if (detail === null) {
    const snippet = clip(bodyText, 200);
    return snippet === "" ? "(empty body)" : `(not a JSON error) ${snippet}`;
  }
  const type = detail.type === null ? "" : `${clip(detail.type, 60)}: `;
  return `${type}${clip(detail.message ?? "(no message)")}`;
}

/** A ProviderError for a non-2xx HTTP response. `nowMs` only serves HTTP-date `Retry-After`s. */
export function httpError(
  provider: ProviderKind,
  status: number,
  headers: HeaderLookup,
  bodyText: string,
  nowMs: number,
): ProviderError {
  const parsed = tryParseJson(bodyText);
  const detail = parsed.ok ? errorDetail(parsed.value) : null;
  const requestId = headers.get("request-id") ?? headers.get("x-request-id");
  const suffix = requestId ? ` (request id ${clip(requestId, 100)})` : "";
  const redirect =
    status >= 300 && status < 400
      ? " — the provider redirected the request; check its base URL"
      : "";
  return providerError(
    kindForStatus(status),
    `${providerLabel(provider)} answered HTTP ${status}${redirect}: ${describe(detail, bodyText)}${suffix}`,
    { status, retry_after_seconds: retryAfterSeconds(status, headers, nowMs) },
  );
}

/** A ProviderError for an error object delivered inside a 200 response or stream. */
export function inBandError(provider: ProviderKind, detail: ErrorDetail): ProviderError {
  return providerError(
    kindForErrorType(detail.type ?? ""),
    `${providerLabel(provider)} reported an error: ${describe(detail, "")}`,
  );
}
