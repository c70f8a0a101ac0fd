import { z } from "zod";
import { auditQuery } from "../../../audit/outbox";
import { database } from "../../../../platform/db/client";
import { parseDestination } from "../../../../core/secrets/destinations";
import { createSecretRequest } from "../../../vault/secret-requests";
import { toolError, type BuiltinTool } from "./types";

export const askSecret: BuiltinTool = {
  spec: {
    name: "ask_secret",
    description:
      "Ask the user to store a secret (e.g. an API key) in the vault, naming where it will be " +
      "sent (an https origin and the header that carries it). You never see the value; once " +
      "saved, pass it in that header as secret:NAME. It can be sent nowhere else.",
    input_schema: {
      type: "object",
      properties: {
        name: { type: "string", description: "UPPER_SNAKE_CASE name, e.g. GITHUB_TOKEN." },
        reason: { type: "string", description: "Why you need it, shown to the user." },
        origin: {
          type: "string",
          description: "Where it will be sent, e.g. https://api.github.com.",
        },
        header: {
          type: "string",
          description: "The header that carries it (default Authorization).",
        },
      },
      required: ["name", "reason", "origin"],
    },
  },
  declared: () => ({ scope: ["vault:request"], reversible: true, has_shadow: true }),
  safeToRepeat: () => false,
  async execute(ctx, args) {
    const parsed = z
      .object({
        name: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/),
        reason: z.string().min(1).max(500),
        origin: z.string().min(1).max(300),
        header: z.string().min(1).max(100).default("authorization"),
      })
      .safeParse(args);
    if (!parsed.success)
      return toolError("ask_secret needs an UPPER_SNAKE_CASE name, a reason and an origin.");
    const destination = parseDestination({
      origin: parsed.data.origin,
      via: { kind: "header", name: parsed.data.header },
    });
    if (typeof destination === "string") return toolError(`ask_secret: ${destination}.`);
    const request = await createSecretRequest(ctx.ports.db, {
      tenantId: ctx.tenantId,
      name: parsed.data.name,
      description: parsed.data.reason,
      requestedBy: `session:${ctx.sessionId}`,
      destination,
      now: ctx.now,
      // Drained into the chain by the cron (the Worker's outbox path; this runs inside the DO).
      audit: (r) =>
        auditQuery(
          database(ctx.ports.db),
          {
            tenantId: ctx.tenantId,
            type: "secret_request.created",
            actor: { kind: "agent", id: `session:${ctx.sessionId}` },
            data: { request_id: r.id, name: r.name, requested_by: r.requestedBy },
          },
          ctx.now,
        ),
    });
    return {
      content:
        `The user has been asked to store ${parsed.data.name}. It is stored encrypted and never ` +
        `sent to you; once saved, use it as secret:${parsed.data.name}.`,
      isError: false,
      record: { request_id: request.id, name: parsed.data.name, origin: destination.origin },
      warnings: [],
    };
  },
};
