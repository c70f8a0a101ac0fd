import { describe, expect, it } from "vitest";
import { parseProviderBody } from "../../../core/providers/adapter";
import {
  AnthropicStreamAccumulator,
  anthropicStopReason,
} from "../../../core/providers/anthropic-response";
import { readModelStream } from "../../../core/providers/read-stream";
import badToolJsonSse from "../../fixtures/providers/anthropic/bad-tool-json.sse?raw";
import cutSse from "../../fixtures/providers/anthropic/cut.sse?raw";
import malformedJson from "../../fixtures/providers/anthropic/malformed.json?raw";
import malformedSse from "../../fixtures/providers/anthropic/malformed.sse?raw";
import streamErrorSse from "../../fixtures/providers/anthropic/stream-error.sse?raw";
import textJson from "../../fixtures/providers/anthropic/text.json?raw";
import textSse from "../../fixtures/providers/anthropic/text.sse?raw";
import toolUseJson from "../../fixtures/providers/anthropic/tool-use.json?raw";
import toolUseSse from "../../fixtures/providers/anthropic/tool-use.sse?raw";
import twoToolsSse from "../../fixtures/providers/anthropic/two-tools.sse?raw";
import { expectError, expectResponse, parseChunks } from "./parse-helpers";
import { streamOf, utf8Bytes, variants } from "./stream-helpers";

const WEATHER_INPUT = {
  location: "San Francisco, CA",
  unit: "fahrenheit",
  days: [1, 2],
  note: 'snöw "maybe"',
};

/** Builds an SSE body from event data objects (the `event:` line mirrors `type`). */
function sse(...events: Record<string, unknown>[]): string {
  return events.map((e) => `event: ${String(e.type)}\ndata: ${JSON.stringify(e)}\n\n`).join("");
}

const START = { type: "message_start", message: { usage: { input_tokens: 3, output_tokens: 1 } } };
const STOP = { type: "message_stop" };

describe("Anthropic non-streamed responses", () => {
  it("parses a text message with its stop reason and usage", () => {
    expect(expectResponse(parseProviderBody("anthropic", textJson))).toEqual({
      text: "Hello! How can I help you today?",
      tool_calls: [],
      stop_reason: "end_turn",
      usage: { input_tokens: 12, output_tokens: 11 },
    });
  });

  it("parses text and two tool_use blocks; input tokens include cache reads and writes", () => {
    expect(expectResponse(parseProviderBody("anthropic", toolUseJson))).toEqual({
      text: "I'll fetch both pages.",
      tool_calls: [
        {
          id: "toolu_01A09q90qw90lq917835lq9",
          name: "http_fetch",
          input: { url: "https://example.com/a", method: "GET" },
        },
        { id: "toolu_01B7rT6yUi8oP0aS2dF4gH5", name: "memory", input: { op: "get", key: "notes" } },
      ],
      stop_reason: "tool_use",
      usage: { input_tokens: 600, output_tokens: 91 },
    });
  });

  it("reports a truncated body as bad_response", () => {
    const error = expectError(parseProviderBody("anthropic", malformedJson));
    expect(error).toMatchObject({ kind: "bad_response", status: null });
    expect(error.message).toContain("not valid JSON");
  });

  it.each([
    ["no content array", { type: "message", stop_reason: "end_turn" }],
    ["a text block without text", { content: [{ type: "text" }] }],
    ["a tool_use without id", { content: [{ type: "tool_use", name: "x", input: {} }] }],
    [
      "a tool_use whose input is an array",
      { content: [{ type: "tool_use", id: "t", name: "x", input: [1] }] },
    ],
  ])("reports %s as bad_response", (_name, body) => {
    expect(expectError(parseProviderBody("anthropic", JSON.stringify(body))).kind).toBe(
      "bad_response",
    );
  });

  it("names the tool whose input is not an object", () => {
    const body = { content: [{ type: "tool_use", id: "t", name: "send_email", input: "x" }] };
    expect(expectError(parseProviderBody("anthropic", JSON.stringify(body))).message).toContain(
      '"send_email"',
    );
  });

  it("reports an error object in a 200 body by its type", () => {
    const body = { type: "error", error: { type: "overloaded_error", message: "Overloaded" } };
    expect(expectError(parseProviderBody("anthropic", JSON.stringify(body)))).toMatchObject({
      kind: "overloaded",
      status: null,
    });
  });

  it("skips block types the loop does not use and tolerates missing usage", () => {
    const body = {
      content: [
        { type: "thinking", thinking: "hmm", signature: "s" },
        { type: "text", text: "a" },
        { type: "text", text: "b" },
      ],
      stop_reason: "refusal",
    };
    expect(expectResponse(parseProviderBody("anthropic", JSON.stringify(body)))).toEqual({
      text: "ab",
      tool_calls: [],
      stop_reason: "other",
      usage: null,
    });
  });

  it.each([
    ["end_turn", "end_turn"],
    ["tool_use", "tool_use"],
    ["max_tokens", "max_tokens"],
    ["stop_sequence", "stop_sequence"],
    ["pause_turn", "other"],
    [null, "other"],
  ])("maps stop reason %s to %s", (raw, mapped) => {
    expect(anthropicStopReason(raw)).toBe(mapped);
  });
});

describe("Anthropic streamed responses", () => {
  it("streams text deltas to onText under every chunking and line ending", async () => {
    for (const variant of variants(textSse)) {
      const { result, deltas } = await parseChunks("anthropic", variant.chunks);
      expect(expectResponse(result), variant.name).toEqual({
        text: "Hello, wörld — ünïcödé 🚀 ok.",
        tool_calls: [],
        stop_reason: "end_turn",
        usage: { input_tokens: 25, output_tokens: 15 },
      });
      expect(deltas, variant.name).toEqual(["Hello", ", wörld — ", "ünïcödé 🚀 ok."]);
    }
  });

  it("assembles tool input split across many input_json_deltas", async () => {
    for (const variant of variants(toolUseSse)) {
      const { result, deltas } = await parseChunks("anthropic", variant.chunks);
      expect(expectResponse(result), variant.name).toEqual({
        text: "Okay, let me check the weather.",
        tool_calls: [
          { id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6", name: "get_weather", input: WEATHER_INPUT },
        ],
        stop_reason: "tool_use",
        usage: { input_tokens: 472, output_tokens: 89 },
      });
      expect(deltas.join(""), variant.name).toBe("Okay, let me check the weather.");
    }
  });

  it("returns two tool calls from one turn in block order", async () => {
    for (const variant of variants(twoToolsSse)) {
      const response = expectResponse((await parseChunks("anthropic", variant.chunks)).result);
      expect(response.tool_calls, variant.name).toEqual([
        {
          id: "toolu_01AaaaaaaaaaaaaaaaaaaaaA",
          name: "http_fetch",
          input: { url: "https://example.com/a" },
        },
        {
          id: "toolu_01BbbbbbbbbbbbbbbbbbbbbB",
          name: "memory",
          input: { op: "set", key: "k", value: { n: 1 } },
        },
      ]);
      expect(response.text).toBe("");
      expect(response.usage).toEqual({ input_tokens: 810, output_tokens: 120 });
    }
  });

  it("turns an error event into the matching error kind, after the partial text was emitted", async () => {
    for (const variant of variants(streamErrorSse)) {
      const { result, deltas } = await parseChunks("anthropic", variant.chunks);
      const error = expectError(result);
      expect(error, variant.name).toMatchObject({
        kind: "overloaded",
        status: null,
        retry_after_seconds: null,
      });
      expect(error.message).toContain("Overloaded");
      expect(deltas).toEqual(["Partial"]);
    }
  });

  it.each([
    ["rate_limit_error", "rate_limited"],
    ["api_error", "server"],
    ["invalid_request_error", "bad_request"],
    ["authentication_error", "auth"],
    ["something_new", "server"],
  ])("maps a streamed %s to %s", async (type, kind) => {
    const body = sse(START, { type: "error", error: { type, message: "m" } });
    expect(expectError((await parseChunks("anthropic", [utf8Bytes(body)])).result).kind).toBe(kind);
  });

  it("reports a stream that ends before message_stop as cut_stream", async () => {
    for (const variant of variants(cutSse)) {
      const { result, deltas } = await parseChunks("anthropic", variant.chunks);
      const error = expectError(result);
      expect(error.kind, variant.name).toBe("cut_stream");
      expect(error.message).toContain("message_stop");
      expect(deltas.join("")).toBe("Okay, let me check the weather.");
    }
  });

  it("reports a complete-looking stream without message_stop as cut_stream", async () => {
    const withoutStop = toolUseSse.slice(0, toolUseSse.indexOf("event: message_stop"));
    expect(
      expectError((await parseChunks("anthropic", [utf8Bytes(withoutStop)])).result).kind,
    ).toBe("cut_stream");
  });

  it("reports an empty stream as cut_stream", async () => {
    const error = expectError((await parseChunks("anthropic", [])).result);
    expect(error.kind).toBe("cut_stream");
    expect(error.message).toContain("message_start");
  });

  it("reports a connection failure mid-stream as cut_stream", async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) controller.error(new TypeError("Network connection lost."));
        else controller.enqueue(utf8Bytes(sse(START)));
        sent = true;
      },
    });
    const result = await readModelStream("anthropic", body, new AnthropicStreamAccumulator());
    expect(expectError(result).kind).toBe("cut_stream");
  });

  it("reports malformed event JSON as bad_response", async () => {
    for (const variant of variants(malformedSse)) {
      expect(
        expectError((await parseChunks("anthropic", variant.chunks)).result).kind,
        variant.name,
      ).toBe("bad_response");
    }
  });

  it("reports tool input that is not valid JSON as bad_response naming the tool", async () => {
    for (const variant of variants(badToolJsonSse)) {
      const error = expectError((await parseChunks("anthropic", variant.chunks)).result);
      expect(error.kind, variant.name).toBe("bad_response");
      expect(error.message).toContain('"get_weather"');
    }
  });

  it("reports tool input that is JSON but not an object as bad_response", async () => {
    const body = sse(
      START,
      {
        type: "content_block_start",
        index: 0,
        content_block: { type: "tool_use", id: "t", name: "memory", input: {} },
      },
      {
        type: "content_block_delta",
        index: 0,
        delta: { type: "input_json_delta", partial_json: "[1,2]" },
      },
      { type: "content_block_stop", index: 0 },
      STOP,
    );
    const error = expectError((await parseChunks("anthropic", [utf8Bytes(body)])).result);
    expect(error.message).toContain('"memory"');
  });

  it("treats a tool with no input deltas as empty input, or keeps input given whole at the start", async () => {
    const body = sse(
      START,
      {
        type: "content_block_start",
        index: 0,
        content_block: { type: "tool_use", id: "a", name: "now", input: {} },
      },
      { type: "content_block_stop", index: 0 },
      {
        type: "content_block_start",
        index: 1,
        content_block: { type: "tool_use", id: "b", name: "get", input: { k: 1 } },
      },
      { type: "content_block_stop", index: 1 },
      { type: "message_delta", delta: { stop_reason: "tool_use" }, usage: { output_tokens: 9 } },
      STOP,
    );
    expect(
      expectResponse((await parseChunks("anthropic", [utf8Bytes(body)])).result).tool_calls,
    ).toEqual([
      { id: "a", name: "now", input: {} },
      { id: "b", name: "get", input: { k: 1 } },
    ]);
  });

  it.each([
    [
      "a delta for a block that never started",
      { type: "content_block_delta", index: 4, delta: { type: "text_delta", text: "x" } },
    ],
    ["a stop for a block that never started", { type: "content_block_stop", index: 2 }],
    [
      "a block without index",
      { type: "content_block_start", content_block: { type: "text", text: "" } },
    ],
  ])("reports %s as bad_response", async (_name, event) => {
    const body = sse(START, event, STOP);
    expect(expectError((await parseChunks("anthropic", [utf8Bytes(body)])).result).kind).toBe(
      "bad_response",
    );
  });

  it("reports an input_json_delta on a text block as bad_response", async () => {
    const body = sse(
      START,
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      {
        type: "content_block_delta",
        index: 0,
        delta: { type: "input_json_delta", partial_json: "{}" },
      },
    );
    expect(expectError((await parseChunks("anthropic", [utf8Bytes(body)])).result).kind).toBe(
      "bad_response",
    );
  });

  it("ignores pings, comments, thinking deltas and unknown events", async () => {
    const body =
      ": hello\n\n" +
      sse(
        START,
        { type: "ping" },
        {
          type: "content_block_start",
          index: 0,
          content_block: { type: "thinking", thinking: "" },
        },
        {
          type: "content_block_delta",
          index: 0,
          delta: { type: "thinking_delta", thinking: "hmm" },
        },
        { type: "content_block_stop", index: 0 },
        { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
        { type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "hi" } },
        { type: "content_block_stop", index: 1 },
        { type: "some_future_event", x: 1 },
        {
          type: "message_delta",
          delta: { stop_reason: "max_tokens" },
          usage: { output_tokens: 4 },
        },
        STOP,
      );
    expect(expectResponse((await parseChunks("anthropic", [utf8Bytes(body)])).result)).toEqual({
      text: "hi",
      tool_calls: [],
      stop_reason: "max_tokens",
      usage: { input_tokens: 3, output_tokens: 4 },
    });
  });

  it("stops reading at message_stop and cancels the rest of the body", async () => {
    let cancelled = false;
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(utf8Bytes(pulls === 1 ? textSse : ": keep-alive\n\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    const result = await readModelStream("anthropic", body, new AnthropicStreamAccumulator());
    expect(expectResponse(result).text).toBe("Hello, wörld — ünïcödé 🚀 ok.");
    expect(cancelled).toBe(true);
  });

  it("also works without a text sink", async () => {
    const result = await readModelStream(
      "anthropic",
      streamOf([utf8Bytes(textSse)]),
      new AnthropicStreamAccumulator(),
    );
    expect(expectResponse(result).text).toBe("Hello, wörld — ünïcödé 🚀 ok.");
  });
});
