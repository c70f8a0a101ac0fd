import type { SessionEvent, SessionView } from "./sessions";
import type { ChatMessage } from "../../../core/providers/types";
import type { Result } from "../../../platform/result";
import type { Actor } from "../../../platform/tenant-types";

/** The slice of the tenant Durable Object's RPC that agent-sessions calls; `TenantDO` implements it. */
export interface AgentSessionsRpc {
  createSession(
    input: {
      provider_id: string;
      model?: string;
      max_tokens: number;
      system: string;
      title: string;
    },
    actor: Actor,
  ): Promise<Result<SessionView>>;
  listSessions(): Result<SessionView[]>;
  getSession(sessionId: string): Result<SessionView & { messages: ChatMessage[] }>;
  sessionEvents(sessionId: string, afterSeq: number): Result<SessionEvent[]>;
  sendSessionMessage(
    sessionId: string,
    content: string,
    actor: Actor,
  ): Promise<Result<SessionView>>;
  cancelSession(sessionId: string, actor: Actor): Promise<Result<SessionView>>;
}
