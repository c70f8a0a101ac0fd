import type { ContentfulStatusCode } from "hono/utils/http-status";

export interface ErrorIssue {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; issues: ErrorIssue[] };
}

/** An expected failure with a stable code; rendered as `{"error":{code,message,issues}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, issues: this.issues } };
  }
}

export const errors = {
  unauthenticated: () => new ApiError(401, "unauthenticated", "Sign in to continue."),
  forbidden: (message = "You do not have permission to do this.") =>
    new ApiError(403, "forbidden", message),
  notFound: (what = "Resource") => new ApiError(404, "not_found", `${what} not found.`),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(
      429,
      "rate_limited",
      `Too many requests. Try again in ${retryAfterSeconds} seconds.`,
      [],
      { "Retry-After": String(retryAfterSeconds) },
    ),
  /** `operation` is the entry of the step-up list (core/step-up.ts) that was refused. */
  stepUpRequired: (operation: string) =>
    new ApiError(
      403,
      "step_up_required",
      "Confirm it's you: sign in again with your passkey or an email code.",
      [{ path: "operation", message: operation }],
    ),
};
