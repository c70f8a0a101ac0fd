import type { z } from "zod";
import type * as agentSessions from "../../capabilities/agent-sessions/contract";
import {
  cancelAgentSession,
  createAgentSession,
  getAgentSession,
  listAgentSessions,
  sendAgentSessionMessage,
  streamAgentSessionEvents,
} from "../../capabilities/agent-sessions/contract";
import { sessionApi } from "./api";
import type { JsonObject, Verdict } from "./tenant-api";

/** The agent sessions' HTTP answers come from capabilities/agent-sessions/contract.ts. */

export type ProviderKind = "anthropic" | "openai";

export type SessionStatus = "idle" | "running" | "waiting_approval" | "error" | "cancelled";

export type HostedSession = z.output<typeof agentSessions.Session>;

/** A session runs on one of the tenant's configured providers (an admin sets them up). */
export type NewSession = z.input<typeof agentSessions.CreateSessionBody>;

export interface ToolCallRequest {
  id: string;
  name: string;
  input: JsonObject;
}

/** A stored event of a session's timeline; `seq` counts from 1 without gaps. */
export type SessionEvent = { seq: number; at: string } & (
  | { type: "user_message"; content: string }
  | { type: "model_message"; text: string; tool_calls: ToolCallRequest[]; stop_reason: string }
  | {
      type: "tool_call";
      step_id: string;
      tool: string;
      args: JsonObject;
      verdict: Verdict;
      rule_id: string | null;
      reason: string;
    }
  | { type: "approval_needed"; step_id: string; approval_id: string; tool: string }
  | { type: "tool_result"; tool: string; is_error: boolean; summary: string }
  | { type: "warning"; step_id: string; message: string }
  | { type: "anomaly"; kind: string; detail: string }
  | { type: "model_error"; kind: string; message: string; retry_at?: string }
  | { type: "status"; status: SessionStatus; error?: string }
);

export type SessionEventType = SessionEvent["type"];

/** Streamed model text: pushed on the socket only, never stored, no `seq`. */
export interface ModelDelta {
  type: "model_delta";
  text: string;
}

export const SESSION_STATUSES: readonly SessionStatus[] = [
  "idle",
  "running",
  "waiting_approval",
  "error",
  "cancelled",
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";

/** Which fields each stored event type must carry, and of what kind. */
const REQUIRED: Readonly<
  Record<SessionEventType, Readonly<Record<string, (v: unknown) => boolean>>>
> = {
  user_message: { content: isString },
  model_message: { text: isString, tool_calls: Array.isArray, stop_reason: isString },
  tool_call: { step_id: isString, tool: isString, args: isObject, verdict: isString },
  approval_needed: { step_id: isString, approval_id: isString, tool: isString },
  tool_result: { tool: isString, is_error: (v) => typeof v === "boolean", summary: isString },
  warning: { message: isString },
  anomaly: { kind: isString, detail: isString },
  model_error: { kind: isString, message: isString },
  status: { status: (v) => SESSION_STATUSES.includes(v as SessionStatus) },
};

/**
 * One message from the event socket or one entry of the JSON endpoint, checked; null for
 * anything else (the `pong` heartbeat, event types a newer server adds, malformed data).
 */
export function parseStreamItem(raw: unknown): SessionEvent | ModelDelta | null {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  if (!isObject(value) || !isString(value.type)) return null;
  if (value.type === "model_delta") {
    return isString(value.text) ? { type: "model_delta", text: value.text } : null;
  }
  const fields = (REQUIRED as Record<string, Record<string, (v: unknown) => boolean>>)[value.type];
  if (!fields) return null;
  if (typeof value.seq !== "number" || !Number.isInteger(value.seq) || value.seq < 1) return null;
  if (!isString(value.at)) return null;
  for (const [key, check] of Object.entries(fields)) if (!check(value[key])) return null;
  return value as SessionEvent;
}

/** The live event stream's address: `ws:` or `wss:` on the console's own origin. */
export function eventsSocketUrl(
  origin: string,
  tenantId: string,
  sessionId: string,
  after: number,
): string {
  const base = origin.replace(/^http/, "ws");
  const params = { t: tenantId, s: sessionId };
  return `${base}${sessionApi.url(streamAgentSessionEvents, { params, query: { after } })}`;
}

/** The server answers at most this many events per request. */
export const EVENTS_PAGE_SIZE = 500;

/** Every call about hosted sessions of one tenant. */
export function sessionsApi(tenantId: string) {
  const t = { t: tenantId };
  const call = sessionApi.call;
  /** One page: the events this console understands, and where the next page starts. */
  const eventsPage = async (sessionId: string, after: number) => {
    const { events } = await call(streamAgentSessionEvents, {
      params: { ...t, s: sessionId },
      query: { after },
    });
    const parsed = events
      .map(parseStreamItem)
      .filter((e): e is SessionEvent => e !== null && e.type !== "model_delta");
    const seqs = events.map((e) => (isObject(e) && typeof e.seq === "number" ? e.seq : after));
    return {
      events: parsed,
      full: events.length >= EVENTS_PAGE_SIZE,
      next: Math.max(after, ...seqs),
    };
  };
  return {
    list: () => call(listAgentSessions, { params: t }),
    get: (sessionId: string) => call(getAgentSession, { params: { ...t, s: sessionId } }),
    create: (body: NewSession) => call(createAgentSession, { params: t, body }),
    /** 202: the agent works in the background. 400 `secret_in_message`, 409 `session_busy`. */
    send: (sessionId: string, content: string) =>
      call(sendAgentSessionMessage, { params: { ...t, s: sessionId }, body: { content } }),
    cancel: (sessionId: string) => call(cancelAgentSession, { params: { ...t, s: sessionId } }),
    /** Every stored event after `after`, page by page. */
    events: async (sessionId: string, after: number): Promise<SessionEvent[]> => {
      const all: SessionEvent[] = [];
      let cursor = after;
      for (;;) {
        const page = await eventsPage(sessionId, cursor);
        all.push(...page.events);
        if (!page.full || page.next <= cursor) return all;
        cursor = page.next;
      }
    },
  };
}

export type SessionsApi = ReturnType<typeof sessionsApi>;
