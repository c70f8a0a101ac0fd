import { endpointUrl } from "./base-url";
import type {
  ChatMessage,
  ModelRequest,
  ProviderConfig,
  ProviderError,
  ProviderHttpRequest,
} from "./types";

export const ANTHROPIC_VERSION = "2023-06-01";

export type AnthropicBlock =
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: Record<string, unknown> }
  | { type: "tool_result"; tool_use_id: string; content: string; is_error: boolean };

export interface AnthropicMessage {
  role: "user" | "assistant";
  content: string | AnthropicBlock[];
}

function blocksOf(message: ChatMessage): AnthropicBlock[] {
  switch (message.role) {
    case "user":
      return [{ type: "text", text: message.content }];
    case "tool":
      return [
        {
          type: "tool_result",
          tool_use_id: message.tool_call_id,
          content: message.content,
          is_error: message.is_error,
        },
      ];
    case "assistant": {
      const text: AnthropicBlock[] =
        message.content === "" ? [] : [{ type: "text", text: message.content }];
      return [
        ...text,
        ...message.tool_calls.map((c): AnthropicBlock => ({
          type: "tool_use",
          id: c.id,
          name: c.name,
          input: c.input,
        })),
      ];
    }
  }
}

/**
 * Maps the history to Anthropic messages. Tool results (and any user text that follows them)
 * travel as one `user` message of blocks, consecutive same-role turns are merged, and assistant
 * turns with neither text nor tool calls are dropped: the API rejects empty content, and such a
 * turn (a model that answered nothing) would otherwise make every later call fail.
 */
export function toAnthropicMessages(history: readonly ChatMessage[]): AnthropicMessage[] {
  const merged: { role: "user" | "assistant"; blocks: AnthropicBlock[] }[] = [];
  for (const message of history) {
    const blocks = blocksOf(message);
    if (blocks.length === 0) continue;
    const role = message.role === "assistant" ? "assistant" : "user";
    const last = merged[merged.length - 1];
    if (last?.role === role) last.blocks.push(...blocks);
    else merged.push({ role, blocks });
  }
  return merged.map(({ role, blocks }) => {
    const only = blocks.length === 1 ? blocks[0] : undefined;
    return { role, content: only?.type === "text" ? only.text : blocks };
  });
}

/** `POST {baseUrl}/v1/messages` without the `x-api-key` header (the I/O edge adds it). */
export function buildAnthropicRequest(
  config: ProviderConfig,
  request: ModelRequest,
  stream: boolean,
): { ok: true; request: ProviderHttpRequest } | { ok: false; error: ProviderError } {
  const url = endpointUrl(config.baseUrl, "/v1/messages");
  if (!url.ok) return url;
  const body = {
    model: config.model,
    max_tokens: config.maxTokens,
    ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
    ...(request.system === "" ? {} : { system: request.system }),
    messages: toAnthropicMessages(request.messages),
    ...(request.tools.length === 0
      ? {}
      : {
          tools: request.tools.map((t) => ({
            name: t.name,
            description: t.description,
            input_schema: t.input_schema,
          })),
        }),
    stream,
  };
  return {
    ok: true,
    request: {
      url: url.url,
      headers: { "anthropic-version": ANTHROPIC_VERSION, "content-type": "application/json" },
      body: JSON.stringify(body),
    },
  };
}
