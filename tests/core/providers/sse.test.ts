import { describe, expect, it } from "vitest";
import { SseDecoder } from "../../../core/providers/sse";
import type { SseEvent } from "../../../core/providers/sse";
import anthropicToolUse from "../../fixtures/providers/anthropic/tool-use.sse?raw";
import openAiToolCalls from "../../fixtures/providers/openai/tool-calls.sse?raw";
import { chunkings, splitEvery, utf8Bytes, variants } from "./stream-helpers";

function decodeAll(chunks: readonly (Uint8Array | string)[]): SseEvent[] {
  const decoder = new SseDecoder();
  return chunks.flatMap((c) => decoder.push(c));
}

const decodeText = (text: string): SseEvent[] => decodeAll([text]);

describe("SseDecoder", () => {
  it("dispatches an event with its type and data on a blank line", () => {
    expect(decodeText("event: ping\ndata: {}\n\n")).toEqual([
      { event: "ping", data: "{}", id: "" },
    ]);
  });

  it("defaults the event type to 'message' and resets it after each dispatch", () => {
    expect(decodeText("event: a\ndata: 1\n\ndata: 2\n\n")).toEqual([
      { event: "a", data: "1", id: "" },
      { event: "message", data: "2", id: "" },
    ]);
  });

  it("joins multi-line data with LF", () => {
    expect(decodeText("data: first\ndata:second\ndata:  third\n\n")).toEqual([
      { event: "message", data: "first\nsecond\n third", id: "" },
    ]);
  });

  it("removes exactly one leading space from a value", () => {
    expect(decodeText("data:x\n\ndata: x\n\ndata:  x\n\n").map((e) => e.data)).toEqual([
      "x",
      "x",
      " x",
    ]);
  });

  it("ignores comment lines, including keep-alives between events", () => {
    expect(decodeText(": keep-alive\n\n:\ndata: a\n: in the middle\ndata: b\n\n")).toEqual([
      { event: "message", data: "a\nb", id: "" },
    ]);
  });

  it("does not dispatch an event without data lines", () => {
    expect(decodeText("event: ping\n\nid: 7\n\n")).toEqual([]);
  });

  it("dispatches an empty data line as an empty string", () => {
    expect(decodeText("data\n\ndata:\n\n").map((e) => e.data)).toEqual(["", ""]);
  });

  it("treats a line without a colon as a field name with an empty value", () => {
    expect(decodeText("event\ndata: x\n\n")).toEqual([{ event: "message", data: "x", id: "" }]);
  });

  it("ignores unknown fields and retry, and tracks the last event id", () => {
    expect(decodeText("retry: 1000\nfoo: bar\nid: 42\ndata: x\n\ndata: y\n\n")).toEqual([
      { event: "message", data: "x", id: "42" },
      { event: "message", data: "y", id: "42" },
    ]);
  });

  it("keeps colons after the first one in the value", () => {
    expect(decodeText('data: {"a":"b:c"}\n\n')[0]?.data).toBe('{"a":"b:c"}');
  });

  it.each([
    ["CRLF", "event: e\r\ndata: 1\r\ndata: 2\r\n\r\n"],
    ["CR", "event: e\rdata: 1\rdata: 2\r\r"],
    ["mixed", "event: e\ndata: 1\r\ndata: 2\r\n\n"],
  ])("accepts %s line endings", (_name, text) => {
    expect(decodeText(text)).toEqual([{ event: "e", data: "1\n2", id: "" }]);
  });

  it("treats a CR at the end of one chunk and an LF at the start of the next as one line break", () => {
    // Were the LF read as a second line break, the blank line would dispatch "a" on its own.
    expect(decodeAll(["data: a\r", "\ndata: b\r", "\n\r", "\n"])).toEqual([
      { event: "message", data: "a\nb", id: "" },
    ]);
  });

  it("treats a CR followed by a chunk that starts with something else as a line break", () => {
    expect(decodeAll(["data: a\r", "\r"])).toEqual([{ event: "message", data: "a", id: "" }]);
  });

  it("discards an event that the stream ends before its blank line", () => {
    const decoder = new SseDecoder();
    expect(decoder.push("data: complete\n\ndata: incomplete\n")).toEqual([
      { event: "message", data: "complete", id: "" },
    ]);
  });

  it("strips a leading byte order mark", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const rest = utf8Bytes("data: x\n\n");
    expect(decodeAll([bom, rest])).toEqual([{ event: "message", data: "x", id: "" }]);
  });

  it("decodes multi-byte characters split across chunks", () => {
    const events = decodeAll(splitEvery(utf8Bytes("data: ünï 🚀 — 漢字\n\n"), 1));
    expect(events).toEqual([{ event: "message", data: "ünï 🚀 — 漢字", id: "" }]);
  });

  it("replaces invalid UTF-8 rather than failing", () => {
    const events = decodeAll([utf8Bytes("data: a"), new Uint8Array([0xff]), utf8Bytes("b\n\n")]);
    expect(events[0]?.data).toBe("a\uFFFDb");
  });

  it.each([
    ["Anthropic tool use", anthropicToolUse, 18],
    ["OpenAI tool calls", openAiToolCalls, 15],
  ])("yields the same events for %s under every chunking and line ending", (_n, text, count) => {
    const expected = decodeText(text);
    expect(expected).toHaveLength(count);
    for (const variant of variants(text)) {
      expect(decodeAll(variant.chunks), variant.name).toEqual(expected);
    }
  });

  it("handles a long data line fed one byte at a time", () => {
    const value = "x".repeat(200_000);
    const events = decodeAll(chunkings(`data: ${value}\n\n`)[1]!.chunks);
    expect(events).toEqual([{ event: "message", data: value, id: "" }]);
  });
});
