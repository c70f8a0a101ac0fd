import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectError, signUp } from "../../../tests/helpers/client";
import { json, newTenant, withToken } from "../../tenancy/tests/helpers";

interface Opened {
  run: { id: string; idle_timeout_seconds: number | null };
  run_token: string;
}

async function openRun(body: object = { agent: "bot" }) {
  const owner = await signUp();
  const tenantId = await newTenant(owner, "Lifecycle");
  const base = `/api/tenants/${tenantId}`;
  const opened = await json<Opened>(
    await call(`${base}/runs`, { body, cookie: owner.cookie }),
    201,
  );
  const runPath = `${base}/runs/${opened.run.id}`;
  const propose = (tool: string, key: string) =>
    withToken(`${runPath}/steps`, opened.run_token, {
      body: { tool, args: { key }, idempotency_key: key },
    });
  const stub = env.TENANT.get(env.TENANT.idFromName(tenantId));
  return { owner, tenantId, base, opened, runPath, propose, stub };
}

describe("cursor-paged steps", () => {
  it("pages a run's steps in seq order and follows next_cursor to the end", async () => {
    const { opened, runPath, propose } = await openRun();
    for (let i = 1; i <= 7; i++) await json(await propose("http_fetch", `k${i}`));
    const seen: number[] = [];
    const cursors: (string | null)[] = [];
    let cursor: string | null = null;
    do {
      const page: { run: { steps: { seq: number }[]; next_cursor: string | null } } = await json(
        await withToken(`${runPath}?limit=3${cursor ? `&cursor=${cursor}` : ""}`, opened.run_token),
      );
      seen.push(...page.run.steps.map((s) => s.seq));
      cursor = page.run.next_cursor;
      cursors.push(cursor);
    } while (cursor !== null);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(cursors).toEqual(["3", "6", null]);

    const first = await json<{ run: { steps: unknown[]; resume_at: number } }>(
      await withToken(runPath, opened.run_token),
    );
    expect(first.run.steps).toHaveLength(7);
    expect(first.run.resume_at).toBe(1);
    await expectError(
      await withToken(`${runPath}?cursor=abc`, opened.run_token),
      400,
      "invalid_request",
    );
    await expectError(
      await withToken(`${runPath}?limit=501`, opened.run_token),
      400,
      "invalid_request",
    );
  });
});

describe("idle timeout", () => {
  it("closes an idle run as completed from the alarm; its run token stops working", async () => {
    const { owner, base, opened, runPath, propose, stub } = await openRun({
      agent: "bot",
      idle_timeout_seconds: 60,
    });
    expect(opened.run.idle_timeout_seconds).toBe(60);
    await json(await propose("http_fetch", "a"));
    const [alarm, deadline] = await runInDurableObject(stub, async (_, state) => [
      await state.storage.getAlarm(),
      state.storage.sql
        .exec<{ d: number }>("SELECT idle_deadline AS d FROM runs WHERE id = ?", opened.run.id)
        .one().d,
    ]);
    expect(deadline).toBeGreaterThan(Date.now() + 55_000);
    expect(alarm).toBeLessThanOrEqual(deadline);

    // A minute passes (the deadline is moved back instead of waiting for it).
    await runInDurableObject(stub, async (_, state) => {
      state.storage.sql.exec(
        "UPDATE runs SET idle_deadline = ? WHERE id = ?",
        Date.now() - 1,
        opened.run.id,
      );
      await state.storage.setAlarm(Date.now());
    });
    await runDurableObjectAlarm(stub);
    const status = await runInDurableObject(stub, (_, state) =>
      state.storage.sql
        .exec("SELECT status, close_reason FROM runs WHERE id = ?", opened.run.id)
        .one(),
    );
    expect(status).toEqual({ status: "completed", close_reason: "idle_timeout" });

    const refused = await expectError(await propose("http_fetch", "b"), 401, "run_token_revoked");
    expect(refused.issues).toEqual([{ path: "cause", message: "run_closed" }]);
    const { run } = await json<{ run: { status: string; close_reason: string } }>(
      await call(runPath, { cookie: owner.cookie }),
    );
    expect(run).toMatchObject({ status: "completed", close_reason: "idle_timeout" });
    const { events } = await json<{ events: { type: string; actor: unknown; data: unknown }[] }>(
      await call(`${base}/audit/events?run=${opened.run.id}&type=run.completed`, {
        cookie: owner.cookie,
      }),
    );
    expect(events).toEqual([
      expect.objectContaining({
        actor: { kind: "system", id: "gatehouse" },
        data: { idle_timeout_seconds: 60, close_reason: "idle_timeout", cancelled_approvals: [] },
      }),
    ]);
  });

  it("keeps a run that waits for an approval open past its idle deadline", async () => {
    const { opened, propose, stub } = await openRun({ agent: "bot", idle_timeout_seconds: 60 });
    const step = await json<{ status: string }>(await propose("send_email", "mail"));
    expect(step.status).toBe("awaiting_approval");
    await runInDurableObject(stub, async (_, state) => {
      state.storage.sql.exec(
        "UPDATE runs SET idle_deadline = ? WHERE id = ?",
        Date.now() - 1,
        opened.run.id,
      );
      await state.storage.setAlarm(Date.now());
    });
    await runDurableObjectAlarm(stub);
    const row = await runInDurableObject(stub, (_, state) =>
      state.storage.sql
        .exec<{ status: string; d: number; e: number }>(
          `SELECT status, idle_deadline AS d, (SELECT expires_at FROM approvals) AS e FROM runs WHERE id = ?`,
          opened.run.id,
        )
        .one(),
    );
    expect(row.status).toBe("open");
    expect(row.d).toBe(row.e + 60_000);
  });
});
