import { env, runInDurableObject } from "cloudflare:test";
import { it } from "vitest";
import type { TenantDO } from "../../durable-objects/tenant";
import type { AuditLog } from "../../capabilities/audit/tenant-do/audit-log";
import { report, summarize } from "../measure";

/*
 * Proofs over the tiled tree, measured in the tenant's Durable Object at 100k and 1M events,
 * and the step-proposal latency (over RPC, as the Worker calls it) while two auditors poll
 * consistency proofs. workerd's clock moves in whole milliseconds and only across I/O, so each
 * proof sample is a batch divided by its size.
 */
const PER_BATCH = 50;
const BATCHES = 10;
const SYSTEM = { kind: "system" as const, id: "bench" };

type Instance = { audit: AuditLog };

async function grow(stub: DurableObjectStub<TenantDO>, to: number): Promise<void> {
  for (;;) {
    const size = await runInDurableObject(stub, (instance: TenantDO) => {
      const audit = (instance as unknown as Instance).audit;
      const n = Math.min(5000, to - audit.size);
      audit.atomically(() => {
        for (let i = 0; i < n; i++)
          audit.append({
            type: "bench.event",
            runId: null,
            stepId: null,
            actor: SYSTEM,
            data: { i: audit.size, path: `/srv/data/${audit.size % 977}` },
            now: Date.UTC(2026, 0, 1) + audit.size,
          });
      });
      return audit.size;
    });
    if (size >= to) return;
  }
}

async function proofSamples(stub: DurableObjectStub<TenantDO>, kind: "inclusion" | "consistency") {
  return runInDurableObject(stub, async (instance: TenantDO) => {
    const audit = (instance as unknown as Instance).audit;
    const size = audit.size;
    const out: number[] = [];
    let x = 12345;
    const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) % size;
    for (let b = 0; b < BATCHES + 1; b++) {
      await new Promise((r) => setTimeout(r, 0));
      const t0 = performance.now();
      for (let i = 0; i < PER_BATCH; i++) {
        if (kind === "inclusion") audit.inclusion(next() + 1, size);
        else audit.consistency(next() + 1, size);
      }
      await new Promise((r) => setTimeout(r, 0));
      if (b > 0) out.push((performance.now() - t0) / PER_BATCH);
    }
    return out;
  });
}

async function reportProofs(stub: DurableObjectStub<TenantDO>, label: string) {
  for (const kind of ["inclusion", "consistency"] as const) {
    const s = summarize(await proofSamples(stub, kind));
    report({
      name: `${kind} proof at ${label} events (tiles)`,
      median: s.medianMs,
      p95: s.p95Ms,
      unit: "ms",
      budget: "≤ 5 ms",
      samples: BATCHES * PER_BATCH,
    });
  }
}

it(
  "proofs at 100k and 1M events, and steps while auditors poll",
  { timeout: 1_800_000 },
  async () => {
    const tenantId = `bench-proofs-${Date.now()}`;
    const stub = env.TENANT.get(env.TENANT.idFromName(tenantId));
    const policy = await stub.createPolicy(
      "version: 1\ndefaults: { on_no_match: deny }\nrules:\n  - id: reads\n    match: { tool: read_file }\n    decision: allow\n",
      SYSTEM,
    );
    if (!policy.ok) throw new Error(policy.message);
    await stub.activatePolicy(policy.value.version, SYSTEM);
    const run = await stub.openRun({ agent: "bench", metadata: {} }, SYSTEM);
    if (!run.ok) throw new Error(run.message);

    await grow(stub, 100_000);
    await reportProofs(stub, "100k");

    let n = 0;
    const propose = async () => {
      const t0 = performance.now();
      const step = await stub.proposeStep(
        run.value.id,
        {
          tool: "read_file",
          args: { path: `/srv/${n}` },
          declared: {},
          idempotency_key: `k${n++}`,
        },
        { kind: "agent", id: "bench" },
        "agent",
      );
      if (!step.ok) throw new Error(step.message);
      return performance.now() - t0;
    };
    const steps = async (count: number) => {
      const out: number[] = [];
      for (let i = 0; i < count; i++) out.push(await propose());
      return out;
    };
    /** Step p50 while two callers poll `poll` back to back; returns it and the polls made. */
    const whilePolling = async (poll: (i: number) => Promise<{ ok: boolean }>) => {
      let polling = true;
      let polls = 0;
      const caller = async (seed: number) => {
        while (polling) {
          const answer = await poll(seed * 7919 + polls * 104_729);
          if (!answer.ok) throw new Error("poll failed");
          polls++;
        }
      };
      const callers = [caller(1), caller(2)];
      const busy = summarize(await steps(200));
      polling = false;
      await Promise.all(callers);
      return { ...busy, polls };
    };
    /**
     * Step p50 in one run: alone, while two callers poll a no-op RPC (the floor any RPC traffic
     * sets in this single-process runtime), and while two auditors poll consistency proofs.
     */
    const stepRows = async (label: string, size: number) => {
      const quiet = summarize(await steps(200));
      const noop = await whilePolling(() => stub.listSinks());
      const proofs = await whilePolling((i) => stub.consistencyProof(1 + (i % size)));
      const row = (name: string, s: { medianMs: number; p95Ms: number }, budget: string) =>
        report({ name, median: s.medianMs, p95: s.p95Ms, unit: "ms", budget, samples: 200 });
      row(`step proposal over RPC, p50, no proof traffic (${label} events)`, quiet, "—");
      row(
        `step proposal over RPC, p50, two callers polling a no-op RPC (${label} events, ${noop.polls} calls)`,
        noop,
        "— (the RPC floor)",
      );
      row(
        `step proposal over RPC, p50, two auditors polling consistency proofs (${label} events, ${proofs.polls} proofs)`,
        proofs,
        `≈ the no-op floor (${noop.medianMs.toFixed(1)} ms); without polls ${quiet.medianMs.toFixed(1)} ms`,
      );
    };
    await stepRows("100k", 100_000);

    await grow(stub, 1_000_000);
    await reportProofs(stub, "1M");
    await stepRows("1M", 1_000_000);
  },
);
