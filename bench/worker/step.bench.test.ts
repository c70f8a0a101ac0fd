import { env, runInDurableObject } from "cloudflare:test";
import { it } from "vitest";
import type { TenantDO } from "../../durable-objects/tenant";
import { report, summarize } from "../measure";

/*
 * Step overhead inside the tenant's Durable Object, measured on the engine itself (no RPC hop):
 * a proposal (run + idempotency read, policy verdict, step and checkpoint rows, three audit
 * events: hash chain + Merkle tiles, one transaction) and then its result (step row, one audit
 * event, a second transaction). Proposal and result together are the step Lynx's `run_agent`
 * journals and audits (bench/node/lynx-step.bench.test.ts), so that row is the one compared;
 * the proposal alone is a row of its own. workerd's clock moves in whole milliseconds, so each
 * sample is a batch of steps divided by its size.
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
    const proposals: number[] = [];
    const steps: number[] = [];
    let n = 0;
    for (let b = 0; b < BATCHES; b++) {
      const ids: string[] = [];
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
        ids.push(step.value.step_id);
      }
      await new Promise((r) => setTimeout(r, 0));
      const t1 = performance.now();
      for (const id of ids) {
        const done = engine.report(
          run.value.id,
          id,
          { status: "ok", output: "" },
          { kind: "agent", id: "bench" },
          Date.now(),
        );
        if (!done.ok || done.value.status !== "succeeded") throw new Error("result not stored");
      }
      await new Promise((r) => setTimeout(r, 0));
      const t2 = performance.now();
      proposals.push((t1 - t0) / PER_BATCH);
      steps.push((t2 - t0) / PER_BATCH);
    }
    return { proposals, steps };
  });
  const step = summarize(samples.steps.slice(2));
  report({
    name: "step overhead in the DO (propose→verdict→checkpoint→audit→result)",
    median: step.medianMs * 1000,
    p95: step.p95Ms * 1000,
    unit: "µs",
    budget: "≤ 1000 µs",
    samples: (BATCHES - 2) * PER_BATCH,
  });
  const proposal = summarize(samples.proposals.slice(2));
  report({
    name: "step proposal in the DO (propose→verdict→checkpoint→audit)",
    median: proposal.medianMs * 1000,
    p95: proposal.p95Ms * 1000,
    unit: "µs",
    budget: "≤ 1000 µs",
    samples: (BATCHES - 2) * PER_BATCH,
  });
});
