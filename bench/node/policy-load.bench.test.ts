/**
 * The policy work of the first step after a wake, in CPU time (process.cpuUsage, so a loaded
 * machine's waiting for a core is not counted): loading the active policy from its stored form
 * and building the plan for the called tool, against compiling it from source. The same
 * 500-rule policies as bench/worker/policy-load.bench.test.ts; the checksum and the SQLite
 * read of the DO are in the workerd rows.
 */
import { expect, it } from "vitest";
import { report, summarize } from "../measure";
import { compilePolicy, loadStoredForm, type CompiledPolicy } from "../../core/policy";

const RULES = 500;
const RUNS = 60;

const VARIANTS = {
  "prefix patterns": (i: number) => `^cmd-${i}/`,
  "regex patterns": (i: number) => `^cmd-${i}/(?:a|b)+\\d`,
};

const policySource = (pattern: (i: number) => string) =>
  `version: 1\ndefaults: { on_no_match: deny }\nrules:\n${Array.from(
    { length: RULES },
    (_, i) =>
      `  - id: rule-${i}\n    match:\n      tool: shell\n      args.cmd.matches: '${pattern(i)}'\n    decision: deny\n`,
  ).join("")}`;

/** CPU ms per run of `fn`, one sample per run. */
function cpuSamples(fn: () => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.cpuUsage();
    fn();
    const t = process.cpuUsage(t0);
    out.push((t.user + t.system) / 1000);
  }
  return out.slice(RUNS / 6);
}

for (const [variant, pattern] of Object.entries(VARIANTS)) {
  it(`policy load, CPU time (${variant})`, () => {
    const source = policySource(pattern);
    const compiled = compilePolicy(source);
    if (!compiled.ok) throw new Error("does not compile");
    const form = compiled.storedForm();
    const plan = (p: CompiledPolicy | null) => p!.planFor("shell").length;
    expect(plan(loadStoredForm(form))).toBeGreaterThan(0);
    const load = summarize(cpuSamples(() => plan(loadStoredForm(form))));
    const fromSource = summarize(
      cpuSamples(() => {
        const r = compilePolicy(source);
        if (r.ok) plan(r.policy);
      }),
    );
    report({
      name: `policy load from the stored form + plan, CPU, ${RULES} rules (${variant})`,
      median: load.medianMs,
      p95: load.p95Ms,
      unit: "ms",
      budget: `≤ 5 ms (from source: ${fromSource.medianMs.toFixed(1)} ms; form ${(form.length / 1024).toFixed(0)} KiB)`,
      samples: RUNS - RUNS / 6,
    });
  });
}
