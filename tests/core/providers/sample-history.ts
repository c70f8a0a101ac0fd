import type {
  ChatMessage,
  ModelRequest,
  ProviderConfig,
  ToolSpec,
} from "../../../core/providers/types";

export const FETCH_TOOL: ToolSpec = {
  name: "http_fetch",
  description: "Fetch a URL",
  input_schema: {
    type: "object",
    properties: { url: { type: "string" } },
    required: ["url"],
  },
};

export const MEMORY_TOOL: ToolSpec = {
  name: "memory",
  description: "Read or write memory",
  input_schema: { type: "object", properties: { op: { enum: ["get", "set"] } } },
};

/** A user turn, an assistant turn with two tool calls, both results, and a follow-up. */
export const HISTORY: ChatMessage[] = [
  { role: "user", content: "Fetch a and remember it" },
  {
    role: "assistant",
    content: "Fetching.",
    tool_calls: [
      { id: "call_1", name: "http_fetch", input: { url: "https://example.com/a" } },
      { id: "call_2", name: "memory", input: { op: "get", key: "k" } },
    ],
  },
  { role: "tool", tool_call_id: "call_1", name: "http_fetch", content: "page a", is_error: false },
  { role: "tool", tool_call_id: "call_2", name: "memory", content: "no such key", is_error: true },
  { role: "assistant", content: "Done: page a", tool_calls: [] },
  { role: "user", content: "Thanks" },
];

export const REQUEST: ModelRequest = {
  system: "You are careful.",
  messages: HISTORY,
  tools: [FETCH_TOOL, MEMORY_TOOL],
};

export const ANTHROPIC: ProviderConfig = {
  kind: "anthropic",
  baseUrl: "https://api.anthropic.com",
  model: "claude-sonnet-4-5",
  maxTokens: 1024,
};

export const OPENAI: ProviderConfig = {
  kind: "openai",
  baseUrl: "https://api.openai.com/v1",
  model: "gpt-4.1-mini",
  maxTokens: 512,
};
