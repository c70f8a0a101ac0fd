import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeEach, expect, it } from "vitest";
import { anthropicStream, mockOutbound } from "../../../tests/helpers/model-mock";
import {
  approve,
  eventsOf,
  json,
  pendingApprovals,
  say,
  settle,
  startSession,
  stubOf,
  tenantWithVault,
  type Status,
} from "../../../tests/helpers/sessions";
import { call } from "../../../tests/helpers/client";

// The limits of the loop, as documented in docs/architecture.md ("Agent-session lifecycle").
const TURN_LIMIT = 20;
const RETRY_LIMIT = 5;

let t: Awaited<ReturnType<typeof tenantWithVault>>;
let net: ReturnType<typeof mockOutbound>;
beforeEach(async () => {
  net = mockOutbound();
  t = await tenantWithVault();
});
afterEach(() => net.restore());

let callNo = 0;
/** A model turn that asks for one more (allowed, side-effect free) tool call. */
const oneMoreToolCall = () =>
  anthropicStream([
    { tool: { id: `toolu_${++callNo}`, name: "memory_get", input: { key: "notes" } } },
  ]);
const serverError = () =>
  net.reply(JSON.stringify({ type: "error", error: { type: "api_error", message: "oops" } }), 500, {
    "content-type": "application/json",
  });

type Counters = { status: string; turns: number; retries: number; retry_at: number | null };
const storedCounters = (sessionId: string) =>
  runInDurableObject(stubOf(t.tenantId), (_, state) =>
    state.storage.sql
      .exec<Counters>(
        "SELECT status, turns, retries, retry_at FROM agent_sessions WHERE id = ?",
        sessionId,
      )
      .one(),
  );

async function statusOf(sessionId: string) {
  const { session } = await json<{ session: { status: Status; error: string | null } }>(
    await call(`${t.base}/agent-sessions/${sessionId}`, { cookie: t.cookie }),
  );
  return session;
}

it(
  "keeps counting turns across an eviction: the limit is per user message, not per instance",
  { timeout: 30_000 },
  async () => {
    const session = await startSession(t);
    // Ten tool-call turns, then an email that waits for a person: the loop pauses at turn 11.
    for (let i = 0; i < 10; i++) net.reply(oneMoreToolCall());
    net.reply(
      anthropicStream([
        {
          tool: {
            id: "toolu_mail",
            name: "send_email",
            input: { to: "ops@example.com", subject: "Status", text: "still going" },
          },
        },
      ]),
    );
    await say(t, session.id, "keep going until you are done");
    expect((await settle(t, session.id)).status).toBe("waiting_approval");
    expect(net.modelRequests()).toHaveLength(11);
    expect(await storedCounters(session.id)).toMatchObject({
      status: "waiting_approval",
      turns: 11,
    });

    await evictDurableObject(stubOf(t.tenantId));
    // A model that never finishes: only the turns left of this message's budget may be used.
    for (let i = 0; i < 2 * TURN_LIMIT; i++) net.reply(oneMoreToolCall());
    const [approval] = await pendingApprovals(t);
    await approve(t, approval!.id, "fine");
    const done = await settle(t, session.id);
    expect(done.status).toBe("error");
    expect(done.error).toBe(`stopped after ${TURN_LIMIT} model calls without finishing`);
    expect(net.modelRequests()).toHaveLength(TURN_LIMIT);

    // The next message starts a fresh budget: the never-finishing model gets exactly one more.
    expect((await say(t, session.id, "try once more")).status).toBe(202);
    expect((await settle(t, session.id)).status).toBe("error");
    expect(net.modelRequests()).toHaveLength(2 * TURN_LIMIT);
  },
);

it(
  "keeps the retry backoff across evictions and gives up after the last retry",
  { timeout: 30_000 },
  async () => {
    const session = await startSession(t);
    for (let i = 0; i <= RETRY_LIMIT; i++) serverError();
    // Reached only if the retry count were forgotten.
    net.reply(anthropicStream([{ text: "hello" }]));
    await say(t, session.id, "hi");

    const retries: number[] = [];
    for (let attempt = 1; attempt <= RETRY_LIMIT + 1; attempt++) {
      const stored = await driveUntil(
        session.id,
        (s) => s.status !== "running" || s.retries >= attempt,
      );
      if (stored.status !== "running") break;
      retries.push(stored.retries);
      // No sleeping through the backoff, and a fresh instance for every attempt.
      await runInDurableObject(stubOf(t.tenantId), (_, state) => {
        state.storage.sql.exec("UPDATE agent_sessions SET retry_at = ?", Date.now() - 1);
      });
      await evictDurableObject(stubOf(t.tenantId));
    }
    expect(retries).toEqual([1, 2, 3, 4, 5]);
    const waits = (await eventsOf(t, session.id))
      .filter((e) => e.type === "model_error" && typeof e.retry_at === "string")
      .map((e) =>
        Math.round((Date.parse(e.retry_at as string) - Date.parse(e.at as string)) / 1000),
      );
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    const done = await statusOf(session.id);
    expect(done.status).toBe("error");
    expect(done.error).toMatch(/^model call failed: /);
    expect(net.modelRequests()).toHaveLength(RETRY_LIMIT + 1);
    expect(await storedCounters(session.id)).toMatchObject({ retries: 0, retry_at: null });
  },
);

/** Runs the tenant's alarm until the stored counters satisfy `done`. */
async function driveUntil(sessionId: string, done: (c: Counters) => boolean) {
  for (let i = 0; i < 50; i++) {
    const stored = await storedCounters(sessionId);
    if (done(stored)) return stored;
    await runDurableObjectAlarm(stubOf(t.tenantId));
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("the session did not get there");
}
