// Exploits 5, 6, 7 and 9: a vault value split across streamed chunks, quoted in a provider's
// error, put in a session title, reported in a remote agent's step result or an approval reason.
// One streaming masker (that holds back whatever could still be completing a secret) and the
// one-shot mask cover every text that leaves the tenant's object, in every encoding.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CANARY_FORMS } from "../helpers/canary-watch";
import { call } from "../helpers/client";
import { anthropicStream } from "../helpers/model-mock";
import {
  approve,
  CANARY,
  pendingApprovals,
  say,
  settle,
  startSession,
  tenantWithVault,
} from "../helpers/sessions";
import { bearer } from "../helpers/tenant";
import {
  everythingReadable,
  expectAttackerGotNothing,
  expectNoCanary,
  json,
  network,
  openStream,
  type Tenant,
} from "./support";

let t: Tenant;
let env: ReturnType<typeof network>;
beforeEach(async () => {
  env = network();
  t = await tenantWithVault();
});
afterEach(() => env.net.restore());

/** `text` cut into pieces at the given offsets. */
const cut = (text: string, at: number[]) =>
  [0, ...at, text.length]
    .slice(0, -1)
    .map((start, i) => text.slice(start, [...at, text.length][i]));

describe("streamed model text (exploit 5)", () => {
  const [plain, b64, , hex] = CANARY_FORMS;
  const cases: [string, string[]][] = [
    ["split across two chunks", cut(`token ${plain} ok`, [6 + 20])],
    ["split across three chunks", cut(`token ${plain} ok`, [6 + 5, 6 + 30])],
    ["one character per chunk", [...`a ${plain} b`]],
    ["base64, split across three chunks", cut(`b64 ${b64}`, [8, 30])],
    ["hex, split across two chunks", cut(`hex ${hex} end`, [40])],
    [
      "URL-encoded in a link, split",
      cut(`https://x.example/?t=${encodeURIComponent(CANARY)}`, [25]),
    ],
  ];
  it.each(cases)("masks a secret %s before the WebSocket", async (_, chunks) => {
    const session = await startSession(t);
    const stream = await openStream(t, session.id);
    env.net.reply(anthropicStream([{ chunks }]));
    await say(t, session.id, "hi");
    expect((await settle(t, session.id)).status).toBe("idle");
    stream.close();
    const deltas = stream.deltas();
    expect(deltas.length).toBeGreaterThan(0);
    expectNoCanary(deltas.join(""), ...stream.frames, await everythingReadable(t, session.id));
    // Nothing was lost: the streamed text is the stored (masked) text.
    const { session: stored } = await json<{
      session: { messages: { role: string; content: string }[] };
    }>(await call(`${t.base}/agent-sessions/${session.id}`, { cookie: t.cookie }));
    expect(deltas.join("")).toBe(stored.messages.at(-1)!.content);
    expect(deltas.join("")).toContain("***");
  });
});

describe("provider errors (exploit 6)", () => {
  it("masks a provider error that quotes the request, in the session, its events and the socket", async () => {
    const session = await startSession(t);
    const stream = await openStream(t, session.id);
    const quoted = `invalid request: {"authorization":"Bearer ${CANARY}","b64":"${btoa(CANARY)}"}`;
    env.net.reply(
      JSON.stringify({ type: "error", error: { type: "invalid_request_error", message: quoted } }),
      400,
      { "content-type": "application/json" },
    );
    await say(t, session.id, "hi");
    const done = await settle(t, session.id);
    stream.close();
    expect(done.status).toBe("error");
    expect(done.error).toContain(`***${CANARY.slice(-4)}`);
    expectNoCanary(JSON.stringify(done), ...stream.frames, await everythingReadable(t, session.id));
  });
});

describe("titles (exploit 7)", () => {
  it("masks a title quoting a vault value in the create answer, the session and the list", async () => {
    await startSession(t); // configures the provider
    const res = await call(`${t.base}/agent-sessions`, {
      body: { provider_id: "anthropic-test", title: `deploy with ${CANARY}` },
      cookie: t.cookie,
    });
    const created = await json<{ session: { id: string; title: string } }>(res, 201);
    expect(created.session.title).toBe(`deploy with ***${CANARY.slice(-4)}`);
    expectNoCanary(JSON.stringify(created), await everythingReadable(t, created.session.id));
  });
});

describe("remote agents' step results and approval reasons (exploit 9)", () => {
  async function agentStep() {
    const { run, run_token } = await json<{ run: { id: string }; run_token: string }>(
      await call(`${t.base}/runs`, { body: { agent: "remote", metadata: {} }, cookie: t.cookie }),
      201,
    );
    const agent = (path: string, body?: unknown) =>
      call(path, { origin: null, headers: bearer(run_token), ...(body ? { body } : {}) });
    const step = await json<{ step_id: string; status: string; approval_id: string | null }>(
      await agent(`${t.base}/runs/${run.id}/steps`, {
        tool: "memory_get",
        args: { key: "k" },
        declared: {},
        idempotency_key: "one",
      }),
    );
    return { run, agent, step };
  }

  it("masks a vault value in a reported result before storing it", async () => {
    const { run, agent, step } = await agentStep();
    expect(step.status).toBe("executing");
    const output = { text: `got ${CANARY}`, nested: [{ b64: btoa(CANARY) }], hex: CANARY_FORMS[3] };
    const reported = await agent(`${t.base}/runs/${run.id}/steps/${step.step_id}/result`, {
      status: "ok",
      output,
    });
    expect(reported.status).toBe(200);
    const trace = await (await agent(`${t.base}/runs/${run.id}`)).text();
    const one = await (await agent(`${t.base}/runs/${run.id}/steps/${step.step_id}`)).text();
    expect(one).toContain(`got ***${CANARY.slice(-4)}`);
    const audit = await (await call(`${t.base}/audit/export`, { cookie: t.cookie })).text();
    expectNoCanary(await reported.text(), trace, one, audit);
  });

  it("masks a vault value in an approval reason", async () => {
    const session = await startSession(t);
    env.net.reply(
      anthropicStream([
        {
          tool: {
            id: "toolu_m",
            name: "send_email",
            input: { to: "a@example.com", subject: "hi", text: "hello" },
          },
        },
      ]),
    );
    env.net.reply(anthropicStream([{ text: "sent" }]));
    await say(t, session.id, "email a");
    await settle(t, session.id);
    const [pending] = await pendingApprovals(t);
    await approve(t, pending!.id, `ok, the key is ${CANARY}`);
    await settle(t, session.id);
    expectNoCanary(await everythingReadable(t, session.id));
    expectAttackerGotNothing(env.attacker.seen);
  });
});
