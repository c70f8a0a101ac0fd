import { expect } from "vitest";
import type { ModelResult } from "../../../core/providers/types";

/** A canary API key: any appearance outside the auth header is a leak. */
export const CANARY_KEY = "sk-canary-Zq8xW2pL9vN4mK7rT1yU6hJ3gF5dS0aE";

export interface CapturedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  redirect: RequestInit["redirect"];
  signal: AbortSignal | null;
}

/**
 * A fetch double at the HTTP boundary: records exactly what callModel would send and answers
 * with `respond(request)`.
 */
export function mockFetch(respond: (request: CapturedRequest) => Response | Promise<Response>) {
  const calls: CapturedRequest[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const captured: CapturedRequest = {
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
      redirect: init?.redirect,
      signal: init?.signal ?? null,
    };
    calls.push(captured);
    return respond(captured);
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

export const sseResponse = (body: string | ReadableStream<Uint8Array>, status = 200): Response =>
  new Response(body, { status, headers: { "content-type": "text/event-stream; charset=utf-8" } });

export const jsonResponse = (body: string, status = 200, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "content-type": "application/json", ...headers } });

/** The key must appear nowhere in what callModel returns, at any depth. */
export function expectNoKey(result: ModelResult, key = CANARY_KEY): void {
  expect(JSON.stringify(result)).not.toContain(key);
}

/** Header names other than the auth header must not carry the key either. */
export function expectKeyOnlyIn(request: CapturedRequest, header: string, value: string): void {
  expect(request.headers[header]).toBe(value);
  for (const [name, v] of Object.entries(request.headers)) {
    if (name !== header) expect(v, name).not.toContain(CANARY_KEY);
  }
  expect(request.body).not.toContain(CANARY_KEY);
  expect(request.url).not.toContain(CANARY_KEY);
}
