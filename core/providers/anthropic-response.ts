import { badResponse } from "./errors";
import { errorDetail, inBandError } from "./http-error";
import { isIndex, isObject, tokenCount, tryParseJson } from "./json-guards";
import type { JsonObject } from "./json-guards";
import { CONTINUE } from "./model-stream";
import type { StreamAccumulator, StreamStep, TextSink } from "./model-stream";
import type { SseEvent } from "./sse";
import { toolCallFromJson, toolCallFromValue } from "./tool-input";
import type { ModelResult, ModelToolCall, StopReason, TokenUsage } from "./types";

const fail = (what: string): ModelResult => ({ ok: false, error: badResponse("anthropic", what) });

export function anthropicStopReason(value: unknown): StopReason {
  switch (value) {
    case "end_turn":
    case "tool_use":
    case "max_tokens":
    case "stop_sequence":
      return value;
    default:
      return "other"; // pause_turn, refusal, and whatever Anthropic adds later
  }
}

/** Input tokens including prompt-cache reads and writes, which Anthropic counts separately. */
function inputTokens(usage: JsonObject): number | null {
  const base = tokenCount(usage.input_tokens);
  if (base === null) return null;
  return (
    base +
    (tokenCount(usage.cache_creation_input_tokens) ?? 0) +
    (tokenCount(usage.cache_read_input_tokens) ?? 0)
  );
}

function usageOf(value: unknown): TokenUsage | null {
  if (!isObject(value)) return null;
  const input = inputTokens(value);
  const output = tokenCount(value.output_tokens);
  return input === null || output === null ? null : { input_tokens: input, output_tokens: output };
}

/** Parses a non-streaming Messages API response body (HTTP 200). */
export function parseAnthropicMessage(bodyText: string): ModelResult {
  const parsed = tryParseJson(bodyText);
  if (!parsed.ok) return fail("the body is not valid JSON");
  const body = parsed.value;
  const detail = errorDetail(body);
  if (detail !== null) return { ok: false, error: inBandError("anthropic", detail) };
  if (!isObject(body) || !Array.isArray(body.content)) return fail("no `content` array");
  let text = "";
  const toolCalls: ModelToolCall[] = [];
  for (const block of body.content as unknown[]) {
    if (!isObject(block)) return fail("a content block is not an object");
    if (block.type === "text") {
      if (typeof block.text !== "string") return fail("a text block has no text");
      text += block.text;
    } else if (block.type === "tool_use") {
      if (typeof block.id !== "string" || typeof block.name !== "string") {
        return fail("a tool_use block lacks its id or name");
      }
      const call = toolCallFromValue("anthropic", block.id, block.name, block.input);
      if (!call.ok) return call;
      toolCalls.push(call.call);
    }
    // Other block types (thinking, server tools) carry nothing the session loop uses.
  }
  return {
    ok: true,
    response: {
      text,
      tool_calls: toolCalls,
      stop_reason: anthropicStopReason(body.stop_reason),
      usage: usageOf(body.usage),
    },
  };
}

type OpenBlock =
  | { kind: "text" }
  | { kind: "tool"; id: string; name: string; json: string; startInput: unknown }
  | { kind: "other" };

/**
 * Folds `message_start`, `content_block_start/delta/stop`, `message_delta`, `message_stop`,
 * `ping` and `error` events. Tool input arrives as `input_json_delta` fragments that are only
 * valid JSON together, so they are joined and parsed when their block stops.
 */
export class AnthropicStreamAccumulator implements StreamAccumulator {
  private readonly open = new Map<number, OpenBlock>();
  private readonly closed = new Set<number>();
  private readonly toolCalls: { index: number; call: ModelToolCall }[] = [];
  private text = "";
  private started = false;
  private stopReason: unknown = null;
  private input: number | null = null;
  private output: number | null = null;

  constructor(private readonly onText?: TextSink) {}

  describeCut(): string {
    return this.started ? "no message_stop event" : "no message_start event";
  }

  push(event: SseEvent): StreamStep {
    const parsed = tryParseJson(event.data);
    if (!parsed.ok)
      return failed(`the data of a ${JSON.stringify(event.event)} event is not valid JSON`);
    const data = parsed.value;
    if (!isObject(data)) return failed("an event's data is not a JSON object");
    switch (data.type) {
      case "message_start":
        return this.messageStart(data);
      case "content_block_start":
        return this.blockStart(data);
      case "content_block_delta":
        return this.blockDelta(data);
      case "content_block_stop":
        return this.blockStop(data);
      case "message_delta":
        return this.messageDelta(data);
      case "message_stop":
        return this.messageStop();
      case "error": {
        const detail = errorDetail(data) ?? { type: null, message: null };
        return { state: "failed", error: inBandError("anthropic", detail) };
      }
      default:
        return CONTINUE; // ping, and event types Anthropic may add (its docs say to ignore them)
    }
  }

  private messageStart(data: JsonObject): StreamStep {
    if (!isObject(data.message)) return failed("message_start has no message");
    this.started = true;
    const usage = data.message.usage;
    if (isObject(usage)) {
      this.input = inputTokens(usage);
      this.output = tokenCount(usage.output_tokens);
    }
    return CONTINUE;
  }

  private blockStart(data: JsonObject): StreamStep {
    const index = data.index;
    const block = data.content_block;
    if (!isIndex(index) || !isObject(block)) return failed("content_block_start is incomplete");
    if (this.open.has(index) || this.closed.has(index)) {
      return failed(`content block ${index} started twice`);
    }
    if (block.type === "text") {
      this.open.set(index, { kind: "text" });
      if (typeof block.text === "string" && block.text !== "") this.appendText(block.text);
    } else if (block.type === "tool_use") {
      if (typeof block.id !== "string" || typeof block.name !== "string") {
        return failed("a tool_use block lacks its id or name");
      }
      this.open.set(index, {
        kind: "tool",
        id: block.id,
        name: block.name,
        json: "",
        startInput: block.input,
      });
    } else {
      this.open.set(index, { kind: "other" });
    }
    return CONTINUE;
  }

  private blockDelta(data: JsonObject): StreamStep {
    const index = data.index;
    const delta = data.delta;
    if (!isIndex(index) || !isObject(delta)) return failed("content_block_delta is incomplete");
    const block = this.open.get(index);
    if (block === undefined)
      return failed(`a delta arrived for content block ${index}, which is not open`);
    if (delta.type === "text_delta") {
      if (block.kind !== "text" || typeof delta.text !== "string") {
        return failed(`a text_delta does not fit content block ${index}`);
      }
      this.appendText(delta.text);
    } else if (delta.type === "input_json_delta") {
      if (block.kind !== "tool" || typeof delta.partial_json !== "string") {
        return failed(`an input_json_delta does not fit content block ${index}`);
      }
      block.json += delta.partial_json;
    }
    // thinking_delta, signature_delta, citations_delta: nothing the session loop uses.
    return CONTINUE;
  }

  private blockStop(data: JsonObject): StreamStep {
    const index = data.index;
    if (!isIndex(index)) return failed("content_block_stop has no index");
    const block = this.open.get(index);
    if (block === undefined) return failed(`content block ${index} stopped but was not open`);
    this.open.delete(index);
    this.closed.add(index);
    return block.kind === "tool" ? this.finishTool(index, block) : CONTINUE;
  }

  private finishTool(index: number, block: Extract<OpenBlock, { kind: "tool" }>): StreamStep {
    // A block whose input came whole in content_block_start (no deltas) keeps that input.
    const result =
      block.json === "" && isObject(block.startInput) && Object.keys(block.startInput).length > 0
        ? toolCallFromValue("anthropic", block.id, block.name, block.startInput)
        : toolCallFromJson("anthropic", block.id, block.name, block.json);
    if (!result.ok) return { state: "failed", error: result.error };
    this.toolCalls.push({ index, call: result.call });
    return CONTINUE;
  }

  private messageDelta(data: JsonObject): StreamStep {
    if (isObject(data.delta) && data.delta.stop_reason !== undefined) {
      this.stopReason = data.delta.stop_reason;
    }
    // message_delta usage is cumulative; newer API versions repeat input_tokens there too.
    if (isObject(data.usage)) {
      this.output = tokenCount(data.usage.output_tokens) ?? this.output;
      this.input = inputTokens(data.usage) ?? this.input;
    }
    return CONTINUE;
  }

  private messageStop(): StreamStep {
    if (!this.started) return failed("message_stop arrived before message_start");
    for (const [index, block] of [...this.open]) {
      if (block.kind !== "tool") continue;
      const step = this.finishTool(index, block);
      if (step.state === "failed") return step;
    }
    this.open.clear();
    const calls = [...this.toolCalls].sort((a, b) => a.index - b.index).map((t) => t.call);
    return {
      state: "done",
      response: {
        text: this.text,
        tool_calls: calls,
        stop_reason: anthropicStopReason(this.stopReason),
        usage:
          this.input === null || this.output === null
            ? null
            : { input_tokens: this.input, output_tokens: this.output },
      },
    };
  }

  private appendText(delta: string): void {
    if (delta === "") return;
    this.text += delta;
    this.onText?.(delta);
  }
}

function failed(what: string): StreamStep {
  return { state: "failed", error: badResponse("anthropic", what) };
}
