import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { MAX_POLICY_BODY_BYTES } from "../core/policy/limits";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import { authenticate } from "../capabilities/login-sessions/principal";
import { drainAuditAfterResponse } from "../capabilities/audit/drain-middleware";
import { loadConfig } from "../platform/config";
import { checkHealth } from "../capabilities/operator/health";
import { getHealth } from "../capabilities/operator/contract";
import { ApiError } from "../platform/http/errors";
import type { AppEnv } from "../capabilities/login-sessions/app-env";
import { validationHook } from "../platform/http/validation";
import { errorHandler } from "./middleware/error-handler";
import { noStore } from "./middleware/no-store";
import { originCheck } from "./middleware/origin-check";
import { securityHeaders } from "./middleware/security-headers";
import { strictJson } from "./middleware/strict-json";
import { approvalLinkRoutes, approvalRoutes } from "../capabilities/runs/routes-approvals";
import { auditRoutes } from "../capabilities/audit/routes";
import { auditSinkRoutes } from "../capabilities/audit/routes-sinks";
import {
  approvalNoticeRoutes,
  approvalWebhookRoutes,
} from "../capabilities/runs/routes-approval-webhook";
import { auditTlogRoutes, publicTlogRoutes } from "../capabilities/audit/routes-tlog";
import { authRoutes } from "../capabilities/sign-in-code/routes";
import { devRoutes } from "../capabilities/operator/routes-dev";
import { doctorRoutes } from "../capabilities/operator/routes-doctor";
import { whoamiRoutes } from "../capabilities/account/routes-whoami";
import { inviteRoutes } from "../capabilities/tenancy/routes-invites";
import { ownershipRoutes } from "../capabilities/tenancy/routes-ownership";
import { keyRoutes } from "../capabilities/vault/routes-keys";
import { mcpAdminRoutes } from "../capabilities/mcp/admin-routes";
import { consentRoutes } from "../capabilities/mcp/consent";
import { mcpRoutes } from "../capabilities/mcp/routes";
import { jwksRoutes } from "../capabilities/audit/routes-jwks";
import { meRoutes } from "../capabilities/account/routes-me";
import { accountDeleteRoutes } from "../capabilities/account/routes-account-delete";
import { deviceSignInRoutes } from "../capabilities/login-sessions/routes-device-sign-in";
import { emailChangeRoutes } from "../capabilities/account/routes-email-change";
import { emailRevertRoutes } from "../capabilities/account/routes-email-revert";
import { notMeRoutes } from "../capabilities/login-sessions/routes-not-me";
import { operatorRoutes } from "../capabilities/operator/routes";
import { passkeyRoutes } from "../capabilities/passkeys/routes";
import { policyRoutes } from "../capabilities/policy/routes";
import { runRoutes } from "../capabilities/runs/routes";
import { agentSessionRoutes } from "../capabilities/agent-sessions/routes";
import { providerRoutes } from "../capabilities/providers/routes";
import { authenticateRunToken } from "../capabilities/runs/run-access";
import { secretRoutes } from "../capabilities/vault/routes";
import { securityLogRoutes } from "../capabilities/account/routes-security-log";
import { tenantRoutes } from "../capabilities/tenancy/routes";
import { resolveTenant } from "../capabilities/tenancy/access";
import { tokenRoutes } from "../capabilities/tokens/routes";

export const MAX_BODY_BYTES = 64 * 1024;
const POLICY_PATH = /^\/api\/tenants\/[^/]+\/policies$/;

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.onError(errorHandler);
  app.notFound(() => {
    throw new ApiError(404, "not_found", "No such endpoint.");
  });

  app.use(requestId());
  app.use(securityHeaders);
  app.use(noStore);

  app.get(getHealth.path, async (c) => {
    const health = await checkHealth(c.env);
    if (health.status !== "ok") c.header("Retry-After", "10");
    return c.json(health, health.status === "ok" ? 200 : 503);
  });

  app.use(async (c, next) => {
    c.set("config", loadConfig(c.env));
    await next();
  });
  app.use(
    "/api/*",
    cors({
      origin: (origin, c) => (c.var.config.origins.includes(origin) ? origin : null),
      credentials: true,
      allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
      allowHeaders: ["Content-Type", "Authorization"],
      exposeHeaders: ["Retry-After", "X-Request-Id"],
      maxAge: 600,
    }),
  );
  app.use(originCheck);
  app.use(drainAuditAfterResponse);
  const limitTo = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(413, "payload_too_large", `The request body exceeds ${maxSize} bytes.`);
      },
    });
  const defaultLimit = limitTo(MAX_BODY_BYTES);
  // A new policy version may be as long as the policy schema allows (issue 17).
  const policyLimit = limitTo(MAX_POLICY_BODY_BYTES);
  app.use((c, next) =>
    (c.req.method === "POST" && POLICY_PATH.test(c.req.path) ? policyLimit : defaultLimit)(c, next),
  );
  app.use(strictJson);
  app.use(authenticateRunToken);
  app.use(authenticate);
  app.use("/api/tenants/:t/*", resolveTenant);

  app.route("/", authRoutes);
  app.route("/", meRoutes);
  app.route("/", emailChangeRoutes);
  app.route("/", emailRevertRoutes);
  app.route("/", accountDeleteRoutes);
  app.route("/", deviceSignInRoutes);
  app.route("/", securityLogRoutes);
  app.route("/", passkeyRoutes);
  app.route("/", notMeRoutes);
  app.route("/", tenantRoutes);
  app.route("/", inviteRoutes);
  app.route("/", ownershipRoutes);
  app.route("/", tokenRoutes);
  app.route("/", secretRoutes);
  app.route("/", keyRoutes);
  app.route("/", operatorRoutes);
  app.route("/", policyRoutes);
  app.route("/", runRoutes);
  app.route("/", agentSessionRoutes);
  app.route("/", providerRoutes);
  app.route("/", approvalRoutes);
  app.route("/", approvalLinkRoutes);
  app.route("/", approvalWebhookRoutes);
  app.route("/", approvalNoticeRoutes);
  app.route("/", auditRoutes);
  app.route("/", auditTlogRoutes);
  app.route("/", auditSinkRoutes);
  app.route("/", publicTlogRoutes);
  app.route("/", jwksRoutes);
  app.route("/", doctorRoutes);
  app.route("/", whoamiRoutes);
  app.route("/", devRoutes);
  app.route("/", mcpRoutes);
  app.route("/", consentRoutes);
  app.route("/", mcpAdminRoutes);

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Gatehouse API",
      version: "0.1.0",
      description:
        'Errors are always `{"error":{"code","message","issues"}}`. Browser requests that change state must send an allowed Origin; API clients use `Authorization: Bearer`.',
    },
  });
  return app;
}
