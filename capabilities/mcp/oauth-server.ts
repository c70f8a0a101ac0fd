import { OAuthAuthorizationServer } from "@cloudflare/workers-oauth-provider";
import type { Env } from "../../platform/env";
import { mcpIssuer, mcpResource } from "./urls";

/** The one scope an MCP grant carries: use this tenant's MCP endpoint as the person who approved. */
export const MCP_SCOPE = "mcp";
export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;

/** What a grant stores (encrypted by the library) and hands back with every valid token. */
export interface McpGrantProps {
  tenant_id: string;
  user_id: string;
  /** The `mcp_grants` row that lists this grant and whose revocation stops it at once. */
  grant_ref: string;
}

const cache = new Map<string, OAuthAuthorizationServer<Env>>();

/**
 * The tenant's authorization server (`@cloudflare/workers-oauth-provider`): authorization code
 * with PKCE (S256), refresh rotation, RFC 7009 revocation, RFC 7591 dynamic registration and
 * client ID metadata documents, tokens bound to the tenant's MCP resource alone.
 */
export function authorizationServer(
  origin: string,
  tenantId: string,
): OAuthAuthorizationServer<Env> {
  const key = `${origin} ${tenantId}`;
  let server = cache.get(key);
  if (!server) {
    const issuer = mcpIssuer(origin, tenantId);
    server = new OAuthAuthorizationServer<Env>({
      issuer,
      resources: [mcpResource(origin, tenantId)],
      authorizeEndpoint: `${issuer}/authorize`,
      tokenEndpoint: `${issuer}/token`,
      clientRegistrationEndpoint: `${issuer}/register`,
      scopesSupported: [MCP_SCOPE],
      accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
      clientIdMetadataDocumentEnabled: true,
    });
    if (cache.size > 1000) cache.clear();
    cache.set(key, server);
  }
  return server;
}
