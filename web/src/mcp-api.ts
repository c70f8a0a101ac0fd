import { id, request } from "./api";

/** Shapes of the MCP gateway's console API (see workers/mcp/{admin-routes,consent}.ts). */

export interface McpGrant {
  id: string;
  client_id: string;
  client_name: string;
  redirect_host: string;
  user_id: string;
  user_email: string;
  scopes: string[];
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface McpServer {
  name: string;
  url: string;
  transport: "streamable-http";
  credential_secret: string | null;
  timeout_ms: number;
  tools: { name: string; description: string }[];
  tools_seen_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface McpConsent {
  tenant: { id: string; name: string };
  role: string;
  may_connect: boolean;
  client: { id: string; name: string; domain: string | null; uri: string | null };
  redirect_host: string;
  redirect_is_loopback: boolean;
  scopes: string[];
}

export const mcpEndpoint = (tenantId: string) => `${location.origin}/mcp/${tenantId}`;

export function mcpApi(tenantId: string) {
  const base = `/api/tenants/${id(tenantId)}/mcp`;
  return {
    grants: () => request<{ grants: McpGrant[] }>("GET", `${base}/grants`),
    revokeGrant: (grantId: string) => request("DELETE", `${base}/grants/${id(grantId)}`),
    servers: () => request<{ servers: McpServer[] }>("GET", `${base}/servers`),
    putServer: (name: string, body: { url: string; credential_secret: string | null }) =>
      request<{ server: McpServer }>("PUT", `${base}/servers/${id(name)}`, body),
    testServer: (name: string) =>
      request<{ server: McpServer }>("POST", `${base}/servers/${id(name)}/test`),
    removeServer: (name: string) => request("DELETE", `${base}/servers/${id(name)}`),
  };
}

export const consentApi = {
  get: (handle: string) => request<McpConsent>("GET", `/api/oauth/consents/${id(handle)}`),
  answer: (handle: string, decision: "approve" | "deny") =>
    request<{ redirect_to: string }>("POST", `/api/oauth/consents/${id(handle)}`, { decision }),
};
