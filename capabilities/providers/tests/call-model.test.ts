import { afterEach, describe, expect, it, vi } from "vitest";
import type { ModelResult, ProviderConfig } from "../../../core/providers/types";
import { callModel } from "../call-model";
import anthropic400 from "../../../tests/fixtures/providers/anthropic/error-400.json?raw";
import anthropic401 from "../../../tests/fixtures/providers/anthropic/error-401.json?raw";
import anthropic429 from "../../../tests/fixtures/providers/anthropic/error-429.json?raw";
import anthropic500 from "../../../tests/fixtures/providers/anthropic/error-500.json?raw";
import anthropic529 from "../../../tests/fixtures/providers/anthropic/error-529.json?raw";
import anthropicCutSse from "../../../tests/fixtures/providers/anthropic/cut.sse?raw";
import anthropicMalformedSse from "../../../tests/fixtures/providers/anthropic/malformed.sse?raw";
import anthropicText from "../../../tests/fixtures/providers/anthropic/text.sse?raw";
import anthropicToolUseJson from "../../../tests/fixtures/providers/anthropic/tool-use.json?raw";
import anthropicTwoTools from "../../../tests/fixtures/providers/anthropic/two-tools.sse?raw";
import openai400 from "../../../tests/fixtures/providers/openai/error-400.json?raw";
import openai401 from "../../../tests/fixtures/providers/openai/error-401.json?raw";
import openai429 from "../../../tests/fixtures/providers/openai/error-429.json?raw";
import openai500 from "../../../tests/fixtures/providers/openai/error-500.json?raw";
import openai503 from "../../../tests/fixtures/providers/openai/error-503.json?raw";
import openaiBadToolJsonSse from "../../../tests/fixtures/providers/openai/bad-tool-json.sse?raw";
import openaiCutSse from "../../../tests/fixtures/providers/openai/cut.sse?raw";
import openaiText from "../../../tests/fixtures/providers/openai/text.json?raw";
import openaiTextSse from "../../../tests/fixtures/providers/openai/text.sse?raw";
import openaiToolCallsSse from "../../../tests/fixtures/providers/openai/tool-calls.sse?raw";
import { ANTHROPIC, OPENAI, REQUEST } from "../../../tests/core/providers/sample-history";
import { splitRandomly, streamOf, utf8Bytes } from "../../../tests/core/providers/stream-helpers";
import {
  CANARY_KEY,
  expectKeyOnlyIn,
  expectNoKey,
  jsonResponse,
  mockFetch,
  sseResponse,
} from "./mock-fetch";

const TIMEOUT_MS = 5_000;

async function call(
  config: ProviderConfig,
  fetchImpl: typeof fetch,
  opts: { stream: boolean; timeoutMs?: number; key?: string } = { stream: true },
) {
  const deltas: string[] = [];
  const result = await callModel(config, opts.key ?? CANARY_KEY, REQUEST, {
    stream: opts.stream,
    timeoutMs: opts.timeoutMs ?? TIMEOUT_MS,
    onText: (d) => deltas.push(d),
    fetch: fetchImpl,
  });
  expectNoKey(result, opts.key ?? CANARY_KEY);
  return { result, deltas };
}

function errorOf(result: ModelResult) {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.response)}`);
  return result.error;
}

function responseOf(result: ModelResult) {
  if (!result.ok) throw new Error(`expected a response, got ${JSON.stringify(result.error)}`);
  return result.response;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("callModel — Anthropic", () => {
  it("sends the exact streamed request and parses the streamed answer", async () => {
    const mock = mockFetch(() => sseResponse(anthropicText));
    const { result, deltas } = await call(ANTHROPIC, mock.fetch);

    expect(mock.calls).toHaveLength(1);
    const [sent] = mock.calls;
    expect(sent?.url).toBe("https://api.anthropic.com/v1/messages");
    expect(sent?.method).toBe("POST");
    expect(sent?.headers).toEqual({
      "x-api-key": CANARY_KEY,
      "anthropic-version": "2023-06-01",
      "content-type": "application/json",
    });
    expectKeyOnlyIn(sent!, "x-api-key", CANARY_KEY);
    expect(sent?.redirect).toBe("manual");
    expect(sent?.signal).toBeInstanceOf(AbortSignal);
    const body = JSON.parse(sent!.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      "model",
      "max_tokens",
      "system",
      "messages",
      "tools",
      "stream",
    ]);
    expect(body).toMatchObject({
      model: "claude-sonnet-4-5",
      max_tokens: 1024,
      system: "You are careful.",
      stream: true,
    });
    expect(body.tools).toEqual([
      {
        name: "http_fetch",
        description: "Fetch a URL",
        input_schema: REQUEST.tools[0]!.input_schema,
      },
      {
        name: "memory",
        description: "Read or write memory",
        input_schema: REQUEST.tools[1]!.input_schema,
      },
    ]);
    expect((body.messages as unknown[])[2]).toEqual({
      role: "user",
      content: [
        { type: "tool_result", tool_use_id: "call_1", content: "page a", is_error: false },
        { type: "tool_result", tool_use_id: "call_2", content: "no such key", is_error: true },
      ],
    });

    expect(responseOf(result)).toEqual({
      text: "Hello, wörld — ünïcödé 🚀 ok.",
      tool_calls: [],
      stop_reason: "end_turn",
      usage: { input_tokens: 25, output_tokens: 15 },
    });
    expect(deltas).toEqual(["Hello", ", wörld — ", "ünïcödé 🚀 ok."]);
  });

  it("parses a streamed turn with two tool calls delivered in random chunks", async () => {
    const chunks = splitRandomly(utf8Bytes(anthropicTwoTools), 7, 16);
    const mock = mockFetch(() => sseResponse(streamOf(chunks)));
    const { result } = await call(ANTHROPIC, mock.fetch);
    expect(responseOf(result).tool_calls.map((c) => [c.name, c.input])).toEqual([
      ["http_fetch", { url: "https://example.com/a" }],
      ["memory", { op: "set", key: "k", value: { n: 1 } }],
    ]);
  });

  it("sends stream: false and parses a JSON answer without calling onText", async () => {
    const mock = mockFetch(() => jsonResponse(anthropicToolUseJson));
    const { result, deltas } = await call(ANTHROPIC, mock.fetch, { stream: false });
    expect(JSON.parse(mock.calls[0]!.body)).toMatchObject({ stream: false });
    expect(responseOf(result)).toMatchObject({
      text: "I'll fetch both pages.",
      stop_reason: "tool_use",
      tool_calls: [{ name: "http_fetch" }, { name: "memory" }],
    });
    expect(deltas).toEqual([]);
  });

  it.each([
    [400, anthropic400, {}, "bad_request", null],
    [401, anthropic401, {}, "auth", null],
    [429, anthropic429, { "retry-after": "23" }, "rate_limited", 23],
    [500, anthropic500, {}, "server", null],
    [529, anthropic529, { "retry-after": "4" }, "overloaded", 4],
  ] as const)(
    "maps HTTP %i to %s with its retry delay",
    async (status, body, headers, kind, retry) => {
      const mock = mockFetch(() => jsonResponse(body, status, headers));
      const error = errorOf((await call(ANTHROPIC, mock.fetch)).result);
      expect(error).toMatchObject({ kind, status, retry_after_seconds: retry });
      expect(error.message).toContain(`HTTP ${status}`);
    },
  );

  it("reports a cut stream, keeping the text already emitted", async () => {
    const mock = mockFetch(() => sseResponse(anthropicCutSse));
    const { result, deltas } = await call(ANTHROPIC, mock.fetch);
    expect(errorOf(result).kind).toBe("cut_stream");
    expect(deltas.join("")).toBe("Okay, let me check the weather.");
  });

  it("reports malformed stream JSON as bad_response", async () => {
    const mock = mockFetch(() => sseResponse(anthropicMalformedSse));
    expect(errorOf((await call(ANTHROPIC, mock.fetch)).result).kind).toBe("bad_response");
  });
});

describe("callModel — OpenAI-compatible", () => {
  const GROQ: ProviderConfig = {
    ...OPENAI,
    baseUrl: "https://api.groq.com/openai/v1/",
    temperature: 0.3,
  };

  it("sends the exact streamed request with a bearer token and parses tool calls", async () => {
    const mock = mockFetch(() => sseResponse(openaiToolCallsSse));
    const { result } = await call(GROQ, mock.fetch);

    const [sent] = mock.calls;
    expect(sent?.url).toBe("https://api.groq.com/openai/v1/chat/completions");
    expect(sent?.method).toBe("POST");
    expect(sent?.headers).toEqual({
      authorization: `Bearer ${CANARY_KEY}`,
      "content-type": "application/json",
    });
    expectKeyOnlyIn(sent!, "authorization", `Bearer ${CANARY_KEY}`);
    const body = JSON.parse(sent!.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      model: "gpt-4.1-mini",
      max_tokens: 512,
      temperature: 0.3,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect((body.messages as unknown[])[0]).toEqual({
      role: "system",
      content: "You are careful.",
    });
    expect((body.tools as unknown[])[0]).toEqual({
      type: "function",
      function: {
        name: "http_fetch",
        description: "Fetch a URL",
        parameters: REQUEST.tools[0]!.input_schema,
      },
    });

    expect(responseOf(result)).toEqual({
      text: "",
      tool_calls: [
        {
          id: "call_DdmO9pD3xa9XTPNJ32zg2hcA",
          name: "get_weather",
          input: { location: "Paris, France", days: [1, 2], note: 'snöw "maybe"' },
        },
        { id: "call_ABCdef0123456789ghijKLMN", name: "memory", input: { op: "get", key: "notes" } },
      ],
      stop_reason: "tool_use",
      usage: { input_tokens: 140, output_tokens: 52 },
    });
  });

  it("streams text deltas from a local server (Ollama-style base URL)", async () => {
    const local: ProviderConfig = {
      ...OPENAI,
      baseUrl: "http://localhost:11434/v1",
      model: "llama3.2",
    };
    const mock = mockFetch(() => sseResponse(openaiTextSse));
    const { result, deltas } = await call(local, mock.fetch);
    expect(mock.calls[0]?.url).toBe("http://localhost:11434/v1/chat/completions");
    expect(responseOf(result).text).toBe("Hello, wörld — ünïcödé 🚀 ok.");
    expect(deltas).toEqual(["Hello", ", wörld — ünïcödé", " 🚀 ok."]);
  });

  it("sends no stream_options without streaming and parses the JSON answer", async () => {
    const mock = mockFetch(() => jsonResponse(openaiText));
    const { result } = await call(OPENAI, mock.fetch, { stream: false });
    const body = JSON.parse(mock.calls[0]!.body) as Record<string, unknown>;
    expect(body.stream).toBe(false);
    expect(body).not.toHaveProperty("stream_options");
    expect(responseOf(result)).toEqual({
      text: "Hello! How can I assist you today?",
      tool_calls: [],
      stop_reason: "end_turn",
      usage: { input_tokens: 19, output_tokens: 10 },
    });
  });

  it("accepts a JSON answer to a stream request and gives its text to onText once", async () => {
    const mock = mockFetch(() => jsonResponse(openaiText));
    const { result, deltas } = await call(OPENAI, mock.fetch, { stream: true });
    expect(responseOf(result).text).toBe("Hello! How can I assist you today?");
    expect(deltas).toEqual(["Hello! How can I assist you today?"]);
  });

  it.each([
    [400, openai400, {}, "bad_request", null],
    [401, openai401, {}, "auth", null],
    [429, openai429, { "retry-after": "2" }, "rate_limited", 2],
    [
      429,
      openai429,
      { "x-ratelimit-remaining-tokens": "0", "x-ratelimit-reset-tokens": "1m30s" },
      "rate_limited",
      90,
    ],
    [500, openai500, {}, "server", null],
    [503, openai503, {}, "overloaded", null],
  ] as const)(
    "maps HTTP %i to %s with its retry delay",
    async (status, body, headers, kind, retry) => {
      const mock = mockFetch(() => jsonResponse(body, status, headers));
      expect(errorOf((await call(OPENAI, mock.fetch)).result)).toMatchObject({
        kind,
        status,
        retry_after_seconds: retry,
      });
    },
  );

  it("reports a cut stream and invalid tool arguments", async () => {
    const cut = mockFetch(() => sseResponse(openaiCutSse));
    expect(errorOf((await call(OPENAI, cut.fetch)).result).kind).toBe("cut_stream");
    const bad = mockFetch(() => sseResponse(openaiBadToolJsonSse));
    const error = errorOf((await call(OPENAI, bad.fetch)).result);
    expect(error.kind).toBe("bad_response");
    expect(error.message).toContain('"get_weather"');
  });

  it("reports a malformed JSON answer as bad_response", async () => {
    const mock = mockFetch(() => jsonResponse('{"choices":[{"message":'));
    expect(errorOf((await call(OPENAI, mock.fetch, { stream: false })).result).kind).toBe(
      "bad_response",
    );
  });
});

describe("callModel — transport failures", () => {
  it("reports a failed connection as network", async () => {
    const failing = (() => Promise.reject(new TypeError("fetch failed"))) as typeof fetch;
    const error = errorOf((await call(ANTHROPIC, failing)).result);
    expect(error).toMatchObject({ kind: "network", status: null, retry_after_seconds: null });
    expect(error.message).toContain("fetch failed");
  });

  it("reports a server that never answers as timeout", async () => {
    // Ignores the abort signal on purpose: the timeout must not depend on fetch honouring it.
    const hanging = (() => new Promise<Response>(() => {})) as typeof fetch;
    const error = errorOf((await call(OPENAI, hanging, { stream: true, timeoutMs: 30 })).result);
    expect(error).toMatchObject({ kind: "timeout", status: null });
    expect(error.message).toContain("30 ms");
  });

  it("aborts the fetch signal on timeout", async () => {
    let seen: AbortSignal | null = null;
    const mock = mockFetch(
      (request) =>
        new Promise<Response>((_resolve, reject) => {
          seen = request.signal;
          request.signal?.addEventListener("abort", () =>
            reject(new DOMException("aborted", "AbortError")),
          );
        }),
    );
    expect(
      errorOf((await call(ANTHROPIC, mock.fetch, { stream: false, timeoutMs: 20 })).result).kind,
    ).toBe("timeout");
    expect((seen as AbortSignal | null)?.aborted).toBe(true);
  });

  it("reports a stream that stalls mid-answer as timeout, after emitting the text so far", async () => {
    let cancelled = false;
    let sent = false;
    const stalled = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return new Promise<void>(() => {});
        sent = true;
        controller.enqueue(
          utf8Bytes(anthropicText.slice(0, anthropicText.indexOf("event: content_block_stop"))),
        );
        return undefined;
      },
      cancel() {
        cancelled = true;
      },
    });
    const mock = mockFetch(() => sseResponse(stalled));
    const { result, deltas } = await call(ANTHROPIC, mock.fetch, { stream: true, timeoutMs: 50 });
    expect(errorOf(result).kind).toBe("timeout");
    expect(deltas.join("")).toBe("Hello, wörld — ünïcödé 🚀 ok.");
    expect(cancelled).toBe(true);
  });

  it("reports a JSON body that stalls as timeout", async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(utf8Bytes('{"id":'));
      },
      pull: () => new Promise<void>(() => {}),
    });
    const mock = mockFetch(
      () => new Response(stalled, { headers: { "content-type": "application/json" } }),
    );
    expect(
      errorOf((await call(OPENAI, mock.fetch, { stream: false, timeoutMs: 30 })).result).kind,
    ).toBe("timeout");
  });

  it("reports a body that fails mid-read as network (non-streamed) or cut_stream (streamed)", async () => {
    const broken = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(utf8Bytes('data: {"choices":[]}\n\n'));
        },
        pull(controller) {
          controller.error(new TypeError("Network connection lost."));
        },
      });
    const json = mockFetch(
      () => new Response(broken(), { headers: { "content-type": "application/json" } }),
    );
    expect(errorOf((await call(OPENAI, json.fetch, { stream: false })).result).kind).toBe(
      "network",
    );
    const sse = mockFetch(() => sseResponse(broken()));
    expect(errorOf((await call(OPENAI, sse.fetch)).result).kind).toBe("cut_stream");
  });

  it("does not follow redirects, which would carry the key elsewhere", async () => {
    const mock = mockFetch(
      () => new Response(null, { status: 307, headers: { location: "https://evil.example/" } }),
    );
    const error = errorOf((await call(ANTHROPIC, mock.fetch)).result);
    expect(error).toMatchObject({ kind: "bad_request", status: 307 });
    expect(mock.calls[0]?.redirect).toBe("manual");
  });

  it("refuses an invalid base URL without sending anything", async () => {
    const mock = mockFetch(() => jsonResponse(openaiText));
    const error = errorOf(
      (await call({ ...OPENAI, baseUrl: "api.openai.com/v1" }, mock.fetch)).result,
    );
    expect(error.kind).toBe("bad_request");
    expect(mock.calls).toHaveLength(0);
  });

  it("uses the global fetch when none is injected", async () => {
    const spy = vi
      .spyOn(globalThis, "fetch")
      .mockImplementation(async () => sseResponse(openaiTextSse));
    const result = await callModel(OPENAI, CANARY_KEY, REQUEST, {
      stream: true,
      timeoutMs: TIMEOUT_MS,
    });
    expect(responseOf(result).text).toBe("Hello, wörld — ünïcödé 🚀 ok.");
    expect(spy).toHaveBeenCalledTimes(1);
    const [url, init] = spy.mock.calls[0]!;
    expect(url).toBe("https://api.openai.com/v1/chat/completions");
    expect(new Headers(init?.headers).get("authorization")).toBe(`Bearer ${CANARY_KEY}`);
    expectNoKey(result);
  });

  it("lets an exception from onText propagate and cancels the body", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        // Everything up to and including the chunk that carries "Hello".
        const end = openaiTextSse.indexOf("\n\n", openaiTextSse.indexOf('"Hello"')) + 2;
        controller.enqueue(utf8Bytes(openaiTextSse.slice(0, end)));
      },
      cancel() {
        cancelled = true;
      },
    });
    const mock = mockFetch(() => sseResponse(body));
    const failingSink = () => {
      throw new Error("socket closed");
    };
    await expect(
      callModel(OPENAI, CANARY_KEY, REQUEST, {
        stream: true,
        timeoutMs: TIMEOUT_MS,
        onText: failingSink,
        fetch: mock.fetch,
      }),
    ).rejects.toThrow("socket closed");
    expect(cancelled).toBe(true);
  });
});

describe("callModel — the API key never leaks", () => {
  it("masks the key when an error body echoes the request headers", async () => {
    const mock = mockFetch((request) =>
      jsonResponse(
        JSON.stringify({
          error: {
            type: "authentication_error",
            message: `bad key: ${request.headers["x-api-key"]}`,
          },
        }),
        401,
      ),
    );
    const error = errorOf((await call(ANTHROPIC, mock.fetch)).result);
    expect(error.kind).toBe("auth");
    expect(error.message).toContain("bad key: ***S0aE");
  });

  it("masks the key in a non-JSON error body that dumps the headers", async () => {
    const mock = mockFetch(
      (request) => new Response(`Authorization: ${request.headers.authorization}`, { status: 502 }),
    );
    const error = errorOf((await call(OPENAI, mock.fetch)).result);
    expect(error.kind).toBe("server");
    expect(error.message).toContain("Bearer ***S0aE");
  });

  it("masks the key when a network error message quotes it", async () => {
    const leaky = ((_: unknown, init?: RequestInit) =>
      Promise.reject(new TypeError(`bad header ${JSON.stringify(init?.headers)}`))) as typeof fetch;
    const error = errorOf((await call(ANTHROPIC, leaky)).result);
    expect(error.kind).toBe("network");
    expect(error.message).toContain("***S0aE");
  });

  it("masks the key in text and tool input that an echoing endpoint returns as a completion", async () => {
    const mock = mockFetch((request) =>
      jsonResponse(
        JSON.stringify({
          choices: [
            {
              message: {
                content: `your header was ${request.headers.authorization}`,
                tool_calls: [
                  {
                    id: "c",
                    type: "function",
                    function: {
                      name: "send_email",
                      arguments: JSON.stringify({ body: CANARY_KEY, [CANARY_KEY]: 1 }),
                    },
                  },
                ],
              },
              finish_reason: "tool_calls",
            },
          ],
        }),
      ),
    );
    const response = responseOf((await call(OPENAI, mock.fetch, { stream: false })).result);
    expect(response.text).toBe("your header was Bearer ***S0aE");
    expect(response.tool_calls[0]?.input).toEqual({ body: "***S0aE", "***S0aE": 1 });
  });

  it("leaves model text alone for a short placeholder key such as Ollama's", async () => {
    const answer = JSON.stringify({
      choices: [{ message: { content: "I run on ollama." }, finish_reason: "stop" }],
    });
    const mock = mockFetch(() => jsonResponse(answer));
    const result = await callModel(OPENAI, "ollama", REQUEST, {
      stream: false,
      timeoutMs: TIMEOUT_MS,
      fetch: mock.fetch,
    });
    expect(responseOf(result).text).toBe("I run on ollama.");
    expect(mock.calls[0]?.headers.authorization).toBe("Bearer ollama");
  });

  it.each([
    ["an empty key", ""],
    ["a key with a line break (header injection)", `${CANARY_KEY}\r\nx-evil: 1`],
    ["a key with a space", `${CANARY_KEY} extra`],
    ["a key with non-ASCII characters", `${CANARY_KEY}é`],
  ])("refuses %s without sending anything or quoting it", async (_name, key) => {
    const mock = mockFetch(() => jsonResponse(openaiText));
    const result = await callModel(ANTHROPIC, key, REQUEST, {
      stream: true,
      timeoutMs: TIMEOUT_MS,
      fetch: mock.fetch,
    });
    expect(errorOf(result).kind).toBe("auth");
    expect(mock.calls).toHaveLength(0);
    expect(JSON.stringify(result)).not.toContain(CANARY_KEY);
  });
});
