// Issue 17, self-service and cross-device sign-in, in Chromium at 390×844 and at 1280×800:
// changing the email address (the code and the "wasn't me" link both taken from the dev outbox
// emails' HTML), the sign-in history (new-device badge, "Local development" for wrangler's
// placeholder place), deleting the account, and signing a phone in from a desktop by the code
// the phone shows (two browser contexts; the desktop copies the code off the phone's page).
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, newPhoneContext, watchForPageProblems } from "./support/browser";
import { checkScreen } from "./support/layout";
import { outboxIds, waitForMail } from "./support/outbox";
import type { OutboxMail } from "./support/outbox";
import { signInSkippingPasskey } from "./support/sign-in";

const baseUrl = inject("baseUrl");
const stamp = Date.now().toString(36);
const DESKTOP_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";

type Viewport = "phone" | "desktop";
const VIEWPORTS: Viewport[] = ["phone", "desktop"];

let browser: Browser;
const pages: Page[] = [];
const problemLists: string[][] = [];

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const heading = (p: Page, name: string | RegExp) => p.getByRole("heading", { level: 1, name });

async function open(viewport: Viewport): Promise<{ context: BrowserContext; page: Page }> {
  const context =
    viewport === "phone"
      ? await newPhoneContext(browser, baseUrl)
      : await browser.newContext({
          baseURL: baseUrl,
          viewport: { width: 1280, height: 800 },
          userAgent: DESKTOP_UA,
          locale: "en-GB",
          timezoneId: "UTC",
        });
  const page = await context.newPage();
  problemLists.push(watchForPageProblems(page));
  pages.push(page);
  return { context, page };
}

async function signIn(p: Page, address: string) {
  await signInSkippingPasskey(p, baseUrl, address);
  await poll(() => heading(p, "Your account").isVisible()).toBe(true);
}

/** Shows the mail's HTML as a mail client would and clicks the link named `name`. */
async function clickMailLink(p: Page, mail: OutboxMail, name: RegExp): Promise<string> {
  await p.goto("about:blank");
  await p.setContent(mail.html);
  const link = p.getByRole("link", { name });
  await poll(() => link.count()).toBe(1);
  const href = (await link.getAttribute("href"))!;
  expect(href.startsWith(`${baseUrl}/`), href).toBe(true);
  await Promise.all([p.waitForURL((url) => url.href === href), link.click()]);
  return href;
}

const shot = (p: Page, viewport: Viewport, step: string) =>
  checkScreen(p, step, `self-service-${viewport}-`);

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
      .screenshot({ path: `test-results/e2e/failed-self-service-${slug}-${i}.png`, fullPage: true })
      .catch(() => {});
  }
});

afterAll(async () => {
  await browser?.close();
  for (const problems of problemLists) expect(problems).toEqual([]);
});

describe.each(VIEWPORTS)("self-service in Chromium (%s)", (viewport) => {
  it("sign-in history, then changing the email address and undoing it from the old address's email", async () => {
    const oldAddress = `change-${viewport}-${stamp}@example.com`;
    const newAddress = `changed-${viewport}-${stamp}@example.com`;
    const { page } = await open(viewport);
    await signIn(page, oldAddress);

    // Sign-in history: method, new-device badge, and never wrangler's placeholder as a place.
    const history = page.getByRole("list", { name: "Sign-in history" });
    await poll(() => history.getByText("Email code").count()).toBe(1);
    expect(await history.getByText("New device").isVisible()).toBe(true);
    expect(await history.getByText(/Local development/).isVisible()).toBe(true);
    expect(await page.getByText(/Austin/).count()).toBe(0);
    const sessions = page.getByRole("list", { name: "Your sessions" });
    expect(await sessions.getByText(/Started .*Local development/).isVisible()).toBe(true);
    await page.getByRole("heading", { name: "Sign-in history" }).scrollIntoViewIfNeeded();
    await shot(page, viewport, "history");

    await page.getByRole("button", { name: "Change email address" }).click();
    await page.getByLabel("New email address").fill(newAddress);
    const seen = await outboxIds(baseUrl);
    await shot(page, viewport, "change-email-address");
    await page.getByRole("button", { name: "Send a code to the new address" }).click();
    const codeMail = await waitForMail(
      baseUrl,
      newAddress,
      /^Confirm your new Gatehouse address: \d{6}$/,
      seen,
    );
    const code = /(\d{6})<\/p>/.exec(codeMail.html)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel("Code from the new address").fill(code!);
    await shot(page, viewport, "change-email-code");
    await page.getByRole("button", { name: "Change address" }).click();
    await poll(() => page.getByText(`Your address is now ${newAddress}.`).isVisible()).toBe(true);
    await shot(page, viewport, "change-email-done");

    // The old address is told; its link, opened with no session, puts the old address back.
    const notice = await waitForMail(
      baseUrl,
      oldAddress,
      /^The email address of your Gatehouse account changed$/,
      seen,
    );
    const mailbox = await open(viewport);
    await clickMailLink(mailbox.page, notice, /This wasn't me/);
    await poll(() => heading(mailbox.page, "Undo the email change").isVisible()).toBe(true);
    await shot(mailbox.page, viewport, "wasnt-me-confirm");
    const response = mailbox.page.waitForResponse(
      (r) => r.url() === `${baseUrl}/auth/email-revert` && r.request().method() === "POST",
    );
    await mailbox.page
      .getByRole("button", { name: `Put back ${oldAddress} and sign out everywhere` })
      .click();
    expect((await response).status()).toBe(200);
    await poll(() => heading(mailbox.page, "Your address is back").isVisible()).toBe(true);
    await shot(mailbox.page, viewport, "wasnt-me-done");

    // The session that made the change is signed out; the old address signs in again.
    await page.reload();
    await poll(() => heading(page, "Sign in to Gatehouse").isVisible()).toBe(true);
    await waitForMail(baseUrl, oldAddress, /^Your Gatehouse address was put back$/, seen);
  });

  it("deleting the account", async () => {
    const address = `delete-${viewport}-${stamp}@example.com`;
    const { page } = await open(viewport);
    await signIn(page, address);
    const seen = await outboxIds(baseUrl);
    await page.getByRole("button", { name: "Delete account…" }).click();
    const confirm = page.getByRole("button", { name: "Delete my account" });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel("Type your email address to confirm").fill(address);
    await page.getByRole("heading", { name: "Delete account" }).scrollIntoViewIfNeeded();
    await shot(page, viewport, "delete-confirm");
    await confirm.click();
    await poll(() => heading(page, "Sign in to Gatehouse").isVisible()).toBe(true);
    expect(await page.getByText(/Your account was deleted/).isVisible()).toBe(true);
    await shot(page, viewport, "delete-done");
    const mail = await waitForMail(baseUrl, address, /^Your Gatehouse account was deleted$/, seen);
    expect(mail.text).toContain("passkeys and API tokens are gone");
    await page.reload();
    await poll(() => heading(page, "Sign in to Gatehouse").isVisible()).toBe(true);
  });
});

describe("signing a phone in from a desktop by its code (QR)", () => {
  it("the phone shows a QR code and a code; the desktop enters it, sees the phone and approves", async () => {
    const address = `qr-${stamp}@example.com`;
    const desktop = await open("desktop");
    await signIn(desktop.page, address);

    const phone = await open("phone");
    await phone.page.goto("/");
    await poll(() => heading(phone.page, "Sign in to Gatehouse").isVisible()).toBe(true);
    await phone.page.getByRole("button", { name: "Sign in with another device" }).click();
    await poll(() => heading(phone.page, "Sign in with another device").isVisible()).toBe(true);
    const qr = phone.page.getByRole("img", { name: /^QR code for / });
    await poll(() => qr.isVisible()).toBe(true);
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    // As a person would: read the code off the phone's screen.
    const code = (await phone.page.getByLabel("Your code").innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await shot(phone.page, "phone", "qr-phone-code");

    const seen = await outboxIds(baseUrl);
    await desktop.page.getByRole("link", { name: "Enter a code" }).click();
    await poll(() => heading(desktop.page, "Sign in another device").isVisible()).toBe(true);
    await desktop.page.getByLabel("Code from the other device").fill(code);
    await shot(desktop.page, "desktop", "qr-desktop-enter");
    await desktop.page.getByRole("button", { name: "Continue" }).click();
    const review = desktop.page.getByRole("heading", { name: /^Sign in .*Android 14/ });
    await poll(() => review.isVisible()).toBe(true);
    expect(await desktop.page.getByText("Google Pixel 8", { exact: true }).isVisible()).toBe(true);
    expect(await desktop.page.getByText("Local development", { exact: true }).isVisible()).toBe(
      true,
    );
    expect(await desktop.page.getByText(/If someone sent you this code/).isVisible()).toBe(true);
    await shot(desktop.page, "desktop", "qr-desktop-review");
    await desktop.page.getByRole("button", { name: "Approve sign-in" }).click();
    await poll(() => desktop.page.getByText(/Approved: the other device/).isVisible()).toBe(true);
    await shot(desktop.page, "desktop", "qr-desktop-approved");

    await poll(() => heading(phone.page, "Your account").isVisible()).toBe(true);
    expect(await phone.page.getByText(address).first().isVisible()).toBe(true);
    const history = phone.page.getByRole("list", { name: "Sign-in history" });
    await poll(() => history.getByText("QR code from another device").count()).toBe(1);
    await shot(phone.page, "phone", "qr-phone-signed-in");
    const mail = await waitForMail(baseUrl, address, /^New sign-in to Gatehouse$/, seen);
    expect(mail.text).toContain("QR code");
    expect(mail.text).toContain("Approximate location: Local development");
  });
});
