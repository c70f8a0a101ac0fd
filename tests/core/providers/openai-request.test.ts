import { describe, expect, it } from "vitest";
import { buildProviderRequest } from "../../../core/providers/adapter";
import { toOpenAiMessages } from "../../../core/providers/openai-request";
import { FETCH_TOOL, HISTORY, MEMORY_TOOL, OPENAI, REQUEST } from "./sample-history";

function built(stream: boolean, config = OPENAI, request = REQUEST) {
  const result = buildProviderRequest(config, request, stream);
  if (!result.ok) throw new Error(result.error.message);
  return { ...result.request, json: JSON.parse(result.request.body) as Record<string, unknown> };
}

describe("OpenAI-compatible request building", () => {
  it("posts to {baseUrl}/chat/completions with only a content type (auth is added at the edge)", () => {
    const r = built(true);
    expect(r.url).toBe("https://api.openai.com/v1/chat/completions");
    expect(r.headers).toEqual({ "content-type": "application/json" });
  });

  it.each([
    ["http://localhost:11434/v1/", "http://localhost:11434/v1/chat/completions"],
    ["https://api.groq.com/openai/v1", "https://api.groq.com/openai/v1/chat/completions"],
    ["http://127.0.0.1:1234/v1", "http://127.0.0.1:1234/v1/chat/completions"],
  ])("joins base URL %s", (baseUrl, url) => {
    expect(built(false, { ...OPENAI, baseUrl }).url).toBe(url);
  });

  it("builds the exact streamed body, with include_usage", () => {
    expect(built(true).json).toEqual({
      model: "gpt-4.1-mini",
      messages: [
        { role: "system", content: "You are careful." },
        { role: "user", content: "Fetch a and remember it" },
        {
          role: "assistant",
          content: "Fetching.",
          tool_calls: [
            {
              id: "call_1",
              type: "function",
              function: { name: "http_fetch", arguments: '{"url":"https://example.com/a"}' },
            },
            {
              id: "call_2",
              type: "function",
              function: { name: "memory", arguments: '{"op":"get","key":"k"}' },
            },
          ],
        },
        { role: "tool", tool_call_id: "call_1", content: "page a" },
        { role: "tool", tool_call_id: "call_2", content: "Error: no such key" },
        { role: "assistant", content: "Done: page a" },
        { role: "user", content: "Thanks" },
      ],
      tools: [
        {
          type: "function",
          function: {
            name: "http_fetch",
            description: "Fetch a URL",
            parameters: FETCH_TOOL.input_schema,
          },
        },
        {
          type: "function",
          function: {
            name: "memory",
            description: "Read or write memory",
            parameters: MEMORY_TOOL.input_schema,
          },
        },
      ],
      max_tokens: 512,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it("sends no stream_options without streaming (OpenAI rejects them)", () => {
    const json = built(false).json;
    expect(json.stream).toBe(false);
    expect(json).not.toHaveProperty("stream_options");
  });

  it("sends temperature only when configured", () => {
    expect(built(false).json).not.toHaveProperty("temperature");
    expect(built(false, { ...OPENAI, temperature: 0.7 }).json.temperature).toBe(0.7);
  });

  it("omits an empty system prompt and an empty tool list", () => {
    const json = built(false, OPENAI, {
      system: "",
      messages: HISTORY.slice(0, 1),
      tools: [],
    }).json;
    expect(json.messages).toEqual([{ role: "user", content: "Fetch a and remember it" }]);
    expect(json).not.toHaveProperty("tools");
  });

  it("sends null content beside tool calls when the assistant said nothing, and no empty tool_calls", () => {
    expect(
      toOpenAiMessages("", [
        { role: "assistant", content: "", tool_calls: [{ id: "c", name: "n", input: {} }] },
        { role: "assistant", content: "", tool_calls: [] },
      ]),
    ).toEqual([
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "c", type: "function", function: { name: "n", arguments: "{}" } }],
      },
      { role: "assistant", content: "" },
    ]);
  });

  it("refuses an invalid base URL as a bad request", () => {
    const result = buildProviderRequest(
      { ...OPENAI, baseUrl: "localhost:11434/v1" },
      REQUEST,
      true,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe("bad_request");
  });
});
