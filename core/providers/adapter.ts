import { AnthropicStreamAccumulator, parseAnthropicMessage } from "./anthropic-response";
import { buildAnthropicRequest } from "./anthropic-request";
import type { TextSink } from "./model-stream";
import { buildOpenAiRequest } from "./openai-request";
import { OpenAiStreamAccumulator, parseOpenAiCompletion } from "./openai-response";
import { readModelStream } from "./read-stream";
import type {
  ModelRequest,
  ModelResult,
  ProviderConfig,
  ProviderError,
  ProviderHttpRequest,
  ProviderKind,
} from "./types";

/** The request for one model call, without authentication (see `ProviderHttpRequest`). */
export function buildProviderRequest(
  config: ProviderConfig,
  request: ModelRequest,
  stream: boolean,
): { ok: true; request: ProviderHttpRequest } | { ok: false; error: ProviderError } {
  return config.kind === "anthropic"
    ? buildAnthropicRequest(config, request, stream)
    : buildOpenAiRequest(config, request, stream);
}

/** Parses a complete (non-streamed) HTTP 200 body. */
export function parseProviderBody(kind: ProviderKind, bodyText: string): ModelResult {
  return kind === "anthropic" ? parseAnthropicMessage(bodyText) : parseOpenAiCompletion(bodyText);
}

/** Parses a streamed HTTP 200 body (`text/event-stream`), passing text deltas to `onText`. */
export function parseProviderStream(
  kind: ProviderKind,
  body: ReadableStream<Uint8Array>,
  onText?: TextSink,
): Promise<ModelResult> {
  const accumulator =
    kind === "anthropic"
      ? new AnthropicStreamAccumulator(onText)
      : new OpenAiStreamAccumulator(onText);
  return readModelStream(kind, body, accumulator);
}
