import { z } from "@hono/zod-openapi";
import { normalizeEmail } from "../email-address";

export const Email = z
  .string()
  .max(320)
  .transform((value, ctx) => {
    const result = normalizeEmail(value);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: result.reason });
      return z.NEVER;
    }
    return result.email;
  })
  .openapi({ type: "string", format: "email", example: "ada@example.com" });

export const IsoTime = z
  .string()
  .openapi({ format: "date-time", example: "2026-11-22T20:49:00.000Z" });

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .openapi("Error");

export const Ok = z.object({ ok: z.literal(true) }).openapi("Ok");

export const Id = z.string().min(1).max(128);

const jsonError = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorResponse } },
});

/** The error answers every JSON route may give. */
export const errorResponses = {
  400: jsonError("Invalid request"),
  401: jsonError("Not signed in"),
  403: jsonError("Forbidden, wrong origin, or step-up required"),
  413: jsonError("Body too large"),
  429: jsonError("Rate limited (see Retry-After)"),
} as const;

export const json = <T extends z.ZodType>(schema: T, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** Any JSON value (a tool call's arguments, an audit event's data). */
export const Json = z.unknown().openapi({ description: "any JSON value" });
