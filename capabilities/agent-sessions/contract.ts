import { z } from "@hono/zod-openapi";
import { IsoTime } from "../../core/contract/common";
import { DisplayName } from "../../core/contract/text";
import { ProviderId } from "../providers/contract";
import { TenantParam } from "../runs/contract";

export const SessionParams = TenantParam.extend({
  s: z.string().regex(/^ses_[0-9a-f-]{36}$/, "not a session id"),
});

export const CreateSessionBody = z
  .strictObject({
    provider_id: ProviderId,
    /** One of the provider's models (default: its first). */
    model: z.string().trim().min(1).max(200).optional(),
    max_tokens: z.number().int().min(1).max(64_000).default(4096),
    system: z
      .string()
      .max(20_000)
      .default("You are a careful assistant. Use tools only when needed."),
    title: DisplayName(200, "session").default("New session"),
  })
  .openapi("CreateSessionBody");

export const MessageBody = z
  .strictObject({ content: z.string().trim().min(1).max(20_000) })
  .openapi("SessionMessageBody");

export const Session = z
  .object({
    id: z.string(),
    run_id: z.string(),
    title: z.string(),
    provider: z.object({
      id: z.string().nullable(),
      kind: z.string(),
      base_url: z.string(),
      model: z.string(),
    }),
    key_secret: z.string(),
    status: z.enum(["idle", "running", "waiting_approval", "error", "cancelled"]),
    error: z.string().nullable(),
    created_by: z.object({ kind: z.string(), id: z.string() }).passthrough(),
    created_at: IsoTime,
    updated_at: IsoTime,
  })
  .openapi("Session");
