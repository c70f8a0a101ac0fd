import { createApp } from "./app";
import { loadConfig } from "./config";
import type { Env } from "./env";
import { deliverDueMail } from "./mail/login-notifications";

export { TenantDO } from "../durable-objects/tenant";

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(deliverDueMail(loadConfig(env), env.DB, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env>;
