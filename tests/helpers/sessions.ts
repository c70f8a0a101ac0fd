import { env, runDurableObjectAlarm } from "cloudflare:test";
import { call } from "./client";
import { ownerWithTenant } from "./tenant";

export const ANTHROPIC_KEY = "sk-ant-api03-" + "KeyForTests0123456789abcdefABCDEF".repeat(3);
export { CANARY } from "./canary-watch";
import { CANARY } from "./canary-watch";

export async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Where the canary may be sent in these tests: the echo service, in the Authorization header. */
export const CANARY_DESTINATION = {
  origin: "https://echo.example.com",
  via: { kind: "header", name: "authorization" },
} as const;

/** A tenant with provider keys and a canary secret (bound to the echo service) in its vault. */
export async function tenantWithVault() {
  const owner = await ownerWithTenant();
  const base = `/api/tenants/${owner.tenantId}`;
  for (const [name, value, destinations] of [
    ["ANTHROPIC_API_KEY", ANTHROPIC_KEY, undefined],
    ["OPENAI_API_KEY", `sk-proj-${"T".repeat(20)}${"x".repeat(28)}`, undefined],
    ["CANARY_TOKEN", CANARY, [CANARY_DESTINATION]],
  ] as const) {
    await json(
      await call(`${base}/secrets/${name}`, {
        method: "PUT",
        body: { value, ...(destinations ? { destinations } : {}) },
        cookie: owner.cookie,
      }),
      201,
    );
  }
  return { ...owner, base };
}

/** Configures (or reconfigures) a tenant provider as an owner who just signed in (step-up). */
export async function configureProvider(
  t: { base: string; cookie: string },
  id: string,
  body: { kind: string; models: string[]; key_secret: string; base_url?: string },
) {
  const res = await call(`${t.base}/providers/${id}`, { method: "PUT", body, cookie: t.cookie });
  const text = await res.text();
  if (res.status !== 200 && res.status !== 201) {
    throw new Error(`configuring provider ${id}: ${res.status} ${text}`);
  }
  return JSON.parse(text) as { provider: { id: string; base_url: string } };
}

/** Starts a session on a provider of `kind` (configured first, its key bound to it). */
export async function startSession(
  t: { base: string; cookie: string },
  provider: { kind: string; model: string; base_url?: string } = {
    kind: "anthropic",
    model: "claude-test",
  },
  keySecret = "ANTHROPIC_API_KEY",
) {
  const id = `${provider.kind}-test`;
  await configureProvider(t, id, {
    kind: provider.kind,
    models: [provider.model],
    key_secret: keySecret,
    ...(provider.base_url ? { base_url: provider.base_url } : {}),
  });
  const { session } = await json<{ session: { id: string; run_id: string } }>(
    await call(`${t.base}/agent-sessions`, {
      body: { provider_id: id, model: provider.model },
      cookie: t.cookie,
    }),
    201,
  );
  return session;
}

export const stubOf = (tenantId: string) => env.TENANT.get(env.TENANT.idFromName(tenantId));

export type Status = "idle" | "running" | "waiting_approval" | "error" | "cancelled";

/** Runs the tenant's alarm until the session stops running (or `tries` runs). */
export async function settle(
  t: { base: string; cookie: string; tenantId: string },
  sessionId: string,
  tries = 20,
) {
  for (let i = 0; i < tries; i++) {
    await runDurableObjectAlarm(stubOf(t.tenantId));
    const { session } = await json<{ session: { status: Status; error: string | null } }>(
      await call(`${t.base}/agent-sessions/${sessionId}`, { cookie: t.cookie }),
    );
    if (session.status !== "running") return session;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("session still running");
}

export async function eventsOf(t: { base: string; cookie: string }, sessionId: string) {
  const { events } = await json<{ events: { type: string; [k: string]: unknown }[] }>(
    await call(`${t.base}/agent-sessions/${sessionId}/events`, { cookie: t.cookie }),
  );
  return events;
}

export async function say(t: { base: string; cookie: string }, sessionId: string, content: string) {
  return call(`${t.base}/agent-sessions/${sessionId}/messages`, {
    body: { content },
    cookie: t.cookie,
  });
}

export interface PendingApproval {
  id: string;
  step_id: string;
  tool: string;
}

export async function pendingApprovals(t: { base: string; cookie: string }) {
  const { approvals } = await json<{ approvals: PendingApproval[] }>(
    await call(`${t.base}/approvals`, { cookie: t.cookie }),
  );
  return approvals;
}

export async function approve(t: { base: string; cookie: string }, id: string, reason: string) {
  await json(
    await call(`${t.base}/approvals/${id}/decision`, {
      body: { decision: "approve", reason },
      cookie: t.cookie,
    }),
  );
}
