import { describe, expect, it } from "vitest";
import { httpError, kindForStatus } from "../../../core/providers/http-error";
import { parseResetDuration, parseRetryAfter } from "../../../core/providers/retry-after";
import anthropic400 from "../../fixtures/providers/anthropic/error-400.json?raw";
import anthropic401 from "../../fixtures/providers/anthropic/error-401.json?raw";
import anthropic403 from "../../fixtures/providers/anthropic/error-403.json?raw";
import anthropic429 from "../../fixtures/providers/anthropic/error-429.json?raw";
import anthropic500 from "../../fixtures/providers/anthropic/error-500.json?raw";
import anthropic529 from "../../fixtures/providers/anthropic/error-529.json?raw";
import openai400 from "../../fixtures/providers/openai/error-400.json?raw";
import openai401 from "../../fixtures/providers/openai/error-401.json?raw";
import ollama404 from "../../fixtures/providers/openai/error-404-ollama.json?raw";
import openai429 from "../../fixtures/providers/openai/error-429.json?raw";
import openai500 from "../../fixtures/providers/openai/error-500.json?raw";
import openai503 from "../../fixtures/providers/openai/error-503.json?raw";

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const noHeaders = new Headers();

describe("HTTP error classification", () => {
  it.each([
    [400, anthropic400, "bad_request", "invalid_request_error: messages.1.content"],
    [401, anthropic401, "auth", "authentication_error: invalid x-api-key"],
    [403, anthropic403, "auth", "permission_error"],
    [429, anthropic429, "rate_limited", "rate_limit_error: Number of request tokens"],
    [500, anthropic500, "server", "api_error: Internal server error"],
    [529, anthropic529, "overloaded", "overloaded_error: Overloaded"],
  ] as const)("Anthropic %i → %s", (status, body, kind, excerpt) => {
    const error = httpError("anthropic", status, noHeaders, body, NOW);
    expect(error).toMatchObject({ kind, status, retry_after_seconds: null });
    expect(error.message).toContain(`Anthropic answered HTTP ${status}: ${excerpt}`);
  });

  it.each([
    [400, openai400, "bad_request", "invalid_request_error: Invalid 'messages[2].tool_calls'"],
    [401, openai401, "auth", "invalid_request_error: Incorrect API key provided"],
    [404, ollama404, "bad_request", 'model "llama3.2:404b" not found'],
    [429, openai429, "rate_limited", "tokens: Rate limit reached"],
    [500, openai500, "server", "server_error: The server had an error"],
    [503, openai503, "overloaded", "server_error: The engine is currently overloaded"],
  ] as const)("OpenAI-compatible %i → %s", (status, body, kind, excerpt) => {
    const error = httpError("openai", status, noHeaders, body, NOW);
    expect(error).toMatchObject({ kind, status });
    expect(error.message).toContain(excerpt);
  });

  it.each([
    [401, "auth"],
    [403, "auth"],
    [404, "bad_request"],
    [408, "timeout"],
    [413, "bad_request"],
    [422, "bad_request"],
    [429, "rate_limited"],
    [500, "server"],
    [502, "server"],
    [503, "overloaded"],
    [504, "server"],
    [529, "overloaded"],
    [301, "bad_request"],
    [200, "bad_response"],
  ] as const)("status %i means %s", (status, kind) => {
    expect(kindForStatus(status)).toBe(kind);
  });

  it("reads the retry-after header of an Anthropic 429", () => {
    const headers = new Headers({ "retry-after": "17" });
    expect(httpError("anthropic", 429, headers, anthropic429, NOW).retry_after_seconds).toBe(17);
  });

  it("reads retry-after on an overloaded answer too", () => {
    const headers = new Headers({ "retry-after": "3" });
    expect(httpError("anthropic", 529, headers, anthropic529, NOW).retry_after_seconds).toBe(3);
  });

  it("falls back to the exhausted x-ratelimit-reset-* limit for an OpenAI 429", () => {
    const headers = new Headers({
      "x-ratelimit-remaining-requests": "499",
      "x-ratelimit-reset-requests": "120ms",
      "x-ratelimit-remaining-tokens": "0",
      "x-ratelimit-reset-tokens": "6m0s",
    });
    expect(httpError("openai", 429, headers, openai429, NOW).retry_after_seconds).toBe(360);
  });

  it("takes the longer reset when the headers do not say which limit is exhausted", () => {
    const headers = new Headers({
      "x-ratelimit-reset-requests": "1s",
      "x-ratelimit-reset-tokens": "7.66s",
    });
    expect(httpError("openai", 429, headers, openai429, NOW).retry_after_seconds).toBe(8);
  });

  it("ignores reset headers on answers other than 429 (they come with every response)", () => {
    const headers = new Headers({ "x-ratelimit-reset-tokens": "6m0s" });
    expect(httpError("openai", 500, headers, openai500, NOW).retry_after_seconds).toBeNull();
  });

  it("mentions the request id, so an operator can quote it to the provider", () => {
    const headers = new Headers({ "request-id": "req_011CSHoEeqs5C35K2UUqR7Fy" });
    expect(httpError("anthropic", 500, headers, anthropic500, NOW).message).toContain(
      "(request id req_011CSHoEeqs5C35K2UUqR7Fy)",
    );
    const openaiHeaders = new Headers({ "x-request-id": "req_abc" });
    expect(httpError("openai", 500, openaiHeaders, openai500, NOW).message).toContain("req_abc");
  });

  it("quotes a short, single-line excerpt of a non-JSON body", () => {
    const html = `<html>\n<head><title>502 Bad Gateway</title></head>\n<body>${"x".repeat(5000)}</body></html>`;
    const error = httpError("openai", 502, noHeaders, html, NOW);
    expect(error.kind).toBe("server");
    expect(error.message).toContain(
      "(not a JSON error) <html> <head><title>502 Bad Gateway</title>",
    );
    expect(error.message).not.toContain("\n");
    expect(error.message.length).toBeLessThan(400);
  });

  it("caps a very long provider message", () => {
    const body = JSON.stringify({
      type: "error",
      error: { type: "api_error", message: "y".repeat(10_000) },
    });
    expect(httpError("anthropic", 500, noHeaders, body, NOW).message.length).toBeLessThan(500);
  });

  it("says so when the body is empty", () => {
    expect(httpError("openai", 500, noHeaders, "", NOW).message).toContain("(empty body)");
  });

  it("reads vLLM's older top-level error shape", () => {
    const body = JSON.stringify({
      object: "error",
      message: "max_tokens too large",
      type: "BadRequestError",
      code: 400,
    });
    expect(httpError("openai", 400, noHeaders, body, NOW).message).toContain(
      "max_tokens too large",
    );
  });

  it("explains a redirect as a base URL problem", () => {
    const headers = new Headers({ location: "https://elsewhere.example/" });
    const error = httpError("openai", 301, headers, "", NOW);
    expect(error.kind).toBe("bad_request");
    expect(error.message).toContain("check its base URL");
  });
});

describe("retry timing headers", () => {
  it.each([
    ["0", 0],
    ["30", 30],
    [" 5 ", 5],
    ["1.2", 2],
    ["Thu, 15 Jan 2026 12:00:45 GMT", 45],
    ["Thu, 15 Jan 2026 11:59:00 GMT", 0],
    ["soon", null],
    ["-5", null],
    ["", null],
  ] as const)("Retry-After %j → %s", (value, seconds) => {
    expect(parseRetryAfter(value, NOW)).toBe(seconds);
  });

  it("returns null without a Retry-After header", () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });

  it.each([
    ["1s", 1],
    ["6m0s", 360],
    ["20ms", 1],
    ["2m59.56s", 180],
    ["1h2m3s", 3723],
    ["7.66s", 8],
    ["12", 12],
    ["0s", 0],
    ["abc", null],
    ["5x", null],
    ["1s garbage", null],
    ["", null],
  ] as const)("x-ratelimit-reset %j → %s", (value, seconds) => {
    expect(parseResetDuration(value)).toBe(seconds);
  });
});
