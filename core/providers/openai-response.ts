import { badResponse, quoteName } from "./errors";
import { errorDetail, inBandError } from "./http-error";
import { isIndex, isObject, tokenCount, tryParseJson } from "./json-guards";
import type { JsonObject } from "./json-guards";
import { CONTINUE } from "./model-stream";
import type { StreamAccumulator, StreamStep, TextSink } from "./model-stream";
import type { SseEvent } from "./sse";
import { toolCallFromJson } from "./tool-input";
import type { ModelResponse, ModelResult, ModelToolCall, StopReason, TokenUsage } from "./types";

const fail = (what: string): ModelResult => ({ ok: false, error: badResponse("openai", what) });

/**
 * Maps `finish_reason`. Some OpenAI-compatible servers (Ollama among them) answer "stop" even
 * when the turn ends in tool calls, so tool calls with "stop" count as `tool_use`.
 */
export function openAiStopReason(finishReason: unknown, hasToolCalls: boolean): StopReason {
  switch (finishReason) {
    case "tool_calls":
    case "function_call":
      return "tool_use";
    case "stop":
      return hasToolCalls ? "tool_use" : "end_turn";
    case "length":
      return "max_tokens";
    default:
      return "other"; // content_filter, null, vendor-specific values
  }
}

function usageOf(value: unknown): TokenUsage | null {
  if (!isObject(value)) return null;
  const input = tokenCount(value.prompt_tokens);
  const output = tokenCount(value.completion_tokens);
  return input === null || output === null ? null : { input_tokens: input, output_tokens: output };
}

/** Groq reports streamed usage under `x_groq.usage` rather than a final `usage` chunk. */
function chunkUsage(chunk: JsonObject): TokenUsage | null {
  return usageOf(chunk.usage) ?? (isObject(chunk.x_groq) ? usageOf(chunk.x_groq.usage) : null);
}

function firstChoice(choices: unknown[]): JsonObject | null {
  const found = choices.find((c) => isObject(c) && (c.index === undefined || c.index === 0));
  return isObject(found) ? found : null;
}

/** Parses a non-streaming chat completion (HTTP 200). */
export function parseOpenAiCompletion(bodyText: string): ModelResult {
  const parsed = tryParseJson(bodyText);
  if (!parsed.ok) return fail("the body is not valid JSON");
  const body = parsed.value;
  const detail = errorDetail(body);
  if (detail !== null) return { ok: false, error: inBandError("openai", detail) };
  if (!isObject(body) || !Array.isArray(body.choices)) return fail("no `choices` array");
  const choice = firstChoice(body.choices as unknown[]);
  if (choice === null || !isObject(choice.message)) return fail("no choice with a message");
  const message = choice.message;
  if (
    message.content !== null &&
    message.content !== undefined &&
    typeof message.content !== "string"
  ) {
    return fail("the message content is not a string");
  }
  const toolCalls: ModelToolCall[] = [];
  const rawCalls = message.tool_calls ?? [];
  if (!Array.isArray(rawCalls)) return fail("`tool_calls` is not an array");
  for (const raw of rawCalls as unknown[]) {
    if (!isObject(raw) || !isObject(raw.function)) return fail("a tool call has no function");
    const { id } = raw;
    const { name, arguments: args } = raw.function;
    if (typeof name !== "string" || name === "") return fail("a tool call has no function name");
    if (typeof id !== "string" || id === "") return fail(`tool call ${quoteName(name)} has no id`);
    if (typeof args !== "string")
      return fail(`the arguments of tool call ${quoteName(name)} are not a string`);
    const call = toolCallFromJson("openai", id, name, args);
    if (!call.ok) return call;
    toolCalls.push(call.call);
  }
  return {
    ok: true,
    response: {
      text: typeof message.content === "string" ? message.content : "",
      tool_calls: toolCalls,
      stop_reason: openAiStopReason(choice.finish_reason, toolCalls.length > 0),
      usage: usageOf(body.usage),
    },
  };
}

interface PartialToolCall {
  id: string | null;
  name: string | null;
  args: string;
}

/**
 * Folds `data: {choices:[{delta, finish_reason}]}` chunks, the usage chunk and `data: [DONE]`.
 * Tool calls arrive as fragments keyed by `index`: the first carries id and name, later ones
 * append to `function.arguments`.
 */
export class OpenAiStreamAccumulator implements StreamAccumulator {
  private readonly calls = new Map<number, PartialToolCall>();
  private text = "";
  private finishReason: unknown = null;
  private usage: TokenUsage | null = null;
  private chunks = 0;

  constructor(private readonly onText?: TextSink) {}

  describeCut(): string {
    return this.chunks === 0 ? "no chunk arrived" : "no [DONE] marker";
  }

  push(event: SseEvent): StreamStep {
    if (event.data.trim() === "[DONE]") return this.done();
    const parsed = tryParseJson(event.data);
    if (!parsed.ok) return failed("a chunk is not valid JSON");
    const chunk = parsed.value;
    const detail = errorDetail(chunk);
    if (detail !== null) return { state: "failed", error: inBandError("openai", detail) };
    if (!isObject(chunk)) return failed("a chunk is not a JSON object");
    this.chunks++;
    this.usage = chunkUsage(chunk) ?? this.usage;
    const choices = chunk.choices ?? [];
    if (!Array.isArray(choices)) return failed("`choices` is not an array");
    const choice = firstChoice(choices as unknown[]);
    if (choice === null) return CONTINUE; // e.g. the usage chunk, whose `choices` is empty
    if (typeof choice.finish_reason === "string") this.finishReason = choice.finish_reason;
    const delta = choice.delta;
    if (delta === undefined || delta === null) return CONTINUE;
    if (!isObject(delta)) return failed("a delta is not an object");
    if (typeof delta.content === "string" && delta.content !== "") {
      this.text += delta.content;
      this.onText?.(delta.content);
    } else if (
      delta.content !== undefined &&
      delta.content !== null &&
      typeof delta.content !== "string"
    ) {
      return failed("a delta's content is not a string");
    }
    const toolDeltas = delta.tool_calls ?? [];
    if (!Array.isArray(toolDeltas)) return failed("a delta's `tool_calls` is not an array");
    for (const toolDelta of toolDeltas as unknown[]) {
      const step = this.toolDelta(toolDelta);
      if (step.state !== "continue") return step;
    }
    return CONTINUE;
  }

  private toolDelta(value: unknown): StreamStep {
    if (!isObject(value) || !isIndex(value.index)) return failed("a tool call delta has no index");
    const call = this.calls.get(value.index) ?? { id: null, name: null, args: "" };
    this.calls.set(value.index, call);
    if (typeof value.id === "string" && value.id !== "" && call.id === null) call.id = value.id;
    const fn = value.function;
    if (fn === undefined || fn === null) return CONTINUE;
    if (!isObject(fn)) return failed("a tool call delta's function is not an object");
    // The name comes once; servers that repeat it must not make it "get_weatherget_weather".
    if (typeof fn.name === "string" && fn.name !== "" && call.name === null) call.name = fn.name;
    if (fn.arguments !== undefined && fn.arguments !== null) {
      if (typeof fn.arguments !== "string")
        return failed("a tool call delta's arguments are not a string");
      call.args += fn.arguments;
    }
    return CONTINUE;
  }

  private done(): StreamStep {
    if (this.chunks === 0) return failed("the stream held [DONE] and nothing else");
    const toolCalls: ModelToolCall[] = [];
    for (const [, call] of [...this.calls].sort(([a], [b]) => a - b)) {
      if (call.name === null) return failed("a streamed tool call has no function name");
      if (call.id === null) return failed(`streamed tool call ${quoteName(call.name)} has no id`);
      const result = toolCallFromJson("openai", call.id, call.name, call.args);
      if (!result.ok) return { state: "failed", error: result.error };
      toolCalls.push(result.call);
    }
    const response: ModelResponse = {
      text: this.text,
      tool_calls: toolCalls,
      stop_reason: openAiStopReason(this.finishReason, toolCalls.length > 0),
      usage: this.usage,
    };
    return { state: "done", response };
  }
}

function failed(what: string): StreamStep {
  return { state: "failed", error: badResponse("openai", what) };
}
