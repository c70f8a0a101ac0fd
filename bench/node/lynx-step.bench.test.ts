/**
 * Lynx's own step overhead, for the side-by-side row of bench/worker/step.bench.test.ts:
 * scripts/lynx-step-bench.py drives Lynx's `run_agent` through the same tool calls under the same
 * policy, journaled to SQLite and audited through its hash-chained sink. Measured only when
 * LYNX_SRC points to a Lynx checkout; `npm run bench` divides the Gatehouse row by it.
 */
import { spawnSync } from "node:child_process";
import { it } from "vitest";
import { report } from "../measure";

export const LYNX_STEP_ROW = "Lynx run_agent step (SQLite journal + hash-chained audit)";

it("Lynx step overhead", () => {
  const src = process.env.LYNX_SRC;
  if (!src) {
    console.log("BENCH-NOTE LYNX_SRC is not set: Lynx's step overhead is skipped");
    return;
  }
  const run = spawnSync("python3", ["scripts/lynx-step-bench.py", "10", "200"], {
    encoding: "utf8",
    env: { ...process.env, LYNX_SRC: src },
  });
  if (run.status !== 0) throw new Error(`lynx-step-bench.py failed: ${run.stderr}`);
  const { median_us, p95_us, steps } = JSON.parse(run.stdout.trim()) as {
    median_us: number;
    p95_us: number;
    steps: number;
  };
  report({
    name: LYNX_STEP_ROW,
    median: median_us,
    p95: p95_us,
    unit: "µs",
    budget: "reference",
    samples: steps,
  });
});
