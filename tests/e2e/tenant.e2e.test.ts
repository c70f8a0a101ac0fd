// The tenant screens in a real Chromium at phone size: policies with live lint, a run's trace,
// approving from the phone, verifying the audit log in the browser, the vault (values never
// shown), API tokens shown once, members and invitations, and what another role sees.
import { verifyTlogProof } from "../../core/audit/c2sp-proof";
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { openRun, proposeStep, readStep } from "./support/agent";
import type { OpenedRun, ProposedStep } from "./support/agent";
import { launchChromium, newPhoneContext, watchForPageProblems } from "./support/browser";
import { checkScreen } from "./support/layout";
import { outboxIds, waitForMail } from "./support/outbox";
import { signInSkippingPasskey, openSection } from "./support/sign-in";

const baseUrl = inject("baseUrl");
const stamp = Date.now().toString(36);
const email = `tenant-${stamp}@example.com`;
const invitee = `invitee-${stamp}@example.com`;
// Fake keys, long enough to look real; the page must never contain them.
const OPENAI_VALUE = `sk-test-${stamp}Zq81LmN0pQ7rS2tU9vW4xY`;
const GITHUB_VALUE = `ghp_test${stamp}A1b2C3d4E5f6G7h8I9j0`;

const BROKEN_POLICY = `version: 1
defaults:
  on_no_match: deny
rules:
  - id: search
    match: { tool: search }
    decision: alow
  - id: pay-needs-approval
    match: { tool: pay }
    decision: approve_required
    approvers: [owner]
    reason: payments need a person
`;
const FIXED_POLICY = BROKEN_POLICY.replace("decision: alow", "decision: allow");

const screenshots: string[] = [];
let browser: Browser;
let phone: BrowserContext;
let page: Page;
let problems: string[];
let tenantId = "";
let run: OpenedRun;
let payStep: ProposedStep;
let second: BrowserContext | undefined;
let secondPage: Page | undefined;
let secondProblems: string[] = [];

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const heading = (p: Page, name: string | RegExp) => p.getByRole("heading", { level: 1, name });

async function shot(p: Page, step: string) {
  screenshots.push(await checkScreen(p, step, "tenant-"));
}

const signUp = (p: Page, address: string, startAt = "/") =>
  signInSkippingPasskey(p, baseUrl, address, startAt);

async function typePolicy(source: string) {
  await page.getByLabel("Policy (YAML)").fill(source);
}

beforeAll(async () => {
  browser = await launchChromium();
  phone = await newPhoneContext(browser, baseUrl);
  await phone.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
  page = await phone.newPage();
  problems = watchForPageProblems(page);
});

afterEach(async ({ task }) => {
  if (task.result?.state !== "fail") return;
  const slug = task.name
    .replace(/[^a-z0-9]+/gi, "-")
    .toLowerCase()
    .slice(0, 60);
  await page?.screenshot({ path: `test-results/e2e/failed-tenant-${slug}.png`, fullPage: true });
  await secondPage?.screenshot({
    path: `test-results/e2e/failed-tenant-${slug}-second.png`,
    fullPage: true,
  });
});

afterAll(async () => {
  await browser?.close();
  if (screenshots.length) console.log(`Screenshots:\n${screenshots.join("\n")}`);
});

describe("tenant screens at 390×844", () => {
  it("signs up and lands in the personal tenant with a phone tab bar", async () => {
    await signUp(page, email);
    await poll(() => heading(page, "Your account").isVisible()).toBe(true);
    const me = await (await phone.request.get(`${baseUrl}/api/me`)).json();
    tenantId = me.memberships[0].tenant_id;
    expect(me.memberships[0].role).toBe("owner");

    const tabs = page.getByRole("navigation", { name: "Sections" });
    expect(await tabs.getByRole("link").allTextContents()).toEqual([
      "Approvals",
      "Runs",
      "Policies",
      "Vault",
    ]);
    const more = tabs.getByRole("button", { name: "More" });
    expect(await more.getAttribute("aria-expanded")).toBe("false");
    await more.click();
    expect(await more.getAttribute("aria-expanded")).toBe("true");
    const sheet = page.getByRole("navigation", { name: "More sections" });
    expect(await sheet.getByRole("link").allTextContents()).toEqual([
      "Members",
      "Tokens",
      "Audit",
      "Conversations",
      "MCP",
      "Account",
    ]);
    await shot(page, "more-menu");
    await page.keyboard.press("Escape");
    await poll(() => sheet.isVisible()).toBe(false);
  });

  it("lints a broken policy live with line:column, then saves and activates the fix", async () => {
    await openSection(page, "Policies");
    await poll(() => heading(page, "Policies").isVisible()).toBe(true);
    const versions = page.getByRole("list", { name: "Policy versions" }).getByRole("listitem");
    await poll(() => versions.count()).toBe(1);
    await poll(async () => (await versions.first().textContent()) ?? "").toContain("Active");
    await shot(page, "policies");

    await page.getByRole("link", { name: "New version" }).click();
    await poll(() => heading(page, "New policy version").isVisible()).toBe(true);
    await poll(() => page.getByText("✓ No problems").isVisible()).toBe(true); // the default policy
    await typePolicy(BROKEN_POLICY);
    const lint = page.getByRole("list", { name: "Lint results" });
    await poll(() => lint.isVisible()).toBe(true);
    const finding = lint.getByRole("button").first();
    await poll(async () => (await finding.textContent()) ?? "").toMatch(
      /^7:15\s*error\s*unknown verdict "alow"/,
    );
    expect(await page.getByLabel("Policy (YAML)").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator(".editor-gutter .gutter-error").allTextContents()).toEqual(["7"]);
    await poll(
      async () => (await page.locator(".bd-line.line-error .lint-mark").textContent()) ?? "",
    ).toBe("alow");
    await poll(() => page.getByRole("status").filter({ hasText: "1 error" }).isVisible()).toBe(
      true,
    );
    await shot(page, "policy-lint-error");

    // Saving is refused in the browser while the lint has errors; the finding is one tap away.
    await page.getByRole("button", { name: "Save as new version" }).click();
    await poll(() => page.getByRole("alert").textContent()).toContain("Fix the error first.");
    await finding.click();
    const caret = await page
      .getByLabel("Policy (YAML)")
      .evaluate((el) => (el as HTMLTextAreaElement).selectionStart);
    expect(BROKEN_POLICY.slice(caret, caret + 4)).toBe("alow");

    await typePolicy(FIXED_POLICY);
    await poll(() => page.getByText(/✓ No problems · bundle [0-9a-f]{12}…/).isVisible()).toBe(true);
    expect(await lint.count()).toBe(0);
    await shot(page, "policy-lint-ok");

    await page.getByRole("button", { name: "Save as new version" }).click();
    await poll(() => heading(page, "Policy version 2").isVisible()).toBe(true);
    await poll(() => page.getByText("Saved as version 2.").isVisible()).toBe(true);
    await poll(() => page.getByText("Inactive").isVisible()).toBe(true);
    await poll(
      async () =>
        (await page.getByRole("region", { name: "Source of version 2" }).textContent()) ?? "",
    ).toContain("payments need a person");

    await page.getByRole("button", { name: "Activate version 2" }).click();
    await shot(page, "policy-activate-confirm");
    await page.getByRole("button", { name: "Activate version 2" }).click();
    await poll(() => page.getByText("Version 2 is now the active policy.").isVisible()).toBe(true);
    await poll(() => page.getByText("Active", { exact: true }).isVisible()).toBe(true);
    const list = await (
      await phone.request.get(`${baseUrl}/api/tenants/${tenantId}/policies`)
    ).json();
    expect(list.policies.find((p: { active: boolean }) => p.active).version).toBe(2);
    await shot(page, "policy-activated");
  });

  it("shows bundle ids in full on tap and compares two versions", async () => {
    await page.getByRole("link", { name: "← All versions" }).click();
    const bundle = page
      .getByRole("list", { name: "Policy versions" })
      .getByRole("listitem")
      .first()
      .getByRole("button", { name: /^Bundle / });
    expect(await bundle.getAttribute("aria-expanded")).toBe("false");
    await poll(async () => (await bundle.textContent()) ?? "").toMatch(/^Bundle [0-9a-f]{12}…$/);
    await bundle.click();
    expect(await bundle.getAttribute("aria-expanded")).toBe("true");
    await poll(async () => (await bundle.textContent()) ?? "").toMatch(/^Bundle [0-9a-f]{64}$/);

    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await poll(() => heading(page, "Version 1 → 2").isVisible()).toBe(true);
    const diff = page.getByRole("region", { name: "Line differences" });
    await poll(() => diff.isVisible()).toBe(true);
    const added = diff.locator(".diff-add");
    expect(await added.count()).toBeGreaterThan(0);
    expect((await added.allTextContents()).join("\n")).toContain("pay-needs-approval");
    expect((await diff.locator(".diff-del").allTextContents()).join("\n")).toContain(
      "email-needs-approval",
    );
    await shot(page, "policy-diff");
  });

  it("shows a run's step trace with colour-coded verdicts", async () => {
    run = await openRun(phone, baseUrl, tenantId, "e2e-agent");
    const search = await proposeStep(baseUrl, tenantId, run, {
      tool: "search",
      args: { query: "open invoices" },
      idempotency_key: "step-1",
    });
    expect(search).toMatchObject({
      verdict: "allow",
      status: "executing",
      rule_id: "tenant:search",
    });
    payStep = await proposeStep(baseUrl, tenantId, run, {
      tool: "pay",
      args: { invoice: "INV-42", amount: 4200, currency: "EUR" },
      idempotency_key: "step-2",
    });
    expect(payStep).toMatchObject({ verdict: "approve_required", status: "awaiting_approval" });

    await openSection(page, "Runs");
    await poll(() => heading(page, "Runs").isVisible()).toBe(true);
    const runs = page.getByRole("list", { name: "Runs" }).getByRole("listitem");
    await poll(() => runs.count()).toBe(1);
    await poll(async () => (await runs.first().textContent()) ?? "").toContain("2 steps");
    await shot(page, "runs");

    await runs.first().getByRole("link").click();
    await poll(() => heading(page, "e2e-agent").isVisible()).toBe(true);
    const steps = page.getByRole("list", { name: "Step trace" }).getByRole("listitem");
    await poll(() => steps.count()).toBe(2);
    const [first, second] = [steps.nth(0), steps.nth(1)];
    expect(await first.getAttribute("class")).toContain("verdict-allow");
    await poll(async () => (await first.textContent()) ?? "").toMatch(
      /search.*Allow.*Executing.*tenant:search/s,
    );
    expect(await second.getAttribute("class")).toContain("verdict-approve_required");
    await poll(async () => (await second.textContent()) ?? "").toMatch(
      /pay.*Needs approval.*Awaiting approval.*tenant:pay-needs-approval.*payments need a person/s,
    );
    const args = second.getByText("Arguments", { exact: true });
    expect(await second.getByText('"INV-42"').isVisible()).toBe(false);
    await args.click();
    await poll(() => second.getByText(/"invoice": "INV-42"/).isVisible()).toBe(true);
    await shot(page, "run-trace");
  });

  it("approves the pending call from the Approvals screen, with a required reason", async () => {
    await openSection(page, "Approvals");
    await poll(() => heading(page, "Approvals").isVisible()).toBe(true);
    const cards = page.getByRole("list", { name: "Pending approvals" }).getByRole("listitem");
    await poll(() => cards.count()).toBe(1);
    const card = cards.first();
    await poll(() => card.getByRole("heading", { name: "pay" }).isVisible()).toBe(true);
    await poll(async () => (await card.getByRole("timer").textContent()) ?? "").toMatch(
      /^Expires in (29|30):\d\d$/,
    );
    await poll(async () => (await card.textContent()) ?? "").toContain('"amount": 4200');
    await poll(async () => (await card.textContent()) ?? "").toContain("owner");
    await shot(page, "approvals");

    await card.getByRole("button", { name: "Approve pay" }).click();
    const reason = card.getByLabel("Reason (required)");
    await poll(() => reason.getAttribute("aria-invalid")).toBe("true");
    await poll(async () => (await card.getByRole("alert").textContent()) ?? "").toContain(
      "Give a reason",
    );
    await shot(page, "approval-needs-reason");

    await reason.fill("Invoice INV-42 matches the purchase order");
    await card.getByRole("button", { name: "Approve pay" }).click();
    await poll(() => page.getByText("Approved pay.", { exact: false }).isVisible()).toBe(true);
    await poll(() => page.getByText("Nothing is waiting for you").isVisible()).toBe(true);
    await shot(page, "approvals-empty");

    expect((await readStep(baseUrl, tenantId, run, payStep.step_id)).status).toBe("executing");
    await page.goto(`/t/${tenantId}/runs/${run.runId}`);
    const steps = page.getByRole("list", { name: "Step trace" }).getByRole("listitem");
    await poll(() => steps.nth(1).getAttribute("data-status")).toBe("executing");
    await poll(async () => (await steps.nth(1).textContent()) ?? "").toContain("Executing");
  });

  it("cancels a run, and its pending approval with it", async () => {
    const other = await openRun(phone, baseUrl, tenantId, "stuck-agent");
    const pending = await proposeStep(baseUrl, tenantId, other, {
      tool: "pay",
      args: { invoice: "INV-43", amount: 1 },
      idempotency_key: "step-1",
    });
    expect(pending.status).toBe("awaiting_approval");
    await page.goto(`/t/${tenantId}/runs/${other.runId}`);
    await poll(() => heading(page, "stuck-agent").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Cancel run…" }).click();
    await page.getByLabel("Reason (optional)").fill("Agent is looping");
    await shot(page, "run-cancel-confirm");
    await page.getByRole("button", { name: "Cancel run", exact: true }).click();
    await poll(() => page.getByText("Run cancelled.", { exact: false }).isVisible()).toBe(true);
    const step = page.getByRole("list", { name: "Step trace" }).getByRole("listitem").first();
    await poll(() => step.getAttribute("data-status")).toBe("cancelled");
    expect(await page.getByRole("button", { name: "Cancel run…" }).count()).toBe(0);
    const approvals = await (
      await phone.request.get(`${baseUrl}/api/tenants/${tenantId}/approvals`)
    ).json();
    expect(approvals.approvals).toEqual([]);
  });

  it("upgrades an old-style link to the same screen at the tenant's address", async () => {
    // A link from before the tenant was in the URL lands on the same run, in the tenant.
    await page.goto(`/runs/${run.runId}`);
    await poll(() => heading(page, "e2e-agent").isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe(`/t/${tenantId}/runs/${run.runId}`);

    // Where an approval notice's link used to redirect: the tenant and approval in the query.
    const waiting = await openRun(phone, baseUrl, tenantId, "legacy-link-agent");
    const step = await proposeStep(baseUrl, tenantId, waiting, {
      tool: "pay",
      args: { invoice: "INV-44", amount: 3 },
      idempotency_key: "step-1",
    });
    expect(step.status).toBe("awaiting_approval");
    const approvals = await (
      await phone.request.get(`${baseUrl}/api/tenants/${tenantId}/approvals`)
    ).json();
    const approvalId: string = approvals.approvals.find(
      (a: { run_id: string }) => a.run_id === waiting.runId,
    ).id;
    await page.goto(`/approvals?tenant=${tenantId}&approval=${approvalId}`);
    const card = page.locator(`[data-approval="${approvalId}"]`);
    await poll(() => card.getAttribute("class")).toContain("focused");
    expect(page.url()).toBe(`${baseUrl}/t/${tenantId}/approvals?id=${approvalId}`);
    await shot(page, "legacy-approval-link");
  });

  it("keeps the address in step with the screen: links, back and forward", async () => {
    await openSection(page, "Runs");
    await poll(() => heading(page, "Runs").isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe(`/t/${tenantId}/runs`);
    await page
      .getByRole("list", { name: "Runs" })
      .getByRole("link")
      .filter({ hasText: "e2e-agent" })
      .click();
    await poll(() => heading(page, "e2e-agent").isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe(`/t/${tenantId}/runs/${run.runId}`);
    await page.goBack();
    await poll(() => heading(page, "Runs").isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe(`/t/${tenantId}/runs`);
    await page.goForward();
    await poll(() => heading(page, "e2e-agent").isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe(`/t/${tenantId}/runs/${run.runId}`);
    // A tenant's bare address opens its first section.
    await page.goto(`/t/${tenantId}`);
    await poll(() => heading(page, "Approvals").isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe(`/t/${tenantId}/approvals`);
    // The rewritten address's screen is replaced on the next navigation, not left behind.
    await openSection(page, "Runs");
    await poll(() => heading(page, "Runs").isVisible()).toBe(true);
    expect(await page.getByRole("heading", { level: 1 }).allTextContents()).toEqual(["Runs"]);

    // Leaving a screen while it still loads: its answers, arriving late, do not bring it back.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let finished = 0;
    const isApprovals = (url: string) => url.includes(`/api/tenants/${tenantId}/approvals?`);
    const onFinished = (r: { url: () => string }) => void (isApprovals(r.url()) && finished++);
    page.on("requestfinished", onFinished);
    await page.route(`**/api/tenants/${tenantId}/approvals?*`, async (route) => {
      await held;
      await route.continue();
    });
    await openSection(page, "Approvals");
    await poll(() => heading(page, "Approvals").isVisible()).toBe(true);
    await openSection(page, "Runs");
    await poll(() => heading(page, "Runs").isVisible()).toBe(true);
    release();
    await poll(() => finished).toBeGreaterThanOrEqual(2);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 250)));
    expect(await page.getByRole("heading", { level: 1 }).allTextContents()).toEqual(["Runs"]);
    await page.unroute(`**/api/tenants/${tenantId}/approvals?*`);
    page.off("requestfinished", onFinished);
  });

  it("verifies the audit log in the browser and exports it", async () => {
    await openSection(page, "Audit");
    await poll(() => heading(page, "Audit log").isVisible()).toBe(true);
    const jwks = await (await fetch(`${baseUrl}/.well-known/jwks.json`)).json();
    const kid = jwks.keys[0].kid as string;

    await page.getByRole("button", { name: "Verify", exact: true }).click();
    const verdict = page.getByRole("status").filter({ hasText: "verified" });
    await poll(() => verdict.isVisible()).toBe(true);
    const text = (await verdict.textContent()) ?? "";
    expect(text).toMatch(/^✓ (\d+) events verified, root [0-9a-f]{16}…, signed by kid /);
    expect(text.endsWith(`signed by kid ${kid}`)).toBe(true);
    const verifiedCount = Number(/(\d+) events/.exec(text)![1]);

    const events = page.getByRole("list", { name: "Audit events" }).getByRole("listitem");
    await poll(() => events.count()).toBeGreaterThanOrEqual(verifiedCount - 1);
    await page.getByLabel("Show").selectOption("approval.approved");
    await poll(() => events.count()).toBe(1);
    await poll(async () => (await events.first().textContent()) ?? "").toContain(
      "approval.approved",
    );
    await shot(page, "audit-verified");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export JSONL" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-.+\.jsonl$/);
    const lines = readFileSync((await file.path())!, "utf8")
      .trim()
      .split("\n");
    expect(JSON.parse(lines[0]!).seq).toBe(1);
    expect(JSON.parse(lines[lines.length - 1]!)).toHaveProperty("checkpoint");

    // The shown event's .tlog-proof, verified offline against the tenant's published log key.
    const seq = Number(await events.first().getAttribute("data-seq"));
    const proofDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: `Download the .tlog-proof of event ${seq}` }).click();
    const proofFile = await proofDownload;
    expect(proofFile.suggestedFilename()).toBe(`audit-${tenantId}-${seq}.tlog-proof`);
    const proofText = readFileSync((await proofFile.path())!, "utf8");
    const logKeys = await (
      await phone.request.get(`${baseUrl}/api/tenants/${tenantId}/audit/log-keys`)
    ).json();
    const checked = await verifyTlogProof(proofText, { logKeys: logKeys.keys });
    expect(checked).toMatchObject({ ok: true, index: seq - 1 });
  });

  it("stores a secret and only ever shows ***last4", async () => {
    await openSection(page, "Vault");
    await poll(() => heading(page, "Vault").isVisible()).toBe(true);
    await poll(() => page.getByText("No secrets yet.").isVisible()).toBe(true);
    await poll(() => page.getByText("Stored encrypted, never sent to the AI.").isVisible()).toBe(
      true,
    );
    await page.getByLabel("Name", { exact: true }).fill("openai_api_key");
    const value = page.getByLabel("Value", { exact: true });
    expect(await value.getAttribute("type")).toBe("password");
    await value.fill(OPENAI_VALUE);
    await shot(page, "vault-add");
    await page.getByRole("button", { name: "Save secret" }).click();

    const rows = page.getByRole("list", { name: "Secrets" }).getByRole("listitem");
    await poll(() => rows.count()).toBe(1);
    await poll(async () => (await rows.first().textContent()) ?? "").toContain("OPENAI_API_KEY");
    await poll(async () => (await rows.first().locator(".masked").textContent()) ?? "").toBe(
      `***${OPENAI_VALUE.slice(-4)}`,
    );
    await poll(() => page.getByText("OPENAI_API_KEY saved.").isVisible()).toBe(true);
    expect(await value.inputValue()).toBe("");
    expect(await page.content()).not.toContain(OPENAI_VALUE);
    expect(await page.content()).not.toContain(OPENAI_VALUE.slice(0, 12));
    await shot(page, "vault-saved");

    await page.getByRole("button", { name: "Rotate data key" }).click();
    await page.getByRole("button", { name: "Rotate now" }).click();
    await poll(() =>
      page.getByText("Data key rotated to version 2; 1 secret re-encrypted.").isVisible(),
    ).toBe(true);
  });

  it("asks to confirm it's you when a rotation needs a fresh sign-in, then retries it", async () => {
    // The sign-in is minutes old, so the server would accept the rotation: answer the first
    // attempt as a session older than 10 minutes would get it, and stand in for the email code.
    let refused = 0;
    await page.route("**/api/tenants/*/keys/rotate", async (route) => {
      if (refused > 0) return route.continue();
      refused++;
      await route.fulfill({
        status: 403,
        contentType: "application/json",
        body: JSON.stringify({
          error: {
            code: "step_up_required",
            message: "Confirm it's you: sign in again with your passkey or an email code.",
            issues: [],
          },
        }),
      });
    });
    const stepUpCodes: string[] = [];
    await page.route("**/api/auth/otp/start", (route) =>
      route.fulfill({ status: 202, contentType: "application/json", body: "{}" }),
    );
    await page.route("**/api/auth/step-up/otp", async (route) => {
      stepUpCodes.push(JSON.parse(route.request().postData() ?? "{}").code);
      await route.fulfill({
        status: 200,
        contentType: "application/json",
        body: JSON.stringify({ ok: true, step_up_valid_until: new Date().toISOString() }),
      });
    });

    await page.getByRole("button", { name: "Rotate data key" }).click();
    await page.getByRole("button", { name: "Rotate now" }).click();
    await poll(() => page.getByText("Confirm it's you.").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Rotate now" }).count()).toBe(0);
    await page.getByRole("button", { name: "Email me a code" }).click();
    await page.getByLabel("Code from your email").fill("123456");
    await shot(page, "vault-step-up");
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await poll(() =>
      page.getByText("Data key rotated to version 3; 1 secret re-encrypted.").isVisible(),
    ).toBe(true);
    expect(refused).toBe(1);
    expect(stepUpCodes).toEqual(["123456"]);
    await page.unrouteAll();
  });

  it("answers an agent's ask_secret with a masked field and shows only “secret saved”", async () => {
    const asked = await phone.request.post(`${baseUrl}/api/tenants/${tenantId}/secret-requests`, {
      data: {
        name: "GITHUB_TOKEN",
        description: "To open the pull request with the fix",
        destination: { origin: "https://api.github.com" },
      },
      headers: { origin: baseUrl },
    });
    expect(asked.status()).toBe(201);
    await page.reload();
    const requests = page.getByRole("list", { name: "Secret requests" }).getByRole("listitem");
    await poll(() => requests.count()).toBe(1);
    await poll(async () => (await requests.first().textContent()) ?? "").toContain(
      "To open the pull request",
    );
    const field = page.getByLabel("Value for GITHUB_TOKEN");
    expect(await field.getAttribute("type")).toBe("password");
    await field.fill(GITHUB_VALUE);
    await shot(page, "vault-ask-secret");
    await requests.first().getByRole("button", { name: "Save secret" }).click();
    await poll(() => page.getByText("GITHUB_TOKEN: secret saved.").isVisible()).toBe(true);
    const rows = page.getByRole("list", { name: "Secrets" }).getByRole("listitem");
    await poll(() => rows.count()).toBe(2);
    expect(await page.content()).not.toContain(GITHUB_VALUE);
    expect(await page.content()).not.toContain(OPENAI_VALUE);
    const stored = await (
      await phone.request.get(`${baseUrl}/api/tenants/${tenantId}/secrets`)
    ).json();
    expect(stored.secrets.map((s: { masked: string }) => s.masked)).toEqual([
      `***${GITHUB_VALUE.slice(-4)}`,
      `***${OPENAI_VALUE.slice(-4)}`,
    ]);
    await shot(page, "vault-request-answered");
  });

  it("binds a secret to a header destination, lists it, then removes it", async () => {
    const STRIPE_VALUE = `sk_live_test${stamp}Q9w8E7r6T5y4`;
    await page.getByLabel("Name", { exact: true }).fill("STRIPE_KEY");
    await page.getByLabel("Value", { exact: true }).fill(STRIPE_VALUE);
    await page.getByRole("button", { name: "Save secret" }).click();
    const row = page.locator('[data-secret="STRIPE_KEY"]');
    const where = row.locator("[data-destinations]");
    await poll(() => where.textContent()).toContain("Unbound");

    await row.getByRole("button", { name: "Destinations of STRIPE_KEY" }).click();
    const editor = page.getByRole("group", { name: "Destinations of STRIPE_KEY" });
    await poll(() =>
      editor.getByText("No destinations: the secret can be sent nowhere.").isVisible(),
    ).toBe(true);
    expect(await editor.getByLabel("Header").inputValue()).toBe("authorization");
    // Checked in the browser before anything is sent.
    await editor.getByLabel("Origin").fill("http://api.example.com");
    await editor.getByRole("button", { name: "Add destination" }).click();
    await poll(() =>
      editor.getByText("Secrets travel in headers over https only.").isVisible(),
    ).toBe(true);
    await editor.getByLabel("Origin").fill("https://api.example.com/v1");
    await editor.getByRole("button", { name: "Add destination" }).click();
    await poll(() =>
      editor
        .getByText("An origin is scheme://host[:port], with no path, query or credentials.")
        .isVisible(),
    ).toBe(true);
    await editor.getByLabel("Origin").fill("https://API.example.com");
    await editor.getByRole("button", { name: "Add destination" }).click();
    const entries = editor
      .getByRole("list", { name: "Where STRIPE_KEY may be sent" })
      .getByRole("listitem");
    await poll(() => entries.allTextContents()).toEqual([
      "https://api.example.com (authorization header)Remove",
    ]);
    await shot(page, "vault-destination-added");
    await editor.getByRole("button", { name: "Save destinations" }).click();
    await poll(() => where.textContent()).toBe(
      "Sent only to https://api.example.com (authorization header)",
    );
    await poll(() => page.getByText("STRIPE_KEY's destinations saved.").isVisible()).toBe(true);
    const saved = await (
      await phone.request.get(`${baseUrl}/api/tenants/${tenantId}/secrets`)
    ).json();
    expect(
      saved.secrets.find((s: { name: string }) => s.name === "STRIPE_KEY").destinations,
    ).toEqual([
      { origin: "https://api.example.com", via: { kind: "header", name: "authorization" } },
    ]);
    await shot(page, "vault-destination-bound");

    // Removing it, with the sign-in answered as a stale one: "Confirm it's you", then the save.
    let refused = 0;
    await page.route("**/api/tenants/*/secrets/STRIPE_KEY/destinations", async (route) => {
      if (refused > 0) return route.continue();
      refused++;
      await route.fulfill({
        status: 403,
        contentType: "application/json",
        body: JSON.stringify({
          error: {
            code: "step_up_required",
            message: "Confirm it's you: sign in again with your passkey or an email code.",
            issues: [],
          },
        }),
      });
    });
    await page.route("**/api/auth/otp/start", (route) =>
      route.fulfill({ status: 202, contentType: "application/json", body: "{}" }),
    );
    await page.route("**/api/auth/step-up/otp", (route) =>
      route.fulfill({
        status: 200,
        contentType: "application/json",
        body: JSON.stringify({ ok: true, step_up_valid_until: new Date().toISOString() }),
      }),
    );
    await row.getByRole("button", { name: "Destinations of STRIPE_KEY" }).click();
    await editor
      .getByRole("button", { name: "Remove https://api.example.com (authorization header)" })
      .click();
    await poll(() =>
      editor.getByText("No destinations: the secret can be sent nowhere.").isVisible(),
    ).toBe(true);
    await editor.getByRole("button", { name: "Save destinations" }).click();
    await poll(() => editor.getByText("Confirm it's you.").isVisible()).toBe(true);
    await editor.getByRole("button", { name: "Email me a code" }).click();
    await editor.getByLabel("Code from your email").fill("123456");
    await shot(page, "vault-destination-step-up");
    await editor.getByRole("button", { name: "Confirm", exact: true }).click();
    await poll(() => where.textContent()).toContain("Unbound");
    await poll(() =>
      page.getByText("STRIPE_KEY is unbound: it can be sent nowhere.").isVisible(),
    ).toBe(true);
    expect(refused).toBe(1);
    await page.unrouteAll();
    await shot(page, "vault-destination-removed");

    // A new secret can be stored bound; a bad origin is refused before anything is stored.
    const HOOK_VALUE = `whsec_test${stamp}M3n4B5v6C7x8`;
    await page.getByLabel("Name", { exact: true }).fill("HOOK_TOKEN");
    await page.getByLabel("Value", { exact: true }).fill(HOOK_VALUE);
    const form = page.locator("form.add-form");
    await form.getByLabel("Origin").fill("https://*.com");
    await form.getByRole("button", { name: "Save secret" }).click();
    await poll(() =>
      form
        .getByText("A wildcard needs at least two labels after it (*.example.com, not *.com).")
        .isVisible(),
    ).toBe(true);
    expect(await page.locator('[data-secret="HOOK_TOKEN"]').count()).toBe(0);
    await form.getByLabel("Origin").fill("https://*.example.com");
    await form.getByLabel("Header").fill("X-Hook-Token");
    await form.getByLabel("Value", { exact: true }).fill(HOOK_VALUE);
    await form.getByRole("button", { name: "Save secret" }).click();
    await poll(() =>
      page.locator('[data-secret="HOOK_TOKEN"] [data-destinations]').textContent(),
    ).toBe("Sent only to https://*.example.com (x-hook-token header)");
    expect(await page.content()).not.toContain(STRIPE_VALUE);
    expect(await page.content()).not.toContain(HOOK_VALUE);
    await shot(page, "vault-stored-bound");
  });

  it("creates an API token, shows it once, and forgets it after a reload", async () => {
    await openSection(page, "Tokens");
    await poll(() => heading(page, "API tokens").isVisible()).toBe(true);
    await page.getByLabel("Name", { exact: true }).fill("CI deploys");
    await page.getByLabel("Role", { exact: true }).selectOption("viewer");
    await page.getByRole("button", { name: "Create token" }).click();
    await poll(() =>
      page.getByRole("heading", { name: "Copy your new token now" }).isVisible(),
    ).toBe(true);
    await poll(() => page.getByText("You won't see it again.").isVisible()).toBe(true);
    const token = ((await page.getByLabel("New API token").textContent()) ?? "").trim();
    expect(token).toMatch(/^gth_[A-Za-z0-9_-]{40,}$/);
    await page.getByRole("button", { name: "Copy token" }).click();
    await poll(() => page.getByText("Copied to the clipboard.").isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await shot(page, "token-created");

    // The token really works (as a viewer), and is not kept anywhere in the page after a reload.
    const asToken = await fetch(`${baseUrl}/api/tenants/${tenantId}/policies`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(asToken.status).toBe(200);
    await page.reload();
    const rows = page.getByRole("list", { name: "API tokens" }).getByRole("listitem");
    await poll(() => rows.count()).toBe(1);
    await poll(async () => (await rows.first().textContent()) ?? "").toMatch(
      /CI deploys.*Viewer.*active/s,
    );
    expect(await page.getByText("Copy your new token now").count()).toBe(0);
    expect(await page.content()).not.toContain(token);
    await shot(page, "tokens-after-reload");
  });

  it("invites someone by email as an operator", async () => {
    const seen = await outboxIds(baseUrl);
    await openSection(page, "Members");
    await poll(() => heading(page, "Members").isVisible()).toBe(true);
    const people = page.getByRole("list", { name: "Members" }).getByRole("listitem");
    await poll(() => people.count()).toBe(1);
    await poll(async () => (await people.first().textContent()) ?? "").toContain("You");
    await page.getByLabel("Email address").fill(invitee);
    await page.getByLabel("Role", { exact: true }).selectOption("operator");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await poll(() => page.getByText(`Invitation sent to ${invitee} as operator.`).isVisible()).toBe(
      true,
    );
    const invites = page.getByRole("list", { name: "Invitations" }).getByRole("listitem");
    await poll(() => invites.count()).toBe(1);
    await poll(async () => (await invites.first().textContent()) ?? "").toMatch(
      /pending.*Operator/s,
    );
    await waitForMail(baseUrl, invitee, /./, seen);
    await shot(page, "members-invited");
  });

  it("lets the invitee join from the email link and hides what an operator cannot use", async () => {
    const mail = await waitForMail(baseUrl, invitee, /./, new Set());
    const link = /https?:\/\/\S+\/invite\?token=[^\s"<>]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    const path = new URL(link!).pathname + new URL(link!).search;

    second = await newPhoneContext(browser, baseUrl);
    secondPage = await second.newPage();
    secondProblems = watchForPageProblems(secondPage);
    await signUp(secondPage, invitee, path);
    await poll(() => heading(secondPage!, "Invitation").isVisible()).toBe(true);
    await poll(() => secondPage!.getByText(/invited .* as operator/).isVisible()).toBe(true);
    await shot(secondPage, "invite-landing");
    await secondPage.getByRole("button", { name: /^Join / }).click();
    await poll(() => heading(secondPage!, "Approvals").isVisible()).toBe(true);
    expect(new URL(secondPage.url()).pathname).toBe(`/t/${tenantId}/approvals`);

    const tabs = secondPage.getByRole("navigation", { name: "Sections" });
    await tabs.getByRole("button", { name: "More" }).click();
    const sheet = secondPage.getByRole("navigation", { name: "More sections" });
    expect(await sheet.getByRole("link").allTextContents()).toEqual([
      "Members",
      "Conversations",
      "MCP",
      "Account",
    ]);
    const switcher = secondPage.locator("#tenant-more");
    expect(await switcher.locator("option").allTextContents()).toEqual([
      "Personal workspace (Owner)",
      "Personal workspace (Operator)",
    ]);
    expect(await switcher.inputValue()).toBe(tenantId);
    await shot(secondPage, "operator-more-menu");

    await secondPage.goto(`/t/${tenantId}/tokens`);
    await poll(() => heading(secondPage!, "Not available to your role").isVisible()).toBe(true);
    await secondPage.goto(`/t/${tenantId}/vault`);
    await poll(() => secondPage!.getByRole("list", { name: "Secrets" }).isVisible()).toBe(true);
    expect(await secondPage.getByRole("button", { name: /^Delete / }).count()).toBe(0);
    expect(await secondPage.getByRole("heading", { name: "Encryption keys" }).count()).toBe(0);

    // Their own tenant is one switch away, with everything an owner sees, at its own address.
    const own = (await (await second.request.get(`${baseUrl}/api/me`)).json()).memberships.find(
      (m: { tenant_id: string }) => m.tenant_id !== tenantId,
    ).tenant_id as string;
    await tabs.getByRole("button", { name: "More" }).click();
    await secondPage.locator("#tenant-more").selectOption({ index: 0 });
    await poll(() => secondPage!.getByText("No secrets yet.").isVisible()).toBe(true);
    expect(new URL(secondPage.url()).pathname).toBe(`/t/${own}/vault`);
    await tabs.getByRole("button", { name: "More" }).click();
    expect(await sheet.getByRole("link").allTextContents()).toEqual([
      "Members",
      "Tokens",
      "Audit",
      "Conversations",
      "MCP",
      "Account",
    ]);
    await secondPage.locator("#tenant-more").selectOption(tenantId);
    await poll(() => secondPage!.getByRole("list", { name: "Secrets" }).isVisible()).toBe(true);
    expect(new URL(secondPage.url()).pathname).toBe(`/t/${tenantId}/vault`);
    // Switching is navigation: back returns to the other tenant's vault, forward comes back.
    await secondPage.goBack();
    await poll(() => secondPage!.getByText("No secrets yet.").isVisible()).toBe(true);
    expect(new URL(secondPage.url()).pathname).toBe(`/t/${own}/vault`);
    expect(await secondPage.locator("#tenant-top").inputValue()).toBe(own);
    await secondPage.goForward();
    await poll(() => secondPage!.getByRole("list", { name: "Secrets" }).isVisible()).toBe(true);
    expect(new URL(secondPage.url()).pathname).toBe(`/t/${tenantId}/vault`);
    expect(await secondPage.locator("#tenant-top").inputValue()).toBe(tenantId);
  });

  it("opens a run's link, shared by the owner, in the invitee's fresh browser", async () => {
    const link = `/t/${tenantId}/runs/${run.runId}`;
    // A new browser signed in as the invitee: their session cookie, nothing remembered (no
    // tenant chosen on this device): the link alone says which tenant.
    const { cookies } = await second!.storageState();
    const fresh = await newPhoneContext(browser, baseUrl, undefined, {
      storageState: { cookies, origins: [] },
    });
    try {
      const p = await fresh.newPage();
      const freshProblems = watchForPageProblems(p);
      await p.goto(link);
      await poll(() => heading(p, "e2e-agent").isVisible()).toBe(true);
      expect(new URL(p.url()).pathname).toBe(link);
      const steps = p.getByRole("list", { name: "Step trace" }).getByRole("listitem");
      await poll(() => steps.count()).toBeGreaterThan(0);
      expect(await p.locator("#tenant-top").inputValue()).toBe(tenantId);
      await shot(p, "shared-run-link");
      expect(freshProblems).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it("shows a link to someone else's tenant as no access, and none of its data", async () => {
    const link = `/t/${tenantId}/runs/${run.runId}`;
    const outsider = `outsider-${stamp}@example.com`;
    const fresh = await newPhoneContext(browser, baseUrl);
    try {
      const p = await fresh.newPage();
      const freshProblems = watchForPageProblems(p);
      const asked: string[] = [];
      p.on("request", (r) => {
        if (r.url().includes(`/api/tenants/${tenantId}`)) asked.push(r.url());
      });
      await signUp(p, outsider, link);
      await poll(() => heading(p, "You don't have access to this workspace").isVisible()).toBe(
        true,
      );
      expect(new URL(p.url()).pathname).toBe(link);
      const text = await p.locator("main").innerText();
      expect(text).not.toContain("e2e-agent");
      expect(text).not.toContain(run.runId);
      expect(text).toContain(outsider);
      // Nothing of that tenant was asked for, and the server would refuse it anyway.
      expect(asked).toEqual([]);
      const refused = await fresh.request.get(
        `${baseUrl}/api/tenants/${tenantId}/runs/${run.runId}`,
      );
      expect([403, 404]).toContain(refused.status());
      // Only the account is in the navigation: no section of any tenant.
      const tabs = p.getByRole("navigation", { name: "Sections" });
      expect(await tabs.getByRole("link").allTextContents()).toEqual(["Account"]);
      await shot(p, "no-access");
      // Their own workspace is listed, one tap away.
      await p.getByRole("list", { name: "Your workspaces" }).getByRole("link").click();
      await poll(() => heading(p, "Approvals").isVisible()).toBe(true);
      expect(new URL(p.url()).pathname).toMatch(/^\/t\/[^/]+\/approvals$/);
      expect(new URL(p.url()).pathname).not.toContain(tenantId);
      expect(freshProblems).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it("changes the invitee's role, which changes what they see, and lets them leave", async () => {
    await page.reload();
    const row = page.getByRole("list", { name: "Members" }).getByRole("listitem").filter({
      hasText: invitee,
    });
    await poll(() => row.isVisible()).toBe(true);
    await row.getByRole("button", { name: `Change the role of ${invitee}` }).click();
    await row.getByLabel(`Role of ${invitee}`).selectOption("viewer");
    await shot(page, "member-change-role");
    await row.getByRole("button", { name: "Save role" }).click();
    await poll(() => page.getByText(`${invitee} is now viewer.`).isVisible()).toBe(true);
    await poll(async () => (await row.textContent()) ?? "").toContain("Viewer");

    const p = secondPage!;
    await p.goto(`/t/${tenantId}/members`);
    await poll(() => heading(p, "Members").isVisible()).toBe(true);
    const tabs = p.getByRole("navigation", { name: "Sections" });
    expect(await tabs.getByRole("link").allTextContents()).toEqual([
      "Approvals",
      "Runs",
      "Policies",
      "Members",
    ]);
    await p.getByRole("button", { name: "Leave tenant" }).click();
    await p.getByRole("button", { name: "Leave tenant" }).click();
    await poll(() => heading(p, "Your account").isVisible()).toBe(true);
    const tenants = p.getByRole("list", { name: "Your tenants" }).getByRole("listitem");
    await poll(() => tenants.count()).toBe(1);
    await poll(async () => (await tenants.first().textContent()) ?? "").toMatch(
      /Personal workspace.*Current.*Owner/s,
    );
    await shot(p, "after-leaving");
  });

  it("also lays out at desktop width", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/t/${tenantId}/runs/${run.runId}`);
    await poll(() => heading(page, "e2e-agent").isVisible()).toBe(true);
    await poll(() => page.getByRole("navigation", { name: "Console" }).isVisible()).toBe(true);
    expect(await page.getByRole("navigation", { name: "Sections" }).isVisible()).toBe(false);
    await shot(page, "desktop-run");
    await page.goto(`/t/${tenantId}/policies/new`);
    await poll(() => page.getByText("✓ No problems").isVisible()).toBe(true);
    await shot(page, "desktop-policy-editor");
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it("stays legible in dark mode", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`/t/${tenantId}/runs/${run.runId}`);
    await poll(() => heading(page, "e2e-agent").isVisible()).toBe(true);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(15, 19, 24)");
    await shot(page, "dark-run");
    await page.goto(`/t/${tenantId}/policies/new`);
    await poll(() => page.getByText("✓ No problems").isVisible()).toBe(true);
    await typePolicy(BROKEN_POLICY);
    await poll(() => page.getByRole("list", { name: "Lint results" }).isVisible()).toBe(true);
    await shot(page, "dark-policy-lint");
    await page.emulateMedia({ colorScheme: "light" });
  });

  it("pages the runs list: the newest 25, the older ones behind a button", async () => {
    for (let i = 0; i < 26; i++) await openRun(phone, baseUrl, tenantId, `paged-agent-${i}`);
    const all = await phone.request.get(`${baseUrl}/api/tenants/${tenantId}/runs?limit=100`);
    const total = ((await all.json()) as { runs: unknown[] }).runs.length;
    expect(total).toBeGreaterThan(26);
    await page.goto(`/t/${tenantId}/runs`);
    const rows = page.getByRole("list", { name: "Runs" }).getByRole("listitem");
    await poll(() => rows.count()).toBe(25);
    expect(await rows.first().textContent()).toContain("paged-agent-25");
    await page.getByRole("button", { name: "Show older runs" }).click();
    await poll(() => rows.count()).toBe(total);
    expect(await page.getByRole("button", { name: "Show older runs" }).count()).toBe(0);
    expect(await rows.last().textContent()).toContain("e2e-agent");
  });

  it("raised no page errors or CSP violations", () => {
    expect(problems).toEqual([]);
    expect(secondProblems).toEqual([]);
  });
});
