/**
 * Each tenant is its own MCP resource and its own OAuth issuer, so a token is bound (RFC 8707)
 * to exactly one tenant's endpoint:
 * - resource `…/mcp/{t}`, its RFC 9728 metadata at `/.well-known/oauth-protected-resource/mcp/{t}`
 * - issuer `…/oauth/{t}`, its RFC 8414 metadata at `/.well-known/oauth-authorization-server/oauth/{t}`
 */
export const mcpResource = (origin: string, tenantId: string) => `${origin}/mcp/${tenantId}`;
export const mcpIssuer = (origin: string, tenantId: string) => `${origin}/oauth/${tenantId}`;

/** Tenant ids as the console creates them (UUIDs); anything else is not a tenant's endpoint. */
export const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The console screen (in the tenant's addresses) that asks a person to approve an MCP client. */
export const consentScreen = (origin: string, tenantId: string, handle: string) =>
  `${origin}/t/${encodeURIComponent(tenantId)}/connect?handle=${encodeURIComponent(handle)}`;
