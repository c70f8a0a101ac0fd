/**
 * One typed caller over the routes' own definitions (`createRoute` in `capabilities/*\/contract.ts`):
 * the path, method, request and answer types come from the definition, so the console and the CLI
 * hold no copy of them. Generic over the definition's shape (core sits below the capabilities) and
 * without I/O of its own: the caller injects `fetch`.
 */
import type { z } from "zod";

type Schema = z.ZodType;
type JsonContent<S extends Schema = Schema> = { content: { "application/json": { schema: S } } };

/** The parts of a route definition the client reads. */
export interface RouteShape {
  method: string;
  path: string;
  request?: { params?: Schema; query?: Schema; body?: Partial<JsonContent> };
  responses: object;
}

type Part<R, K extends "params" | "query"> = R extends {
  request: { [P in K]: infer S extends Schema };
}
  ? z.input<S>
  : never;
type BodyOf<R> = R extends { request: { body: JsonContent<infer S> } } ? z.input<S> : never;

type Field<K extends string, T, Optional extends boolean> = [T] extends [never]
  ? { [P in K]?: never }
  : Optional extends true
    ? { [P in K]?: T }
    : { [P in K]: T };

/** What a call sends: `params` and `body` when the route has them, `query` always optional. */
export type CallInput<R> = Field<"params", Part<R, "params">, false> &
  Field<"query", Part<R, "query">, true> &
  Field<"body", BodyOf<R>, false>;

type SuccessStatus = 200 | 201 | 202 | 204;
type Responses<R> = R extends { responses: infer Rs } ? Rs : never;
type SuccessKey<R> = Extract<keyof Responses<R>, SuccessStatus | `${SuccessStatus}`>;
type Answer<C> = C extends JsonContent<infer S> ? z.output<S> : undefined;

/** The JSON a route answers with on success (any of its 2xx answers). */
export type CallOutput<R> = { [K in SuccessKey<R>]: Answer<Responses<R>[K]> }[SuccessKey<R>];

/** Input is optional when nothing in it is required. */
type InputArgs<R> = object extends CallInput<R> ? [input?: CallInput<R>] : [input: CallInput<R>];

export interface ErrorIssue {
  path: string;
  message: string;
}

/** A failed call: the API's `{"error":{"code","message","issues"}}`, or what stood in for it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
    /** Seconds from `Retry-After` (on a 429), otherwise null. */
    readonly retryAfterSeconds: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ApiError";
  }

  /** The message of the first issue about `field`, if the server pointed at it. */
  issueFor(field: string): string | undefined {
    return this.issues.find((i) => i.path === field)?.message;
  }
}

/** Reads `Retry-After` as whole seconds (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === "") return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function isIssue(value: unknown): value is ErrorIssue {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.path === "string" && typeof v.message === "string";
}

/** Turns a non-2xx answer into an ApiError, tolerating bodies that are not the API's shape. */
export async function errorFromResponse(response: Response, now: number): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get("retry-after"), now);
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to the generic message.
  }
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === "object" && error !== null) {
    const e = error as Record<string, unknown>;
    if (typeof e.code === "string" && typeof e.message === "string") {
      const issues = Array.isArray(e.issues) ? e.issues.filter(isIssue) : [];
      return new ApiError(response.status, e.code, e.message, issues, retryAfter);
    }
  }
  const message =
    response.status >= 500
      ? "Gatehouse had a problem. Try again in a moment."
      : `The request failed (HTTP ${response.status}).`;
  return new ApiError(response.status, `http_${response.status}`, message, [], retryAfter);
}

/** The route's path with each `{name}` filled from `params`, escaped. */
export function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null)
      throw new TypeError(`missing path parameter ${name}`);
    return encodeURIComponent(String(value as string | number));
  });
}

/** `?a=1&b=x` from the defined members of `query` (none: ""). */
export function queryString(query: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.set(key, String(value as string | number));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  fetch: Fetch;
  /** Prepended to every path; "" for the page's own origin. */
  baseUrl: string;
  /** Sent on every request (e.g. `authorization`). */
  headers?: Record<string, string>;
  /** Extra `fetch` options on every request (e.g. `credentials`). */
  init?: Omit<RequestInit, "method" | "headers" | "body">;
  /** The time, for a `Retry-After` given as a date. */
  now: () => number;
  /**
   * Sees every failure before it is thrown (e.g. a 401 meaning the session is gone); may throw its
   * own error instead.
   */
  onError?: (error: ApiError) => void;
}

export interface ApiClient {
  /** The route's JSON answer, typed by its definition; throws `ApiError` on every failure. */
  call<R extends RouteShape>(route: R, ...args: InputArgs<R>): Promise<CallOutput<R>>;
  /** The raw answer of a 2xx (for text and streams); throws `ApiError` otherwise. */
  send<R extends RouteShape>(
    route: R,
    input?: CallInput<R>,
    options?: { accept?: string },
  ): Promise<Response>;
  /** The full address of a route (base URL, filled path, query). */
  url<R extends RouteShape>(route: R, input?: Pick<CallInput<R>, "params" | "query">): string;
}

export const NETWORK_MESSAGE = "Could not reach Gatehouse. Check your connection and try again.";

export function apiClient(options: ClientOptions): ApiClient {
  const url = (route: RouteShape, input: { params?: unknown; query?: unknown } = {}) =>
    `${options.baseUrl}${fillPath(route.path, input.params as Record<string, unknown>)}${queryString(
      input.query as Record<string, unknown>,
    )}`;

  const fail = (error: ApiError): never => {
    options.onError?.(error);
    throw error;
  };

  const send = async (
    route: RouteShape,
    input: { params?: unknown; query?: unknown; body?: unknown } = {},
    { accept = "application/json" }: { accept?: string } = {},
  ): Promise<Response> => {
    const hasBody = input.body !== undefined;
    let response: Response;
    try {
      response = await options.fetch(url(route, input), {
        ...options.init,
        method: route.method.toUpperCase(),
        headers: {
          ...options.headers,
          accept,
          ...(hasBody ? { "content-type": "application/json" } : {}),
        },
        ...(hasBody ? { body: JSON.stringify(input.body) } : {}),
      });
    } catch (cause) {
      return fail(new ApiError(0, "network_error", NETWORK_MESSAGE, [], null, { cause }));
    }
    if (!response.ok) return fail(await errorFromResponse(response, options.now()));
    return response;
  };

  const call = async (route: RouteShape, input?: object) => {
    const response = await send(route, input);
    if (response.status === 204) return undefined;
    try {
      return (await response.json()) as unknown;
    } catch (cause) {
      const message = `The answer of ${route.method.toUpperCase()} ${route.path} is not JSON.`;
      return fail(new ApiError(response.status, "invalid_response", message, [], null, { cause }));
    }
  };

  return { call, send, url } as ApiClient;
}
