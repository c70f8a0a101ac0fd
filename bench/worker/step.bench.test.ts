import { env, runInDurableObject } from "cloudflare:test";
import { it } from "vitest";
import type { TenantDO } from "../../durable-objects/tenant";
import { report, summarize } from "../measure";

/*
 * Step overhead inside the tenant's Durable Object: propose → policy verdict → checkpoint row →
 * audit append (hash chain + Merkle frontier), all in one SQLite transaction, measured on the
 * engine itself (no RPC hop). workerd's clock moves in whole milliseconds, so each sample is a
 * batch of proposals divided by its size.
 */
const BATCHES = 12;
const PER_BATCH = 200;

it("step overhead", async () => {
  const tenantId = `bench-${Date.now()}`;
  const stub = env.TENANT.get(env.TENANT.idFromName(tenantId));
  const policy = await stub.createPolicy(
    "version: 1\ndefaults: { on_no_match: deny }\nrules:\n  - id: reads\n    match: { tool: read_file }\n    decision: allow\n",
    { kind: "system", id: "bench" },
  );
  if (!policy.ok) throw new Error(policy.message);
  await stub.activatePolicy(policy.value.version, { kind: "system", id: "bench" });
  const run = await stub.openRun({ agent: "bench", metadata: {} }, { kind: "system", id: "bench" });
  if (!run.ok) throw new Error(run.message);

  const samples = await runInDurableObject(stub, async (instance: TenantDO) => {
    const engine = (
      instance as unknown as { runs: import("../../capabilities/runs/tenant-do/runs").RunEngine }
    ).runs;
    const out: number[] = [];
    let n = 0;
    for (let b = 0; b < BATCHES; b++) {
      await new Promise((r) => setTimeout(r, 0));
      const t0 = performance.now();
      for (let i = 0; i < PER_BATCH; i++) {
        const step = engine.propose(
          run.value.id,
          {
            tool: "read_file",
            args: { path: `/srv/${n}` },
            declared: {},
            idempotency_key: `k${n++}`,
          },
          { actor: { kind: "agent", id: "bench" }, channel: "agent" },
          Date.now(),
        );
        if (!step.ok || step.value.status !== "executing") throw new Error("unexpected verdict");
      }
      await new Promise((r) => setTimeout(r, 0));
      out.push((performance.now() - t0) / PER_BATCH);
    }
    return out;
  });
  const s = summarize(samples.slice(2));
  report({
    name: "step overhead in the DO (propose→verdict→checkpoint→audit)",
    median: s.medianMs * 1000,
    p95: s.p95Ms * 1000,
    unit: "µs",
    budget: "≤ 1000 µs",
    samples: (BATCHES - 2) * PER_BATCH,
  });
});
