import type { AgentSessionEvent, AgentSessionView } from "../contract";
import type { ChatMessage } from "../../../core/providers/types";
import type { Result } from "../../../platform/result";
import type { Actor } from "../../../platform/tenant-types";

/** The slice of the tenant Durable Object's RPC that agent-sessions calls; `TenantDO` implements it. */
export interface AgentSessionsRpc {
  createAgentSession(
    input: {
      provider_id: string;
      model?: string;
      max_tokens: number;
      system: string;
      title: string;
    },
    actor: Actor,
  ): Promise<Result<AgentSessionView>>;
  listAgentSessions(): Result<AgentSessionView[]>;
  getAgentSession(sessionId: string): Result<AgentSessionView & { messages: ChatMessage[] }>;
  agentSessionEvents(sessionId: string, afterSeq: number): Result<AgentSessionEvent[]>;
  sendAgentSessionMessage(
    sessionId: string,
    content: string,
    actor: Actor,
  ): Promise<Result<AgentSessionView>>;
  cancelAgentSession(sessionId: string, actor: Actor): Promise<Result<AgentSessionView>>;
}
