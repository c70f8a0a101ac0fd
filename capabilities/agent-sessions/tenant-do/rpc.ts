import type { AgentSessionEvent, AgentSessionView } from "./sessions";
import type { ChatMessage } from "../../../core/providers/types";
import type { Result } from "../../../platform/result";
import type { Actor } from "../../../platform/tenant-types";

/** The slice of the tenant Durable Object's RPC that agent-sessions calls; `TenantDO` implements it. */
export interface AgentSessionsRpc {
  createSession(
    tenantId: string,
    input: {
      provider_id: string;
      model?: string;
      max_tokens: number;
      system: string;
      title: string;
    },
    actor: Actor,
  ): Promise<Result<AgentSessionView>>;
  listSessions(tenantId: string): Result<AgentSessionView[]>;
  getSession(
    tenantId: string,
    sessionId: string,
  ): Result<AgentSessionView & { messages: ChatMessage[] }>;
  sessionEvents(tenantId: string, sessionId: string, afterSeq: number): Result<AgentSessionEvent[]>;
  sendSessionMessage(
    tenantId: string,
    sessionId: string,
    content: string,
    actor: Actor,
  ): Promise<Result<AgentSessionView>>;
  cancelSession(
    tenantId: string,
    sessionId: string,
    actor: Actor,
  ): Promise<Result<AgentSessionView>>;
}
