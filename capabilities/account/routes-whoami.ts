import { OpenAPIHono } from "@hono/zod-openapi";
import { errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { whoami } from "./contract";

/** Who the credential in this request is: lets the CLI find its tenant from an API token. */
export const whoamiRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

whoamiRoutes.openapi(whoami, (c) => {
  const run = c.var.run;
  if (run)
    return c.json(
      { kind: "run" as const, user_id: null, tenant_id: run.tenantId, role: null },
      200,
    );
  const p = c.var.principal;
  if (!p) throw errors.unauthenticated();
  return p.kind === "token"
    ? c.json(
        { kind: "token" as const, user_id: p.userId, tenant_id: p.tenantId, role: p.role },
        200,
      )
    : c.json({ kind: "session" as const, user_id: p.userId, tenant_id: null, role: null }, 200);
});
