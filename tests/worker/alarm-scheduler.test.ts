import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { useTestClock } from "../helpers/clock";
import { AGENT, ALICE, freshTenant, POLICY, value } from "../helpers/tenant-do";

const clock = useTestClock();

describe("the tenant object's one alarm", () => {
  it("runs the other parts' work when one part throws, and sets the alarm again for it", async () => {
    const { stub } = freshTenant();
    const policy = value(await stub.createPolicy(POLICY, ALICE));
    value(await stub.activatePolicy(policy.version, ALICE));
    const runId = value(
      await stub.openRun({ agent: "bot", metadata: { environment: "prod" } }, ALICE),
    ).id;
    // `pay` waits 600 s for a person: the alarm is set for its expiry.
    const step = value(
      await stub.proposeStep(
        runId,
        { tool: "pay", args: { amount: 5 }, declared: {}, idempotency_key: "k1" },
        AGENT,
        "agent",
      ),
    );
    expect(step.status).toBe("awaiting_approval");
    // A sink whose stored config is unreadable (a bad row): delivering to it throws.
    await runInDurableObject(stub, (_, state) => {
      state.storage.sql.exec(
        `INSERT INTO audit_sinks (id, kind, config, last_seq, failures, next_attempt_at, created_at)
           VALUES ('snk_broken', 'webhook', 'not json', 0, 0, 0, 0)`,
      );
    });

    clock.advance(601_000);
    const before = clock.now();
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const after = clock.now();

    const { approvals, alarm } = await runInDurableObject(stub, async (_, state) => ({
      approvals: state.storage.sql
        .exec<{ status: string }>(`SELECT status FROM approvals`)
        .toArray()
        .map((a) => a.status),
      alarm: await state.storage.getAlarm(),
    }));
    // The sinks come first in the alarm; their failure did not keep the approval from expiring.
    expect(approvals).toEqual(["expired"]);
    // The broken sink is tried again 30 s later (nothing else is due sooner), not never.
    expect(alarm).not.toBeNull();
    expect(alarm!).toBeGreaterThanOrEqual(before + 30_000);
    expect(alarm!).toBeLessThanOrEqual(after + 30_000);
  });
});
