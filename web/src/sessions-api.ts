import { id, request } from "./api";
import { parseStreamItem } from "./agent-session-events";
import type { SessionEvent, SessionStatus } from "./agent-session-events";
import type { Actor } from "./tenant-api";

/** Shapes of `/api/tenants/{t}/sessions…` (see capabilities/agent-sessions/contract.ts). */

export type ProviderKind = "anthropic" | "openai";

export interface HostedSession {
  id: string;
  run_id: string;
  title: string;
  provider: { id: string | null; kind: string; base_url: string; model: string };
  /** The vault secret's name; its value never leaves the server. */
  key_secret: string;
  status: SessionStatus;
  error: string | null;
  created_by: Actor;
  created_at: string;
  updated_at: string;
}

/** A session runs on one of the tenant's configured providers (an admin sets them up). */
export interface NewSession {
  provider_id: string;
  model?: string;
  max_tokens?: number;
  system?: string;
  title?: string;
}

/** The live event stream's address: `ws:` or `wss:` on the console's own origin. */
export function eventsSocketUrl(
  origin: string,
  tenantId: string,
  sessionId: string,
  after: number,
): string {
  const base = origin.replace(/^http/, "ws");
  return `${base}/api/tenants/${id(tenantId)}/sessions/${id(sessionId)}/events?after=${after}`;
}

/** The server answers at most this many events per request. */
export const EVENTS_PAGE_SIZE = 500;

/** Every call about hosted sessions of one tenant. */
export function sessionsApi(tenantId: string) {
  const base = `/api/tenants/${id(tenantId)}/sessions`;
  /** One page: the events this console understands, and where the next page starts. */
  const eventsPage = async (sessionId: string, after: number) => {
    const { events } = await request<{ events: unknown[] }>(
      "GET",
      `${base}/${id(sessionId)}/events?after=${after}`,
    );
    const parsed = events
      .map(parseStreamItem)
      .filter((e): e is SessionEvent => e !== null && e.type !== "model_delta");
    const seqs = events.map((e) => {
      const seq = typeof e === "object" && e !== null && "seq" in e ? e.seq : undefined;
      return typeof seq === "number" ? seq : after;
    });
    return {
      events: parsed,
      full: events.length >= EVENTS_PAGE_SIZE,
      next: Math.max(after, ...seqs),
    };
  };
  return {
    list: () => request<{ sessions: HostedSession[] }>("GET", base),
    get: (sessionId: string) =>
      request<{ session: HostedSession & { messages: unknown[] } }>(
        "GET",
        `${base}/${id(sessionId)}`,
      ),
    create: (body: NewSession) => request<{ session: HostedSession }>("POST", base, body),
    /** 202: the agent works in the background. 400 `secret_in_message`, 409 `session_busy`. */
    send: (sessionId: string, content: string) =>
      request<{ session: HostedSession }>("POST", `${base}/${id(sessionId)}/messages`, {
        content,
      }),
    cancel: (sessionId: string) =>
      request<{ session: HostedSession }>("POST", `${base}/${id(sessionId)}/cancel`, {}),
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
