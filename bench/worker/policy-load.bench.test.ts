import { env, evictDurableObject, runInDurableObject } from "cloudflare:test";
import { expect, it } from "vitest";
import type { TenantDO } from "../../durable-objects/tenant";
import { report, summarize } from "../measure";

/*
 * The first step after a DO wake. The active policy (500 rules, each `tool: shell` and an
 * `args.cmd.matches` pattern) is loaded from its stored form (policy_compiled, written on
 * activation) and its plan for `shell` built, against compiling it from source; then the
 * whole first step: a fresh DO instance proposing one call over RPC, against a warm step.
 * workerd's clock moves only across I/O, so in-DO samples are batches around a timer.
 */
const RULES = 500;
const BATCHES = 10;
const PER_BATCH = 10;
const WAKES = 10;

const policySource = (pattern: (i: number) => string) =>
  `version: 1\ndefaults: { on_no_match: deny }\nrules:\n${Array.from(
    { length: RULES },
    (_, i) =>
      `  - id: rule-${i}\n    match:\n      tool: shell\n      args.cmd.matches: '${pattern(i)}'\n    decision: deny\n`,
  ).join("")}`;

const VARIANTS = {
  "prefix patterns": (i: number) => `^cmd-${i}/`,
  "regex patterns": (i: number) => `^cmd-${i}/(?:a|b)+\\d`,
};

type Store = {
  cache: unknown;
  lastLoad: string;
  active(): { bundle: { layers: { policy: { planFor(tool: string): unknown } }[] } };
};

const tick = () => new Promise((r) => setTimeout(r, 0));

async function setUp(source: string) {
  const stub = env.TENANT.get(env.TENANT.idFromName(`bench-policy-${Date.now()}-${Math.random()}`));
  const actor = { kind: "system" as const, id: "bench" };
  const created = await stub.createPolicy(source, actor);
  if (!created.ok) throw new Error(created.message);
  await stub.activatePolicy(created.value.version, actor);
  return stub;
}

/** ms per load of the active policy plus its `shell` plan, from the stored form or source. */
function timeLoads(stub: DurableObjectStub<TenantDO>, from: "stored_form" | "source") {
  return runInDurableObject(stub, async (instance: TenantDO, state) => {
    const store = (instance as unknown as { policies: Store }).policies;
    const load = () => {
      if (from === "source") state.storage.sql.exec("DELETE FROM policy_compiled");
      store.cache = null;
      store.active().bundle.layers[1]!.policy.planFor("shell");
    };
    const out: number[] = [];
    for (let b = 0; b < BATCHES; b++) {
      await tick();
      const t0 = performance.now();
      for (let i = 0; i < PER_BATCH; i++) load();
      await tick();
      out.push((performance.now() - t0) / PER_BATCH);
    }
    expect(store.lastLoad).toBe(from);
    return out;
  });
}

for (const [variant, pattern] of Object.entries(VARIANTS)) {
  it(`policy load on wake (${variant})`, async () => {
    const stub = await setUp(policySource(pattern));
    const stored = summarize((await timeLoads(stub, "stored_form")).slice(2));
    const source = summarize((await timeLoads(stub, "source")).slice(2));
    report({
      name: `policy load after a wake: stored form + plan, ${RULES} rules (${variant})`,
      median: stored.medianMs,
      p95: stored.p95Ms,
      unit: "ms",
      budget: `≤ 5 ms (compiling from source: ${source.medianMs.toFixed(1)} ms)`,
      samples: (BATCHES - 2) * PER_BATCH,
    });
    report({
      name: `policy compiled from source + plan, ${RULES} rules (${variant})`,
      median: source.medianMs,
      p95: source.p95Ms,
      unit: "ms",
      budget: "fallback only (no or bad stored form)",
      samples: (BATCHES - 2) * PER_BATCH,
    });
  });
}

it("first step after a wake, end to end", async () => {
  const stub = await setUp(policySource(VARIANTS["prefix patterns"]));
  const actor = { kind: "system" as const, id: "bench" };
  const run = await stub.openRun({ agent: "bench", metadata: {} }, actor);
  if (!run.ok) throw new Error(run.message);
  let n = 0;
  const propose = async () => {
    const t0 = performance.now();
    const step = await stub.proposeStep(
      run.value.id,
      {
        tool: "shell",
        args: { cmd: `cmd-${n % RULES}/x` },
        declared: {},
        idempotency_key: `k${n++}`,
      },
      { kind: "agent", id: "bench" },
      "agent",
    );
    const ms = performance.now() - t0;
    if (!step.ok || step.value.verdict !== "deny") throw new Error("unexpected verdict");
    return ms;
  };
  const first: number[] = [];
  const warm: number[] = [];
  for (let w = 0; w < WAKES; w++) {
    await evictDurableObject(stub);
    first.push(await propose());
    const load = await runInDurableObject(
      stub,
      (i: TenantDO) => (i as unknown as { policies: Store }).policies.lastLoad,
    );
    expect(load).toBe("stored_form");
    for (let k = 0; k < 5; k++) warm.push(await propose());
  }
  const f = summarize(first.slice(1));
  const s = summarize(warm.slice(5));
  report({
    name: `first step after a wake (fresh DO + first propose over RPC), ${RULES} rules`,
    median: f.medianMs,
    p95: f.p95Ms,
    unit: "ms",
    budget: `a warm step + ≤ 5 ms (warm step over RPC: ${s.medianMs.toFixed(1)} ms)`,
    samples: WAKES - 1,
  });
});
