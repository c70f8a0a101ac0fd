// Every page reached from an email, opened the way a person does: the link is taken from the
// dev outbox message's HTML as Chromium parses it (never rebuilt), clicked, and the form on the
// page submitted by the browser itself, at 390×844. "This wasn't me" signs out every session of
// the person; an approval link approves once and refuses a second use with a page; an invite
// link makes the invitee a member with the role.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { openRun, proposeStep, readStep } from "./support/agent";
import { launchChromium, newPhoneContext, watchForPageProblems } from "./support/browser";
import { checkScreen } from "./support/layout";
import { outboxIds, waitForMail } from "./support/outbox";
import type { OutboxMail } from "./support/outbox";
import { signInSkippingPasskey } from "./support/sign-in";

const baseUrl = inject("baseUrl");
const stamp = Date.now().toString(36);

let browser: Browser;
const pages: Page[] = [];
/** Script errors and CSP violations of every page opened, which must stay empty. */
const problemLists: string[][] = [];

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const heading = (p: Page, name: string | RegExp) => p.getByRole("heading", { level: 1, name });

async function phonePage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPhoneContext(browser, baseUrl);
  const page = await context.newPage();
  problemLists.push(watchForPageProblems(page));
  pages.push(page);
  return { context, page };
}

const signIn = (p: Page, address: string, startAt = "/") =>
  signInSkippingPasskey(p, baseUrl, address, startAt);

/**
 * Opens the mail's HTML in a page of `p`'s context, as a mail client shows it, and clicks the
 * link named `name`: the browser reads the href from the HTML and navigates to it.
 */
async function clickMailLink(p: Page, mail: OutboxMail, name: RegExp): Promise<string> {
  // A blank page first, so the mail is shown outside our origin (and its CSP), as in a mail app.
  await p.goto("about:blank");
  await p.setContent(mail.html);
  const link = p.getByRole("link", { name });
  await poll(() => link.count()).toBe(1);
  const href = (await link.getAttribute("href"))!;
  expect(href.startsWith(`${baseUrl}/`), href).toBe(true);
  await Promise.all([p.waitForURL((url) => url.href === href), link.click()]);
  return href;
}

async function shot(p: Page, step: string) {
  await checkScreen(p, step, "links-");
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterEach(async ({ task }) => {
  if (task.result?.state !== "fail") return;
  const slug = task.name
    .replace(/[^a-z0-9]+/gi, "-")
    .toLowerCase()
    .slice(0, 50);
  for (const [i, p] of pages.entries()) {
    await p
      .screenshot({ path: `test-results/e2e/failed-links-${slug}-${i}.png`, fullPage: true })
      .catch(() => {});
  }
});

afterAll(async () => {
  await browser?.close();
});

describe("links from emails in Chromium at 390×844", () => {
  it(
    "'this wasn't me' signs out every session of the person, once",
    { timeout: 150_000 },
    async () => {
      const person = `notme-${stamp}@example.com`;
      const phone = await phonePage();
      const laptop = await phonePage();
      await signIn(phone.page, person);
      await poll(() => heading(phone.page, "Your account").isVisible()).toBe(true);
      // A second sign-in on another device, once the 60 s code cooldown has passed.
      await new Promise((r) => setTimeout(r, 61_000));
      const seen = await outboxIds(baseUrl);
      await signIn(laptop.page, person);
      await poll(() => heading(laptop.page, "Your account").isVisible()).toBe(true);
      const notice = await waitForMail(baseUrl, person, /^New sign-in to Gatehouse$/, seen);

      // The mail is read on a third device, with no session at all.
      const mailbox = await phonePage();
      await clickMailLink(mailbox.page, notice, /This wasn't me/);
      await poll(() => heading(mailbox.page, "Secure your account").isVisible()).toBe(true);
      await shot(mailbox.page, "not-me-confirm");
      const response = mailbox.page.waitForResponse(
        (r) => r.url() === `${baseUrl}/auth/not-me` && r.request().method() === "POST",
      );
      await mailbox.page.getByRole("button", { name: "Sign out everywhere" }).click();
      expect((await response).status()).toBe(200);
      await poll(() => heading(mailbox.page, "All sessions signed out").isVisible()).toBe(true);
      expect(await mailbox.page.getByText("2 session(s) were signed out.").isVisible()).toBe(true);
      await shot(mailbox.page, "not-me-done");

      for (const device of [phone.page, laptop.page]) {
        await device.reload();
        await poll(() => heading(device, "Sign in to Gatehouse").isVisible()).toBe(true);
      }

      // The same link again: a page that says it was used, and nothing more is done.
      await clickMailLink(mailbox.page, notice, /This wasn't me/);
      await poll(() => heading(mailbox.page, "This link was already used").isVisible()).toBe(true);
      await shot(mailbox.page, "not-me-reused");

      // Using the link is itself mailed, with its own link.
      await waitForMail(
        baseUrl,
        person,
        /^Every session of your Gatehouse account was signed out$/,
        seen,
      );
    },
  );

  it("an approval link approves as the member, and a second use is refused with a page", async () => {
    const owner = `approver-${stamp}@example.com`;
    const console_ = await phonePage();
    await signIn(console_.page, owner);
    await poll(() => heading(console_.page, "Your account").isVisible()).toBe(true);
    const me = await (await console_.context.request.get(`${baseUrl}/api/me`)).json();
    const tenantId = me.memberships[0].tenant_id as string;
    const run = await openRun(console_.context, baseUrl, tenantId, "links-e2e");
    const pay = await proposeStep(baseUrl, tenantId, run, {
      tool: "pay",
      args: { amount: 12, to: "acme" },
      idempotency_key: `pay-${stamp}`,
    });
    expect(pay.status).toBe("awaiting_approval");

    const seen = await outboxIds(baseUrl);
    const asked = await console_.context.request.post(
      `${baseUrl}/api/tenants/${tenantId}/approvals/${pay.approval_id}/link`,
      { headers: { origin: baseUrl } },
    );
    expect(asked.status()).toBe(200);
    const mail = await waitForMail(baseUrl, owner, /^Approve or deny: pay$/, seen);

    const mobile = await phonePage();
    await clickMailLink(mobile.page, mail, /Review and decide/);
    await poll(() => heading(mobile.page, "Approve this action?").isVisible()).toBe(true);
    await shot(mobile.page, "approval-form");
    await mobile.page.getByLabel("Reason").fill("expected invoice");
    const posted = mobile.page.waitForResponse(
      (r) => r.url() === `${baseUrl}/auth/approval` && r.request().method() === "POST",
    );
    await mobile.page.getByRole("button", { name: "Approve", exact: true }).click();
    expect((await posted).status()).toBe(200);
    await poll(() => heading(mobile.page, "Approved").isVisible()).toBe(true);
    await shot(mobile.page, "approval-done");
    await poll(async () => (await readStep(baseUrl, tenantId, run, pay.step_id)).status).toBe(
      "executing",
    );

    // Back to the form and submit again: refused, with a page.
    await mobile.page.goBack();
    if (await heading(mobile.page, "Approve this action?").isVisible()) {
      await mobile.page.getByLabel("Reason").fill("again");
      await mobile.page.getByRole("button", { name: "Approve", exact: true }).click();
    }
    await poll(() => heading(mobile.page, "This approval was already decided").isVisible()).toBe(
      true,
    );
    // And opened afresh from the email.
    await clickMailLink(mobile.page, mail, /Review and decide/);
    await poll(() => heading(mobile.page, "This approval was already decided").isVisible()).toBe(
      true,
    );
    expect(await mobile.page.getByText("approved").first().isVisible()).toBe(true);
    await shot(mobile.page, "approval-reused");
  });

  it("an invite link makes the invitee a member with the role", async () => {
    const owner = `inviter-${stamp}@example.com`;
    const invitee = `joiner-${stamp}@example.com`;
    const admin = await phonePage();
    await signIn(admin.page, owner);
    await poll(() => heading(admin.page, "Your account").isVisible()).toBe(true);
    const me = await (await admin.context.request.get(`${baseUrl}/api/me`)).json();
    const tenantId = me.memberships[0].tenant_id as string;
    const seen = await outboxIds(baseUrl);
    const invited = await admin.context.request.post(`${baseUrl}/api/tenants/${tenantId}/invites`, {
      data: { email: invitee, role: "auditor" },
      headers: { origin: baseUrl },
    });
    expect(invited.status()).toBe(201);
    const mail = await waitForMail(baseUrl, invitee, /^You're invited to /, seen);

    const guest = await phonePage();
    const href = await clickMailLink(guest.page, mail, /Accept the invitation/);
    const landing = new URL(href);
    await signIn(guest.page, invitee, landing.pathname + landing.search);
    await poll(() => heading(guest.page, "Invitation").isVisible()).toBe(true);
    await poll(() => guest.page.getByText(/invited .* as auditor/).isVisible()).toBe(true);
    await shot(guest.page, "invite-landing");
    await guest.page.getByRole("button", { name: /^Join / }).click();
    await poll(async () => {
      const mine = await (await guest.context.request.get(`${baseUrl}/api/me`)).json();
      return (mine.memberships as { tenant_id: string; role: string }[]).find(
        (m) => m.tenant_id === tenantId,
      )?.role;
    }).toBe("auditor");

    // The link works once: opened again it says it was used.
    await clickMailLink(guest.page, mail, /Accept the invitation/);
    await poll(() => guest.page.getByText(/This invitation was already used/).isVisible()).toBe(
      true,
    );
    await shot(guest.page, "invite-reused");
  });

  it("kept every page free of script errors and CSP violations", () => {
    expect(problemLists.flat()).toEqual([]);
  });
});
