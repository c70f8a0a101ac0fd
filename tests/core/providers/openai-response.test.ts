import { describe, expect, it } from "vitest";
import { parseProviderBody } from "../../../core/providers/adapter";
import { openAiStopReason } from "../../../core/providers/openai-response";
import badToolJsonSse from "../../fixtures/providers/openai/bad-tool-json.sse?raw";
import cutSse from "../../fixtures/providers/openai/cut.sse?raw";
import groqToolCallSse from "../../fixtures/providers/openai/groq-tool-call.sse?raw";
import malformedJson from "../../fixtures/providers/openai/malformed.json?raw";
import malformedSse from "../../fixtures/providers/openai/malformed.sse?raw";
import streamErrorSse from "../../fixtures/providers/openai/stream-error.sse?raw";
import textJson from "../../fixtures/providers/openai/text.json?raw";
import textSse from "../../fixtures/providers/openai/text.sse?raw";
import toolCallsJson from "../../fixtures/providers/openai/tool-calls.json?raw";
import toolCallsSse from "../../fixtures/providers/openai/tool-calls.sse?raw";
import { expectError, expectResponse, parseChunks } from "./parse-helpers";
import { utf8Bytes, variants } from "./stream-helpers";

/** Builds an SSE body of `data:` chunks; strings are sent verbatim (e.g. "[DONE]"). */
function sse(...chunks: (Record<string, unknown> | string)[]): string {
  return chunks.map((c) => `data: ${typeof c === "string" ? c : JSON.stringify(c)}\n\n`).join("");
}

const chunk = (delta: Record<string, unknown>, finish_reason: string | null = null) => ({
  object: "chat.completion.chunk",
  choices: [{ index: 0, delta, finish_reason }],
});

const parseStream = async (body: string) => parseChunks("openai", [utf8Bytes(body)]);

describe("OpenAI-compatible non-streamed responses", () => {
  it("parses a text completion with finish reason and usage", () => {
    expect(expectResponse(parseProviderBody("openai", textJson))).toEqual({
      text: "Hello! How can I assist you today?",
      tool_calls: [],
      stop_reason: "end_turn",
      usage: { input_tokens: 19, output_tokens: 10 },
    });
  });

  it("parses two tool calls with JSON-string arguments", () => {
    expect(expectResponse(parseProviderBody("openai", toolCallsJson))).toEqual({
      text: "",
      tool_calls: [
        { id: "call_abc123", name: "get_current_weather", input: { location: "Boston, MA" } },
        { id: "call_def456", name: "memory", input: { op: "get", key: "notes" } },
      ],
      stop_reason: "tool_use",
      usage: { input_tokens: 82, output_tokens: 17 },
    });
  });

  it("reports a truncated body as bad_response", () => {
    expect(expectError(parseProviderBody("openai", malformedJson))).toMatchObject({
      kind: "bad_response",
      status: null,
    });
  });

  it("reports tool arguments that are not valid JSON as bad_response naming the tool", () => {
    const body = JSON.parse(toolCallsJson) as {
      choices: { message: { tool_calls: { function: { arguments: string } }[] } }[];
    };
    body.choices[0]!.message.tool_calls[1]!.function.arguments = '{"op": "get",';
    const error = expectError(parseProviderBody("openai", JSON.stringify(body)));
    expect(error.kind).toBe("bad_response");
    expect(error.message).toContain('"memory"');
  });

  it.each([
    ["no choices", { id: "x" }],
    ["a choice without message", { choices: [{ index: 0, finish_reason: "stop" }] }],
    ["numeric content", { choices: [{ message: { content: 5 } }] }],
    [
      "tool_calls that is not an array",
      { choices: [{ message: { content: null, tool_calls: {} } }] },
    ],
    [
      "a tool call without id",
      { choices: [{ message: { tool_calls: [{ function: { name: "n", arguments: "{}" } }] } }] },
    ],
    [
      "arguments given as an object",
      {
        choices: [
          { message: { tool_calls: [{ id: "c", function: { name: "n", arguments: {} } }] } },
        ],
      },
    ],
    [
      "arguments that are a JSON array",
      {
        choices: [
          { message: { tool_calls: [{ id: "c", function: { name: "n", arguments: "[]" } }] } },
        ],
      },
    ],
  ])("reports %s as bad_response", (_name, body) => {
    expect(expectError(parseProviderBody("openai", JSON.stringify(body))).kind).toBe(
      "bad_response",
    );
  });

  it("treats empty arguments as no arguments and tolerates a missing usage", () => {
    const body = {
      choices: [
        {
          message: {
            content: "",
            tool_calls: [{ id: "c", function: { name: "now", arguments: "" } }],
          },
          finish_reason: "stop",
        },
      ],
    };
    expect(expectResponse(parseProviderBody("openai", JSON.stringify(body)))).toEqual({
      text: "",
      tool_calls: [{ id: "c", name: "now", input: {} }],
      stop_reason: "tool_use",
      usage: null,
    });
  });

  it("reports an error object in a 200 body (Ollama's string form too)", () => {
    const body = {
      error: { message: "quota", type: "insufficient_quota", code: "insufficient_quota" },
    };
    expect(expectError(parseProviderBody("openai", JSON.stringify(body))).kind).toBe(
      "rate_limited",
    );
    expect(expectError(parseProviderBody("openai", '{"error":"boom"}'))).toMatchObject({
      kind: "server",
      message: expect.stringContaining("boom") as string,
    });
  });

  it.each([
    ["stop", false, "end_turn"],
    ["stop", true, "tool_use"],
    ["tool_calls", true, "tool_use"],
    ["function_call", true, "tool_use"],
    ["length", false, "max_tokens"],
    ["length", true, "max_tokens"],
    ["content_filter", false, "other"],
    [null, false, "other"],
  ] as const)("maps finish_reason %s (tool calls: %s) to %s", (reason, hasCalls, mapped) => {
    expect(openAiStopReason(reason, hasCalls)).toBe(mapped);
  });
});

describe("OpenAI-compatible streamed responses", () => {
  it("streams content deltas to onText and reads the usage chunk, under every chunking", async () => {
    for (const variant of variants(textSse)) {
      const { result, deltas } = await parseChunks("openai", variant.chunks);
      expect(expectResponse(result), variant.name).toEqual({
        text: "Hello, wörld — ünïcödé 🚀 ok.",
        tool_calls: [],
        stop_reason: "end_turn",
        usage: { input_tokens: 19, output_tokens: 6 },
      });
      expect(deltas, variant.name).toEqual(["Hello", ", wörld — ünïcödé", " 🚀 ok."]);
    }
  });

  it("assembles two tool calls whose arguments are split across many deltas", async () => {
    for (const variant of variants(toolCallsSse)) {
      const { result, deltas } = await parseChunks("openai", variant.chunks);
      expect(expectResponse(result), variant.name).toEqual({
        text: "",
        tool_calls: [
          {
            id: "call_DdmO9pD3xa9XTPNJ32zg2hcA",
            name: "get_weather",
            input: { location: "Paris, France", days: [1, 2], note: 'snöw "maybe"' },
          },
          {
            id: "call_ABCdef0123456789ghijKLMN",
            name: "memory",
            input: { op: "get", key: "notes" },
          },
        ],
        stop_reason: "tool_use",
        usage: { input_tokens: 140, output_tokens: 52 },
      });
      expect(deltas).toEqual([]);
    }
  });

  it("reads a whole tool call in one chunk and Groq's x_groq usage", async () => {
    const response = expectResponse((await parseStream(groqToolCallSse)).result);
    expect(response).toEqual({
      text: "",
      tool_calls: [{ id: "call_6ddn", name: "http_fetch", input: { url: "https://example.com" } }],
      stop_reason: "tool_use",
      usage: { input_tokens: 241, output_tokens: 20 },
    });
  });

  it("orders tool calls by index even when their fragments interleave", async () => {
    const body = sse(
      chunk({
        tool_calls: [{ index: 1, id: "b", function: { name: "second", arguments: '{"x"' } }],
      }),
      chunk({ tool_calls: [{ index: 0, id: "a", function: { name: "first", arguments: "{}" } }] }),
      chunk({ tool_calls: [{ index: 1, function: { arguments: ":1}" } }] }),
      chunk({}, "tool_calls"),
      "[DONE]",
    );
    expect(expectResponse((await parseStream(body)).result).tool_calls).toEqual([
      { id: "a", name: "first", input: {} },
      { id: "b", name: "second", input: { x: 1 } },
    ]);
  });

  it("does not double a tool name that a server repeats on every fragment", async () => {
    const body = sse(
      chunk({
        tool_calls: [{ index: 0, id: "a", function: { name: "memory", arguments: '{"op":' } }],
      }),
      chunk({
        tool_calls: [{ index: 0, id: "a", function: { name: "memory", arguments: '"get"}' } }],
      }),
      chunk({}, "tool_calls"),
      "[DONE]",
    );
    expect(expectResponse((await parseStream(body)).result).tool_calls).toEqual([
      { id: "a", name: "memory", input: { op: "get" } },
    ]);
  });

  it("reports streamed arguments that are not valid JSON as bad_response naming the tool", async () => {
    for (const variant of variants(badToolJsonSse)) {
      const error = expectError((await parseChunks("openai", variant.chunks)).result);
      expect(error.kind, variant.name).toBe("bad_response");
      expect(error.message).toContain('"get_weather"');
    }
  });

  it("reports a stream without [DONE] as cut_stream", async () => {
    for (const variant of variants(cutSse)) {
      const error = expectError((await parseChunks("openai", variant.chunks)).result);
      expect(error.kind, variant.name).toBe("cut_stream");
      expect(error.message).toContain("[DONE]");
    }
    const noDone = textSse.slice(0, textSse.indexOf("data: [DONE]"));
    expect(expectError((await parseStream(noDone)).result).kind).toBe("cut_stream");
  });

  it("reports [DONE] without a preceding blank line at end of stream as cut_stream", async () => {
    const unterminated = textSse.replace("data: [DONE]\n\n", "data: [DONE]");
    expect(expectError((await parseStream(unterminated)).result).kind).toBe("cut_stream");
  });

  it("reports malformed chunk JSON as bad_response", async () => {
    for (const variant of variants(malformedSse)) {
      expect(
        expectError((await parseChunks("openai", variant.chunks)).result).kind,
        variant.name,
      ).toBe("bad_response");
    }
  });

  it("turns an error chunk into an error, after the partial text was emitted", async () => {
    const { result, deltas } = await parseStream(streamErrorSse);
    const error = expectError(result);
    expect(error).toMatchObject({ kind: "server", status: null });
    expect(error.message).toContain("The server had an error");
    expect(deltas).toEqual(["Part"]);
  });

  it.each([
    ["a tool delta without index", chunk({ tool_calls: [{ id: "a", function: { name: "n" } }] })],
    [
      "non-string arguments",
      chunk({ tool_calls: [{ index: 0, id: "a", function: { name: "n", arguments: {} } }] }),
    ],
    ["non-string content", chunk({ content: 42 })],
    ["choices that is not an array", { choices: {} }],
    ["a chunk that is not an object", "[1,2]"],
  ])("reports %s as bad_response", async (_name, bad) => {
    const body = sse(chunk({ content: "a" }), bad, "[DONE]");
    expect(expectError((await parseStream(body)).result).kind).toBe("bad_response");
  });

  it("reports a tool call that never got a name or an id as bad_response", async () => {
    const noName = sse(
      chunk({ tool_calls: [{ index: 0, id: "a", function: { arguments: "{}" } }] }),
      "[DONE]",
    );
    expect(expectError((await parseStream(noName)).result).message).toContain("no function name");
    const noId = sse(
      chunk({ tool_calls: [{ index: 0, function: { name: "n", arguments: "{}" } }] }),
      "[DONE]",
    );
    expect(expectError((await parseStream(noId)).result).message).toContain('"n" has no id');
  });

  it("reports a stream that holds only [DONE] as bad_response", async () => {
    expect(expectError((await parseStream(sse("[DONE]"))).result).kind).toBe("bad_response");
  });

  it("ignores choices other than the first and keep-alive comments", async () => {
    const body =
      ": OPENROUTER PROCESSING\n\n" +
      sse(
        { choices: [{ index: 1, delta: { content: "other" }, finish_reason: null }] },
        chunk({ content: "mine" }, "stop"),
        "[DONE]",
      );
    const { result, deltas } = await parseStream(body);
    expect(expectResponse(result)).toEqual({
      text: "mine",
      tool_calls: [],
      stop_reason: "end_turn",
      usage: null,
    });
    expect(deltas).toEqual(["mine"]);
  });
});
