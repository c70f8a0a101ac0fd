import { vi } from "vitest";
import { watch } from "./canary-watch";

export const RESEND_BASE = "https://resend.mock.test";
export const RESEND_KEY = "re_test_0123456789abcdefghijklmnopqrstuv";

export interface ResendCall {
  url: string;
  method: string;
  headers: Headers;
  body: { from: string; to: string | string[]; subject: string; html: string; text: string };
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * Intercepts the Worker's outbound fetch to Resend's `POST /emails` and answers with Resend's
 * documented shapes; each call takes the next queued reply (default: success).
 */
export function mockResend() {
  const calls: ResendCall[] = [];
  const replies: Reply[] = [];
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    if (!request.url.startsWith(RESEND_BASE)) return realFetch(input as RequestInfo, init);
    const text = await request.clone().text();
    watch("mail request", text);
    calls.push({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: (await request.json()) as ResendCall["body"],
    });
    const reply = replies.shift() ?? { status: 200, body: { id: crypto.randomUUID() } };
    return new Response(JSON.stringify(reply.body), {
      status: reply.status,
      headers: { "content-type": "application/json", ...reply.headers },
    });
  });
  return {
    calls,
    ok: (id: string) => replies.push({ status: 200, body: { id } }),
    serverError: () =>
      replies.push({
        status: 500,
        body: {
          statusCode: 500,
          message: "An unexpected error occurred.",
          name: "internal_server_error",
        },
      }),
    rateLimited: () =>
      replies.push({
        status: 429,
        body: { statusCode: 429, message: "Too many requests.", name: "rate_limit_exceeded" },
        headers: { "retry-after": "1" },
      }),
    restore: () => spy.mockRestore(),
  };
}

export const resendEnv = { RESEND_API_KEY: RESEND_KEY, RESEND_BASE_URL: RESEND_BASE };
