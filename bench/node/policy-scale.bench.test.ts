/**
 * Policy engine at scale, side by side with Lynx's own engine (measured in the same run when
 * LYNX_SRC points to a Lynx checkout; scripts/lynx-bench.py builds the same policies):
 * - "Lynx shape": Lynx's benchmark generator (every rule `tool: shell` + `args.cmd.matches:
 *   '^cmd-i'`), a call that matches no rule.
 * - "last match": every rule on the called tool, and only the last one matches.
 * Eval time per call, compile time (source to first decision) and the memory the compiled
 * policy keeps.
 */
import { spawnSync } from "node:child_process";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import { report, sampleBatched, summarize } from "../measure";
import { compilePolicy, evaluate, type CompiledPolicy, type ToolCall } from "../../core/policy";

type Variant = "lynx" | "last";
const SIZES = [10, 100, 1000, 10_000];
const LABEL: Record<Variant, string> = { lynx: "Lynx shape, no match", last: "last rule matches" };

function source(variant: Variant, n: number): string {
  const suffix = variant === "lynx" ? "" : "/";
  const rules = Array.from(
    { length: n },
    (_, i) =>
      `  - id: rule-${i}\n    match:\n      tool: shell\n      args.cmd.matches: '^cmd-${i}${suffix}'\n    decision: deny\n`,
  ).join("");
  return `version: 1\ndefaults: { on_no_match: ${variant === "lynx" ? "allow" : "deny"} }\nrules:\n${rules}`;
}

function call(variant: Variant, n: number): ToolCall {
  return {
    tool: "shell",
    args: { cmd: variant === "lynx" ? "ls" : `cmd-${n - 1}/run` },
    declared: { cost: "low", reversible: true, scope: ["compute:exec"] },
    context: { principal: { kind: "user", id: "bench" }, environment: "dev", workspace: "/tmp" },
  };
}

interface LynxRow {
  variant: Variant;
  rules: number;
  eval_us: number;
  compile_ms: number;
  kib: number;
}

function lynxNumbers(): LynxRow[] | null {
  const src = process.env.LYNX_SRC;
  if (!src) return null;
  const run = spawnSync("python3", ["scripts/lynx-bench.py", ...SIZES.map(String)], {
    encoding: "utf8",
    env: { ...process.env, LYNX_SRC: src },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`lynx-bench.py failed: ${run.stderr}`);
  return run.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as LynxRow);
}

// A full collection before each heap reading, so the memory row is what the policy keeps.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
const heapAfterGc = () => {
  collect();
  return process.memoryUsage().heapUsed;
};

const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: v < 10 ? 2 : 0 });

it("policy engine at scale, Gatehouse vs Lynx", () => {
  const lynx = lynxNumbers();
  if (!lynx) console.log("BENCH-NOTE LYNX_SRC is not set: Lynx's numbers are skipped");
  // Warm the compiler up (JIT, regex translation tables) before timing anything.
  for (let i = 0; i < 3; i++) compilePolicy(source("last", 100));
  for (const n of SIZES) {
    for (const variant of ["lynx", "last"] as Variant[]) {
      const text = source(variant, n);
      const c = call(variant, n);
      // Compile to the first decision (the per-tool plan is built on first use): the median of
      // several runs, more at small sizes.
      const ready = () => {
        const result = compilePolicy(text);
        if (!result.ok) throw new Error(result.diagnostics[0]?.message);
        evaluate(result.policy, c);
        return result.policy;
      };
      const times: number[] = [];
      const runs = n >= 10_000 ? 3 : n >= 1000 ? 7 : 21;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        ready();
        times.push(performance.now() - t);
      }
      const heap0 = heapAfterGc();
      const policy: CompiledPolicy = ready();
      const kib = Math.max(0, heapAfterGc() - heap0) / 1024;
      const compileMs = times.sort((x, y) => x - y)[Math.floor(times.length / 2)]!;
      expect(evaluate(policy, c).decision).toBe(variant === "lynx" ? "allow" : "deny");
      const samples = sampleBatched(() => evaluate(policy, c), 100, Math.max(20, 200_000 / n));
      const { medianMs, p95Ms } = summarize(samples);
      const them = lynx?.find((r) => r.rules === n && r.variant === variant);
      const name = `policy ${LABEL[variant]}, ${n.toLocaleString("en-US")} rules`;
      report({
        name: `${name}: eval`,
        median: medianMs * 1000,
        p95: p95Ms * 1000,
        unit: "µs",
        budget: them
          ? `≥ 30× Lynx ${fmt(them.eval_us)} µs → ≤ ${fmt(them.eval_us / 30)} (now ${fmt(them.eval_us / (medianMs * 1000))}×)`
          : `${fmt((medianMs * 1e6) / n)} ns per rule`,
        samples: samples.length,
      });
      report({
        name: `${name}: compile to first decision`,
        median: compileMs,
        p95: compileMs,
        unit: "ms",
        budget: them
          ? `< Lynx ${fmt(them.compile_ms)} ms (${fmt(them.compile_ms / compileMs)}×)`
          : "linear",
        samples: 1,
      });
      report({
        name: `${name}: memory`,
        median: kib,
        p95: kib,
        unit: "KiB",
        budget: them ? `Lynx ${fmt(them.kib)} KiB` : "",
        samples: 1,
      });
    }
  }
});
