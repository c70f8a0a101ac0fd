import { env, runInDurableObject } from "cloudflare:test";
import { expect, it } from "vitest";
import type { TenantDO } from "../../durable-objects/tenant";
import { report, summarize } from "../measure";

/*
 * The first step after a DO wake: the active policy (500 rules) rebuilt from its stored form
 * (policy_compiled, written on activation) against compiling it from source.
 */
const RULES = 500;
const SOURCE = `version: 1\ndefaults: { on_no_match: deny }\nrules:\n${Array.from(
  { length: RULES },
  (_, i) =>
    `  - id: rule-${i}\n    match:\n      tool: shell\n      args.cmd.matches: '^cmd-${i}/'\n    decision: deny\n`,
).join("")}`;

type Store = { cache: unknown; lastLoad: string; active(): unknown };

it("policy load on wake", async () => {
  const tenantId = `bench-policy-${Date.now()}`;
  const stub = env.TENANT.get(env.TENANT.idFromName(tenantId));
  const actor = { kind: "system" as const, id: "bench" };
  const created = await stub.createPolicy(SOURCE, actor);
  if (!created.ok) throw new Error(created.message);
  await stub.activatePolicy(created.value.version, actor);
  const { stored, source } = await runInDurableObject(stub, async (instance: TenantDO, state) => {
    const store = (instance as unknown as { policies: Store }).policies;
    const time = (prepare: () => void) => {
      const out: number[] = [];
      for (let i = 0; i < 8; i++) {
        prepare();
        store.cache = null;
        const t0 = performance.now();
        store.active();
        out.push(performance.now() - t0);
      }
      return out;
    };
    const stored = time(() => {});
    const storedLoad = store.lastLoad;
    const source = time(() => state.storage.sql.exec("DELETE FROM policy_compiled"));
    expect([storedLoad, store.lastLoad]).toEqual(["stored_form", "source"]);
    return { stored, source };
  });
  const s = summarize(stored.slice(2));
  const c = summarize(source.slice(2));
  report({
    name: `first step after a wake: policy from its stored form, ${RULES} rules`,
    median: s.medianMs,
    p95: s.p95Ms,
    unit: "ms",
    budget: `≤ 5 ms (compiling from source: ${c.medianMs.toFixed(0)} ms)`,
    samples: 6,
  });
  report({
    name: `first step after a wake: policy compiled from source, ${RULES} rules`,
    median: c.medianMs,
    p95: c.p95Ms,
    unit: "ms",
    budget: "fallback only",
    samples: 6,
  });
});
