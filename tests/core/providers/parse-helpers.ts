import { expect } from "vitest";
import { parseProviderStream } from "../../../core/providers/adapter";
import type {
  ModelResponse,
  ModelResult,
  ProviderError,
  ProviderKind,
} from "../../../core/providers/types";
import { streamOf } from "./stream-helpers";

export interface StreamOutcome {
  result: ModelResult;
  deltas: string[];
}

export async function parseChunks(
  kind: ProviderKind,
  chunks: Uint8Array[],
): Promise<StreamOutcome> {
  const deltas: string[] = [];
  const result = await parseProviderStream(kind, streamOf(chunks), (d) => deltas.push(d));
  return { result, deltas };
}

export function expectResponse(result: ModelResult): ModelResponse {
  if (!result.ok) throw new Error(`expected a response, got ${JSON.stringify(result.error)}`);
  return result.response;
}

export function expectError(result: ModelResult): ProviderError {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error("unreachable");
  return result.error;
}
