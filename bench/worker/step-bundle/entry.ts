/**
 * The Worker that bench/node/step.bench.test.ts builds with wrangler and runs under Miniflare:
 * `TenantDO` itself, with one method that times the step loop on its run engine (no RPC hop in
 * the timed part). See that file for why the bundle, not vitest's transform, is measured.
 */
import { TenantDO } from "../../../durable-objects/tenant";
import type { RunEngine } from "../../../capabilities/runs/tenant-do/runs";
import type { StepSamples } from "./samples";

export { TenantDO };

const POLICY =
  "version: 1\ndefaults: { on_no_match: deny }\nrules:\n  - id: reads\n    match: { tool: read_file }\n    decision: allow\n";
const SYSTEM = { kind: "system", id: "bench" } as const;
const AGENT = { kind: "agent", id: "bench" } as const;

const tick = () => new Promise((r) => setTimeout(r, 0));

export class BenchDO extends TenantDO {
  private benchRun: string | null = null;
  private benchSteps = 0;

  private async openBenchRun(): Promise<string> {
    const policy = await this.createPolicy(POLICY, SYSTEM);
    if (!policy.ok) throw new Error(policy.message);
    await this.activatePolicy(policy.value.version, SYSTEM);
    const run = await this.openRun({ agent: "bench", metadata: {} }, SYSTEM);
    if (!run.ok) throw new Error(run.message);
    return run.value.id;
  }

  /**
   * `batches` batches of `perBatch` steps: each batch proposes its steps, then reports their
   * results. workerd's clock moves only between turns, so each batch is timed across a
   * `setTimeout(0)` and divided by its size.
   */
  async bench(batches: number, perBatch: number): Promise<StepSamples> {
    this.benchRun ??= await this.openBenchRun();
    const runId = this.benchRun;
    const engine = (this as unknown as { runs: RunEngine }).runs;
    const out: StepSamples = { proposals: [], steps: [] };
    for (let b = 0; b < batches; b++) {
      const ids: string[] = [];
      await tick();
      const t0 = performance.now();
      for (let i = 0; i < perBatch; i++) {
        const n = this.benchSteps++;
        const step = engine.propose(
          runId,
          {
            tool: "read_file",
            args: { path: `/srv/${n}` },
            declared: {},
            idempotency_key: `k${n}`,
          },
          { actor: AGENT, channel: "agent" },
          Date.now(),
        );
        if (!step.ok || step.value.status !== "executing") throw new Error("unexpected verdict");
        ids.push(step.value.step_id);
      }
      await tick();
      const t1 = performance.now();
      for (const id of ids) {
        const done = engine.report(runId, id, { status: "ok", output: "" }, AGENT, Date.now());
        if (!done.ok || done.value.status !== "succeeded") throw new Error("result not stored");
      }
      await tick();
      const t2 = performance.now();
      out.proposals.push(((t1 - t0) / perBatch) * 1000);
      out.steps.push(((t2 - t0) / perBatch) * 1000);
    }
    return out;
  }
}

export default {
  /** `/?batches=B&per=P`: one round on the one bench object. */
  async fetch(req: Request, env: { BENCH: DurableObjectNamespace<BenchDO> }): Promise<Response> {
    const url = new URL(req.url);
    const stub = env.BENCH.get(env.BENCH.idFromName("bench"));
    const samples = await stub.bench(
      Number(url.searchParams.get("batches") ?? 10),
      Number(url.searchParams.get("per") ?? 200),
    );
    return Response.json(samples);
  },
};
