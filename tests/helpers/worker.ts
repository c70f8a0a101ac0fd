import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../workers/index";
import type { Env } from "../../platform/env";
import { ORIGIN, PHONE_UA } from "./client";

/**
 * Runs the real Worker with some bindings overridden (e.g. a Resend key or production mode) and
 * waits for its background work (waitUntil) to finish.
 */
export async function fetchWith(
  overrides: Partial<Env>,
  path: string,
  init: RequestInit & { ip?: string } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("origin")) headers.set("origin", ORIGIN);
  if (!headers.has("user-agent")) headers.set("user-agent", PHONE_UA);
  if (init.ip) headers.set("cf-connecting-ip", init.ip);
  if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`${ORIGIN}${path}`, { ...init, headers }) as Request<
      unknown,
      IncomingRequestCfProperties
    >,
    { ...env, ...overrides },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

export async function runCron(overrides: Partial<Env>, scheduledTime: number): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(
    { scheduledTime, cron: "* * * * *", noRetry() {} } as ScheduledController,
    { ...env, ...overrides },
    ctx,
  );
  await waitOnExecutionContext(ctx);
}
