import { z, createRoute } from "@hono/zod-openapi";
import { IsoTime, errorResponses, json, jsonBody } from "../../core/contract/common";
import { Actor } from "../../core/contract/actor";
import { DisplayName } from "../../core/contract/text";
import { ProviderId } from "../providers/contract";
import { TenantParam } from "../tenancy/contract";
import { AgentSessionEvent, SessionStatus } from "../../core/contract/agent-session-events";

export {
  AgentSessionEvent,
  AgentSessionStreamItem,
  ModelDelta,
  SessionStatus,
} from "../../core/contract/agent-session-events";
export type {
  AgentSessionEventBody,
  AgentSessionEventType,
} from "../../core/contract/agent-session-events";

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
    status: SessionStatus,
    error: z.string().nullable(),
    /** Who started it: the console shows them by name. */
    created_by: Actor,
    created_at: IsoTime,
    updated_at: IsoTime,
  })
  .openapi("Session");
export type AgentSessionView = z.output<typeof Session>;

export const createAgentSession = createRoute({
  method: "post",
  path: "/api/tenants/{t}/agent-sessions",
  tags: ["agent-sessions"],
  summary: "Start a hosted agent session with one of the tenant's configured providers",
  request: { params: TenantParam, body: jsonBody(CreateSessionBody) },
  responses: { 201: json(z.object({ session: Session })), ...errorResponses },
});

export const listAgentSessions = createRoute({
  method: "get",
  path: "/api/tenants/{t}/agent-sessions",
  tags: ["agent-sessions"],
  summary: "Hosted sessions, newest first",
  request: { params: TenantParam },
  responses: { 200: json(z.object({ sessions: z.array(Session) })), ...errorResponses },
});

export const getAgentSession = createRoute({
  method: "get",
  path: "/api/tenants/{t}/agent-sessions/{s}",
  tags: ["agent-sessions"],
  summary: "A session and its conversation (tool output masked)",
  request: { params: SessionParams },
  responses: {
    200: json(
      z.object({
        session: Session.extend({ messages: z.array(z.record(z.string(), z.unknown())) }),
      }),
    ),
    ...errorResponses,
  },
});

export const sendAgentSessionMessage = createRoute({
  method: "post",
  path: "/api/tenants/{t}/agent-sessions/{s}/messages",
  tags: ["agent-sessions"],
  summary: "Send a message; the agent works in the background (follow the events)",
  description:
    "Messages that contain a provider key are refused with `secret_in_message` and never stored.",
  request: { params: SessionParams, body: jsonBody(MessageBody) },
  responses: { 202: json(z.object({ session: Session })), ...errorResponses },
});

export const cancelAgentSession = createRoute({
  method: "post",
  path: "/api/tenants/{t}/agent-sessions/{s}/cancel",
  tags: ["agent-sessions"],
  summary: "Stop a session (its run is cancelled too)",
  request: { params: SessionParams },
  responses: { 200: json(z.object({ session: Session })), ...errorResponses },
});

export const streamAgentSessionEvents = createRoute({
  method: "get",
  path: "/api/tenants/{t}/agent-sessions/{s}/events",
  tags: ["agent-sessions"],
  summary: "Session events after `after` (JSON), or a live stream with `Upgrade: websocket`",
  request: {
    params: SessionParams,
    query: z.object({ after: z.coerce.number().int().min(0).default(0) }),
  },
  responses: {
    200: json(z.object({ events: z.array(AgentSessionEvent) })),
    ...errorResponses,
  },
});
