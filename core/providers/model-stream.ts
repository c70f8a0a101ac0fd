import type { SseEvent } from "./sse";
import type { ModelResponse, ProviderError } from "./types";

/** What a provider's stream accumulator says after each event. */
export type StreamStep =
  | { state: "continue" }
  | { state: "done"; response: ModelResponse }
  | { state: "failed"; error: ProviderError };

export const CONTINUE: StreamStep = { state: "continue" };

/** Folds one provider's SSE events into a ModelResponse. */
export interface StreamAccumulator {
  push(event: SseEvent): StreamStep;
  /** Says what was missing when the stream ended before its terminal event. */
  describeCut(): string;
}

export type TextSink = (delta: string) => void;
