import { describe, expect, it } from "vitest";
import { buildProviderRequest } from "../../../core/providers/adapter";
import { toAnthropicMessages } from "../../../core/providers/anthropic-request";
import type { ChatMessage } from "../../../core/providers/types";
import { ANTHROPIC, FETCH_TOOL, HISTORY, REQUEST } from "./sample-history";

function built(stream: boolean, config = ANTHROPIC, request = REQUEST) {
  const result = buildProviderRequest(config, request, stream);
  if (!result.ok) throw new Error(result.error.message);
  return { ...result.request, json: JSON.parse(result.request.body) as Record<string, unknown> };
}

describe("Anthropic request building", () => {
  it("posts to {baseUrl}/v1/messages with the version header and no credentials", () => {
    const r = built(true);
    expect(r.url).toBe("https://api.anthropic.com/v1/messages");
    expect(r.headers).toEqual({
      "anthropic-version": "2023-06-01",
      "content-type": "application/json",
    });
  });

  it("builds the exact body: model, limits, system, content blocks, tools, stream", () => {
    expect(built(true).json).toEqual({
      model: "claude-sonnet-4-5",
      max_tokens: 1024,
      system: "You are careful.",
      messages: [
        { role: "user", content: "Fetch a and remember it" },
        {
          role: "assistant",
          content: [
            { type: "text", text: "Fetching." },
            {
              type: "tool_use",
              id: "call_1",
              name: "http_fetch",
              input: { url: "https://example.com/a" },
            },
            { type: "tool_use", id: "call_2", name: "memory", input: { op: "get", key: "k" } },
          ],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "call_1", content: "page a", is_error: false },
            { type: "tool_result", tool_use_id: "call_2", content: "no such key", is_error: true },
          ],
        },
        { role: "assistant", content: "Done: page a" },
        { role: "user", content: "Thanks" },
      ],
      tools: [
        {
          name: "http_fetch",
          description: "Fetch a URL",
          input_schema: FETCH_TOOL.input_schema,
        },
        {
          name: "memory",
          description: "Read or write memory",
          input_schema: { type: "object", properties: { op: { enum: ["get", "set"] } } },
        },
      ],
      stream: true,
    });
  });

  it("says stream: false for a non-streamed call", () => {
    expect(built(false).json.stream).toBe(false);
  });

  it("sends temperature only when configured", () => {
    expect(built(false).json).not.toHaveProperty("temperature");
    expect(built(false, { ...ANTHROPIC, temperature: 0.2 }).json.temperature).toBe(0.2);
    expect(built(false, { ...ANTHROPIC, temperature: 0 }).json.temperature).toBe(0);
  });

  it("omits an empty system prompt and an empty tool list", () => {
    const json = built(false, ANTHROPIC, {
      system: "",
      messages: HISTORY.slice(0, 1),
      tools: [],
    }).json;
    expect(json).not.toHaveProperty("system");
    expect(json).not.toHaveProperty("tools");
  });

  it("merges tool results and the user text that follows them into one user message", () => {
    const history: ChatMessage[] = [
      { role: "user", content: "go" },
      { role: "assistant", content: "", tool_calls: [{ id: "t1", name: "memory", input: {} }] },
      { role: "tool", tool_call_id: "t1", name: "memory", content: "ok", is_error: false },
      { role: "user", content: "and then?" },
    ];
    expect(toAnthropicMessages(history)).toEqual([
      { role: "user", content: "go" },
      { role: "assistant", content: [{ type: "tool_use", id: "t1", name: "memory", input: {} }] },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "t1", content: "ok", is_error: false },
          { type: "text", text: "and then?" },
        ],
      },
    ]);
  });

  it("leaves out an assistant turn with no text and no tool calls, merging the users around it", () => {
    const history: ChatMessage[] = [
      { role: "user", content: "hi" },
      { role: "assistant", content: "", tool_calls: [] },
      { role: "user", content: "hello?" },
    ];
    expect(toAnthropicMessages(history)).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "hi" },
          { type: "text", text: "hello?" },
        ],
      },
    ]);
  });

  it("keeps the tool_use block without a text block when the assistant said nothing", () => {
    const [, assistant] = toAnthropicMessages(
      HISTORY.slice(0, 1).concat([
        { role: "assistant", content: "", tool_calls: [{ id: "x", name: "n", input: { a: 1 } }] },
      ]),
    );
    expect(assistant).toEqual({
      role: "assistant",
      content: [{ type: "tool_use", id: "x", name: "n", input: { a: 1 } }],
    });
  });

  it.each([
    ["https://api.anthropic.com/", "https://api.anthropic.com/v1/messages"],
    ["https://proxy.example/anthropic//", "https://proxy.example/anthropic/v1/messages"],
    ["http://localhost:8787", "http://localhost:8787/v1/messages"],
  ])("joins base URL %s without doubled slashes", (baseUrl, url) => {
    expect(built(false, { ...ANTHROPIC, baseUrl }).url).toBe(url);
  });

  it.each([
    ["not a url", "not an absolute URL"],
    ["ftp://api.anthropic.com", "only http and https"],
    ["https://user:pw@api.anthropic.com", "credentials"],
    ["https://api.anthropic.com?x=1", "query or fragment"],
  ])("refuses the base URL %s as a bad request", (baseUrl, why) => {
    const result = buildProviderRequest({ ...ANTHROPIC, baseUrl }, REQUEST, false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe("bad_request");
    expect(result.error.message).toContain(why);
  });
});
