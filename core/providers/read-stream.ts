import { cutStream } from "./errors";
import type { StreamAccumulator } from "./model-stream";
import { SseDecoder } from "./sse";
import type { ModelResult, ProviderKind } from "./types";

/**
 * Reads an SSE body to its terminal event. The body is cancelled once the result is known, so a
 * server that keeps the connection open after `message_stop`/`[DONE]` costs nothing. A body that
 * ends (or fails) before the terminal event is a `cut_stream`; text already given to the
 * accumulator's text sink stays given.
 */
export async function readModelStream(
  provider: ProviderKind,
  body: ReadableStream<Uint8Array>,
  accumulator: StreamAccumulator,
): Promise<ModelResult> {
  const reader = body.getReader();
  const decoder = new SseDecoder();
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        return {
          ok: false,
          error: cutStream(provider, `the connection failed (${accumulator.describeCut()})`),
        };
      }
      if (chunk.done) break;
      for (const event of decoder.push(chunk.value)) {
        const step = accumulator.push(event);
        if (step.state === "done") return { ok: true, response: step.response };
        if (step.state === "failed") return { ok: false, error: step.error };
      }
    }
    // Per the SSE spec an event not followed by a blank line is discarded at end of stream.
    return { ok: false, error: cutStream(provider, accumulator.describeCut()) };
  } finally {
    reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
