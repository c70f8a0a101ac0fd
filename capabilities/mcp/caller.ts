import { clock } from "../../platform/clock";
import type { Context } from "hono";
import { can, type Role } from "../../core/permissions";
import type { McpCaller } from "./tenant-do/gateway";
import { tokenPrincipal } from "../login-sessions/principal";
import type { AppEnv } from "../login-sessions/app-env";
import { API_TOKEN_PATTERN } from "../tokens/api-tokens";
import { authorizationServer, MCP_SCOPE, type McpGrantProps } from "./oauth-server";
import { database } from "../../platform/db/client";
import { liveGrantOfMember, touchGrant } from "./repository";

/** What the resource server hands the MCP handler as `ctx.props` for a valid bearer. */
export type McpProps =
  { kind: "caller"; caller: McpCaller; role: Role } | { kind: "no_permission"; role: Role };

const TOUCH_AFTER_MS = 60_000;

const judged = (role: Role, caller: McpCaller): McpProps =>
  can(role, "steps.propose") ? { kind: "caller", caller, role } : { kind: "no_permission", role };

/**
 * Validates a bearer presented at tenant `tenantId`'s MCP endpoint: an API token of that tenant
 * with the `mcp` scope, or an OAuth access token issued for exactly this tenant's resource whose
 * grant is still listed, unrevoked, and whose person is still a member. `null` → 401 challenge.
 */
export function mcpTokenValidator(c: Context<AppEnv>, origin: string, tenantId: string) {
  return async (resource: string, token: string) => {
    const now = clock.now();
    if (API_TOKEN_PATTERN.test(token)) {
      const p = await tokenPrincipal(c, token, now);
      if (!p || p.tenantId !== tenantId || !p.scopes.includes(MCP_SCOPE)) return null;
      const caller: McpCaller = {
        key: `token:${p.tokenId}`,
        actor: { kind: "token", id: p.tokenId, role: p.role },
        principal: { via: "api_token", token_id: p.tokenId, user_id: p.userId },
      };
      return { props: judged(p.role, caller), audience: resource, scope: [MCP_SCOPE] };
    }
    const valid = await authorizationServer(origin, tenantId).validateToken<McpGrantProps>(
      resource,
      token,
      c.env,
    );
    if (!valid || valid.props.tenant_id !== tenantId) return null;
    const db = database(c.env.DB);
    const grant = await liveGrantOfMember(db, {
      id: valid.props.grant_ref,
      tenantId,
      userId: valid.userId,
    });
    if (!grant) return null;
    if (grant.last_used_at === null || now - grant.last_used_at > TOUCH_AFTER_MS) {
      c.executionCtx.waitUntil(touchGrant(db, grant.id, now));
    }
    const caller: McpCaller = {
      key: `grant:${grant.id}`,
      actor: { kind: "user", id: grant.user_id, role: grant.role, email: grant.email },
      principal: {
        via: "oauth",
        client_id: grant.client_id,
        client_name: grant.client_name,
        user_id: grant.user_id,
        grant_id: grant.id,
      },
    };
    return {
      props: judged(grant.role, caller),
      audience: valid.audience,
      expiresAt: valid.expiresAt,
      scope: valid.scope,
      userId: valid.userId,
      clientId: valid.clientId,
    };
  };
}
