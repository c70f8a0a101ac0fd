import { runInDurableObject } from "cloudflare:test";
import { expect, it } from "vitest";
import type { TenantDO } from "../../../durable-objects/tenant";
import { AGENT, ALICE, freshTenant, POLICY, value } from "../../../tests/helpers/tenant-do";

/** Every statement `fn` runs on the object's SQLite, with its query plan. */
async function plansOf(stub: DurableObjectStub<TenantDO>, fn: (instance: TenantDO) => unknown) {
  return runInDurableObject(stub, async (instance: TenantDO, state) => {
    const sql = state.storage.sql;
    const original = sql.exec.bind(sql);
    const seen: { query: string; params: unknown[] }[] = [];
    sql.exec = ((query: string, ...params: unknown[]) => {
      seen.push({ query, params });
      return original(query, ...(params as never[]));
    }) as typeof sql.exec;
    try {
      await fn(instance);
    } finally {
      sql.exec = original;
    }
    return seen
      .filter((s) => /FROM audit_events/.test(s.query))
      .map((s) => ({
        query: s.query,
        plan: original(`EXPLAIN QUERY PLAN ${s.query}`, ...(s.params as never[]))
          .toArray()
          .map((r) => String(r.detail)),
      }));
  });
}

it("GET …/audit/events?run= is served by the run index, not a scan of the log", async () => {
  const { tenantId, stub } = freshTenant();
  const created = value(await stub.createPolicy(POLICY, ALICE));
  value(await stub.activatePolicy(created.version, ALICE));
  const runs: string[] = [];
  for (let r = 0; r < 2; r++) {
    const run = value(await stub.openRun({ agent: "bot", metadata: {} }, ALICE));
    runs.push(run.id);
    for (let i = 0; i < 3; i++) {
      value(
        await stub.proposeStep(
          run.id,
          { tool: "read_file", args: { path: `/${i}` }, declared: {}, idempotency_key: `k${i}` },
          AGENT,
          "agent",
        ),
      );
    }
  }
  const plans = await plansOf(stub, (i) => i.auditEvents(0, 100, { runId: runs[1]! }));
  expect(plans).toHaveLength(1);
  expect(plans[0]!.plan.join("\n")).toMatch(/USING (COVERING )?INDEX audit_events_run/);
  expect(plans[0]!.plan.join("\n")).not.toMatch(/^SCAN audit_events$/m);

  // The page itself: that run's events only, in order.
  const { events } = value(await stub.auditEvents(0, 100, { runId: runs[1]! }));
  expect(events.every((e) => e.run_id === runs[1])).toBe(true);
  expect(events.map((e) => e.type).slice(0, 2)).toEqual(["run.opened", "step.proposed"]);
  expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));

  // No filter and a type filter walk the primary key from `after`.
  const unfiltered = await plansOf(stub, (i) => i.auditEvents(5, 10, {}));
  expect(unfiltered[0]!.plan.join("\n")).toMatch(/USING INTEGER PRIMARY KEY/);
  const typed = await plansOf(stub, (i) => i.auditEvents(0, 10, { type: "run.opened" }));
  expect(typed[0]!.plan.join("\n")).toMatch(/USING INTEGER PRIMARY KEY/);
  const { events: opened } = value(await stub.auditEvents(0, 10, { type: "run.opened" }));
  expect(opened.map((e) => e.run_id)).toEqual(runs);
});
