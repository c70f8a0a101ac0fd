import { expect } from "vitest";
import type { Page } from "playwright-core";
import { outboxIds, waitForCode } from "./outbox";

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const heading = (p: Page, name: string) => p.getByRole("heading", { level: 1, name });

/**
 * Signs up or in by email code from `startAt`, as a person does: types the address, reads the
 * code from the mail in the dev outbox, types it. Ends on the passkey offer.
 */
export async function signInByCode(p: Page, baseUrl: string, address: string, startAt = "/") {
  await p.goto(startAt);
  await poll(() => heading(p, "Sign in to Gatehouse").isVisible()).toBe(true);
  const seen = await outboxIds(baseUrl);
  await p.getByLabel("Email address").fill(address);
  await p.getByRole("button", { name: "Email me a sign-in code" }).click();
  await poll(() => heading(p, "Check your email").isVisible()).toBe(true);
  await p.getByLabel("Sign-in code").fill(await waitForCode(baseUrl, address, seen));
  await p.getByRole("button", { name: "Sign in", exact: true }).click();
  await poll(() => heading(p, "Sign in faster with a passkey").isVisible()).toBe(true);
}

/** `signInByCode`, then "Not now" on the passkey offer. */
export async function signInSkippingPasskey(
  p: Page,
  baseUrl: string,
  address: string,
  startAt = "/",
) {
  await signInByCode(p, baseUrl, address, startAt);
  await p.getByRole("button", { name: "Not now" }).click();
}

/** Opens a console section from the desktop sidebar, the phone's tab bar, or behind "More". */
export async function openSection(p: Page, label: string) {
  const sidebar = p.getByRole("navigation", { name: "Console" });
  if (await sidebar.isVisible()) {
    await sidebar.getByRole("link", { name: label, exact: true }).click();
    return;
  }
  const tabs = p.getByRole("navigation", { name: "Sections" });
  const tab = tabs.getByRole("link", { name: label, exact: true });
  if (await tab.isVisible()) {
    await tab.click();
    return;
  }
  await tabs.getByRole("button", { name: "More" }).click();
  await p
    .getByRole("navigation", { name: "More sections" })
    .getByRole("link", { name: label, exact: true })
    .click();
}
