import { endpointUrl } from "./base-url";
import type {
  ChatMessage,
  ModelRequest,
  ProviderConfig,
  ProviderError,
  ProviderHttpRequest,
} from "./types";

export type OpenAiMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string }
  | {
      role: "assistant";
      content: string | null;
      tool_calls?: {
        id: string;
        type: "function";
        function: { name: string; arguments: string };
      }[];
    }
  | { role: "tool"; tool_call_id: string; content: string };

/** Chat completions have no error flag on tool results, so a failed tool says so in its text. */
export const TOOL_ERROR_PREFIX = "Error: ";

function toOpenAiMessage(message: ChatMessage): OpenAiMessage {
  switch (message.role) {
    case "user":
      return { role: "user", content: message.content };
    case "tool":
      return {
        role: "tool",
        tool_call_id: message.tool_call_id,
        content: message.is_error ? `${TOOL_ERROR_PREFIX}${message.content}` : message.content,
      };
    case "assistant":
      // OpenAI rejects an empty `tool_calls` array, and expects null content beside tool calls.
      if (message.tool_calls.length === 0) return { role: "assistant", content: message.content };
      return {
        role: "assistant",
        content: message.content === "" ? null : message.content,
        tool_calls: message.tool_calls.map((c) => ({
          id: c.id,
          type: "function",
          function: { name: c.name, arguments: JSON.stringify(c.input) },
        })),
      };
  }
}

export function toOpenAiMessages(system: string, history: readonly ChatMessage[]): OpenAiMessage[] {
  const head: OpenAiMessage[] = system === "" ? [] : [{ role: "system", content: system }];
  return [...head, ...history.map(toOpenAiMessage)];
}

/**
 * `POST {baseUrl}/chat/completions` without the `authorization` header (the I/O edge adds it).
 * The output limit is sent as `max_tokens`: Ollama, LM Studio and older vLLM only know that name,
 * while `max_completion_tokens` is OpenAI's newer spelling. OpenAI reasoning models (o-series,
 * gpt-5) reject `max_tokens`; supporting them needs a config switch for the field name.
 */
export function buildOpenAiRequest(
  config: ProviderConfig,
  request: ModelRequest,
  stream: boolean,
): { ok: true; request: ProviderHttpRequest } | { ok: false; error: ProviderError } {
  const url = endpointUrl(config.baseUrl, "/chat/completions");
  if (!url.ok) return url;
  const body = {
    model: config.model,
    messages: toOpenAiMessages(request.system, request.messages),
    // OpenAI rejects an empty `tools` array.
    ...(request.tools.length === 0
      ? {}
      : {
          tools: request.tools.map((t) => ({
            type: "function",
            function: { name: t.name, description: t.description, parameters: t.input_schema },
          })),
        }),
    max_tokens: config.maxTokens,
    ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
    stream,
    // Only allowed when streaming; asks for a final chunk carrying token usage.
    ...(stream ? { stream_options: { include_usage: true } } : {}),
  };
  return {
    ok: true,
    request: {
      url: url.url,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    },
  };
}
