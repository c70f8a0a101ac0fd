import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ConfigError } from "../../platform/config";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { D1Unavailable } from "../../platform/db/resilient";
import { ApiError } from "../../platform/http/errors";
import type { AppEnv } from "../../capabilities/login-sessions/app-env";

function fromHttpException(e: HTTPException): ApiError {
  if (e.status === 413)
    return new ApiError(413, "payload_too_large", "The request body is too large.");
  if (e.status === 400 && /json/i.test(e.message)) {
    return new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
  if (e.status === 415) {
    return new ApiError(415, "unsupported_media_type", "Send the body as application/json.");
  }
  if (e.status >= 400 && e.status < 500) {
    return new ApiError(e.status as 400, "bad_request", e.message || "Bad request.");
  }
  return new ApiError(500, "internal", "Something went wrong on our side.");
}

/** 503 with Retry-After and the request id, so a person can quote it and a client can retry. */
function databaseUnavailable(err: D1Unavailable, requestId: string | undefined): ApiError {
  const readOnly = err.trouble === "read_only";
  const what = readOnly
    ? "The database accepts no changes right now"
    : "The database is briefly unavailable";
  return new ApiError(
    503,
    readOnly ? "database_read_only" : "database_unavailable",
    `${what}: try again in ${err.retryAfterSeconds} seconds (request ${requestId ?? "unknown"}).`,
    [{ path: "database", message: err.trouble }],
    { "Retry-After": String(err.retryAfterSeconds) },
  );
}

export const errorHandler: ErrorHandler<AppEnv> = (thrown, c) => {
  // drizzle wraps a single query's failure (a batch's is not): judge what D1 threw.
  const err =
    thrown instanceof DrizzleQueryError && thrown.cause instanceof Error ? thrown.cause : thrown;
  let apiError: ApiError;
  if (err instanceof ApiError) apiError = err;
  else if (err instanceof HTTPException) apiError = fromHttpException(err);
  else if (err instanceof D1Unavailable) {
    console.error(JSON.stringify({ level: "warn", requestId: c.var.requestId, msg: err.message }));
    apiError = databaseUnavailable(err, c.var.requestId);
  } else if (err instanceof ConfigError) {
    console.error(JSON.stringify({ level: "error", requestId: c.var.requestId, msg: err.message }));
    apiError = new ApiError(503, "misconfigured", "The service is not configured correctly.");
  } else {
    // Only the error's type and message are logged: request bodies may hold secrets.
    console.error(
      JSON.stringify({
        level: "error",
        requestId: c.var.requestId,
        error: err instanceof Error ? `${err.name}: ${err.message}` : "non-error thrown",
      }),
    );
    apiError = new ApiError(500, "internal", "Something went wrong on our side.");
  }
  return c.json(apiError.body(), apiError.status, apiError.headers);
};
