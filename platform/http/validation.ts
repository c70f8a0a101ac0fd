import type { Hook } from "@hono/zod-openapi";
import { WellFormedInput } from "../../core/contract/text";
import type { AppEnv } from "../../capabilities/login-sessions/app-env";
import type { z } from "zod";
import { ApiError, type ErrorIssue } from "./errors";

export function zodIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join("."),
    message: i.message,
  }));
}

const invalid = (error: z.ZodError) =>
  new ApiError(400, "invalid_request", "The request is not valid.", zodIssues(error));

/**
 * Turns every zod failure at the boundary into a 400 with the standard error shape, and holds
 * every validated input (body, query, params, of every route) to `WellFormedInput`.
 */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) throw invalid(result.error);
  const text = WellFormedInput.safeParse(result.data);
  if (!text.success) throw invalid(text.error);
};
