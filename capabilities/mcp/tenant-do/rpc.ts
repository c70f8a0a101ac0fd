import type { McpCallOutcome, McpCaller, McpToolListing } from "./gateway";
import type { ServerInput, UpstreamServerView } from "./servers";
import type { Result } from "../../../platform/result";
import type { Actor, JsonObject } from "../../../platform/tenant-types";

/** The slice of the tenant Durable Object's RPC that mcp calls; `TenantDO` implements it. */
export interface McpRpc {
  mcpOpenSession(
    tenantId: string,
    caller: McpCaller,
    client: { name: string; version: string },
    protocolVersion: string,
  ): Promise<Result<{ session_id: string; run_id: string }>>;
  mcpCheckSession(
    tenantId: string,
    sessionId: string,
    caller: McpCaller,
  ): Result<{ run_id: string }>;
  mcpCloseSession(tenantId: string, sessionId: string, caller: McpCaller): Promise<Result<null>>;
  mcpListTools(tenantId: string, sessionId: string, caller: McpCaller): Result<McpToolListing[]>;
  mcpCallTool(
    tenantId: string,
    sessionId: string,
    caller: McpCaller,
    input: { name: string; args: JsonObject; idempotency_key?: string },
  ): Promise<Result<McpCallOutcome>>;
  mcpResumeCall(
    tenantId: string,
    sessionId: string,
    caller: McpCaller,
    stepId: string,
  ): Promise<Result<McpCallOutcome>>;
  mcpListServers(tenantId: string): Result<UpstreamServerView[]>;
  mcpPutServer(
    tenantId: string,
    input: ServerInput,
    actor: Actor,
  ): Promise<Result<{ server: UpstreamServerView; created: boolean }>>;
  mcpRefreshServer(tenantId: string, name: string): Promise<Result<UpstreamServerView>>;
  mcpRemoveServer(tenantId: string, name: string, actor: Actor): Promise<Result<null>>;
}
