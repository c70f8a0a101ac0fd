import { OpenAPIHono } from "@hono/zod-openapi";
import { can } from "../../core/permissions";
import { database } from "../../platform/db/client";
import { roleOf } from "../tenancy/member-repository";
import { runDoctor, type Check, type CheckStatus } from "./doctor";
import type { Principal } from "../login-sessions/principal";
import { unboundSecrets } from "../vault/secrets";
import { errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { getDoctor } from "./contract";

export const doctorRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

doctorRoutes.openapi(getDoctor, async (c) => {
  if (!c.var.principal) throw errors.unauthenticated();
  const checks = await runDoctor(c.env, c.var.config);
  const tenantId = await doctorTenant(c.env.DB, c.var.principal, c.req.valid("query").tenant);
  if (tenantId) checks.push(await unboundCheck(c.env.DB, tenantId));
  const worst = (level: CheckStatus) => checks.some((x) => x.status === level);
  const status: CheckStatus = worst("error") ? "error" : worst("warn") ? "warn" : "ok";
  return c.json({ status, checks }, 200);
});

/** The tenant whose vault the doctor may look at for this caller (names only), if any. */
async function doctorTenant(
  db: D1Database,
  principal: Principal,
  asked: string | undefined,
): Promise<string | null> {
  if (principal.kind === "token") {
    return can(principal.role, "secrets.read_metadata") ? principal.tenantId : null;
  }
  if (!asked) return null;
  const role = await roleOf(database(db), asked, principal.userId);
  return role && can(role, "secrets.read_metadata") ? asked : null;
}

async function unboundCheck(db: D1Database, tenantId: string): Promise<Check> {
  const names = await unboundSecrets(db, tenantId);
  return names.length === 0
    ? { id: "secret_destinations", status: "ok", message: "Every secret has destinations." }
    : {
        id: "secret_destinations",
        status: "warn",
        message: `${names.length} secret(s) can be sent nowhere until an admin binds them: ${names.join(", ")}.`,
      };
}
