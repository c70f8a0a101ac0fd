// The console in a real Chromium at phone size: sign-up by email code, adding a passkey,
// signing in with the passkey alone, managing sessions from two devices, signing out.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import {
  addVirtualAuthenticator,
  IPHONE_UA,
  launchChromium,
  newPhoneContext,
  watchForPageProblems,
} from "./support/browser";
import type { VirtualAuthenticator } from "./support/browser";
import { checkScreen } from "./support/layout";
import { outboxIds, readOutbox, waitForCode, waitForMail } from "./support/outbox";

const baseUrl = inject("baseUrl");
const email = `e2e-${Date.now().toString(36)}@example.com`;
const screenshots: string[] = [];

let browser: Browser;
let phone: BrowserContext;
let page: Page;
let authenticator: VirtualAuthenticator;
let problems: string[];
let second: BrowserContext | undefined;
let secondPage: Page;
let secondProblems: string[] = [];

async function shot(p: Page, step: string) {
  screenshots.push(await checkScreen(p, step));
}

/** Retries `read` until the matcher passes; the server may take a moment (D1 writes, mail). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

const heading = (p: Page, name: string) => p.getByRole("heading", { level: 1, name });

async function requestCode(p: Page, address: string): Promise<Set<string>> {
  const seen = await outboxIds(baseUrl);
  await p.getByLabel("Email address").fill(address);
  await p.getByRole("button", { name: "Email me a sign-in code" }).click();
  await poll(() => heading(p, "Check your email").isVisible()).toBe(true);
  return seen;
}

const sessionRows = (p: Page): Locator =>
  p.getByRole("list", { name: "Your sessions" }).getByRole("listitem");

async function apiMeStatus(context: BrowserContext): Promise<number> {
  return (await context.request.get(`${baseUrl}/api/me`)).status();
}

beforeAll(async () => {
  browser = await launchChromium();
  phone = await newPhoneContext(browser, baseUrl);
  page = await phone.newPage();
  problems = watchForPageProblems(page);
  authenticator = await addVirtualAuthenticator(phone, page);
});

afterEach(async ({ task }) => {
  if (task.result?.state !== "fail") return;
  // What each open page showed when the step failed, for the person reading the report.
  const slug = task.name
    .replace(/[^a-z0-9]+/gi, "-")
    .toLowerCase()
    .slice(0, 60);
  await page?.screenshot({ path: `test-results/e2e/failed-${slug}.png`, fullPage: true });
  await secondPage?.screenshot({
    path: `test-results/e2e/failed-${slug}-second.png`,
    fullPage: true,
  });
});

afterAll(async () => {
  await browser?.close();
  if (screenshots.length) console.log(`Screenshots:\n${screenshots.join("\n")}`);
});

describe("console at 390×844", () => {
  it("serves the sign-in screen under the strict CSP", async () => {
    const response = await page.goto("/");
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response?.headers()["x-content-type-options"]).toBe("nosniff");

    await poll(() => heading(page, "Sign in to Gatehouse").isVisible()).toBe(true);
    const emailField = page.getByLabel("Email address");
    expect(await emailField.getAttribute("autocomplete")).toBe("username webauthn");
    await poll(() => page.getByRole("button", { name: "Sign in with a passkey" }).isVisible()).toBe(
      true,
    );
    await shot(page, "sign-in");
  });

  it("explains an email address the server rejects", async () => {
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByRole("button", { name: "Email me a sign-in code" }).click();
    const alert = page.getByRole("alert");
    await poll(() => alert.isVisible()).toBe(true);
    expect((await alert.textContent())?.trim()).not.toBe("");
    expect(await page.getByLabel("Email address").getAttribute("aria-invalid")).toBe("true");
    await poll(() => heading(page, "Sign in to Gatehouse").isVisible()).toBe(true);
    await shot(page, "sign-in-invalid-email");
  });

  it("emails a code and counts down before a resend is allowed", async () => {
    const seen = await requestCode(page, email);
    await poll(() => page.getByText(email).isVisible()).toBe(true);
    const resend = page.getByRole("button", { name: /^Resend code in \d:\d\d$/ });
    await poll(() => resend.isDisabled()).toBe(true);
    await shot(page, "code-sent");

    const code = await waitForCode(baseUrl, email, seen);
    await page.getByLabel("Sign-in code").fill(code);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await poll(() => heading(page, "Sign in faster with a passkey").isVisible()).toBe(true);
    await poll(() => page.getByRole("button", { name: "Not now" }).isVisible()).toBe(true);
    await shot(page, "passkey-prompt");
  });

  it("adds a passkey from the prompt", async () => {
    expect(await authenticator.credentials()).toHaveLength(0);
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await poll(() => heading(page, "Your account").isVisible()).toBe(true);
    await poll(() => page.getByText("Passkey added.").isVisible()).toBe(true);

    const credentials = await authenticator.credentials();
    expect(credentials).toHaveLength(1);
    expect(credentials[0]?.isResidentCredential).toBe(true);
    expect(credentials[0]?.rpId).toBe("localhost");

    const passkeys = page.getByRole("list", { name: "Your passkeys" }).getByRole("listitem");
    await poll(() => passkeys.count()).toBe(1);
    await shot(page, "account-with-passkey");
  });

  it("renames the passkey", async () => {
    await page.getByRole("button", { name: /^Rename / }).click();
    const name = page.getByLabel("Passkey name");
    await name.fill("Work phone");
    await shot(page, "passkey-rename");
    await page.getByRole("button", { name: "Save" }).click();
    const passkeys = page.getByRole("list", { name: "Your passkeys" });
    await poll(() => passkeys.getByText("Work phone").isVisible()).toBe(true);
    await poll(() => page.getByText("Renamed to “Work phone”.").isVisible()).toBe(true);
  });

  it("signs out", async () => {
    // Keep the sign-in page's autofill offer pending, so the next step proves the button.
    await authenticator.setPresence(false);
    const autofillOffered = page.waitForResponse((r) =>
      r.url().endsWith("/api/auth/passkey/options"),
    );
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await poll(() => heading(page, "Sign in to Gatehouse").isVisible()).toBe(true);
    await poll(() => page.getByText("You signed out.").isVisible()).toBe(true);
    expect(await apiMeStatus(phone)).toBe(401);
    expect((await autofillOffered).status()).toBe(200);
    await page.waitForTimeout(500); // the autofill request reaches the (unresponsive) authenticator
    await shot(page, "signed-out");
  });

  it("signs in with the passkey button alone and gets a sign-in email", async () => {
    await authenticator.setPresence(true);
    const seen = await outboxIds(baseUrl);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await poll(() => heading(page, "Your account").isVisible()).toBe(true);
    expect(await apiMeStatus(phone)).toBe(200);

    const current = sessionRows(page).filter({ hasText: "This device" });
    await poll(() => current.count()).toBe(1);
    await poll(async () => (await current.textContent()) ?? "").toContain("Signed in with Passkey");

    const notification = await waitForMail(baseUrl, email, /^New sign-in to Gatehouse$/, seen);
    expect(notification.text).toContain("Method: Passkey");
    const codes = (await readOutbox(baseUrl)).filter(
      (m) => !seen.has(m.id) && m.subject.startsWith("Your Gatehouse code"),
    );
    expect(codes).toEqual([]);
    await shot(page, "signed-in-with-passkey");
  });

  it(
    "signs in on a second device by email code, after the resend timer and a wrong code",
    {
      timeout: 120_000,
    },
    async () => {
      second = await newPhoneContext(browser, baseUrl, IPHONE_UA);
      secondPage = await second.newPage();
      secondProblems = watchForPageProblems(secondPage);
      await secondPage.goto("/");
      await poll(() => heading(secondPage, "Sign in to Gatehouse").isVisible()).toBe(true);
      // The first device got a code under a minute ago: the server refuses a new one (429) and
      // the console says so, counting down to when a new code may be sent.
      await requestCode(secondPage, email);
      await poll(() =>
        secondPage.getByText("A code was sent to this address moments ago").isVisible(),
      ).toBe(true);
      const countdown = secondPage.getByRole("button", { name: /^Resend code in \d:\d\d$/ });
      await poll(() => countdown.isDisabled()).toBe(true);
      await shot(secondPage, "second-device-resend-countdown");

      const resend = secondPage.getByRole("button", { name: "Resend code", exact: true });
      await resend.waitFor({ timeout: 70_000 });
      const seen = await outboxIds(baseUrl);
      await resend.click();
      const code = await waitForCode(baseUrl, email, seen);
      await poll(() => secondPage.getByText("We sent a new code.").isVisible()).toBe(true);

      const wrong = code === "000000" ? "111111" : "000000";
      await secondPage.getByLabel("Sign-in code").fill(wrong);
      await secondPage.getByRole("button", { name: "Sign in", exact: true }).click();
      const alert = secondPage.getByRole("alert");
      await poll(() => alert.isVisible()).toBe(true);
      await poll(async () => (await alert.textContent()) ?? "").toMatch(/code/i);
      await shot(secondPage, "second-device-wrong-code");

      await secondPage.getByLabel("Sign-in code").fill(code);
      await secondPage.getByRole("button", { name: "Sign in", exact: true }).click();
      // Already has a passkey: straight to the account, no prompt.
      await poll(() => heading(secondPage, "Your account").isVisible()).toBe(true);
      expect(await apiMeStatus(second)).toBe(200);
      await shot(secondPage, "second-device-account");
    },
  );

  it("revokes the second device's session from the first", async () => {
    await page.reload();
    await poll(() => sessionRows(page).count()).toBe(2);
    const other = sessionRows(page).filter({ hasNotText: "This device" });
    await poll(async () => (await other.textContent()) ?? "").toContain(
      "Signed in with Email code",
    );
    await poll(async () => (await other.textContent()) ?? "").toContain("iOS");
    await shot(page, "two-sessions");

    await other.getByRole("button", { name: /^Sign out / }).click();
    await poll(() => sessionRows(page).count()).toBe(1);
    await poll(() => page.getByText(/^Signed out .*iOS/).isVisible()).toBe(true);
    await shot(page, "other-session-revoked");
  });

  it("leaves the revoked device signed out", async () => {
    if (!second) throw new Error("the second device was not set up");
    expect(await apiMeStatus(second)).toBe(401);
    expect(await apiMeStatus(phone)).toBe(200);
    // The second device's page is still open: its next account call finds the session gone.
    await secondPage.getByRole("button", { name: "Rename Work phone" }).click();
    await secondPage.getByRole("button", { name: "Save" }).click();
    await poll(() => heading(secondPage, "Sign in to Gatehouse").isVisible()).toBe(true);
    await poll(() =>
      secondPage.getByText("Your session has ended.", { exact: false }).isVisible(),
    ).toBe(true);
    await shot(secondPage, "second-device-signed-out");
  });

  it("shows the sign-in history with both methods", async () => {
    const history = page.getByRole("list", { name: "Sign-in history" }).getByRole("listitem");
    await poll(() => history.count()).toBe(3);
    const texts = await history.allTextContents();
    expect(texts[0]).toContain("Email code"); // the second device, newest first
    expect(texts[1]).toContain("Passkey");
    expect(texts[2]).toContain("Email code");
  });

  it("shows a way back from an unknown address", async () => {
    await page.goto("/no-such-screen");
    await poll(() => heading(page, "Page not found").isVisible()).toBe(true);
    await shot(page, "not-found");
    await page.getByRole("link", { name: "Go to your account" }).click();
    await poll(() => heading(page, "Your account").isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/");
  });

  it("also lays out at desktop width", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot(page, "account-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it("signs in again through the passkey autofill on the email field", async () => {
    const before = await (await phone.request.get(`${baseUrl}/api/me`)).json();
    const seen = await outboxIds(baseUrl);
    const loggedOut = page.waitForResponse((r) => r.url().endsWith("/api/auth/logout"));
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    expect((await loggedOut).status()).toBe(200);
    // No click: the authenticator answers the conditional-UI request the sign-in page makes.
    await waitForMail(baseUrl, email, /^New sign-in to Gatehouse$/, seen);
    await poll(() => heading(page, "Your account").isVisible()).toBe(true);
    const after = await (await phone.request.get(`${baseUrl}/api/me`)).json();
    expect(after.session.id).not.toBe(before.session.id);
    const current = sessionRows(page).filter({ hasText: "This device" });
    await poll(() => current.textContent()).toContain("Signed in with Passkey");
  });

  it("deletes the passkey after confirming", async () => {
    await page.getByRole("button", { name: "Delete Work phone" }).click();
    await shot(page, "passkey-delete-confirm");
    await page.getByRole("button", { name: "Delete passkey" }).click();
    await expect
      .poll(() => page.getByText("No passkeys yet.", { exact: false }).isVisible())
      .toBe(true);
    await poll(() => page.getByText("Passkey “Work phone” deleted.").isVisible()).toBe(true);
    await shot(page, "passkey-deleted");
  });

  it("signs out, and the deleted passkey no longer signs in", async () => {
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await poll(() => heading(page, "Sign in to Gatehouse").isVisible()).toBe(true);
    // The authenticator still holds the credential and offers it; the server refuses it.
    const alert = page.getByRole("alert");
    await poll(() => alert.textContent()).toContain("not registered");
    expect(await apiMeStatus(phone)).toBe(401);
    await shot(page, "deleted-passkey-refused");
  });

  it("lets a new account skip the passkey prompt", async () => {
    const context = await newPhoneContext(browser, baseUrl);
    const newcomer = await context.newPage();
    const newcomerProblems = watchForPageProblems(newcomer);
    const address = `e2e-new-${Date.now().toString(36)}@example.com`;
    await newcomer.goto("/");
    await poll(() => heading(newcomer, "Sign in to Gatehouse").isVisible()).toBe(true);
    const seen = await requestCode(newcomer, address);
    await newcomer.getByLabel("Sign-in code").fill(await waitForCode(baseUrl, address, seen));
    await newcomer.getByRole("button", { name: "Sign in", exact: true }).click();
    await poll(() => heading(newcomer, "Sign in faster with a passkey").isVisible()).toBe(true);

    await newcomer.getByRole("button", { name: "Not now" }).click();
    await poll(() => heading(newcomer, "Your account").isVisible()).toBe(true);
    await poll(() => newcomer.getByText("No passkeys yet.", { exact: false }).isVisible()).toBe(
      true,
    );
    // The account's header names the address (the delete-account section repeats it).
    await poll(() => newcomer.locator("header").getByText(address).isVisible()).toBe(true);
    await shot(newcomer, "new-account-skipped-passkey");
    expect(newcomerProblems).toEqual([]);
    await context.close();
  });

  it("raised no page errors or CSP violations", () => {
    expect(problems).toEqual([]);
    expect(secondProblems).toEqual([]);
  });
});
