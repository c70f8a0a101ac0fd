import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "./context";
import type { z } from "zod";
import { ApiError, type ErrorIssue } from "./errors";

export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join("."),
    message: i.message,
  }));
}

/** Turns every zod failure at the boundary into a 400 with the standard error shape. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) {
    throw new ApiError(
      400,
      "invalid_request",
      "The request is not valid.",
      zodIssues(result.error),
    );
  }
};
