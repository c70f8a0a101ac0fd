import type { HeaderLookup } from "./types";

/**
 * `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns whole seconds from
 * `nowMs` (rounded up, never negative), or null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // Some servers send fractional seconds although the RFC does not allow it.
  if (/^\d+\.\d+$/.test(trimmed)) return Math.ceil(Number(trimmed));
  if (!/[a-z]/i.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

const DURATION_PART = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };

/**
 * OpenAI/Groq `x-ratelimit-reset-*` durations such as `1s`, `6m0s`, `20ms`, `2m59.56s`.
 * Returns whole seconds rounded up, or null when unreadable.
 */
export function parseResetDuration(value: string | null): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (text === "") return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text));
  DURATION_PART.lastIndex = 0;
  let seconds = 0;
  let consumed = 0;
  for (let m = DURATION_PART.exec(text); m !== null; m = DURATION_PART.exec(text)) {
    seconds += Number(m[1]) * (UNIT_SECONDS[m[2] ?? ""] ?? 0);
    consumed = DURATION_PART.lastIndex;
  }
  return consumed === text.length ? Math.ceil(seconds) : null;
}

/**
 * Seconds to wait before retrying. `Retry-After` wins; for 429s from OpenAI-compatible servers that
 * omit it, the longest `x-ratelimit-reset-*` of an exhausted limit (or of both if none says which).
 */
export function retryAfterSeconds(
  status: number,
  headers: HeaderLookup,
  nowMs: number,
): number | null {
  const explicit = parseRetryAfter(headers.get("retry-after"), nowMs);
  if (explicit !== null || status !== 429) return explicit;
  const limits = ["requests", "tokens"].map((name) => ({
    exhausted: headers.get(`x-ratelimit-remaining-${name}`)?.trim() === "0",
    reset: parseResetDuration(headers.get(`x-ratelimit-reset-${name}`)),
  }));
  const relevant = limits.some((l) => l.exhausted) ? limits.filter((l) => l.exhausted) : limits;
  const resets = relevant.flatMap((l) => (l.reset === null ? [] : [l.reset]));
  return resets.length === 0 ? null : Math.max(...resets);
}
