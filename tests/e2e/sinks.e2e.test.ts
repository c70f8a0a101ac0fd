// SIEM sinks in a real Chromium at 1280×800 and 390×844: a syslog sink added from the console,
// delivering RFC 5424 over TCP (RFC 6587 octet counting) to a real receiver on a loopback port;
// the receiver goes down while the log grows, the console shows the lag and the error, and when
// it is back every event arrives, in order, duplicates only with the same seq and hash.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, watchForPageProblems } from "./support/browser";
import { checkScreen } from "./support/layout";
import { outboxIds, waitForCode } from "./support/outbox";
import { startSyslogReceiver } from "./support/syslog-receiver";

const baseUrl = inject("baseUrl");
const email = `sinks-${Date.now().toString(36)}@example.com`;
const screenshots: string[] = [];
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let tenantId = "";
let receiver: Awaited<ReturnType<typeof startSyslogReceiver>>;

const poll = <T>(read: () => Promise<T> | T, timeout = 20_000) =>
  expect.poll(read, { timeout, interval: 250 });
const heading = (name: string | RegExp) => page.getByRole("heading", { level: 1, name });
const sinkRow = () => page.getByRole("list", { name: "SIEM sinks" }).getByRole("listitem").first();
const field = async (name: string) =>
  ((await sinkRow().locator(`[data-field="${name}"]`).textContent()) ?? "").trim();

async function shot(step: string) {
  screenshots.push(await checkScreen(page, step, "sinks-"));
}

/** The log as the API has it: seq → hash. */
async function logHashes(): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let after = 0; ;) {
    const res = await page.request.get(
      `${baseUrl}/api/tenants/${tenantId}/audit/events?after=${after}&limit=500`,
    );
    const { events } = (await res.json()) as { events: { seq: number; hash: string }[] };
    for (const e of events) out.set(e.seq, e.hash);
    if (events.length < 500) return out;
    after = events[events.length - 1]!.seq;
  }
}

/** Audited changes while the receiver is down: each opens a run (a `run.opened` event). */
async function writeEvents(n: number) {
  for (let i = 0; i < n; i++) {
    const res = await page.request.post(`${baseUrl}/api/tenants/${tenantId}/runs`, {
      headers: { origin: baseUrl },
      data: { agent: `outage-${i}` },
    });
    expect(res.status()).toBe(201);
  }
}

beforeAll(async () => {
  receiver = await startSyslogReceiver();
  browser = await launchChromium();
  context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 800 },
    locale: "en-GB",
    timezoneId: "UTC",
  });
  page = await context.newPage();
  problems = watchForPageProblems(page);
});

afterEach(async ({ task }) => {
  if (task.result?.state !== "fail") return;
  const slug = task.name
    .replace(/[^a-z0-9]+/gi, "-")
    .toLowerCase()
    .slice(0, 60);
  await page?.screenshot({ path: `test-results/e2e/failed-sinks-${slug}.png`, fullPage: true });
});

afterAll(async () => {
  await browser?.close();
  await receiver?.stop();
  if (screenshots.length) console.log(`Screenshots:\n${screenshots.join("\n")}`);
});

describe("SIEM sinks in the console", () => {
  it("adds a syslog sink and shows it caught up, with the receiver's frames in RFC 5424", async () => {
    await page.goto("/");
    await poll(() => heading("Sign in to Gatehouse").isVisible()).toBe(true);
    const seen = await outboxIds(baseUrl);
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in code" }).click();
    await page.getByLabel("Sign-in code").fill(await waitForCode(baseUrl, email, seen));
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("button", { name: "Not now" }).click();
    await poll(() => heading("Your account").isVisible()).toBe(true);
    const me = await (await page.request.get(`${baseUrl}/api/me`)).json();
    tenantId = me.memberships[0].tenant_id;

    await page.goto(`/t/${tenantId}/audit`);
    await poll(() => heading("Audit log").isVisible()).toBe(true);
    const section = page.getByRole("region", { name: "SIEM sinks" });
    await poll(() => section.getByText("No sink yet.").isVisible()).toBe(true);
    const form = page.getByRole("form", { name: "Add a sink" });
    await form.getByLabel("Kind").selectOption("syslog");
    // A checked "Add" with an empty host says so in the browser, before any request.
    await form.getByRole("button", { name: "Add sink" }).click();
    await poll(() => form.getByRole("alert").textContent()).toContain("Enter the receiver's host.");
    await form.getByLabel("Host").fill("127.0.0.1");
    await form.getByLabel("Port").fill(String(receiver.port));
    await form.getByLabel("TLS").uncheck();
    await form.getByRole("button", { name: "Add sink" }).click();

    await poll(() => sinkRow().isVisible()).toBe(true);
    expect(await sinkRow().textContent()).toContain(`tcp://127.0.0.1:${receiver.port}`);
    const size = (await logHashes()).size;
    await poll(async () => Number(await field("last_seq"))).toBeGreaterThanOrEqual(size);
    await poll(() => field("lag")).toBe("0 events");
    await poll(() => receiver.frames.length).toBeGreaterThanOrEqual(size);
    const first = receiver.frames[0]!;
    expect(first).toMatchObject({
      pri: 13 * 8 + 6,
      version: "1",
      hostname: "localhost",
      app: "gatehouse",
    });
    expect(first.event.seq).toBe(first.sdSeq);
    expect(first.event.hash).toBe(first.sdHash);
    expect(Number.isNaN(Date.parse(first.timestamp))).toBe(false);
    expect(receiver.problems).toEqual([]);
    await shot("desktop-caught-up");
  });

  it("keeps the log going while the receiver is down and shows the lag and the error", async () => {
    await receiver.stop();
    await writeEvents(8);
    await poll(async () => Number((await field("lag")).split(" ")[0])).toBeGreaterThan(0);
    await poll(() => sinkRow().locator('[data-field="last_error"]').isVisible()).toBe(true);
    expect(await field("last_error")).toMatch(/syslog 127\.0\.0\.1:\d+/);
    await writeEvents(4); // more while it stays down
    await shot("desktop-receiver-down");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("phone-receiver-down");
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("catches up in order when the receiver is back; a test resends the last event with its seq", async () => {
    await receiver.start();
    // No button pressed: the Durable Object's alarm retries with backoff and catches up.
    await poll(() => field("lag"), 90_000).toBe("0 events");
    await poll(() => sinkRow().locator('[data-field="last_error"]').count()).toBe(0);
    const log = await logHashes();

    const before = receiver.frames.length;
    await sinkRow()
      .getByRole("button", { name: /^Test / })
      .click();
    await poll(() => sinkRow().getByRole("status").textContent()).toContain(
      "The receiver took it.",
    );
    await poll(() => receiver.frames.length).toBeGreaterThan(before);
    const resent = receiver.frames[receiver.frames.length - 1]!;
    expect(resent.event.seq).toBe(Number(await field("last_seq")));

    const seqs = receiver.frames.map((f) => f.sdSeq);
    const firstSeen: number[] = [];
    const hashOf = new Map<number, string>();
    for (const f of receiver.frames) {
      expect(f.event.seq).toBe(f.sdSeq);
      const known = hashOf.get(f.sdSeq);
      if (known !== undefined) expect(f.sdHash, `duplicate seq ${f.sdSeq}`).toBe(known);
      else {
        hashOf.set(f.sdSeq, f.sdHash);
        firstSeen.push(f.sdSeq);
      }
    }
    // Every event of the log, each first seen in log order, with the log's own hash.
    const want = [...log.keys()].filter((s) => s <= Math.max(...seqs));
    expect(firstSeen).toEqual(want);
    for (const [seq, hash] of hashOf) expect(hash).toBe(log.get(seq));
    expect(want.length).toBeGreaterThanOrEqual(12);
    expect(receiver.problems).toEqual([]);
    await shot("desktop-caught-up-again");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("phone-caught-up-again");
  });

  it("removes the sink", async () => {
    await sinkRow()
      .getByRole("button", { name: /^Remove / })
      .click();
    await poll(() =>
      page.getByRole("region", { name: "SIEM sinks" }).getByText("No sink yet.").isVisible(),
    ).toBe(true);
    expect(problems).toEqual([]);
  });
});
