import { describe, expect, it } from "vitest";
import { call, expectError, signUp } from "../helpers/client";
import { stubOf } from "../helpers/sessions";
import {
  addMember,
  createToken,
  json,
  newTenant,
  withToken,
} from "../../capabilities/tenancy/tests/helpers";
import type { Person } from "../../capabilities/tenancy/tests/helpers";

/**
 * Issue 10, holes 3 and 4: a run token outliving the authority that opened it (the member
 * removed, demoted to viewer, or the API token revoked) and a deleted tenant's run token.
 */
interface OpenedRun {
  run: { id: string };
  run_token: string;
}

const propose = (tenantId: string, opened: OpenedRun, key: string) =>
  withToken(`/api/tenants/${tenantId}/runs/${opened.run.id}/steps`, opened.run_token, {
    body: { tool: "http_fetch", args: { url: "https://example.com/" }, idempotency_key: key },
  });

async function expectExecuting(tenantId: string, opened: OpenedRun, key: string) {
  const step = await json<{ status: string }>(await propose(tenantId, opened, key));
  expect(step.status).toBe("executing");
}

async function revocationEvents(tenantId: string, owner: Person, runId: string) {
  const { events } = await json<{ events: { type: string; data: Record<string, unknown> }[] }>(
    await call(`/api/tenants/${tenantId}/audit/events?run_id=${runId}`, { cookie: owner.cookie }),
  );
  return events.filter((e) => e.type === "run.token_revoked").map((e) => e.data.cause);
}

async function setUp() {
  const owner = await signUp();
  const tenantId = await newTenant(owner, "Runs");
  const operator = await signUp();
  await addMember(tenantId, operator, "operator");
  return { owner, tenantId, operator };
}

describe("attack: run tokens outliving their authority", () => {
  it("stops the run token of a member who was removed", async () => {
    const { owner, tenantId, operator } = await setUp();
    const opened = await json<OpenedRun>(
      await call(`/api/tenants/${tenantId}/runs`, {
        body: { agent: "a" },
        cookie: operator.cookie,
      }),
      201,
    );
    await expectExecuting(tenantId, opened, "1");
    await json(
      await call(`/api/tenants/${tenantId}/members/${operator.user.id}`, {
        method: "DELETE",
        cookie: owner.cookie,
      }),
    );
    const error = await expectError(await propose(tenantId, opened, "2"), 401, "run_token_revoked");
    expect(error.issues).toEqual([{ path: "cause", message: "member_removed" }]);
    await expectError(
      await withToken(`/api/tenants/${tenantId}/runs/${opened.run.id}`, opened.run_token),
      401,
      "run_token_revoked",
    );
    expect(await revocationEvents(tenantId, owner, opened.run.id)).toEqual(["member_removed"]);
  });

  it("stops the run token of a member demoted to viewer", async () => {
    const { owner, tenantId, operator } = await setUp();
    const opened = await json<OpenedRun>(
      await call(`/api/tenants/${tenantId}/runs`, {
        body: { agent: "a" },
        cookie: operator.cookie,
      }),
      201,
    );
    await expectExecuting(tenantId, opened, "1");
    await json(
      await call(`/api/tenants/${tenantId}/members/${operator.user.id}`, {
        method: "PATCH",
        body: { role: "viewer" },
        cookie: owner.cookie,
      }),
    );
    const error = await expectError(await propose(tenantId, opened, "2"), 401, "run_token_revoked");
    expect(error.issues).toEqual([{ path: "cause", message: "role_too_low" }]);
    // Restoring the role later does not revive a token that was stopped.
    await json(
      await call(`/api/tenants/${tenantId}/members/${operator.user.id}`, {
        method: "PATCH",
        body: { role: "operator" },
        cookie: owner.cookie,
      }),
    );
    await expectError(await propose(tenantId, opened, "3"), 401, "run_token_revoked");
    expect(await revocationEvents(tenantId, owner, opened.run.id)).toEqual(["role_too_low"]);
  });

  it("stops the run token opened with an API token that was revoked", async () => {
    const { owner, tenantId } = await setUp();
    const api = await createToken(owner.cookie, tenantId, "operator");
    const opened = await json<OpenedRun>(
      await withToken(`/api/tenants/${tenantId}/runs`, api.token, { body: { agent: "ci" } }),
      201,
    );
    await expectExecuting(tenantId, opened, "1");
    await json(
      await call(`/api/tenants/${tenantId}/tokens/${api.api_token.id}`, {
        method: "DELETE",
        cookie: owner.cookie,
      }),
    );
    const error = await expectError(await propose(tenantId, opened, "2"), 401, "run_token_revoked");
    expect(error.issues).toEqual([{ path: "cause", message: "token_revoked" }]);
    expect(await revocationEvents(tenantId, owner, opened.run.id)).toEqual(["token_revoked"]);
  });

  it("answers 410 (never 5xx) to a deleted tenant's run token, on every run route", async () => {
    const { owner, tenantId } = await setUp();
    const opened = await json<OpenedRun>(
      await call(`/api/tenants/${tenantId}/runs`, { body: { agent: "a" }, cookie: owner.cookie }),
      201,
    );
    const step = await json<{ step_id: string }>(await propose(tenantId, opened, "1"));
    await json(await call(`/api/tenants/${tenantId}`, { method: "DELETE", cookie: owner.cookie }));

    const base = `/api/tenants/${tenantId}/runs/${opened.run.id}`;
    for (const [path, body] of [
      [`${base}/steps`, { tool: "t", args: {}, idempotency_key: "2" }],
      [base, undefined],
      [`${base}/steps/${step.step_id}`, undefined],
      [`${base}/steps/${step.step_id}/result`, { status: "ok", output: null }],
      [`${base}/cancel`, {}],
    ] as const) {
      await expectError(await withToken(path, opened.run_token, { body }), 410, "tenant_deleted");
    }
    // The object itself: every call answers 410, none throws.
    const stub = stubOf(tenantId);
    expect(await stub.listRuns({ limit: 1 })).toMatchObject({ ok: false, code: "tenant_deleted" });
    expect(await stub.auditHead()).toMatchObject({ ok: false, code: "tenant_deleted" });
  });
});
