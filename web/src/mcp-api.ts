import type { CallOutput } from "../../core/contract/client";
import {
  answerOauthConsent,
  deleteMcpGrant,
  deleteMcpServer,
  getOauthConsent,
  listMcpGrants,
  listMcpServers,
  putMcpServer,
  testMcpServer,
  type Grant,
  type ConsentView,
} from "../../capabilities/mcp/contract";
import type { z } from "zod";
import { publicApi, sessionApi } from "./api";

/** The MCP gateway's console answers, as the contract defines them. */
export type McpGrant = z.output<typeof Grant>;
export type McpServer = CallOutput<typeof listMcpServers>["servers"][number];
export type McpConsent = z.output<typeof ConsentView>;

export const mcpEndpoint = (tenantId: string) => `${location.origin}/mcp/${tenantId}`;

export function mcpApi(tenantId: string) {
  const t = { t: tenantId };
  const call = sessionApi.call;
  return {
    grants: () => call(listMcpGrants, { params: t }),
    revokeGrant: (grantId: string) => call(deleteMcpGrant, { params: { ...t, id: grantId } }),
    servers: () => call(listMcpServers, { params: t }),
    putServer: (name: string, body: { url: string; credential_secret: string | null }) =>
      call(putMcpServer, { params: { ...t, name }, body }),
    testServer: (name: string) => call(testMcpServer, { params: { ...t, name } }),
    removeServer: (name: string) => call(deleteMcpServer, { params: { ...t, name } }),
  };
}

export const consentApi = {
  get: (handle: string) => publicApi.call(getOauthConsent, { params: { handle } }),
  answer: (handle: string, decision: "approve" | "deny") =>
    publicApi.call(answerOauthConsent, { params: { handle }, body: { decision } }),
};
