import { createApp } from "./app";
import { withRenamedPaths } from "./renamed-paths";
import { drainPendingAuditOutboxes } from "../capabilities/audit/outbox";
import { loadConfig } from "../platform/config";
import type { Env } from "../platform/env";
import { resilientD1 } from "../platform/db/resilient";
import { deliverDueMail } from "../capabilities/login-sessions/login-notifications";

export { TenantDO } from "../durable-objects/tenant";

const app = createApp();

/** The bindings every request sees: D1 behind the retrying wrapper (one per binding object). */
const resilient = new WeakMap<Env, Env>();
function withResilientD1(env: Env): Env {
  let wrapped = resilient.get(env);
  if (!wrapped) {
    wrapped = { ...env, DB: resilientD1(env.DB) };
    resilient.set(env, wrapped);
  }
  return wrapped;
}

export default {
  fetch: withRenamedPaths((request, env: Env, ctx) =>
    app.fetch(request, withResilientD1(env), ctx),
  ),
  async scheduled(controller, rawEnv, ctx) {
    const env = withResilientD1(rawEnv);
    ctx.waitUntil(deliverDueMail(loadConfig(env), env.DB, controller.scheduledTime));
    ctx.waitUntil(drainPendingAuditOutboxes(env));
  },
} satisfies ExportedHandler<Env>;
