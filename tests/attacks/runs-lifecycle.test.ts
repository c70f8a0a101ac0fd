import { describe, expect, it } from "vitest";
import { call, expectError, signUp } from "../helpers/client";
import { addMember, createToken, json, newTenant, withToken } from "../../capabilities/tenancy/tests/helpers";

/**
 * Issue 14: runs that end and can be recovered — an idempotent POST …/runs, run-token re-issue
 * and POST …/runs/{r}/complete — attacked from outside: another member re-issuing someone's
 * token, another tenant completing a run, idempotency keys replayed across creators and
 * tenants, and run tokens used after a re-issue or after completion.
 */
interface Opened {
  run: { id: string; status: string };
  run_token: string;
  replayed: boolean;
}

const open = (tenantId: string, cookie: string, key: string, body: object = { agent: "a" }) =>
  call(`/api/tenants/${tenantId}/runs`, { body, cookie, headers: { "idempotency-key": key } });

const propose = (tenantId: string, opened: Opened, key: string) =>
  withToken(`/api/tenants/${tenantId}/runs/${opened.run.id}/steps`, opened.run_token, {
    body: { tool: "http_fetch", args: { url: "https://example.com/" }, idempotency_key: key },
  });

async function setUp() {
  const owner = await signUp();
  const tenantId = await newTenant(owner, "Runs");
  const alice = await signUp();
  const bob = await signUp();
  await addMember(tenantId, alice, "operator");
  await addMember(tenantId, bob, "operator");
  return { owner, tenantId, alice, bob };
}

describe("attack: run idempotency keys", () => {
  it("replays a key only for the creator who used it, never across creators or tenants", async () => {
    const { tenantId, alice, bob, owner } = await setUp();
    const first = await json<Opened>(await open(tenantId, alice.cookie, "run-1"), 201);
    const again = await json<Opened>(await open(tenantId, alice.cookie, "run-1"), 200);
    expect(again).toMatchObject({ replayed: true, run: { id: first.run.id } });
    // The replayed answer carries a working token for the same run.
    expect((await json<{ status: string }>(await propose(tenantId, again, "s1"))).status).toBe(
      "executing",
    );

    // Bob, in the same tenant, using Alice's key gets a run of his own, not Alice's.
    const bobs = await json<Opened>(await open(tenantId, bob.cookie, "run-1"), 201);
    expect(bobs.run.id).not.toBe(first.run.id);
    expect(bobs.replayed).toBe(false);

    // An API token of Alice's is another creator too.
    const token = await createToken(owner.cookie, tenantId, "operator");
    const viaToken = await json<Opened>(
      await withToken(`/api/tenants/${tenantId}/runs`, token.token, {
        body: { agent: "a" },
        headers: { "idempotency-key": "run-1" },
      }),
      201,
    );
    expect([first.run.id, bobs.run.id]).not.toContain(viaToken.run.id);

    // Alice in a tenant of her own: the key opens a new run there.
    const elsewhere = await newTenant(alice, "Alice's own");
    const hers = await json<Opened>(await open(elsewhere, alice.cookie, "run-1"), 201);
    expect(hers.run.id).not.toBe(first.run.id);
    const stolen = await propose(elsewhere, { ...hers, run: first.run }, "x");
    expect(stolen.status).toBe(404);
  });

  it("refuses the same key with another body (422) and writes nothing", async () => {
    const { tenantId, alice, owner } = await setUp();
    const first = await json<Opened>(await open(tenantId, alice.cookie, "k"), 201);
    await expectError(
      await open(tenantId, alice.cookie, "k", { agent: "b" }),
      422,
      "idempotency_key_reused",
    );
    await expectError(
      await open(tenantId, alice.cookie, "k", { agent: "a", token_ttl_seconds: 600 }),
      422,
      "idempotency_key_reused",
    );
    const { runs } = await json<{ runs: { id: string }[] }>(
      await call(`/api/tenants/${tenantId}/runs`, { cookie: owner.cookie }),
    );
    expect(runs.map((r) => r.id)).toEqual([first.run.id]);
    await expectError(
      await call(`/api/tenants/${tenantId}/runs`, {
        body: { agent: "a" },
        cookie: alice.cookie,
        headers: { "idempotency-key": "spaces are not allowed" },
      }),
      400,
      "invalid_request",
    );
  });
});

describe("attack: run token re-issue", () => {
  it("lets only the run's creator re-issue its token, and the old token stops working", async () => {
    const { tenantId, alice, bob, owner } = await setUp();
    const opened = await json<Opened>(await open(tenantId, alice.cookie, "r"), 201);
    const path = `/api/tenants/${tenantId}/runs/${opened.run.id}/token`;

    // Another member, even the owner, cannot mint a token for Alice's run.
    await expectError(await call(path, { body: {}, cookie: bob.cookie }), 403, "not_run_creator");
    await expectError(await call(path, { body: {}, cookie: owner.cookie }), 403, "not_run_creator");
    // Nor can the run token renew itself.
    await expectError(await withToken(path, opened.run_token, { body: {} }), 403, "forbidden");
    // Nor another tenant's owner.
    const stranger = await signUp();
    const theirs = await newTenant(stranger, "Other");
    await expectError(
      await call(`/api/tenants/${theirs}/runs/${opened.run.id}/token`, {
        body: {},
        cookie: stranger.cookie,
      }),
      404,
      "not_found",
    );

    // The old token still works until Alice re-issues.
    expect((await json<{ status: string }>(await propose(tenantId, opened, "1"))).status).toBe(
      "executing",
    );
    const fresh = await json<{ run_token: string }>(
      await call(path, { body: { token_ttl_seconds: 600 }, cookie: alice.cookie }),
    );
    const old = await expectError(await propose(tenantId, opened, "2"), 401, "run_token_revoked");
    expect(old.issues).toEqual([{ path: "cause", message: "token_reissued" }]);
    const renewed = { ...opened, run_token: fresh.run_token };
    expect((await json<{ status: string }>(await propose(tenantId, renewed, "2"))).status).toBe(
      "executing",
    );

    const { events } = await json<{ events: { type: string; actor: { id: string } }[] }>(
      await call(`/api/tenants/${tenantId}/audit/events?run=${opened.run.id}`, {
        cookie: owner.cookie,
      }),
    );
    const reissued = events.filter((e) => e.type === "run.token_reissued");
    expect(reissued.map((e) => e.actor.id)).toEqual([alice.user.id]);
  });
});

describe("attack: completing runs", () => {
  it("keeps another tenant from completing a run, and refuses the run token once completed", async () => {
    const { tenantId, alice, owner } = await setUp();
    const opened = await json<Opened>(await open(tenantId, alice.cookie, "c"), 201);
    const complete = `/api/tenants/${tenantId}/runs/${opened.run.id}/complete`;

    const stranger = await signUp();
    const theirs = await newTenant(stranger, "Other");
    await expectError(
      await call(`/api/tenants/${theirs}/runs/${opened.run.id}/complete`, {
        body: {},
        cookie: stranger.cookie,
      }),
      404,
      "not_found",
    );
    await expectError(
      await call(complete, { body: {}, cookie: stranger.cookie }),
      404,
      "not_found",
    );
    // A run token of another tenant's run is refused on this one.
    const strangerRun = await json<Opened>(await open(theirs, stranger.cookie, "c"), 201);
    await expectError(
      await withToken(complete, strangerRun.run_token, { body: {} }),
      404,
      "not_found",
    );

    // A step handed out and not reported holds the run open.
    const step = await json<{ step_id: string }>(await propose(tenantId, opened, "1"));
    const busy = await expectError(
      await withToken(complete, opened.run_token, { body: {} }),
      409,
      "steps_in_flight",
    );
    expect(busy.issues).toEqual([{ path: "steps.1", message: "executing" }]);
    await json(
      await withToken(
        `/api/tenants/${tenantId}/runs/${opened.run.id}/steps/${step.step_id}/result`,
        opened.run_token,
        { body: { status: "ok", output: "done" } },
      ),
    );
    const done = await json<{ run: { status: string; close_reason: string } }>(
      await withToken(complete, opened.run_token, { body: { reason: "finished" } }),
    );
    expect(done.run).toMatchObject({ status: "completed", close_reason: "completed" });

    // After completion the run token is worthless: no steps, no reads, no second completion.
    const after = await expectError(await propose(tenantId, opened, "2"), 401, "run_token_revoked");
    expect(after.issues).toEqual([{ path: "cause", message: "run_closed" }]);
    await expectError(
      await withToken(`/api/tenants/${tenantId}/runs/${opened.run.id}`, opened.run_token),
      401,
      "run_token_revoked",
    );
    await expectError(
      await withToken(complete, opened.run_token, { body: {} }),
      401,
      "run_token_revoked",
    );
    // Nor can the creator bring it back with a re-issued token.
    await expectError(
      await call(`/api/tenants/${tenantId}/runs/${opened.run.id}/token`, {
        body: {},
        cookie: alice.cookie,
      }),
      409,
      "run_closed",
    );
    const { events } = await json<{ events: { type: string; data: Record<string, unknown> }[] }>(
      await call(`/api/tenants/${tenantId}/audit/events?run=${opened.run.id}&type=run.completed`, {
        cookie: owner.cookie,
      }),
    );
    expect(events.map((e) => e.data)).toEqual([
      { reason: "finished", close_reason: "completed", cancelled_approvals: [] },
    ]);
  });
});
