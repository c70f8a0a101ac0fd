import type { AgentSessionEvent, AgentSessionView } from "../contract";
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
  ): Promise<Result<AgentSessionView>>;
  listSessions(): Result<AgentSessionView[]>;
  getSession(sessionId: string): Result<AgentSessionView & { messages: ChatMessage[] }>;
  sessionEvents(sessionId: string, afterSeq: number): Result<AgentSessionEvent[]>;
  sendSessionMessage(
    sessionId: string,
    content: string,
    actor: Actor,
  ): Promise<Result<AgentSessionView>>;
  cancelSession(sessionId: string, actor: Actor): Promise<Result<AgentSessionView>>;
}
