/** Which wire format a provider speaks. "openai" covers every OpenAI-compatible endpoint. */
export type ProviderKind = "anthropic" | "openai";

export interface ProviderConfig {
  kind: ProviderKind;
  /** Anthropic: `https://api.anthropic.com` (no `/v1`); OpenAI-compatible: `https://api.openai.com/v1`. */
  baseUrl: string;
  model: string;
  maxTokens: number;
  temperature?: number;
}

export type ChatMessage =
  | { role: "user"; content: string }
  | { role: "assistant"; content: string; tool_calls: ModelToolCall[] }
  | { role: "tool"; tool_call_id: string; name: string; content: string; is_error: boolean };

export interface ToolSpec {
  name: string;
  description: string;
  /** A JSON Schema object describing the tool's input. */
  input_schema: Record<string, unknown>;
}

export interface ModelRequest {
  system: string;
  messages: ChatMessage[];
  tools: ToolSpec[];
}

export interface ModelToolCall {
  id: string;
  name: string;
  input: Record<string, unknown>;
}

export type StopReason = "end_turn" | "tool_use" | "max_tokens" | "stop_sequence" | "other";

export interface TokenUsage {
  input_tokens: number;
  output_tokens: number;
}

export interface ModelResponse {
  text: string;
  tool_calls: ModelToolCall[];
  stop_reason: StopReason;
  usage: TokenUsage | null;
}

export type ProviderErrorKind =
  | "auth"
  | "rate_limited"
  | "overloaded"
  | "server"
  | "bad_request"
  | "bad_response"
  | "cut_stream"
  | "network"
  | "timeout";

export interface ProviderError {
  kind: ProviderErrorKind;
  status: number | null;
  retry_after_seconds: number | null;
  /** Safe to show: never contains the API key or request headers. */
  message: string;
}

export type ModelResult =
  { ok: true; response: ModelResponse } | { ok: false; error: ProviderError };

/** The outgoing HTTP request minus authentication, which only the I/O edge adds. */
export interface ProviderHttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The one thing the parsers need from response headers (a `Headers` object fits). */
export interface HeaderLookup {
  get(name: string): string | null;
}
