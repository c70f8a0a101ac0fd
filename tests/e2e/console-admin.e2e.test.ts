// Issue 17 in a real Chromium, at 390×844 (a phone) and 1280×800 (a laptop): every screen keeps
// its navigation inside the viewport without sideways scrolling, and the tenant admin's flows
// work from their real entry points: approving from a card that shows its context, the decided
// tab, the audit browser's filters and paging, error states with a way forward, and renaming,
// handing over (the new owner accepts in their own browser) and deleting a tenant.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { openRun, proposeStep } from "./support/agent";
import type { OpenedRun } from "./support/agent";
import {
  launchChromium,
  PHONE_VIEWPORT,
  watchForPageProblems,
  ANDROID_UA,
} from "./support/browser";
import { checkScreen } from "./support/layout";
import { outboxIds, waitForMail } from "./support/outbox";
import { signInSkippingPasskey } from "./support/sign-in";

const baseUrl = inject("baseUrl");
const stamp = Date.now().toString(36);
const TIME_ZONE = "America/New_York";
/** The e2e server's INVITE_TTL_SECONDS (tests/e2e/global-setup.ts). */
const INVITE_TTL_MS = 60_000;

const VIEWPORTS = {
  phone: { viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, userAgent: ANDROID_UA },
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
} as const;
type Size = keyof typeof VIEWPORTS;

const SCREENS = [
  ["/approvals", "Approvals"],
  ["/runs", "Runs"],
  ["/policies", "Policies"],
  ["/policies/new", "New policy version"],
  ["/vault", "Vault"],
  ["/members", "Members"],
  ["/tokens", "API tokens"],
  ["/audit", "Audit log"],
  ["/agent-sessions", "Conversations"],
  ["/mcp", "MCP"],
  ["/", "Your account"],
] as const;

const screenshots: string[] = [];
let browser: Browser;
const open: { page: Page; problems: string[] }[] = [];

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const heading = (p: Page, name: string | RegExp) => p.getByRole("heading", { level: 1, name });

function newContext(size: Size): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    deviceScaleFactor: 1,
    locale: "en-US",
    timezoneId: TIME_ZONE,
    ...VIEWPORTS[size],
  });
}

async function newPage(
  size: Size,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await newContext(size);
  const page = await context.newPage();
  const problems = watchForPageProblems(page);
  open.push({ page, problems });
  return { context, page, problems };
}

const signUp = (p: Page, address: string, startAt = "/") =>
  signInSkippingPasskey(p, baseUrl, address, startAt);

/** Every visible navigation item lies wholly inside the viewport (nothing clipped or off-screen). */
async function navOutsideViewport(p: Page): Promise<string[]> {
  await p.evaluate(() => window.scrollTo(0, 0));
  return p.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("nav a, nav button"))) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === "hidden") continue;
      const inside =
        box.left >= 0 &&
        box.top >= 0 &&
        box.right <= window.innerWidth + 0.5 &&
        box.bottom <= window.innerHeight + 0.5;
      // Text cut off inside its own box (ellipsis, overflow) counts as clipped too.
      const clipped = el.scrollWidth > el.clientWidth + 1;
      if (!inside || clipped) out.push(`${el.textContent?.trim()} at ${JSON.stringify(box)}`);
    }
    return out;
  });
}

async function shot(p: Page, size: Size, step: string) {
  expect(await navOutsideViewport(p), `${size} ${step}: navigation outside the viewport`).toEqual(
    [],
  );
  screenshots.push(await checkScreen(p, step, `admin-${size}-`));
}

/** Opens a section the way a person would: the sidebar/top links, the tab bar or "More". */
async function openSection(p: Page, size: Size, label: string) {
  if (size === "desktop") {
    await p.getByRole("navigation", { name: "Console" }).getByRole("link", { name: label }).click();
    return;
  }
  const tabs = p.getByRole("navigation", { name: "Sections" });
  const tab = tabs.getByRole("link", { name: label, exact: true });
  if (await tab.isVisible()) return tab.click();
  await tabs.getByRole("button", { name: "More" }).click();
  await p
    .getByRole("navigation", { name: "More sections" })
    .getByRole("link", { name: label, exact: true })
    .click();
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterEach(async ({ task }) => {
  if (task.result?.state !== "fail") return;
  const slug = task.name
    .replace(/[^a-z0-9]+/gi, "-")
    .toLowerCase()
    .slice(0, 60);
  for (const [i, { page }] of open.entries()) {
    await page.screenshot({
      path: `test-results/e2e/failed-admin-${slug}-${i}.png`,
      fullPage: true,
    });
  }
});

afterAll(async () => {
  for (const { problems } of open) expect(problems).toEqual([]);
  await browser?.close();
  if (screenshots.length) console.log(`Screenshots:\n${screenshots.join("\n")}`);
});

for (const size of ["phone", "desktop"] as const) {
  describe(`the tenant admin's console at ${size} size`, () => {
    const owner = `admin-${size}-${stamp}@example.com`;
    const heir = `heir-${size}-${stamp}@example.com`;
    let page: Page;
    let context: BrowserContext;
    let tenantId = "";
    let run: OpenedRun;
    const late = `late-${size}-${stamp}@example.com`;
    let lateInvite: { link: URL; sentAt: number };

    it("keeps every screen's navigation inside the viewport, without sideways scrolling", async () => {
      ({ page, context } = await newPage(size));
      await signUp(page, owner);
      await poll(() => heading(page, "Your account").isVisible()).toBe(true);
      const me = await (await context.request.get(`${baseUrl}/api/me`)).json();
      tenantId = me.memberships[0].tenant_id;
      if (size === "desktop") {
        const links = page.getByRole("navigation", { name: "Console" }).getByRole("link");
        expect(await links.allTextContents()).toEqual([
          "Approvals",
          "Runs",
          "Policies",
          "Vault",
          "Members",
          "Tokens",
          "Audit",
          "Conversations",
          "MCP",
          "Account",
        ]);
        // A sidebar: the sections stack down the left edge.
        const first = (await links.first().boundingBox())!;
        const last = (await links.last().boundingBox())!;
        expect(last.x).toBe(first.x);
        expect(last.y).toBeGreaterThan(first.y);
        expect(first.x).toBeLessThan(40);
      }
      for (const [path, title] of SCREENS) {
        await page.goto(path === "/" ? path : `/t/${tenantId}${path}`);
        await poll(() => heading(page, title).isVisible()).toBe(true);
        await shot(page, size, `screen${path.replace(/\//g, "-") || "-account"}`);
      }
      // The server's doctor is for owners and admins: the owner sees it.
      await poll(() => page.getByRole("heading", { name: "Security doctor" }).isVisible()).toBe(
        true,
      );

      // An invitation sent now has expired by the time a later test opens its link.
      const seen = await outboxIds(baseUrl);
      await openSection(page, size, "Members");
      await poll(() => heading(page, "Members").isVisible()).toBe(true);
      await page.getByLabel("Email address").fill(late);
      await page.getByRole("button", { name: "Send invitation" }).click();
      const sentAt = Date.now();
      const mail = await waitForMail(baseUrl, late, /./, seen);
      const href = /href="(https?:\/\/[^"]+\/invite\?token=[^"]+)"/.exec(mail.html)![1]!;
      lateInvite = { link: new URL(href.replace(/&amp;/g, "&")), sentAt };
    });

    it("approves from a card that shows the call's context, then finds it under Decided", async () => {
      run = await openRun(context, baseUrl, tenantId, "Invoice bot");
      const step = await proposeStep(baseUrl, tenantId, run, {
        tool: "pay_invoice",
        args: { invoice: "INV-7", amount: 990, account: "secret:BANK_KEY" },
        idempotency_key: "pay-1",
      });
      expect(step.status).toBe("awaiting_approval");
      const listed = await (
        await context.request.get(`${baseUrl}/api/tenants/${tenantId}/approvals`)
      ).json();
      const expiresAt = listed.approvals[0].expires_at as string;

      await openSection(page, size, "Approvals");
      await poll(() => heading(page, "Approvals").isVisible()).toBe(true);
      const card = page.getByRole("list", { name: "Pending approvals" }).getByRole("listitem");
      await poll(() => card.count()).toBe(1);
      const context_ = card.getByRole("definition");
      await poll(async () => (await card.textContent()) ?? "").toContain("Invoice bot");
      const text = (await card.textContent()) ?? "";
      expect(text).toContain("pay_invoice");
      expect(text).toContain(step.rule_id ?? "the policy's default");
      expect(text).toContain(step.reason);
      expect(text).toContain(`Started by${owner}`);
      expect(text).toContain('"account": "secret:BANK_KEY"');
      // The expiry in the viewer's own time zone (not UTC, not ISO).
      const localHour = new Intl.DateTimeFormat("en-US", {
        hour: "numeric",
        minute: "2-digit",
        timeZone: TIME_ZONE,
      }).format(new Date(expiresAt));
      expect(text).toContain(localHour);
      expect(text).not.toContain(expiresAt);
      expect(await context_.count()).toBeGreaterThan(5);
      await shot(page, size, "approval-card-context");

      await card.getByLabel("Reason (required)").fill("Matches purchase order PO-7");
      await card.getByRole("button", { name: "Approve pay_invoice" }).click();
      await poll(() => page.getByText("Approved pay_invoice.", { exact: false }).isVisible()).toBe(
        true,
      );
      await page.getByRole("button", { name: "Decided" }).click();
      const decided = page.getByRole("list", { name: "Decided approvals" }).getByRole("listitem");
      await poll(() => decided.count()).toBe(1);
      await poll(async () => (await decided.first().textContent()) ?? "").toContain(
        "Matches purchase order PO-7",
      );
      const decidedText = (await decided.first().textContent()) ?? "";
      expect(decidedText).toContain("Approved");
      expect(decidedText).toContain(`Decided by${owner}`);
      await shot(page, size, "approvals-decided");

      // Its deep link opens the decided tab at the card.
      const href = await decided
        .first()
        .getByRole("link", { name: "Link to this approval" })
        .getAttribute("href");
      expect(href).toMatch(new RegExp(`^/t/${tenantId}/approvals\\?tab=decided&id=apr_`));
      await page.goto(href!);
      await poll(
        async () => (await page.locator("li.approval.focused").textContent()) ?? "",
      ).toContain("pay_invoice");
    });

    it("filters the audit log, searches it and pages through it newest first", async () => {
      // Enough events for more than one page of 50.
      for (let i = 0; i < 20; i++) {
        await proposeStep(baseUrl, tenantId, run, {
          tool: "lookup",
          args: { n: i, needle: i === 7 ? `needle-${stamp}` : "hay" },
          idempotency_key: `look-${i}`,
        });
      }
      await openSection(page, size, "Audit");
      await poll(() => heading(page, "Audit log").isVisible()).toBe(true);
      const events = page.getByRole("list", { name: "Audit events" }).getByRole("listitem");
      await poll(() => events.count()).toBe(50);
      const seqs = async () =>
        await events.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-seq"))));
      const firstPage = await seqs();
      expect(firstPage).toEqual([...firstPage].sort((a, b) => b - a));
      await shot(page, size, "audit-newest-first");
      await page.getByRole("button", { name: "Show 50 older" }).click();
      await poll(() => events.count()).toBeGreaterThan(50);
      const both = await seqs();
      expect(both).toEqual([...both].sort((a, b) => b - a));
      expect(new Set(both).size).toBe(both.length);

      await page.getByLabel("Show", { exact: true }).selectOption("approval.approved");
      await poll(() => events.count()).toBe(1);
      await poll(async () => (await events.first().textContent()) ?? "").toContain(owner);

      await page.getByRole("button", { name: "Clear filters" }).click();
      await page.getByLabel("Search", { exact: true }).fill(`needle-${stamp}`);
      await page.getByRole("button", { name: "Apply filters" }).click();
      // Every event that mentions the needle (later steps carry it in their history), no other.
      await poll(async () => {
        const texts = await events.allTextContents();
        return texts.length > 0 && texts.every((t) => t.includes(`needle-${stamp}`));
      }).toBe(true);
      const found = await seqs();
      expect(Math.min(...found)).toBeGreaterThan(Math.min(...both));
      await events
        .first()
        .getByText(/Event \d+ in full/)
        .click();
      const detail = (await events.first().textContent()) ?? "";
      expect(detail).toContain(run.runId);
      expect(detail).toMatch(/Hash[0-9a-f]{64}/);
      await shot(page, size, "audit-search-detail");

      await page.getByLabel("Search", { exact: true }).fill("");
      await page.getByLabel("By", { exact: true }).selectOption({ label: owner });
      await page.getByRole("button", { name: "Apply filters" }).click();
      await poll(async () =>
        (await events.allTextContents()).every((t) => t.includes(`By ${owner}`)),
      ).toBe(true);
      await shot(page, size, "audit-by-actor");
    });

    it("shows not-found and offline states with a way forward", async () => {
      await page.goto(`/t/${tenantId}/runs/run_does-not-exist`);
      await poll(() => page.getByText("No such run").isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: "Try again" }).count()).toBe(0);
      await shot(page, size, "error-run-not-found");
      await page.getByRole("link", { name: "All runs" }).last().click();
      await poll(() => heading(page, "Runs").isVisible()).toBe(true);
      // The list loaded before the network goes: the offline state is the run's, not the list's.
      const invoiceBot = page.getByRole("link", { name: /Invoice bot/ }).first();
      await poll(() => invoiceBot.isVisible()).toBe(true);

      await context.setOffline(true);
      await invoiceBot.click();
      await poll(() => page.getByText("You seem to be offline").isVisible()).toBe(true);
      await shot(page, size, "error-offline");
      await context.setOffline(false);
      await page.getByRole("button", { name: "Try again" }).click();
      await poll(() => heading(page, "Invoice bot").isVisible()).toBe(true);
    });

    it("shows runs and conversations by name, the run in two columns, and list failures", async () => {
      // Runs: the agent's name and who started it; the id only on demand.
      await openSection(page, size, "Runs");
      await poll(() => heading(page, "Runs").isVisible()).toBe(true);
      const row = page
        .getByRole("list", { name: "Runs" })
        .getByRole("listitem")
        .filter({ hasText: "Invoice bot" });
      await poll(async () => (await row.textContent()) ?? "").toContain(`by ${owner}`);
      const id = row.getByText(run.runId);
      expect(await id.isVisible()).toBe(false);
      await row.getByText("id", { exact: true }).click();
      await poll(() => id.isVisible()).toBe(true);
      await shot(page, size, "runs-by-name");

      // The run page: summary beside the steps on a laptop, above them on a phone.
      await row.getByRole("link", { name: /Invoice bot/ }).click();
      await poll(() => heading(page, "Invoice bot").isVisible()).toBe(true);
      const summary = (await page.locator(".two-column > .run-summary").boundingBox())!;
      const steps = (await page.getByRole("region", { name: /^Steps/ }).boundingBox())!;
      if (size === "desktop") {
        expect(steps.x).toBeGreaterThanOrEqual(summary.x + summary.width);
        expect(Math.abs(steps.y - summary.y)).toBeLessThan(40);
      } else {
        expect(steps.y).toBeGreaterThanOrEqual(summary.y + summary.height);
        expect(Math.abs(steps.x - summary.x)).toBeLessThan(1);
      }
      await shot(page, size, "run-two-column");

      // A conversation: its title and who started it, the id on demand.
      const put = await context.request.put(
        `${baseUrl}/api/tenants/${tenantId}/secrets/MODEL_KEY`,
        {
          data: { value: `sk-test-${stamp}-value` },
          headers: { origin: baseUrl },
        },
      );
      expect(put.status(), await put.text()).toBeLessThan(300);
      const provider = await context.request.put(
        `${baseUrl}/api/tenants/${tenantId}/providers/local-model`,
        {
          data: {
            kind: "anthropic-compatible",
            models: ["claude-test"],
            key_secret: "MODEL_KEY",
            base_url: "http://127.0.0.1:9",
          },
          headers: { origin: baseUrl },
        },
      );
      expect(provider.status(), await provider.text()).toBeLessThan(300);
      await openSection(page, size, "Conversations");
      await poll(() => heading(page, "Conversations").isVisible()).toBe(true);
      await page.getByLabel("Title (optional)").fill(`Quarter close ${size}`);
      await page.getByRole("button", { name: "Start session" }).click();
      await poll(() => heading(page, `Quarter close ${size}`).isVisible()).toBe(true);
      await poll(async () => (await page.locator(".page-head").textContent()) ?? "").toContain(
        `by ${owner}`,
      );
      await page.getByRole("link", { name: "← All conversations" }).click();
      const conversation = page
        .getByRole("list", { name: "Conversations" })
        .getByRole("listitem")
        .filter({ hasText: `Quarter close ${size}` });
      await poll(async () => (await conversation.textContent()) ?? "").toContain(`by ${owner}`);
      expect(await conversation.getByText(/^ses_/).isVisible()).toBe(false);
      await conversation.getByText("id", { exact: true }).click();
      await poll(() => conversation.getByText(/^ses_/).isVisible()).toBe(true);
      await shot(page, size, "conversations-by-name");

      // A list that cannot load while offline says so and offers a retry that works.
      await context.setOffline(true);
      await openSection(page, size, "Runs");
      await poll(() => page.getByText("You seem to be offline").isVisible()).toBe(true);
      expect(await page.getByRole("link", { name: "Your account" }).count()).toBeGreaterThan(0);
      await shot(page, size, "error-runs-offline");
      await context.setOffline(false);
      await page.getByRole("button", { name: "Try again" }).click();
      await poll(() => page.getByRole("list", { name: "Runs" }).isVisible()).toBe(true);
    });

    it("opens an expired invitation from its email and says so, with a way forward", async () => {
      // The server's invitations last INVITE_TTL_MS: wait out what is left of it.
      const left = lateInvite.sentAt + INVITE_TTL_MS + 2000 - Date.now();
      if (left > 0) await new Promise((r) => setTimeout(r, left));
      const guest = await newPage(size);
      await signUp(guest.page, late, lateInvite.link.pathname + lateInvite.link.search);
      await poll(() => heading(guest.page, "Invitation").isVisible()).toBe(true);
      await poll(() => guest.page.getByText("This invitation has expired").isVisible()).toBe(true);
      expect(await guest.page.getByRole("button", { name: /^Join / }).count()).toBe(0);
      expect(await guest.page.getByRole("button", { name: "Try again" }).count()).toBe(0);
      await shot(guest.page, size, "invite-expired");
      await guest.page.getByRole("link", { name: "Go to your account" }).click();
      await poll(() => heading(guest.page, "Your account").isVisible()).toBe(true);
    });

    it("renames the tenant, and hands it to a member who accepts in their own browser", async () => {
      // The heir joins through the invitation email's link.
      const seen = await outboxIds(baseUrl);
      await openSection(page, size, "Members");
      await poll(() => heading(page, "Members").isVisible()).toBe(true);
      // The sole owner is not offered to leave.
      const me = page.getByRole("list", { name: "Members" }).getByRole("listitem").first();
      await poll(() => me.getByText("You are the only owner").isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: "Leave tenant" }).count()).toBe(0);

      await page.getByLabel("Tenant name").fill(`Harbour ${size}`);
      await page.getByRole("button", { name: "Rename" }).click();
      await poll(() => page.getByText(`Renamed to Harbour ${size}.`).isVisible()).toBe(true);
      await shot(page, size, "tenant-renamed");

      await page.getByLabel("Email address").fill(heir);
      await page.getByLabel("Role", { exact: true }).selectOption("admin");
      await page.getByRole("button", { name: "Send invitation" }).click();
      const mail = await waitForMail(baseUrl, heir, /./, seen);
      const link = new URL(/https?:\/\/\S+\/invite\?token=[^\s"<>]+/.exec(mail.text)![0]);
      const other = await newPage(size);
      await signUp(other.page, heir, link.pathname + link.search);
      await other.page.getByRole("button", { name: /^Join / }).click();
      await poll(() => heading(other.page, "Approvals").isVisible()).toBe(true);

      await page.reload();
      await poll(() => page.getByLabel("New owner").isVisible()).toBe(true);
      await page.getByLabel("New owner").selectOption({ label: `${heir} (Admin)` });
      await page.getByRole("button", { name: "Offer ownership…" }).click();
      await page.getByRole("button", { name: "Offer ownership", exact: true }).click();
      await poll(() => page.getByText(`Offered to ${heir}.`, { exact: false }).isVisible()).toBe(
        true,
      );
      await shot(page, size, "transfer-offered");

      await other.page.goto("/");
      const offers = other.page.getByRole("list", { name: "Ownership offers" });
      await poll(() => offers.isVisible()).toBe(true);
      await poll(async () => (await offers.textContent()) ?? "").toContain(`Harbour ${size}`);
      await shot(other.page, size, "transfer-offer-received");
      await other.page.getByRole("button", { name: `Accept ownership of Harbour ${size}` }).click();
      await poll(() =>
        other.page.getByText(`You are now an owner of Harbour ${size}.`).isVisible(),
      ).toBe(true);

      const members = await (
        await context.request.get(`${baseUrl}/api/tenants/${tenantId}/members`)
      ).json();
      const roles = Object.fromEntries(
        members.members.map((m: { email: string; role: string }) => [m.email, m.role]),
      );
      expect(roles).toEqual({ [owner]: "admin", [heir]: "owner" });

      // The new owner deletes the tenant: it says what goes and wants the name typed.
      await other.page.goto(`/t/${tenantId}/members`);
      await poll(() => heading(other.page, "Members").isVisible()).toBe(true);
      await other.page.getByRole("button", { name: "Delete tenant…" }).click();
      await poll(() =>
        other.page.getByText("every secret in the vault", { exact: false }).isVisible(),
      ).toBe(true);
      await other.page.getByRole("button", { name: "Delete tenant for good" }).click();
      await poll(() =>
        other.page.getByText("Type the tenant's name", { exact: false }).isVisible(),
      ).toBe(true);
      await shot(other.page, size, "tenant-delete-confirm");
      await other.page.getByLabel(`Type Harbour ${size} to confirm`).fill(`Harbour ${size}`);
      await other.page.getByRole("button", { name: "Delete tenant for good" }).click();
      await poll(() => heading(other.page, "Your account").isVisible()).toBe(true);
      const gone = await context.request.get(`${baseUrl}/api/tenants/${tenantId}`);
      expect(gone.status()).toBe(404);
      await shot(other.page, size, "tenant-deleted");
    });
  });
}
