import { OAuthResourceServer, type OAuthResourceContext } from "@cloudflare/workers-oauth-provider";
import { Hono, type Context } from "hono";
import type { Env } from "../../platform/env";
import type { AppEnv } from "../login-sessions/app-env";
import { mcpTokenValidator, type McpProps } from "./caller";
import { authorizationServer, MCP_SCOPE } from "./oauth-server";
import { handleMcpRequest } from "./protocol";
import { mcpIssuer, mcpResource, TENANT_ID } from "./urls";

/** The MCP endpoint, its RFC 9728 metadata, and the tenant's OAuth protocol endpoints. */
export const mcpRoutes = new Hono<AppEnv>();

const publicOrigin = (c: Context<AppEnv>) => c.var.config.origins[0]!;

const notFound = () =>
  Response.json(
    { error: { code: "not_found", message: "No such endpoint.", issues: [] } },
    { status: 404 },
  );

function resourceServer(c: Context<AppEnv>, tenantId: string) {
  const origin = publicOrigin(c);
  return new OAuthResourceServer<Env, McpProps>({
    resourceMetadata: {
      resource: mcpResource(origin, tenantId),
      authorization_servers: [mcpIssuer(origin, tenantId)],
      bearer_methods_supported: ["header"],
      resource_name: "Gatehouse MCP gateway",
    },
    requiredScopes: [MCP_SCOPE],
    validateToken: () => mcpTokenValidator(c, origin, tenantId),
    handler: {
      async fetch(request, env, ctx: OAuthResourceContext<McpProps>) {
        // DNS-rebinding defence the MCP transport spec asks for: a browser Origin must be ours.
        const from = request.headers.get("origin");
        if (from && !c.var.config.origins.includes(from)) {
          return Response.json(
            { jsonrpc: "2.0", error: { code: -32000, message: "Origin not allowed" }, id: null },
            { status: 403 },
          );
        }
        const props = ctx.props;
        if (props.kind === "no_permission") {
          return Response.json(
            {
              jsonrpc: "2.0",
              error: { code: -32000, message: `Your role (${props.role}) may not call tools.` },
              id: null,
            },
            { status: 403 },
          );
        }
        return handleMcpRequest(request, { env, tenantId, caller: props.caller });
      },
    },
  });
}

const serveResource = async (c: Context<AppEnv>) => {
  const t = c.req.param("t") ?? "";
  if (!TENANT_ID.test(t)) return notFound();
  return resourceServer(c, t).fetch(c.req.raw, c.env, c.executionCtx as ExecutionContext<unknown>);
};

const serveAuthorizationServer = async (c: Context<AppEnv>) => {
  const t = c.req.param("t") ?? "";
  if (!TENANT_ID.test(t)) return notFound();
  return authorizationServer(publicOrigin(c), t).fetch(
    c.req.raw,
    c.env,
    c.executionCtx as ExecutionContext<unknown>,
  );
};

mcpRoutes.all("/mcp/:t", serveResource);
mcpRoutes.get("/.well-known/oauth-protected-resource/mcp/:t", serveResource);
mcpRoutes.get("/.well-known/oauth-authorization-server/oauth/:t", serveAuthorizationServer);
mcpRoutes.post("/oauth/:t/token", serveAuthorizationServer);
mcpRoutes.post("/oauth/:t/register", serveAuthorizationServer);
mcpRoutes.on("OPTIONS", ["/oauth/:t/token", "/oauth/:t/register"], serveAuthorizationServer);
