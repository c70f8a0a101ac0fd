/** The boundary schema of a tool call (CLI files, API bodies) before it reaches `evaluate`. */
import { z } from "zod";
import type { JsonValue, ToolCall } from "./types";

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

export const toolCallSchema = z
  .object({
    tool: z.string().min(1),
    args: z.record(z.string(), jsonValue).default({}),
    declared: z
      .object({
        scope: z.array(z.string()).optional(),
        reversible: z.boolean().optional(),
        has_shadow: z.boolean().optional(),
        cost: z.string().optional(),
        blast_radius_hint: z.number().optional(),
      })
      .catchall(jsonValue)
      .optional(),
    context: z
      .object({
        environment: z.string().optional(),
        workspace: z.string().optional(),
        channel: z.enum(["console", "api", "agent", "hosted", "mcp"]).optional(),
        principal: z
          .object({
            kind: z.string().optional(),
            id: z.string().optional(),
            name: z.string().optional(),
          })
          .catchall(jsonValue)
          .optional(),
        run_id: z.string().optional(),
        correlation_id: z.string().optional(),
        step_seq: z.number().int().nonnegative().optional(),
        extra: z.record(z.string(), jsonValue).optional(),
      })
      .catchall(jsonValue)
      .optional(),
  })
  .strict();

export type ParsedCall =
  | { readonly ok: true; readonly call: ToolCall }
  | { readonly ok: false; readonly issues: string[] };

export function parseToolCall(input: unknown): ParsedCall {
  const result = toolCallSchema.safeParse(input);
  if (result.success) return { ok: true, call: result.data as ToolCall };
  return {
    ok: false,
    issues: result.error.issues.map(
      (i) => `${i.path.length ? i.path.join(".") : "(call)"}: ${i.message}`,
    ),
  };
}
