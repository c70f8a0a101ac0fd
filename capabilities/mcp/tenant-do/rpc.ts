import type { McpCallOutcome, McpCaller, McpToolListing } from "./gateway";
import type { ServerInput, UpstreamServerView } from "./servers";
import type { Result } from "../../../platform/result";
import type { Actor, JsonObject } from "../../../platform/tenant-types";

/** The slice of the tenant Durable Object's RPC that mcp calls; `TenantDO` implements it. */
export interface McpRpc {
  mcpOpenSession(
    caller: McpCaller,
    client: { name: string; version: string },
    protocolVersion: string,
  ): Promise<Result<{ session_id: string; run_id: string }>>;
  mcpCheckSession(sessionId: string, caller: McpCaller): Result<{ run_id: string }>;
  mcpCloseSession(sessionId: string, caller: McpCaller): Promise<Result<null>>;
  mcpListTools(sessionId: string, caller: McpCaller): Result<McpToolListing[]>;
  mcpCallTool(
    sessionId: string,
    caller: McpCaller,
    input: { name: string; args: JsonObject; idempotency_key?: string },
  ): Promise<Result<McpCallOutcome>>;
  mcpResumeCall(
    sessionId: string,
    caller: McpCaller,
    stepId: string,
  ): Promise<Result<McpCallOutcome>>;
  mcpListServers(): Result<UpstreamServerView[]>;
  mcpPutServer(
    input: ServerInput,
    actor: Actor,
  ): Promise<Result<{ server: UpstreamServerView; created: boolean }>>;
  mcpRefreshServer(name: string): Promise<Result<UpstreamServerView>>;
  mcpRemoveServer(name: string, actor: Actor): Promise<Result<null>>;
}
