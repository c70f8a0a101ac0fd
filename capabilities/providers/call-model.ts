import { clock } from "../../platform/clock";
import {
  buildProviderRequest,
  parseProviderBody,
  parseProviderStream,
} from "../../core/providers/adapter";
import { clip, providerError, providerLabel } from "../../core/providers/errors";
import { httpError } from "../../core/providers/http-error";
import type {
  ModelRequest,
  ModelResult,
  ProviderConfig,
  ProviderError,
  ProviderKind,
} from "../../core/providers/types";
import { abortableBody, untilAborted } from "./abortable-body";
import { redactKey } from "./redact-key";

export interface CallModelOptions {
  /** Ask for server-sent events and pass text deltas to `onText` as they arrive. */
  stream: boolean;
  /** Covers the whole call: connecting, waiting for headers and reading the entire body. */
  timeoutMs: number;
  onText?: (delta: string) => void;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

// Visible ASCII only: anything else is either not a key or would make `Headers` throw with an
// error message that quotes the value.
const HEADER_SAFE_KEY = /^[\x21-\x7e]+$/;

function authHeaders(kind: ProviderKind, apiKey: string): Record<string, string> {
  return kind === "anthropic" ? { "x-api-key": apiKey } : { authorization: `Bearer ${apiKey}` };
}

/**
 * One model call. Never throws for provider, network or timeout problems (only if `onText`
 * throws); the API key goes into the auth header of the outgoing request and nowhere else.
 */
export async function callModel(
  config: ProviderConfig,
  apiKey: string,
  request: ModelRequest,
  opts: CallModelOptions,
): Promise<ModelResult> {
  return redactKey(await callUnredacted(config, apiKey, request, opts), apiKey);
}

async function callUnredacted(
  config: ProviderConfig,
  apiKey: string,
  request: ModelRequest,
  opts: CallModelOptions,
): Promise<ModelResult> {
  const label = providerLabel(config.kind);
  if (!HEADER_SAFE_KEY.test(apiKey)) {
    return fail(
      providerError(
        "auth",
        `The ${label} API key is empty or contains characters that cannot be sent in an HTTP header.`,
      ),
    );
  }
  const built = buildProviderRequest(config, request, opts.stream);
  if (!built.ok) return built;
  const { url, headers, body } = built.request;

  const controller = new AbortController();
  const { signal } = controller;
  const timer = setTimeout(() => controller.abort(new Error("timeout")), opts.timeoutMs);
  const timedOut = (): ModelResult =>
    fail(
      providerError("timeout", `${label} did not finish answering within ${opts.timeoutMs} ms.`),
    );
  // Resolved at call time so tests can also spy on globalThis.fetch.
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));

  try {
    let response: Response;
    try {
      response = await untilAborted(
        doFetch(url, {
          method: "POST",
          headers: { ...headers, ...authHeaders(config.kind, apiKey) },
          body,
          signal,
          // A redirect would carry `x-api-key` to wherever it points; treat it as an error.
          redirect: "manual",
        }),
        signal,
      );
    } catch (e) {
      if (signal.aborted) return timedOut();
      return fail(providerError("network", `Could not reach ${label}: ${describeThrown(e)}`));
    }

    if (response.status < 200 || response.status >= 300) {
      const text = await readText(response, signal);
      if (text === null) return signal.aborted ? timedOut() : networkMidBody(label);
      return fail(httpError(config.kind, response.status, response.headers, text, clock.now()));
    }

    const contentType = response.headers.get("content-type") ?? "";
    // Some OpenAI-compatible servers answer a stream request with one JSON body.
    if (opts.stream && !contentType.includes("application/json")) {
      if (response.body === null) {
        return fail(providerError("cut_stream", `${label} sent an empty stream.`));
      }
      const result = await parseProviderStream(
        config.kind,
        abortableBody(response.body, signal),
        opts.onText,
      );
      return !result.ok && signal.aborted ? timedOut() : result;
    }

    const text = await readText(response, signal);
    if (text === null) return signal.aborted ? timedOut() : networkMidBody(label);
    const result = parseProviderBody(config.kind, text);
    if (opts.stream && result.ok && result.response.text !== "") {
      opts.onText?.(result.response.text);
    }
    return result;
  } finally {
    clearTimeout(timer);
  }
}

async function readText(response: Response, signal: AbortSignal): Promise<string | null> {
  try {
    return await untilAborted(response.text(), signal);
  } catch {
    return null;
  }
}

function fail(error: ProviderError): ModelResult {
  return { ok: false, error };
}

function networkMidBody(label: string): ModelResult {
  return fail(
    providerError("network", `The connection to ${label} failed while reading the answer.`),
  );
}

function describeThrown(e: unknown): string {
  return e instanceof Error && e.message !== "" ? clip(e.message, 200) : "network error";
}
