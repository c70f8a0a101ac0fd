import { createApp } from "./app";
import { drainPendingAuditOutboxes } from "./audit/outbox";
import { loadConfig } from "./config";
import type { Env } from "./env";
import { deliverDueMail } from "./mail/login-notifications";

export { TenantDO } from "../durable-objects/tenant";

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(deliverDueMail(loadConfig(env), env.DB, controller.scheduledTime));
    ctx.waitUntil(drainPendingAuditOutboxes(env));
  },
} satisfies ExportedHandler<Env>;
