import { vi } from "vitest";
import { watch } from "./canary-watch";

/** Server-sent events as a provider sends them (`event:` line optional, `data:` JSON). */
const sse = (events: { event?: string; data: unknown }[]) =>
  events
    .map(
      (e) =>
        `${e.event ? `event: ${e.event}\n` : ""}data: ${typeof e.data === "string" ? e.data : JSON.stringify(e.data)}\n\n`,
    )
    .join("");

export type Block =
  | { text: string }
  /** A text block streamed as exactly these deltas (to split a value where a test wants). */
  | { chunks: string[] }
  | { tool: { id: string; name: string; input: Record<string, unknown> } };

/** An Anthropic Messages streaming response, with tool input split across many deltas. */
export function anthropicStream(blocks: Block[], opts: { cut?: boolean } = {}): string {
  const events: { event: string; data: unknown }[] = [
    {
      event: "message_start",
      data: {
        type: "message_start",
        message: {
          id: `msg_${crypto.randomUUID().slice(0, 8)}`,
          type: "message",
          role: "assistant",
          model: "claude-test",
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: 25, output_tokens: 1 },
        },
      },
    },
  ];
  blocks.forEach((b, index) => {
    if ("text" in b || "chunks" in b) {
      events.push({
        event: "content_block_start",
        data: { type: "content_block_start", index, content_block: { type: "text", text: "" } },
      });
      for (const piece of "chunks" in b ? b.chunks : (b.text.match(/.{1,12}/gs) ?? [])) {
        events.push({
          event: "content_block_delta",
          data: { type: "content_block_delta", index, delta: { type: "text_delta", text: piece } },
        });
      }
    } else {
      events.push({
        event: "content_block_start",
        data: {
          type: "content_block_start",
          index,
          content_block: { type: "tool_use", id: b.tool.id, name: b.tool.name, input: {} },
        },
      });
      for (const piece of JSON.stringify(b.tool.input).match(/.{1,7}/gs) ?? []) {
        events.push({
          event: "content_block_delta",
          data: {
            type: "content_block_delta",
            index,
            delta: { type: "input_json_delta", partial_json: piece },
          },
        });
      }
    }
    events.push({ event: "content_block_stop", data: { type: "content_block_stop", index } });
  });
  const toolUse = blocks.some((b) => "tool" in b);
  events.push(
    {
      event: "message_delta",
      data: {
        type: "message_delta",
        delta: { stop_reason: toolUse ? "tool_use" : "end_turn", stop_sequence: null },
        usage: { output_tokens: 40 },
      },
    },
    { event: "message_stop", data: { type: "message_stop" } },
  );
  const text = sse(events);
  return opts.cut ? text.slice(0, Math.floor(text.length / 2)) : text;
}

/** An OpenAI chat-completions streaming response, tool call arguments split across chunks. */
export function openaiStream(blocks: Block[]): string {
  const chunk = (delta: unknown, finish: string | null = null) => ({
    id: "chatcmpl-test",
    object: "chat.completion.chunk",
    created: 1_764_000_000,
    model: "gpt-test",
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const events: { data: unknown }[] = [{ data: chunk({ role: "assistant", content: "" }) }];
  let toolIndex = 0;
  for (const b of blocks) {
    if ("text" in b || "chunks" in b) {
      for (const piece of "chunks" in b ? b.chunks : (b.text.match(/.{1,12}/gs) ?? []))
        events.push({ data: chunk({ content: piece }) });
    } else {
      const index = toolIndex++;
      events.push({
        data: chunk({
          tool_calls: [
            {
              index,
              id: b.tool.id,
              type: "function",
              function: { name: b.tool.name, arguments: "" },
            },
          ],
        }),
      });
      for (const piece of JSON.stringify(b.tool.input).match(/.{1,6}/gs) ?? []) {
        events.push({ data: chunk({ tool_calls: [{ index, function: { arguments: piece } }] }) });
      }
    }
  }
  events.push({ data: chunk({}, blocks.some((b) => "tool" in b) ? "tool_calls" : "stop") });
  events.push({
    data: {
      ...chunk({}),
      choices: [],
      usage: { prompt_tokens: 30, completion_tokens: 12, total_tokens: 42 },
    },
  });
  events.push({ data: "[DONE]" });
  return sse(events);
}

export interface Recorded {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

type Reply = { status?: number; body: string; headers?: Record<string, string> };
type Route = (request: Request) => Reply | Promise<Reply>;

/**
 * Answers the Worker's and the Durable Object's outbound fetches at the HTTP boundary: model
 * providers from a script of queued replies, any other host from `sites`. Every request is
 * recorded so tests can look at exactly what left the machine.
 */
export function mockOutbound(sites: Record<string, Route> = {}) {
  const recorded: Recorded[] = [];
  const modelReplies: Reply[] = [];
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    const url = new URL(request.url);
    const body = request.body ? await request.clone().text() : "";
    recorded.push({
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body,
    });
    if (/api\.(anthropic|openai)\.com/.test(request.url))
      watch(`model request ${request.url}`, body);
    let reply: Reply | undefined;
    if (url.hostname === "api.anthropic.com" || url.hostname === "api.openai.com") {
      reply = modelReplies.shift();
      if (!reply)
        return new Response(JSON.stringify({ error: "no scripted reply" }), { status: 599 });
    } else if (sites[url.hostname]) {
      reply = await sites[url.hostname]!(request);
    } else if (url.hostname === "localhost") {
      return realFetch(input as RequestInfo, init);
    } else {
      throw new TypeError(`fetch failed: unexpected host ${url.hostname} in a test`);
    }
    return new Response(reply.body, {
      status: reply.status ?? 200,
      headers: { "content-type": "text/event-stream", ...reply.headers },
    });
  });
  return {
    recorded,
    modelRequests: () => recorded.filter((r) => /api\.(anthropic|openai)\.com/.test(r.url)),
    reply: (body: string, status = 200, headers: Record<string, string> = {}) =>
      modelReplies.push({ body, status, headers }),
    pending: () => modelReplies.length,
    restore: () => spy.mockRestore(),
  };
}
