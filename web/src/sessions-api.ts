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
import { parseStreamItem } from "./agent-session-events";
import type { SessionEvent } from "./agent-session-events";

/** The agent sessions' HTTP answers come from capabilities/agent-sessions/contract.ts. */

export type ProviderKind = "anthropic" | "openai";

export type HostedSession = z.output<typeof agentSessions.Session>;

/** A session runs on one of the tenant's configured providers (an admin sets them up). */
export type NewSession = z.input<typeof agentSessions.CreateSessionBody>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

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
