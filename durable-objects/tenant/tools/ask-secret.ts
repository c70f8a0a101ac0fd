import { z } from "zod";
import { auditStatement } from "../../../workers/audit/outbox";
import { createSecretRequest } from "../../../workers/vault/secret-requests";
import { toolError, type BuiltinTool } from "./types";

export const askSecret: BuiltinTool = {
  spec: {
    name: "ask_secret",
    description:
      "Ask the user to store a secret (e.g. an API key) in the vault. You never see the value; " +
      "once saved, pass it to tools as the string secret:NAME.",
    input_schema: {
      type: "object",
      properties: {
        name: { type: "string", description: "UPPER_SNAKE_CASE name, e.g. GITHUB_TOKEN." },
        reason: { type: "string", description: "Why you need it, shown to the user." },
      },
      required: ["name", "reason"],
    },
  },
  declared: () => ({ scope: ["vault:request"], reversible: true, has_shadow: true }),
  safeToRepeat: () => false,
  async execute(ctx, args) {
    const parsed = z
      .object({
        name: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/),
        reason: z.string().min(1).max(500),
      })
      .safeParse(args);
    if (!parsed.success)
      return toolError("ask_secret needs an UPPER_SNAKE_CASE name and a reason.");
    const request = await createSecretRequest(ctx.env.DB, {
      tenantId: ctx.tenantId,
      name: parsed.data.name,
      description: parsed.data.reason,
      requestedBy: `session:${ctx.sessionId}`,
      now: ctx.now,
      // Drained into the chain by the cron (the Worker's outbox path; this runs inside the DO).
      audit: (r) =>
        auditStatement(
          ctx.env.DB,
          {
            tenantId: ctx.tenantId,
            type: "secret_request.created",
            actor: { kind: "agent", id: `session:${ctx.sessionId}` },
            data: { request_id: r.id, name: r.name, requested_by: r.requested_by },
          },
          ctx.now,
        ),
    });
    return {
      content:
        `The user has been asked to store ${parsed.data.name}. It is stored encrypted and never ` +
        `sent to you; once saved, use it as secret:${parsed.data.name}.`,
      isError: false,
      record: { request_id: request.id, name: parsed.data.name },
      warnings: [],
    };
  },
};
