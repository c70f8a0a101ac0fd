import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import type { TenantDO } from "../../../durable-objects/tenant";
import type { RunEngine } from "../tenant-do/runs";
import { useTestClock } from "../../../tests/helpers/clock";
import { AGENT, ALICE, freshTenant, POLICY, value } from "../../../tests/helpers/tenant-do";

type Stub = DurableObjectStub<TenantDO>;
let tenantId: string;
let stub: Stub;
let runId: string;

async function withPolicy(source = POLICY) {
  const created = value(await stub.createPolicy(source, ALICE));
  value(await stub.activatePolicy(created.version, ALICE));
}

const propose = (tool: string, args: Record<string, unknown>, key: string, declared = {}) =>
  stub.proposeStep(
    runId,
    { tool, args: args as never, declared, idempotency_key: key },
    AGENT,
    "agent",
  );

beforeEach(async () => {
  ({ tenantId, stub } = freshTenant());
  await withPolicy();
  runId = value(await stub.openRun({ agent: "bot", metadata: { environment: "prod" } }, ALICE)).id;
});

describe("steps", () => {
  it("allows, checkpoints before answering, and records the audit trail", async () => {
    const step = value(await propose("read_file", { path: "/etc/motd" }, "k1"));
    expect(step).toMatchObject({
      verdict: "allow",
      rule_id: "tenant:reads",
      status: "executing",
      seq: 1,
      replay: false,
    });
    const checkpoint = await runInDurableObject(stub, (_, state) =>
      state.storage.sql
        .exec("SELECT status, exec_args FROM steps WHERE id = ?", step.step_id)
        .one(),
    );
    expect(checkpoint).toEqual({ status: "executing", exec_args: '{"path":"/etc/motd"}' });
    const { events } = value(await stub.auditEvents(0, 100, { runId }));
    expect(events.map((e) => e.type)).toEqual([
      "run.opened",
      "step.proposed",
      "step.decided",
      "step.checkpointed",
    ]);
  });

  it("returns the same step for the same idempotency key and never hands it out twice", async () => {
    const first = value(await propose("read_file", { path: "/a" }, "same"));
    const before = value(await stub.auditHead()).size;
    const again = value(await propose("read_file", { path: "/a" }, "same"));
    expect(again).toMatchObject({
      step_id: first.step_id,
      verdict: "allow",
      status: "executing",
      replay: true,
    });
    expect(value(await stub.auditHead()).size).toBe(before);
    const conflict = await propose("read_file", { path: "/b" }, "same");
    expect(conflict).toMatchObject({ ok: false, code: "idempotency_conflict" });
  });

  it("denies, dry-runs with a preview, and transforms arguments", async () => {
    expect(value(await propose("shell", { cmd: "rm -rf /tmp/x" }, "d"))).toMatchObject({
      verdict: "deny",
      status: "denied",
      reason: "no deletions",
    });
    const dry = value(await propose("deploy", { env: "prod" }, "dr"));
    expect(dry).toMatchObject({ verdict: "dry_run", status: "dry_run" });
    expect(dry.preview).toEqual({ tool: "deploy", args: { env: "prod" }, executed: false });
    const t = value(await propose("send_report", { to: "someone@evil.example", body: "x" }, "t"));
    expect(t).toMatchObject({ verdict: "transform", status: "executing" });
    expect(t.exec_args).toEqual({ to: "audit@example.com", body: "x" });
    expect(t.args).toEqual({ to: "someone@evil.example", body: "x" });
  });

  it("falls back to on_missing_shadow for irreversible calls without a shadow", async () => {
    const step = value(
      await propose("unknown_tool", {}, "u", { reversible: false, has_shadow: false }),
    );
    expect(step).toMatchObject({ verdict: "approve_required", status: "awaiting_approval" });
    expect(step.matched_rules.at(-1)).toContain("<default:on_missing_shadow>");
  });

  it("lets the platform layer override a permissive tenant policy", async () => {
    await withPolicy(
      "version: 1\ndefaults: { on_no_match: allow }\nrules:\n  - id: all\n    match: { tool: http_fetch }\n    decision: allow\n",
    );
    const step = value(
      await propose("http_fetch", { url: "http://169.254.169.254/latest/meta-data/" }, "m"),
    );
    expect(step).toMatchObject({ verdict: "deny", rule_id: "platform:cloud-metadata" });
  });

  it("reports results once; conflicting or misplaced reports are refused", async () => {
    const step = value(await propose("read_file", { path: "/a" }, "r"));
    const done = value(
      await stub.reportStep(runId, step.step_id, { status: "ok", output: { bytes: 12 } }, AGENT),
    );
    expect(done).toMatchObject({ status: "succeeded", output: { bytes: 12 } });
    expect(
      value(await stub.reportStep(runId, step.step_id, { status: "ok", output: {} }, AGENT)).status,
    ).toBe("succeeded");
    expect(
      await stub.reportStep(runId, step.step_id, { status: "error", output: {} }, AGENT),
    ).toMatchObject({
      ok: false,
      code: "step_already_reported",
    });
    const denied = value(await propose("shell", { cmd: "rm x" }, "dn"));
    expect(
      await stub.reportStep(runId, denied.step_id, { status: "ok", output: {} }, AGENT),
    ).toMatchObject({
      ok: false,
      code: "step_not_executing",
    });
  });

  it("never stores or audits a raw provider key passed in arguments", async () => {
    const key = "sk-ant-api03-" + "A1b2C3d4E5f6G7h8".repeat(6);
    const step = value(await propose("read_file", { path: "/x", token: key }, "s"));
    expect(JSON.stringify(step)).not.toContain(key);
    const dump = await runInDurableObject(stub, (_, state) =>
      JSON.stringify([
        state.storage.sql.exec("SELECT * FROM steps").toArray(),
        state.storage.sql.exec("SELECT * FROM audit_events").toArray(),
      ]),
    );
    expect(dump).not.toContain(key);
    expect(dump).toContain("***");
  });

  it("resumes at the first unfinished step after the object is evicted", async () => {
    const a = value(await propose("read_file", { path: "/1" }, "1"));
    value(await stub.reportStep(runId, a.step_id, { status: "ok", output: null }, AGENT));
    const b = value(await propose("read_file", { path: "/2" }, "2"));
    await evictDurableObject(stub);
    const run = value(await stub.getRun(runId));
    expect(run.resume_at).toBe(2);
    expect(run.steps.map((s) => s.status)).toEqual(["succeeded", "executing"]);
    const replay = value(await propose("read_file", { path: "/2" }, "2"));
    expect(replay).toMatchObject({ step_id: b.step_id, replay: true });
    const c = value(await propose("read_file", { path: "/3" }, "3"));
    expect(c.seq).toBe(3);
  });

  it("refuses new steps on a cancelled run but still answers replays", async () => {
    const a = value(await propose("read_file", { path: "/1" }, "1"));
    value(await stub.cancelRun(runId, ALICE, "done"));
    expect(await propose("read_file", { path: "/9" }, "9")).toMatchObject({
      ok: false,
      code: "run_closed",
    });
    expect(value(await propose("read_file", { path: "/1" }, "1")).step_id).toBe(a.step_id);
  });
});

const clock = useTestClock();

describe("approvals", () => {
  it("approves: the step becomes executable, checkpointed and audited", async () => {
    const step = value(await propose("pay", { amount: 5 }, "p"));
    expect(step).toMatchObject({ verdict: "approve_required", status: "awaiting_approval" });
    const stored = () =>
      runInDurableObject(stub, (_, state) =>
        state.storage.sql
          .exec("SELECT status, exec_args FROM steps WHERE id = ?", step.step_id)
          .one(),
      );
    expect(await stored()).toEqual({ status: "awaiting_approval", exec_args: '{"amount":5}' });
    const pending = value(await stub.listApprovals("pending"));
    expect(pending.map((a) => a.id)).toEqual([step.approval_id]);
    expect(pending[0]).toMatchObject({ approvers: ["owner"], tool: "pay" });

    const viewer = { kind: "user" as const, id: "user-vic", role: "viewer" };
    expect(
      await stub.decideApproval(step.approval_id!, { approve: true, reason: "ok" }, viewer),
    ).toMatchObject({
      ok: false,
      code: "not_an_approver",
    });
    const decided = value(
      await stub.decideApproval(
        step.approval_id!,
        { approve: true, reason: "within budget" },
        ALICE,
      ),
    );
    expect(decided).toMatchObject({
      status: "approved",
      reason: "within budget",
      decided_by: { id: "user-alice" },
    });
    expect(value(await stub.getStep(runId, step.step_id)).status).toBe("executing");
    // The checkpoint: the stored row, executing with the arguments approved.
    expect(await stored()).toEqual({ status: "executing", exec_args: '{"amount":5}' });
    expect(
      await stub.decideApproval(step.approval_id!, { approve: false, reason: "x" }, ALICE),
    ).toMatchObject({
      ok: false,
      code: "approval_closed",
    });
    const { events } = value(await stub.auditEvents(0, 100, { runId }));
    expect(events.map((e) => e.type).slice(-2)).toEqual(["approval.approved", "step.checkpointed"]);
  });

  it("denies with a reason", async () => {
    const step = value(await propose("pay", { amount: 500 }, "p"));
    value(
      await stub.decideApproval(step.approval_id!, { approve: false, reason: "too much" }, ALICE),
    );
    expect(value(await stub.getStep(runId, step.step_id)).status).toBe("denied");
  });

  it("wakes a long-polling agent as soon as a decision is made", async () => {
    const step = value(await propose("pay", { amount: 1 }, "lp"));
    const waiting = stub.getStep(runId, step.step_id, 20_000);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    value(await stub.decideApproval(step.approval_id!, { approve: true, reason: "go" }, ALICE));
    const after = value(await waiting);
    expect(after.status).toBe("executing");
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it("turns an expired approval into a denial, via the alarm", async () => {
    const step = value(await propose("quick_approval", {}, "q"));
    const [alarm, expiresAt] = await runInDurableObject(stub, async (_, state) => [
      await state.storage.getAlarm(),
      state.storage.sql.exec<{ e: number }>("SELECT expires_at AS e FROM approvals").one().e,
    ]);
    expect(alarm).toBe(expiresAt);
    clock.advance(1200);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    // Read storage directly: only the alarm can have expired it (reads would also do so lazily).
    const approvals = await runInDurableObject(stub, (_, state) =>
      state.storage.sql.exec("SELECT status FROM approvals").toArray(),
    );
    expect(approvals).toEqual([{ status: "expired" }]);
    expect(value(await stub.getStep(runId, step.step_id)).status).toBe("denied");
    expect(
      await stub.decideApproval(step.approval_id!, { approve: true, reason: "late" }, ALICE),
    ).toMatchObject({ ok: false, code: "approval_closed" });
  });
});

describe("results of steps the object remembers", () => {
  it("stores nothing for a step whose proposal rolled back with an outer transaction", async () => {
    const stepId = await runInDurableObject(stub, (instance) => {
      const inside = instance as unknown as {
        audit: { atomically<T>(change: () => T): T };
        runs: RunEngine;
      };
      let id = "";
      try {
        inside.audit.atomically(() => {
          const step = inside.runs.propose(
            runId,
            { tool: "read_file", args: { path: "/x" }, declared: {}, idempotency_key: "rb" },
            { actor: AGENT, channel: "agent" },
            Date.now(),
          );
          if (step.ok) id = step.value.step_id;
          throw new Error("roll back");
        });
      } catch {
        // expected: the outer change rolled the proposal back
      }
      return id;
    });
    expect(stepId).toMatch(/^step_/);
    const done = await stub.reportStep(runId, stepId, { status: "ok", output: "x" }, AGENT);
    expect(done).toMatchObject({ ok: false, code: "not_found" });
    const { events } = value(await stub.auditEvents(0, 100, { runId }));
    expect(events.map((e) => e.type)).toEqual(["run.opened"]);
    // The key is free again: the rolled-back step never existed.
    const step = value(await propose("read_file", { path: "/x" }, "rb"));
    expect(step).toMatchObject({ replay: false, seq: 1 });
    expect(
      value(await stub.reportStep(runId, step.step_id, { status: "ok", output: "y" }, AGENT)),
    ).toMatchObject({ status: "succeeded", output: "y" });
  });

  it("moves the idle deadline of a run that has one when a result comes", async () => {
    const idle = value(
      await stub.openRun({ agent: "bot", metadata: {}, idleTimeoutMs: 60_000 }, ALICE),
    ).id;
    const step = value(
      await stub.proposeStep(
        idle,
        { tool: "read_file", args: { path: "/i" }, declared: {}, idempotency_key: "i" },
        AGENT,
        "agent",
      ),
    );
    const deadline = () =>
      runInDurableObject(
        stub,
        (_, state) =>
          state.storage.sql
            .exec<{ d: number }>("SELECT idle_deadline AS d FROM runs WHERE id = ?", idle)
            .one().d,
      );
    await runInDurableObject(stub, (_, state) => {
      state.storage.sql.exec("UPDATE runs SET idle_deadline = 0 WHERE id = ?", idle);
    });
    value(await stub.reportStep(idle, step.step_id, { status: "ok", output: "" }, AGENT));
    expect(await deadline()).toBeGreaterThan(60_000);
  });
});
