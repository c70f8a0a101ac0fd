/**
 * Step overhead in the tenant's Durable Object against Lynx's own `run_agent`, in one run.
 *
 * Gatehouse is measured as it deploys: bench/worker/step-bundle is built by wrangler (the same
 * bundler as the production Worker) and served by workerd under Miniflare. Not under the vitest
 * Workers plugin: its vite SSR transform turns every imported binding into a getter call, which
 * made the same SHA-256 ten times slower (21 µs vs 2.2 µs per 65-byte digest) and inflated the
 * step row accordingly.
 *
 * A step is a proposal (run + idempotency read, policy verdict, the step row that is its
 * checkpoint, three audit events: hash chain + Merkle tiles, one transaction) and then its
 * result (step row, one audit event, a second transaction): what Lynx's `run_agent` journals
 * and audits per tool call (scripts/lynx-step-bench.py). Rounds of the two alternate, so both see the same machine load.
 * Each is measured by wall time (inside the DO: per batch of steps, since workerd's clock only
 * moves between turns) and by CPU time (workerd's process from /proc; Lynx's `process_time`).
 * Lynx runs only when LYNX_SRC points to a Lynx checkout.
 */
import { afterAll, it } from "vitest";
import { report, summarize } from "../measure";
import { startStepBundle, type StepBundle } from "./step/bundle";
import { startLynx, type LynxDriver } from "./step/lynx";

export const STEP_ROW = "step overhead in the DO (propose→verdict→checkpoint→audit→result)";
export const STEP_CPU_ROW = "step overhead in the DO, CPU of workerd (…→result)";
export const PROPOSAL_ROW = "step proposal in the DO (propose→verdict→checkpoint→audit)";
export const LYNX_ROW = "Lynx run_agent step (SQLite journal + hash-chained audit)";
export const LYNX_CPU_ROW = "Lynx run_agent step, CPU of python";

const ROUNDS = 10;
const WARMUP_ROUNDS = 2;
const BATCHES = 10;
const PER_BATCH = 200;
/** Lynx runs per round, of PER_BATCH steps each. */
const LYNX_RUNS = 5;

let bundle: StepBundle | null = null;
let lynx: LynxDriver | null = null;
afterAll(async () => {
  lynx?.close();
  await bundle?.dispose();
});

const median = (xs: number[]) => summarize(xs.map((x) => x / 1000));
const µs = (s: { medianMs: number; p95Ms: number }) => ({
  median: s.medianMs * 1000,
  p95: s.p95Ms * 1000,
});

it("step overhead, Gatehouse's bundle and Lynx interleaved", async () => {
  bundle = await startStepBundle();
  const src = process.env.LYNX_SRC;
  if (src) lynx = startLynx(src, PER_BATCH);
  else console.log("BENCH-NOTE LYNX_SRC is not set: Lynx's step overhead is skipped");

  const g = { steps: [] as number[], proposals: [] as number[], cpu: [] as number[] };
  const l = { wall: [] as number[], cpu: [] as number[] };
  const gatehouse = async (keep: boolean) => {
    const cpu0 = bundle!.cpuSeconds();
    const samples = await bundle!.round(BATCHES, PER_BATCH);
    const cpuPerStep = ((bundle!.cpuSeconds() - cpu0) / (BATCHES * PER_BATCH)) * 1e6;
    if (!keep) return;
    g.steps.push(...samples.steps);
    g.proposals.push(...samples.proposals);
    g.cpu.push(cpuPerStep);
  };
  const lynxRound = async (keep: boolean) => {
    if (!lynx) return;
    const r = await lynx.round(LYNX_RUNS);
    if (!keep) return;
    l.wall.push(...r.wall_us);
    l.cpu.push(...r.cpu_us);
  };
  for (let r = 0; r < ROUNDS; r++) {
    const keep = r >= WARMUP_ROUNDS;
    // Alternate which goes first, so neither always follows the other's garbage and caches.
    if (r % 2 === 0) {
      await gatehouse(keep);
      await lynxRound(keep);
    } else {
      await lynxRound(keep);
      await gatehouse(keep);
    }
  }

  const step = µs(median(g.steps));
  const cpu = µs(median(g.cpu));
  const lynxWall = lynx ? µs(median(l.wall)) : null;
  const lynxCpu = lynx ? µs(median(l.cpu)) : null;
  const versus = (mine: number, theirs: { median: number } | null) =>
    theirs
      ? `≤ ½ Lynx ${theirs.median.toFixed(0)} µs → ≤ ${(theirs.median / 2).toFixed(0)} (now ${(mine / theirs.median).toFixed(2)}× Lynx)`
      : "≤ 1000 µs; ≤ ½ Lynx's: skipped, set LYNX_SRC";
  const measured = (ROUNDS - WARMUP_ROUNDS) * BATCHES * PER_BATCH;
  report({
    name: STEP_ROW,
    ...step,
    unit: "µs",
    budget: versus(step.median, lynxWall),
    samples: measured,
  });
  report({
    name: STEP_CPU_ROW,
    ...cpu,
    unit: "µs",
    budget: versus(cpu.median, lynxCpu),
    samples: measured,
  });
  report({
    name: PROPOSAL_ROW,
    ...µs(median(g.proposals)),
    unit: "µs",
    budget: "≤ 1000 µs",
    samples: measured,
  });
  if (lynxWall && lynxCpu) {
    const steps = (ROUNDS - WARMUP_ROUNDS) * LYNX_RUNS * PER_BATCH;
    report({ name: LYNX_ROW, ...lynxWall, unit: "µs", budget: "reference", samples: steps });
    report({ name: LYNX_CPU_ROW, ...lynxCpu, unit: "µs", budget: "reference", samples: steps });
  }
});
