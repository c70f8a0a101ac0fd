export type * from "./types";
export { buildProviderRequest, parseProviderBody, parseProviderStream } from "./adapter";
export { httpError, kindForStatus, kindForErrorType } from "./http-error";
export { providerError, providerLabel } from "./errors";
export { parseRetryAfter, parseResetDuration, retryAfterSeconds } from "./retry-after";
export { SseDecoder } from "./sse";
export type { SseEvent } from "./sse";
export { ANTHROPIC_VERSION, toAnthropicMessages } from "./anthropic-request";
export { TOOL_ERROR_PREFIX, toOpenAiMessages } from "./openai-request";
