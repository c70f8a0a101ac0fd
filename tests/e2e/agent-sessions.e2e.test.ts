// Hosted agent sessions in the console, in a real Chromium at phone size, against the product
// and a scripted Anthropic stand-in on a loopback port: start a session with a vault key, see
// the answer stream in, tool calls with their verdicts, a pasted key refused, an anomaly, an
// approval decided inline, and the polling fallback when the live socket fails. First, the
// screens' browser-independent logic (event parsing, the transcript fold, the event stream).
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { ApiError } from "../../web/src/api";
import { EVENTS_PAGE_SIZE, eventsSocketUrl, sessionsApi } from "../../web/src/sessions-api";
import { parseStreamItem } from "../../web/src/agent-session-events";
import type { SessionEvent } from "../../web/src/agent-session-events";
import {
  backoffDelay,
  openEventStream,
  POLL_MS,
} from "../../web/src/screens/agent-sessions/event-stream";
import type { SocketLike, StreamMode } from "../../web/src/screens/agent-sessions/event-stream";
import { baseUrlProblem, suggestKey } from "../../web/src/screens/agent-sessions/new-session";
import {
  applyDelta,
  applyEvent,
  applyEvents,
  awaitingApproval,
  emptyTranscript,
  isBusy,
  pendingRetry,
} from "../../web/src/screens/agent-sessions/transcript";
import type { Transcript, TranscriptItem } from "../../web/src/screens/agent-sessions/transcript";
import { launchChromium, newPhoneContext, watchForPageProblems } from "./support/browser";
import { checkScreen } from "./support/layout";
import { gate, startMockAnthropic } from "./support/mock-model";
import type { MockModel } from "./support/mock-model";
import { outboxIds, waitForMail } from "./support/outbox";
import { signInSkippingPasskey } from "./support/sign-in";

// ── the screens' logic ────────────────────────────────────────────────────────────────────

const AT = "2025-01-01T00:00:00.000Z";
let seq = 0;
const ev = (e: Record<string, unknown> & { type: string }): SessionEvent =>
  ({ seq: ++seq, at: AT, ...e }) as SessionEvent;

const toolCall = (stepId: string, tool: string, verdict = "allow") =>
  ev({
    type: "tool_call",
    step_id: stepId,
    tool,
    args: { k: stepId },
    verdict,
    rule_id: "r",
    reason: "why",
  });

const cards = (t: Transcript) => t.items.flatMap((i) => (i.kind === "tool" ? [i.card] : []));

describe("session events from the server", () => {
  it("accepts every stored event type and the streamed delta, checked field by field", () => {
    const valid: Record<string, unknown>[] = [
      { type: "user_message", content: "hi" },
      { type: "model_message", text: "", tool_calls: [], stop_reason: "end_turn" },
      {
        type: "tool_call",
        step_id: "s",
        tool: "t",
        args: {},
        verdict: "allow",
        rule_id: null,
        reason: "",
      },
      { type: "approval_needed", step_id: "s", approval_id: "a", tool: "t" },
      { type: "tool_result", tool: "t", is_error: false, summary: "ok" },
      { type: "warning", step_id: "s", message: "m" },
      { type: "anomaly", kind: "egress_burst", detail: "d" },
      { type: "model_error", kind: "network", message: "m", retry_at: AT },
      { type: "status", status: "waiting_approval" },
    ];
    for (const [i, e] of valid.entries()) {
      const raw = JSON.stringify({ seq: i + 1, at: AT, ...e });
      expect(parseStreamItem(raw), String(e.type)).toEqual({ seq: i + 1, at: AT, ...e });
    }
    expect(parseStreamItem('{"type":"model_delta","text":"Hel"}')).toEqual({
      type: "model_delta",
      text: "Hel",
    });
  });

  it("drops what is not an event: pong, bad JSON, unknown types, missing or mistyped fields", () => {
    const bad: unknown[] = [
      "pong",
      "{not json",
      JSON.stringify({ seq: 1, at: AT, type: "future_thing", x: 1 }),
      JSON.stringify({ seq: 0, at: AT, type: "user_message", content: "x" }),
      JSON.stringify({ seq: 1.5, at: AT, type: "user_message", content: "x" }),
      JSON.stringify({ at: AT, type: "user_message", content: "x" }),
      JSON.stringify({ seq: 1, type: "user_message", content: "x" }),
      JSON.stringify({ seq: 1, at: AT, type: "user_message", content: 5 }),
      JSON.stringify({
        seq: 1,
        at: AT,
        type: "tool_result",
        tool: "t",
        is_error: "no",
        summary: "",
      }),
      JSON.stringify({ seq: 1, at: AT, type: "status", status: "sleeping" }),
      JSON.stringify({ type: "model_delta" }),
      JSON.stringify([1, 2]),
      null,
    ];
    for (const raw of bad) expect(parseStreamItem(raw), String(raw)).toBeNull();
  });

  it("builds the socket address on the console's origin, ws for http and wss for https", () => {
    expect(eventsSocketUrl("http://localhost:8787", "t 1", "ses_x", 7)).toBe(
      "ws://localhost:8787/api/tenants/t%201/agent-sessions/ses_x/events?after=7",
    );
    expect(eventsSocketUrl("https://gh.example.com", "t", "s", 0)).toBe(
      "wss://gh.example.com/api/tenants/t/agent-sessions/s/events?after=0",
    );
  });
});

describe("the sessions API client", () => {
  afterEach(() => vi.unstubAllGlobals());

  const reply = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

  it("reads every stored event page by page, continuing after the last seq", async () => {
    const urls: string[] = [];
    const page = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        seq: from + i,
        at: AT,
        type: "user_message",
        content: "x",
      }));
    vi.stubGlobal("fetch", async (url: string) => {
      urls.push(url);
      return reply(200, { events: urls.length === 1 ? page(4, EVENTS_PAGE_SIZE) : page(504, 3) });
    });
    const events = await sessionsApi("ten").events("ses_1", 3);
    expect(urls).toEqual([
      "/api/tenants/ten/agent-sessions/ses_1/events?after=3",
      `/api/tenants/ten/agent-sessions/ses_1/events?after=${3 + EVENTS_PAGE_SIZE}`,
    ]);
    expect(events.map((e) => e.seq)).toEqual(
      [...Array(EVENTS_PAGE_SIZE + 3).keys()].map((i) => i + 4),
    );
  });

  it("turns a refused message into an ApiError with the server's code and message", async () => {
    let sent: unknown;
    vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
      sent = JSON.parse(String(init.body));
      return reply(400, {
        error: { code: "secret_in_message", message: "This message contains a key." },
      });
    });
    const error = await sessionsApi("ten")
      .send("ses_1", "hello")
      .catch((e: unknown) => e);
    expect(sent).toEqual({ content: "hello" });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("secret_in_message");
    expect((error as ApiError).message).toBe("This message contains a key.");
  });
});

describe("the transcript", () => {
  it("folds a whole turn: bubbles, cards with verdicts, results in order, approval, status", () => {
    seq = 0;
    let t = emptyTranscript("idle");
    t = applyEvent(t, ev({ type: "user_message", content: "do it" }));
    expect(t.status).toBe("running");
    expect(isBusy(t.status)).toBe(true);
    t = applyDelta(applyDelta(t, "Work"), "ing…");
    expect(t.streaming).toBe("Working…");
    t = applyEvent(
      t,
      ev({
        type: "model_message",
        text: "Working on it.",
        tool_calls: [],
        stop_reason: "tool_use",
      }),
    );
    expect(t.streaming).toBe("");
    t = applyEvents(t, [
      toolCall("s1", "memory_put"),
      toolCall("s2", "memory_put"),
      ev({ type: "tool_result", tool: "memory_put", is_error: false, summary: "first" }),
      ev({ type: "warning", step_id: "s2", message: "injection?" }),
      ev({ type: "tool_result", tool: "memory_put", is_error: true, summary: "second" }),
      ev({ type: "anomaly", kind: "egress_burst", detail: "5 hosts" }),
      toolCall("s3", "send_email", "approve_required"),
      ev({ type: "approval_needed", step_id: "s3", approval_id: "apr_1", tool: "send_email" }),
    ]);
    expect(t.items.map((i) => i.kind)).toEqual([
      "user",
      "assistant",
      "tool",
      "tool",
      "anomaly",
      "tool",
    ]);
    const [first, second, third] = cards(t);
    expect(first?.result).toEqual({ isError: false, summary: "first" });
    expect(second?.result).toEqual({ isError: true, summary: "second" });
    expect(second?.warnings).toEqual(["injection?"]);
    expect(third).toMatchObject({ verdict: "approve_required", approvalId: "apr_1", result: null });
    expect(t.status).toBe("waiting_approval");
    expect(awaitingApproval(t)?.stepId).toBe("s3");

    t = applyEvents(t, [
      ev({ type: "status", status: "running" }),
      ev({ type: "tool_result", tool: "send_email", is_error: false, summary: "sent" }),
    ]);
    expect(awaitingApproval(t)).toBeNull();
    expect(cards(t)[2]?.result?.summary).toBe("sent");
    t = applyEvents(t, [
      ev({ type: "model_message", text: "Done.", tool_calls: [], stop_reason: "end_turn" }),
      ev({ type: "status", status: "idle" }),
    ]);
    expect(t.status).toBe("idle");
    expect(t.items.at(-1)).toMatchObject({ kind: "assistant", text: "Done." });
    expect(t.lastSeq).toBe(seq);
  });

  it("ignores events it has already applied, so replay and polling may overlap", () => {
    seq = 0;
    const events = [
      ev({ type: "user_message", content: "a" }),
      ev({ type: "user_message", content: "b" }),
    ];
    const once = applyEvents(emptyTranscript("idle"), events);
    const twice = applyEvents(once, events);
    expect(twice).toBe(once);
    expect(twice.items).toHaveLength(2);
  });

  it("attaches results only to calls of the latest model message, else shows them alone", () => {
    seq = 0;
    let t = applyEvents(emptyTranscript("idle"), [
      ev({ type: "user_message", content: "a" }),
      ev({ type: "model_message", text: "", tool_calls: [], stop_reason: "tool_use" }),
      toolCall("old", "send_email", "approve_required"),
      ev({ type: "approval_needed", step_id: "old", approval_id: "apr_old", tool: "send_email" }),
      ev({ type: "status", status: "error", error: "model call failed: boom" }),
    ]);
    expect(t.status).toBe("error");
    expect(t.error).toBe("model call failed: boom");
    expect(awaitingApproval(t)).toBeNull();
    t = applyEvents(t, [
      ev({ type: "user_message", content: "again" }),
      ev({ type: "model_message", text: "", tool_calls: [], stop_reason: "tool_use" }),
      ev({ type: "tool_result", tool: "send_email", is_error: true, summary: "not run: bad" }),
    ]);
    expect(t.error).toBeNull();
    expect(cards(t)[0]?.result).toBeNull();
    expect(t.items.at(-1)).toMatchObject({ kind: "result", tool: "send_email", isError: true });
  });

  it("shows a warning for an unknown step on its own and drops streamed text on errors", () => {
    seq = 0;
    let t = applyEvents(emptyTranscript("running"), [
      ev({ type: "warning", step_id: "nope", message: "careful" }),
    ]);
    expect(t.items.at(-1)).toMatchObject({ kind: "warning", message: "careful" });
    t = applyDelta(t, "partial");
    const retryAt = new Date(Date.parse(AT) + 5000).toISOString();
    t = applyEvent(
      t,
      ev({ type: "model_error", kind: "overloaded", message: "busy", retry_at: retryAt }),
    );
    expect(t.streaming).toBe("");
    expect(t.items.at(-1)).toMatchObject({ kind: "model_error", retryAt });
    expect(pendingRetry(t, Date.parse(AT))).toBe(retryAt);
    expect(pendingRetry(t, Date.parse(AT) + 6000)).toBeNull();
    t = applyEvent(t, ev({ type: "status", status: "cancelled" }));
    expect(isBusy(t.status)).toBe(false);
    expect(pendingRetry(t, Date.parse(AT))).toBeNull();
  });
});

describe("the live event stream", () => {
  class FakeSocket implements SocketLike {
    onopen: SocketLike["onopen"] = null;
    onmessage: SocketLike["onmessage"] = null;
    onclose: SocketLike["onclose"] = null;
    onerror: SocketLike["onerror"] = null;
    sent: string[] = [];
    closed = false;
    constructor(readonly url: string) {}
    send(data: string) {
      this.sent.push(data);
    }
    close() {
      this.closed = true;
    }
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  function harness() {
    const sockets: FakeSocket[] = [];
    const modes: StreamMode[] = [];
    const received: number[] = [];
    const deltas: string[] = [];
    const polls: number[] = [];
    let last = 3;
    let pollAnswer: SessionEvent[] = [];
    const stream = openEventStream({
      socketUrl: (after) => `ws://x/events?after=${after}`,
      fetchEvents: async (after) => {
        polls.push(after);
        return pollAnswer;
      },
      lastSeq: () => last,
      onEvent: (e) => {
        if (e.seq <= last) return;
        last = e.seq;
        received.push(e.seq);
      },
      onDelta: (text) => deltas.push(text),
      onMode: (m) => modes.push(m),
      openSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
    });
    return {
      stream,
      sockets,
      modes,
      received,
      deltas,
      polls,
      answer: (events: SessionEvent[]) => (pollAnswer = events),
    };
  }

  const wire = (e: Record<string, unknown>) => ({ data: JSON.stringify({ at: AT, ...e }) });

  it("goes live on open, passes events and deltas on, and pings to keep the socket", () => {
    vi.useFakeTimers();
    const h = harness();
    expect(h.sockets[0]?.url).toBe("ws://x/events?after=3");
    expect(h.modes).toEqual(["connecting"]);
    h.sockets[0]!.onopen?.({});
    expect(h.modes).toEqual(["connecting", "live"]);
    h.sockets[0]!.onmessage?.(wire({ seq: 4, type: "user_message", content: "hi" }));
    h.sockets[0]!.onmessage?.({ data: '{"type":"model_delta","text":"He"}' });
    h.sockets[0]!.onmessage?.({ data: "pong" });
    expect(h.received).toEqual([4]);
    expect(h.deltas).toEqual(["He"]);
    vi.advanceTimersByTime(25_000);
    expect(h.sockets[0]!.sent).toEqual(["ping"]);
    h.stream.close();
    expect(h.sockets[0]!.closed).toBe(true);
  });

  it("polls every 2 s after a failure and reconnects with backoff from the last seq", async () => {
    vi.useFakeTimers();
    const h = harness();
    // A refused upgrade: error then close, handled once.
    h.sockets[0]!.onerror?.({});
    h.sockets[0]!.onclose?.({});
    expect(h.modes).toEqual(["connecting", "polling"]);
    expect(h.polls).toEqual([3]);
    h.answer([{ seq: 4, at: AT, type: "user_message", content: "via poll" }]);
    await vi.advanceTimersByTimeAsync(backoffDelay(1) - 1);
    expect(h.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.sockets).toHaveLength(2);
    expect(h.sockets[1]!.url).toBe("ws://x/events?after=3");
    await vi.advanceTimersByTimeAsync(POLL_MS - backoffDelay(1));
    expect(h.polls).toEqual([3, 3]);
    expect(h.received).toEqual([4]);
    // The second attempt fails as well: the wait doubles, and the next socket starts after 4.
    h.sockets[1]!.onclose?.({});
    await vi.advanceTimersByTimeAsync(backoffDelay(2) - 1);
    expect(h.sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.sockets[2]!.url).toBe("ws://x/events?after=4");
    const pollsBefore = h.polls.length;
    h.sockets[2]!.onopen?.({});
    expect(h.modes.at(-1)).toBe("live");
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(h.polls).toHaveLength(pollsBefore);
    h.stream.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.sockets).toHaveLength(3);
  });

  it("backs off 1 s, 2 s, 4 s … up to 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoffDelay)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });
});

describe("the new-session form's checks", () => {
  it("suggests the provider's key from the vault's names", () => {
    const names = ["GITHUB_TOKEN", "MY_OPENAI_KEY", "ANTHROPIC_API_KEY"];
    expect(suggestKey("anthropic", names)).toBe("ANTHROPIC_API_KEY");
    expect(suggestKey("openai", names)).toBe("MY_OPENAI_KEY");
    expect(suggestKey("openai", ["GITHUB_TOKEN"])).toBe("");
  });

  it("takes an empty or http(s) base URL and explains anything else", () => {
    expect(baseUrlProblem("")).toBeNull();
    expect(baseUrlProblem("http://localhost:11434")).toBeNull();
    expect(baseUrlProblem("https://api.example.com/v1")).toBeNull();
    expect(baseUrlProblem("ftp://example.com")).toMatch(/http/);
    expect(baseUrlProblem("localhost:1234")).toMatch(/http/);
    expect(baseUrlProblem("not a url")).toMatch(/full address/);
  });
});

// ── the screens in Chromium ───────────────────────────────────────────────────────────────

const baseUrl = inject("baseUrl");
const stamp = Date.now().toString(36);
const email = `sessions-${stamp}@example.com`;
/** The provider key as stored in the vault: sent as `x-api-key`, never in a body or page. */
const VAULT_VALUE = `sk-ant-api03-VAULT${stamp}${"k".repeat(70)}Qx9`;
/** What someone might paste into the chat by mistake. */
const PASTED_KEY = `sk-ant-api03-${"Ab3_".repeat(22)}Zz`;
const SESSION_TITLE = "Colour helper";

const screenshots: string[] = [];
let browser: Browser;
let phone: BrowserContext;
let page: Page;
let problems: string[];
let tenantId = "";
let sessionId = "";
let mock: MockModel;

const poll = <T>(read: () => Promise<T> | T, timeout = 20_000) => expect.poll(read, { timeout });
const heading = (p: Page, name: string | RegExp) => p.getByRole("heading", { level: 1, name });
const conversation = (p: Page) => p.getByRole("log", { name: "Conversation" });
const bubbles = (p: Page, who: "user" | "assistant") => conversation(p).locator(`.bubble-${who}`);
const toolCard = (p: Page, tool: string): Locator =>
  conversation(p).locator(`li.tool-card[data-tool="${tool}"]`);
const composerBox = (p: Page) => p.getByRole("textbox", { name: "Message" });

async function shot(p: Page, step: string) {
  screenshots.push(await checkScreen(p, step, "sessions-"));
}

async function signUp(p: Page, address: string) {
  await signInSkippingPasskey(p, baseUrl, address);
  await poll(() => heading(p, "Your account").isVisible()).toBe(true);
}

async function send(p: Page, text: string) {
  await composerBox(p).fill(text);
  await p.getByRole("button", { name: "Send", exact: true }).click();
}

async function sessionEvents(): Promise<{ type: string; [k: string]: unknown }[]> {
  const response = await phone.request.get(
    `${baseUrl}/api/tenants/${tenantId}/agent-sessions/${sessionId}/events?after=0`,
  );
  expect(response.status()).toBe(200);
  return ((await response.json()) as { events: { type: string }[] }).events;
}

describe("hosted sessions at 390×844", () => {
  beforeAll(async () => {
    mock = await startMockAnthropic(VAULT_VALUE);
    browser = await launchChromium();
    phone = await newPhoneContext(browser, baseUrl);
    page = await phone.newPage();
    problems = watchForPageProblems(page);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== "fail") return;
    const slug = task.name
      .replace(/[^a-z0-9]+/gi, "-")
      .toLowerCase()
      .slice(0, 60);
    await page?.screenshot({
      path: `test-results/e2e/failed-sessions-${slug}.png`,
      fullPage: true,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
    if (screenshots.length) console.log(`Screenshots:\n${screenshots.join("\n")}`);
  });

  it("signs up and stores the provider key in the vault through the API", async () => {
    await signUp(page, email);
    const me = await (await phone.request.get(`${baseUrl}/api/me`)).json();
    tenantId = me.memberships[0].tenant_id;
    const put = await phone.request.put(
      `${baseUrl}/api/tenants/${tenantId}/secrets/ANTHROPIC_API_KEY`,
      { data: { value: VAULT_VALUE }, headers: { origin: baseUrl } },
    );
    expect(put.status(), await put.text()).toBeLessThan(300);
    expect(JSON.stringify(await put.json())).not.toContain(VAULT_VALUE);
  });

  it("configures the model provider in the Vault, binding the key to it", async () => {
    await page.goto(`/t/${tenantId}/vault`);
    await poll(() => page.getByRole("heading", { name: "Model providers" }).isVisible()).toBe(true);
    // Stored through the API without destinations: the vault says it can go nowhere yet.
    await poll(() =>
      page.locator('[data-secret="ANTHROPIC_API_KEY"] [data-destinations]').textContent(),
    ).toContain("Unbound");
    await page.getByLabel("Provider id").fill("local-claude");
    await page.getByLabel("Kind").selectOption("anthropic-compatible");
    await page.getByLabel("Base URL").fill(mock.baseUrl);
    await page.getByLabel("Models (comma-separated)").fill("claude-test");
    await page.getByLabel("API key secret").fill("ANTHROPIC_API_KEY");
    await page.getByRole("button", { name: "Save provider" }).click();
    await poll(() => page.locator('[data-provider="local-claude"]').isVisible()).toBe(true);
    await poll(() =>
      page.locator('[data-secret="ANTHROPIC_API_KEY"] [data-destinations]').textContent(),
    ).toContain("key of provider local-claude");
    await shot(page, "vault-providers");
  });

  it("opens Sessions by its URL and checks the new-session form before sending it", async () => {
    await page.goto(`/t/${tenantId}/agent-sessions`);
    await poll(() => heading(page, "Conversations").isVisible()).toBe(true);
    // No sessions yet: the form is the screen, with the tenant's provider already chosen.
    await poll(() => page.getByLabel("Provider").inputValue()).toBe("local-claude");
    expect(await page.getByLabel("Model").inputValue()).toBe("claude-test");
    await shot(page, "new-session");

    await page.getByText("More options").click();
    await page.getByLabel("Max tokens per answer (optional)").fill("0");
    await page.getByRole("button", { name: "Start session" }).click();
    const issues = page.locator(".session-form .field-issue");
    await poll(() => issues.allTextContents()).toEqual(["A whole number from 1 to 64000."]);
    expect(
      await page.getByLabel("Max tokens per answer (optional)").getAttribute("aria-invalid"),
    ).toBe("true");
    await shot(page, "new-session-issues");

    await page.getByLabel("Max tokens per answer (optional)").fill("");
    await page.getByLabel("Title (optional)").fill(SESSION_TITLE);
    await page.getByRole("button", { name: "Start session" }).click();
    await poll(() => heading(page, SESSION_TITLE).isVisible()).toBe(true);
    sessionId =
      new RegExp(`^/t/${tenantId}/agent-sessions/(ses_[0-9a-f-]{36})$`).exec(
        new URL(page.url()).pathname,
      )?.[1] ?? "";
    expect(sessionId).not.toBe("");
    await poll(() =>
      page.getByText("Never paste API keys here — store them in the Vault.").isVisible(),
    ).toBe(true);
    await poll(async () => (await page.locator(".page-head").textContent()) ?? "").toContain(
      "ANTHROPIC_API_KEY",
    );
    await poll(() => page.locator(".page-head .badge").allTextContents()).toEqual([
      "Ready",
      "Live",
    ]);
    await poll(() => page.getByText("No messages yet.").isVisible()).toBe(true);
    await shot(page, "session-empty");
  });

  it("sends a message, streams the answer and shows memory_put with an allow verdict", async () => {
    const hold = gate();
    mock.script(
      {
        blocks: [
          { type: "text", chunks: ["I'll remember ", "that."] },
          {
            type: "tool_use",
            id: "toolu_put_1",
            name: "memory_put",
            input: { key: "favourite_colour", value: "teal" },
          },
        ],
        stopReason: "tool_use",
      },
      {
        blocks: [{ type: "text", chunks: ["Saved: your favourite ", "colour is teal."] }],
        stopReason: "end_turn",
        holdAfterChunks: 1,
        gate: hold,
      },
    );
    await send(page, "Remember that my favourite colour is teal.");
    await poll(() => bubbles(page, "user").allTextContents()).toEqual([
      "YouRemember that my favourite colour is teal.",
    ]);

    const put = toolCard(page, "memory_put");
    await poll(() => put.getAttribute("data-verdict")).toBe("allow");
    await poll(async () => (await put.locator(".badge-success").first().textContent()) ?? "").toBe(
      "Allow",
    );
    await poll(async () => (await put.locator(".facts").textContent()) ?? "").toContain(
      "memory-and-secret-requests",
    );
    await poll(() => put.locator(".badges").textContent()).toContain("Done");

    // The second model call pauses after its first words: they are on screen, streamed.
    await hold.reached;
    const streaming = page.locator(".bubble-streaming");
    await poll(() => streaming.textContent()).toContain("Saved: your favourite");
    await poll(() => composerBox(page).isDisabled()).toBe(true);
    await poll(() => page.getByRole("status").filter({ hasText: "The agent is" }).isVisible()).toBe(
      true,
    );
    await shot(page, "streaming");
    hold.open();

    await poll(() => bubbles(page, "assistant").allTextContents()).toEqual([
      "AssistantI'll remember that.",
      "AssistantSaved: your favourite colour is teal.",
    ]);
    await poll(() => streaming.count()).toBe(0);
    await poll(() => composerBox(page).isEnabled()).toBe(true);
    await put.getByText("Result", { exact: true }).click();
    await poll(async () => (await put.locator(".tool-result pre").textContent()) ?? "").toBe(
      'saved "favourite_colour"',
    );
    await put.getByText("Arguments", { exact: true }).click();
    await poll(
      async () => (await put.locator(".json-details pre").first().textContent()) ?? "",
    ).toContain('"teal"');
    await shot(page, "memory-put-allowed");
  });

  it("refuses a message with a provider key in it and clears the key from the box", async () => {
    const requestsBefore = mock.requests.length;
    const userBefore = await bubbles(page, "user").count();
    const text = `Use this key for later: ${PASTED_KEY}`;
    await send(page, text);
    const refusal = page.locator(".composer").getByRole("alert");
    await poll(() => refusal.textContent()).toContain("looks like an Anthropic API key");
    await poll(async () => (await refusal.textContent()) ?? "").toContain(
      "the message was not sent",
    );
    // Issue 17: the refused key does not linger on screen.
    await poll(() => composerBox(page).inputValue()).toBe("");
    expect(await page.content()).not.toContain(PASTED_KEY);
    expect(await composerBox(page).getAttribute("aria-invalid")).toBe("true");
    await shot(page, "key-refused");
    expect(await bubbles(page, "user").count()).toBe(userBefore);
    expect(mock.requests.length).toBe(requestsBefore);
    expect(JSON.stringify(await sessionEvents())).not.toContain(PASTED_KEY);
  });

  it("flags the anomaly, asks for approval of send_email inline, and finishes once approved", async () => {
    const seen = await outboxIds(baseUrl);
    mock.script(
      {
        blocks: [
          {
            type: "tool_use",
            id: "toolu_get_1",
            name: "memory_get",
            input: { key: "favourite_colour" },
          },
        ],
        stopReason: "tool_use",
      },
      {
        blocks: [
          { type: "text", chunks: ["Emailing the team now."] },
          {
            type: "tool_use",
            id: "toolu_mail_1",
            name: "send_email",
            input: { to: "team@example.com", subject: "Favourite colour", text: "It is teal." },
          },
        ],
        stopReason: "tool_use",
      },
      {
        blocks: [{ type: "text", chunks: ["Done: the email ", "is on its way."] }],
        stopReason: "end_turn",
      },
    );
    await send(page, "Email the team my favourite colour.");

    const get = toolCard(page, "memory_get");
    await poll(() => get.getAttribute("data-verdict")).toBe("allow");
    await poll(() => get.locator(".badges").textContent()).toContain("Done");

    const anomaly = conversation(page).locator(".alert-anomaly");
    await poll(() => anomaly.textContent()).toContain("after reading memory");
    expect(await anomaly.getAttribute("role")).toBe("alert");
    expect(await anomaly.getAttribute("data-anomaly")).toBe("sensitive_read_then_new_host");

    const mail = toolCard(page, "send_email");
    await poll(() => mail.getAttribute("data-verdict")).toBe("approve_required");
    await poll(async () => (await mail.locator(".badges").textContent()) ?? "").toContain(
      "Needs approval",
    );
    await poll(async () => (await mail.locator(".facts").textContent()) ?? "").toMatch(
      /anomalies-need-approval|email-needs-approval/,
    );
    await poll(() =>
      page
        .getByRole("status")
        .filter({ hasText: "Waiting for approval of send_email." })
        .isVisible(),
    ).toBe(true);
    await poll(() => composerBox(page).isDisabled()).toBe(true);
    const approve = mail.getByRole("button", { name: "Approve send_email" });
    await poll(() => approve.isVisible()).toBe(true);
    await shot(page, "approval-needed");

    // No reason, no decision: the reason goes into the audit log.
    await approve.click();
    await poll(() => mail.getByRole("alert").textContent()).toBe(
      "Give a reason. It is recorded in the audit log.",
    );
    await mail.getByLabel("Reason (required)").fill("The team asked for it");
    await approve.click();
    await poll(() => mail.locator(".decision-note").textContent()).toContain(
      "You approved this: The team asked for it",
    );
    await poll(() => mail.locator(".badges").textContent()).toContain("Done");
    await mail.getByText("Result", { exact: true }).click();
    await poll(async () => (await mail.locator(".tool-result pre").textContent()) ?? "").toBe(
      "sent to team@example.com",
    );
    await poll(() => bubbles(page, "assistant").last().textContent()).toBe(
      "AssistantDone: the email is on its way.",
    );
    await poll(() => composerBox(page).isEnabled()).toBe(true);
    await poll(() => page.locator(".page-head .badge").first().textContent()).toBe("Ready");
    const sent = await waitForMail(baseUrl, "team@example.com", /^Favourite colour$/, seen);
    expect(sent.text).toContain("It is teal.");
    await shot(page, "approved-and-done");
  });

  it("sent the vault key only as x-api-key, never in a body, a page or an event", async () => {
    expect(mock.remaining()).toBe(0);
    expect(mock.requests).toHaveLength(5);
    for (const r of mock.requests) {
      expect(r.headers["x-api-key"]).toBe(VAULT_VALUE);
      expect(r.body).not.toContain(VAULT_VALUE);
      expect(r.body).not.toContain(PASTED_KEY);
      expect(r.json.model).toBe("claude-test");
    }
    // The loop sent the tool results back to the model.
    expect(mock.requests[1]!.body).toContain("toolu_put_1");
    expect(mock.requests[4]!.body).toContain("sent to team@example.com");
    expect(await page.content()).not.toContain(VAULT_VALUE);
    expect(JSON.stringify(await sessionEvents())).not.toContain(VAULT_VALUE);
  });

  it("lists the session with its status", async () => {
    await page.getByRole("link", { name: "← All conversations" }).click();
    await poll(() => heading(page, "Conversations").isVisible()).toBe(true);
    const rows = page.getByRole("list", { name: "Conversations" }).getByRole("listitem");
    await poll(() => rows.count()).toBe(1);
    await poll(async () => (await rows.first().textContent()) ?? "").toMatch(
      /Colour helper\s*Ready.*claude-test/,
    );
    await poll(() => page.getByRole("button", { name: "New conversation" }).isVisible()).toBe(true);
    await shot(page, "sessions-list");
    await rows.first().getByRole("link").click();
    await poll(() => heading(page, SESSION_TITLE).isVisible()).toBe(true);
    // Reopened: the whole conversation comes back from the stored events.
    await poll(() => bubbles(page, "assistant").count()).toBe(4);
    expect(await toolCard(page, "send_email").getByRole("button").count()).toBe(0);
  });

  it("keeps following the session by polling when the live socket fails", async () => {
    const cut = await phone.newPage();
    const cutProblems = watchForPageProblems(cut);
    let refused = 0;
    await cut.routeWebSocket(/\/events\?after=/, (ws) => {
      refused += 1;
      void ws.close({ code: 1011, reason: "test: no live updates" });
    });
    await cut.goto(`/t/${tenantId}/agent-sessions/${sessionId}`);
    await poll(() => heading(cut, SESSION_TITLE).isVisible()).toBe(true);
    await poll(() => cut.getByText(/Live updates are interrupted/).isVisible()).toBe(true);
    expect(refused).toBeGreaterThan(0);
    mock.script({
      blocks: [{ type: "text", chunks: ["Still ", "here."] }],
      stopReason: "end_turn",
    });
    await send(cut, "Are you still there?");
    await poll(() => bubbles(cut, "assistant").last().textContent()).toBe("AssistantStill here.");
    await poll(() => composerBox(cut).isEnabled()).toBe(true);
    await shot(cut, "polling-fallback");
    expect(cutProblems).toEqual([]);
    await cut.close();
  });

  it("shows a prompt-injection warning from the stream on its tool card", async () => {
    // Warnings come from fetched pages, which this offline setup cannot reach: one is added to
    // the real stream, right after the stored events, to see how the screen presents it.
    const events = await sessionEvents();
    const last = Math.max(...events.map((e) => Number(e.seq)));
    const put = events.find((e) => e.type === "tool_call" && e.tool === "memory_put");
    const warned = await phone.newPage();
    await warned.routeWebSocket(/\/events\?after=/, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((m) => ws.send(m));
      ws.onMessage((m) => server.send(m));
      setTimeout(() => {
        ws.send(
          JSON.stringify({
            seq: last + 1,
            at: new Date().toISOString(),
            type: "warning",
            step_id: put?.step_id,
            message: "possible prompt injection (instruction_override) in https://example.com/",
          }),
        );
      }, 500);
    });
    await warned.goto(`/t/${tenantId}/agent-sessions/${sessionId}`);
    const alert = toolCard(warned, "memory_put").getByRole("alert");
    await poll(() => alert.textContent()).toBe(
      "Warning: possible prompt injection (instruction_override) in https://example.com/",
    );
    await shot(warned, "warning");
    await warned.close();
  });

  it("shows a failed model call and lets the person try again", async () => {
    await page.goto(`/t/${tenantId}/agent-sessions/${sessionId}`);
    await poll(() => heading(page, SESSION_TITLE).isVisible()).toBe(true);
    // Nothing scripted: the stand-in answers 400, which is not worth retrying.
    expect(mock.remaining()).toBe(0);
    await send(page, "One more thing.");
    const status = page.locator(".status-line.status-error");
    await poll(() => status.textContent()).toContain(
      "The agent stopped with an error: model call failed",
    );
    expect(await status.getAttribute("role")).toBe("alert");
    const failure = conversation(page).locator(".alert-error");
    await poll(() => failure.textContent()).toContain("the mock has no scripted turn left");
    await poll(
      async () => (await page.locator(".page-head .badge").first().textContent()) ?? "",
    ).toBe("Error");
    await poll(() => composerBox(page).isEnabled()).toBe(true);
    await shot(page, "model-error");
  });

  it("stops a working session and locks the composer", async () => {
    const hold = gate();
    mock.script({
      blocks: [{ type: "text", chunks: ["Thinking about ", "it…"] }],
      stopReason: "end_turn",
      holdAfterChunks: 1,
      gate: hold,
    });
    await send(page, "Take your time.");
    await hold.reached;
    await page.getByRole("button", { name: "Stop…" }).click();
    await shot(page, "stop-confirm");
    await page.getByRole("button", { name: "Stop session" }).click();
    await poll(() => page.locator(".page-head .badge").first().textContent()).toBe("Stopped");
    await poll(() =>
      page.getByRole("status").filter({ hasText: "This session was stopped." }).isVisible(),
    ).toBe(true);
    await poll(() => composerBox(page).isDisabled()).toBe(true);
    expect(await composerBox(page).getAttribute("placeholder")).toBe("This session was stopped");
    expect(await page.getByRole("button", { name: "Stop…" }).count()).toBe(0);
    hold.open();
    const sessions = await (
      await phone.request.get(`${baseUrl}/api/tenants/${tenantId}/agent-sessions`)
    ).json();
    expect(sessions.sessions[0].status).toBe("cancelled");
    await shot(page, "stopped");
  });

  it("raised no page errors or CSP violations", () => {
    expect(problems).toEqual([]);
  });
});
