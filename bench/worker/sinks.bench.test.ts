import { env, runInDurableObject } from "cloudflare:test";
import { it, vi } from "vitest";
import type { TenantDO } from "../../durable-objects/tenant";
import type { AuditLog } from "../../capabilities/audit/tenant-do/audit-log";
import type { SinkDelivery } from "../../capabilities/audit/tenant-do/sinks";
import { call } from "../../tests/helpers/client";
import { ownerWithTenant } from "../../tests/helpers/tenant";
import { report } from "../measure";

/*
 * SIEM sink throughput: a webhook receiver at the fetch boundary (it reads and parses every
 * NDJSON body, as a real one would; no network), fed from the Durable Object's audit log in
 * batches of 100, each HMAC-signed. The backlog is what a 10-minute outage at 10 events/s
 * leaves (6,000 events): the lag after the outage is the time to drain it once the receiver
 * answers again, plus at most the backoff cap (60 s) before the first retry notices.
 */
const OUTAGE_EVENTS = 6_000;
const BACKOFF_CAP_S = 60;
const HOOK = "https://siem.bench.test";

it("SIEM sink throughput and catch-up after an outage", async () => {
  const owner = await ownerWithTenant();
  const base = `/api/tenants/${owner.tenantId}`;
  let up = false;
  let received = 0;
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    if (!request.url.startsWith(HOOK)) return realFetch(input as RequestInfo, init);
    if (!up) return new Response("down", { status: 503 });
    const body = await request.text();
    for (const line of body.trimEnd().split("\n")) if (JSON.parse(line).seq) received++;
    return new Response('{"ok":true}', { status: 200 });
  });
  await call(`${base}/secrets/BENCH_HMAC`, {
    method: "PUT",
    cookie: owner.cookie,
    body: {
      value: "whsec_bench_0123456789abcdef0123456789",
      destinations: [{ origin: HOOK, via: { kind: "header", name: "x-gatehouse-signature" } }],
    },
  });
  await call(`${base}/audit/sinks`, {
    cookie: owner.cookie,
    body: { sink: { kind: "webhook", url: HOOK, secret: "BENCH_HMAC" } },
  });
  const stub = env.TENANT.get(env.TENANT.idFromName(owner.tenantId));
  const result = await runInDurableObject(stub, async (instance: TenantDO, state) => {
    const { audit, sinks } = instance as unknown as { audit: AuditLog; sinks: SinkDelivery };
    await state.storage.deleteAlarm(); // the bench drives delivery itself
    audit.atomically(() => {
      for (let i = 0; i < OUTAGE_EVENTS; i++)
        audit.append({
          type: "bench.event",
          runId: null,
          stepId: null,
          actor: { kind: "system", id: "bench" },
          data: { i, host: "api.example.com", rule: "reads", decision: "allow" },
          now: Date.now(),
        });
    });
    up = true;
    state.storage.sql.exec(`UPDATE audit_sinks SET next_attempt_at = 0`);
    const backlog = sinks.list()[0]!.lag;
    await new Promise((r) => setTimeout(r, 0));
    const t0 = performance.now();
    while (sinks.list()[0]!.lag > 0) await sinks.deliver(Date.now());
    await new Promise((r) => setTimeout(r, 0));
    return { backlog, ms: performance.now() - t0 };
  });
  spy.mockRestore();
  if (received < result.backlog) throw new Error(`only ${received} of ${result.backlog} delivered`);
  report({
    name: "SIEM webhook sink throughput (batches of 100, HMAC, mock receiver)",
    median: (result.backlog / result.ms) * 1000,
    p95: (result.backlog / result.ms) * 1000,
    unit: "events/s",
    budget: "≥ 1000 events/s",
    samples: result.backlog,
  });
  report({
    name: `lag after a 10-min outage (${result.backlog} events): drain + ≤ ${BACKOFF_CAP_S} s backoff`,
    median: result.ms / 1000 + BACKOFF_CAP_S,
    p95: result.ms / 1000 + BACKOFF_CAP_S,
    unit: "s",
    budget: "≤ 120 s",
    samples: 1,
  });
});
