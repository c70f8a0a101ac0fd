/**
 * The boundary schema of a tool call (CLI files, API bodies) before it reaches `evaluate`.
 * Lynx serialises an ActionRequest with its unset optional fields as null
 * (`declared.blast_radius_hint: null`, `context.principal.name: null`, …): null is accepted
 * wherever a field is optional and means the field is absent.
 */
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
        scope: z.array(z.string()).nullish(),
        reversible: z.boolean().nullish(),
        has_shadow: z.boolean().nullish(),
        cost: z.string().nullish(),
        blast_radius_hint: z.number().nullish(),
      })
      .catchall(jsonValue)
      .nullish(),
    context: z
      .object({
        environment: z.string().nullish(),
        workspace: z.string().nullish(),
        channel: z.enum(["console", "api", "agent", "hosted", "mcp"]).nullish(),
        principal: z
          .object({
            kind: z.string().nullish(),
            id: z.string().nullish(),
            name: z.string().nullish(),
          })
          .catchall(jsonValue)
          .nullish(),
        run_id: z.string().nullish(),
        correlation_id: z.string().nullish(),
        step_seq: z.number().int().nonnegative().nullish(),
        extra: z.record(z.string(), jsonValue).nullish(),
      })
      .catchall(jsonValue)
      .nullish(),
  })
  .strict();

export type ParsedCall =
  | { readonly ok: true; readonly call: ToolCall }
  | { readonly ok: false; readonly issues: string[] };

export function parseToolCall(input: unknown): ParsedCall {
  const result = toolCallSchema.safeParse(input);
  if (result.success) return { ok: true, call: withoutNulls(result.data) };
  return {
    ok: false,
    issues: result.error.issues.map(
      (i) => `${i.path.length ? i.path.join(".") : "(call)"}: ${i.message}`,
    ),
  };
}

const OPTIONAL: Record<string, readonly string[]> = {
  declared: ["scope", "reversible", "has_shadow", "cost", "blast_radius_hint"],
  context: [
    "environment",
    "workspace",
    "channel",
    "principal",
    "run_id",
    "correlation_id",
    "step_seq",
    "extra",
  ],
  principal: ["kind", "id", "name"],
};

function strip(obj: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...obj };
  for (const key of keys) if (out[key] === null) delete out[key];
  return out;
}

/** A null optional field (as Lynx writes it) is an absent one. */
function withoutNulls(data: z.infer<typeof toolCallSchema>): ToolCall {
  const call: Record<string, unknown> = { tool: data.tool, args: data.args };
  if (data.declared) call.declared = strip(data.declared, OPTIONAL.declared!);
  if (data.context) {
    const context = strip(data.context, OPTIONAL.context!);
    if (data.context.principal)
      context.principal = strip(data.context.principal, OPTIONAL.principal!);
    call.context = context;
  }
  return call as unknown as ToolCall;
}
