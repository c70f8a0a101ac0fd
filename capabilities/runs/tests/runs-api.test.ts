import { beforeEach, describe, expect, it } from "vitest";
import { call, expectError } from "../../../tests/helpers/client";
import { bearer, memberOf, ownerWithTenant } from "../../../tests/helpers/tenant";
import { POLICY } from "../../../tests/helpers/tenant-do";

type Owner = Awaited<ReturnType<typeof ownerWithTenant>>;
let owner: Owner;
let base: string;

async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function activate(source: string) {
  const { policy } = await json<{ policy: { version: number } }>(
    await call(`${base}/policies`, { body: { source }, cookie: owner.cookie }),
    201,
  );
  await json(
    await call(`${base}/policies/${policy.version}/activate`, {
      method: "POST",
      cookie: owner.cookie,
    }),
  );
  return policy.version;
}

async function openRun() {
  return json<{ run: { id: string }; run_token: string }>(
    await call(`${base}/runs`, {
      body: { agent: "ci-bot", metadata: { environment: "prod" } },
      cookie: owner.cookie,
    }),
    201,
  );
}

/** An agent elsewhere: no cookie, no Origin, only its run token. */
const agent = (token: string, path: string, body?: unknown) =>
  call(path, { origin: null, headers: bearer(token), ...(body === undefined ? {} : { body }) });

beforeEach(async () => {
  owner = await ownerWithTenant();
  base = `/api/tenants/${owner.tenantId}`;
  await activate(POLICY);
});

describe("policies over HTTP", () => {
  it("refuses a policy with lint errors, with line:column issues, and lists versions", async () => {
    const bad = await call(`${base}/policies`, {
      body: {
        source: "version: 1\nrules:\n  - id: a\n    match: { tool: x }\n    decision: sometimes\n",
      },
      cookie: owner.cookie,
    });
    const error = await expectError(bad, 400, "policy_invalid");
    expect(error.issues[0]).toMatchObject({ path: "5:15" });
    const { policies } = await json<{ policies: { version: number; active: boolean }[] }>(
      await call(`${base}/policies`, { cookie: owner.cookie }),
    );
    expect(policies.map((p) => [p.version, p.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    const one = await json<{ policy: { source: string } }>(
      await call(`${base}/policies/2`, { cookie: owner.cookie }),
    );
    expect(one.policy.source).toBe(POLICY);
  });
});

describe("a remote agent with a run token", () => {
  it("proposes, gets verdicts, reports results and reads its trace", async () => {
    const { run, run_token } = await openRun();
    const allowed = await json<{ step_id: string; verdict: string; status: string }>(
      await agent(run_token, `${base}/runs/${run.id}/steps`, {
        tool: "read_file",
        args: { path: "/srv/a" },
        idempotency_key: "1",
      }),
    );
    expect(allowed).toMatchObject({ verdict: "allow", status: "executing" });
    const replay = await json<{ step_id: string; replay: boolean }>(
      await agent(run_token, `${base}/runs/${run.id}/steps`, {
        tool: "read_file",
        args: { path: "/srv/a" },
        idempotency_key: "1",
      }),
    );
    expect(replay).toMatchObject({ step_id: allowed.step_id, replay: true });
    const done = await json<{ status: string }>(
      await agent(run_token, `${base}/runs/${run.id}/steps/${allowed.step_id}/result`, {
        status: "ok",
        output: { lines: 3 },
      }),
    );
    expect(done.status).toBe("succeeded");
    const denied = await json<{ verdict: string; reason: string }>(
      await agent(run_token, `${base}/runs/${run.id}/steps`, {
        tool: "shell",
        args: { cmd: "rm -rf /" },
        idempotency_key: "2",
      }),
    );
    expect(denied).toMatchObject({ verdict: "deny", reason: "no deletions" });
    const trace = await json<{
      run: { steps: { status: string; created_by?: unknown }[]; resume_at: number | null };
    }>(await agent(run_token, `${base}/runs/${run.id}`));
    expect(trace.run.steps.map((s) => s.status)).toEqual(["succeeded", "denied"]);
    expect(trace.run.resume_at).toBeNull();
  });

  it("is refused on other runs, other tenants and tenant-wide routes, and when altered", async () => {
    const a = await openRun();
    const b = await openRun();
    await expectError(
      await agent(a.run_token, `${base}/runs/${b.run.id}/steps`, {
        tool: "read_file",
        args: {},
        idempotency_key: "x",
      }),
      404,
      "not_found",
    );
    const other = await ownerWithTenant();
    await expectError(
      await agent(a.run_token, `/api/tenants/${other.tenantId}/runs/${a.run.id}`),
      404,
      "not_found",
    );
    await expectError(await agent(a.run_token, `${base}/approvals`), 401, "unauthenticated");
    await expectError(await agent(a.run_token, `${base}/runs`), 401, "unauthenticated");
    const tampered = a.run_token.slice(0, -3) + (a.run_token.endsWith("AAA") ? "BBB" : "AAA");
    await expectError(await agent(tampered, `${base}/runs/${a.run.id}`), 401, "invalid_token");
  });

  it("waits for a person's approval by long-polling, then executes", async () => {
    const { run, run_token } = await openRun();
    const step = await json<{ step_id: string; approval_id: string; status: string }>(
      await agent(run_token, `${base}/runs/${run.id}/steps`, {
        tool: "pay",
        args: { amount: 20 },
        idempotency_key: "p",
      }),
    );
    expect(step.status).toBe("awaiting_approval");
    const poll = agent(run_token, `${base}/runs/${run.id}/steps/${step.step_id}?wait=10`);
    const { approvals } = await json<{ approvals: { id: string }[] }>(
      await call(`${base}/approvals`, { cookie: owner.cookie }),
    );
    expect(approvals.map((a) => a.id)).toEqual([step.approval_id]);
    await json(
      await call(`${base}/approvals/${step.approval_id}/decision`, {
        body: { decision: "approve", reason: "expected spend" },
        cookie: owner.cookie,
      }),
    );
    expect((await json<{ status: string }>(await poll)).status).toBe("executing");
  });

  it("decides through a signed one-time approval link", async () => {
    const { run, run_token } = await openRun();
    const step = await json<{ approval_id: string; step_id: string }>(
      await agent(run_token, `${base}/runs/${run.id}/steps`, {
        tool: "pay",
        args: { amount: 7 },
        idempotency_key: "l",
      }),
    );
    const { url } = await json<{ url: string }>(
      await call(`${base}/approvals/${step.approval_id}/link`, {
        method: "POST",
        cookie: owner.cookie,
      }),
    );
    const path = url.replace("http://localhost:8787", "");
    const pageRes = await call(path);
    expect(pageRes.status).toBe(200);
    expect(await pageRes.text()).toContain("<strong>pay</strong>");
    const token = new URL(url).searchParams.get("token")!;
    const form = (decision: string) =>
      call("/auth/approval", {
        method: "POST",
        rawBody: new URLSearchParams({ token, decision, reason: "from my phone" }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    const decided = await form("deny");
    expect(decided.status).toBe(200);
    expect(await decided.text()).toContain("Denied");
    const again = await form("approve");
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("already denied");
    const after = await json<{ status: string }>(
      await agent(run_token, `${base}/runs/${run.id}/steps/${step.step_id}`),
    );
    expect(after.status).toBe("denied");
  });
});

describe("roles and tenants", () => {
  it("lets a viewer read runs but not open them or decide approvals", async () => {
    const viewer = await memberOf(owner.tenantId, "viewer");
    const { run } = await openRun();
    expect((await call(`${base}/runs/${run.id}`, { cookie: viewer.cookie })).status).toBe(200);
    await expectError(
      await call(`${base}/runs`, { body: { agent: "x" }, cookie: viewer.cookie }),
      403,
      "forbidden",
    );
    await expectError(
      await call(`${base}/policies`, { body: { source: POLICY }, cookie: viewer.cookie }),
      403,
      "forbidden",
    );
    await expectError(
      await call(`${base}/audit/events`, { cookie: viewer.cookie }),
      403,
      "forbidden",
    );
  });

  it("hides one tenant's runs, policies, approvals and audit from another tenant's members", async () => {
    const stranger = await ownerWithTenant();
    const { run } = await openRun();
    for (const path of [
      `${base}/runs`,
      `${base}/runs/${run.id}`,
      `${base}/policies`,
      `${base}/approvals`,
      `${base}/audit/events`,
      `${base}/audit/export`,
    ]) {
      await expectError(await call(path, { cookie: stranger.cookie }), 404, "not_found");
    }
    await expectError(
      await call(`${base}/runs/${run.id}/cancel`, { body: {}, cookie: stranger.cookie }),
      404,
      "not_found",
    );
  });

  it("validates ids and bodies with 400s", async () => {
    const { run } = await openRun();
    await expectError(
      await call(`${base}/runs/not-a-run`, { cookie: owner.cookie }),
      400,
      "invalid_request",
    );
    await expectError(
      await call(`${base}/runs/${run.id}/steps`, { body: { args: {} }, cookie: owner.cookie }),
      400,
      "invalid_request",
    );
    await expectError(
      await call(`${base}/runs/${run.id}/steps`, {
        body: { tool: "x", idempotency_key: "k", extra: 1 },
        cookie: owner.cookie,
      }),
      400,
      "invalid_request",
    );
    await expectError(
      await call(`${base}/policies/0`, { cookie: owner.cookie }),
      400,
      "invalid_request",
    );
  });
});
