// The MCP gateway end to end, as a person and a real MCP client use it: the official SDK's Node
// client (Streamable HTTP with its OAuth client provider) against the product as `npm start`
// runs it, an upstream MCP server built with the same SDK on a loopback port, the consent and
// MCP screens in Chromium at 1280×800 and 390×844, approving in the console, and the audit
// export checked with the real `gatehouse audit verify`.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { InvalidGrantError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  addVirtualAuthenticator,
  launchChromium,
  newPhoneContext,
  watchForPageProblems,
  type VirtualAuthenticator,
} from "./support/browser";
import { checkScreen } from "./support/layout";
import { LoopbackOAuthClient } from "./support/mcp-client";
import { startShopUpstream, type UpstreamCall } from "./support/mcp-upstream";

import { signInByCode, openSection } from "./support/sign-in";

const baseUrl = inject("baseUrl");
const stamp = Date.now().toString(36);
const email = `mcp-${stamp}@example.com`;
const CLIENT_NAME = "Shop agent (e2e)";
const POLICY = `version: 1
defaults:
  on_no_match: deny
rules:
  - id: order-lookups
    match: { tool: shop.lookup, context.channel: mcp }
    decision: allow
  - id: no-wipes
    match: { tool: shop.wipe }
    decision: deny
    reason: wiping the shop is never allowed
  - id: refunds-need-a-person
    match: { tool: shop.refund }
    decision: approve_required
    approvers: [owner]
    reason: refunds need a person
`;

const execFileAsync = promisify(execFile);
const cliDir = mkdtempSync(join(tmpdir(), "gatehouse-mcp-e2e-"));
const screenshots: string[] = [];
let browser: Browser;
let desk: BrowserContext;
let deskPage: Page;
let phone: BrowserContext;
let phonePage: Page;
let deskPasskeys: VirtualAuthenticator;
let problems: string[][];
let upstream: Awaited<ReturnType<typeof startShopUpstream>>;
let oauth: LoopbackOAuthClient;
let other: LoopbackOAuthClient | undefined;
let client: Client;
let tenantId = "";
let endpoint = "";
let approvalId = "";

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const heading = (p: Page, name: string | RegExp) => p.getByRole("heading", { level: 1, name });
const textOf = (r: CallToolResult) =>
  r.content.map((c) => (c.type === "text" ? c.text : `[${c.type}]`)).join("\n");
const upstreamCalls = (tool: string): UpstreamCall[] =>
  upstream.calls.filter((c) => c.tool === tool);

async function shot(p: Page, step: string) {
  screenshots.push(await checkScreen(p, step, "mcp-"));
}

/** Signs up by email code on the desktop and adds a passkey from the offer. */
async function signUpWithPasskey(p: Page) {
  await signInByCode(p, baseUrl, email);
  await p.getByRole("button", { name: "Add a passkey" }).click();
  await poll(() => p.getByText("Passkey added.").isVisible()).toBe(true);
}

/** A console write as the signed-in person (the session cookie and the console's Origin). */
async function consoleWrite<T>(path: string, data: unknown): Promise<T> {
  const res = await desk.request.post(`${baseUrl}${path}`, { data, headers: { origin: baseUrl } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The SDK client's first connect: 401 → discovery → registration → an authorization URL. */
async function startAuthorization(provider: LoopbackOAuthClient): Promise<URL> {
  const attempt = new Client({ name: "shop-agent", version: "1.0.0" });
  await expect(
    attempt.connect(
      new StreamableHTTPClientTransport(new URL(endpoint), { authProvider: provider }),
    ),
  ).rejects.toBeInstanceOf(UnauthorizedError);
  expect(provider.authorizationUrl).not.toBeNull();
  return provider.authorizationUrl!;
}

async function gatehouse(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const { stdout, stderr } = await execFileAsync("node", ["cli/bin.mjs", ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  upstream = await startShopUpstream();
  browser = await launchChromium();
  desk = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 800 },
    locale: "en-GB",
    timezoneId: "UTC",
  });
  await desk.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
  deskPage = await desk.newPage();
  deskPasskeys = await addVirtualAuthenticator(desk, deskPage);
  phone = await newPhoneContext(browser, baseUrl);
  phonePage = await phone.newPage();
  problems = [watchForPageProblems(deskPage), watchForPageProblems(phonePage)];
});

afterEach(async ({ task }) => {
  if (task.result?.state !== "fail") return;
  const slug = task.name
    .replace(/[^a-z0-9]+/gi, "-")
    .toLowerCase()
    .slice(0, 60);
  await deskPage?.screenshot({ path: `test-results/e2e/failed-mcp-${slug}-desk.png` });
  await phonePage?.screenshot({ path: `test-results/e2e/failed-mcp-${slug}-phone.png` });
});

afterAll(async () => {
  await client?.close().catch(() => undefined);
  await browser?.close();
  await oauth?.close();
  await other?.close();
  await upstream?.close();
  if (screenshots.length) console.log(`Screenshots:\n${screenshots.join("\n")}`);
});

describe("the MCP gateway with the official SDK client", () => {
  it("signs up and activates a policy for the shop's tools", async () => {
    await signUpWithPasskey(deskPage);
    await poll(() => heading(deskPage, "Your account").isVisible()).toBe(true);
    expect(await deskPasskeys.credentials()).toHaveLength(1);
    const me = await (await desk.request.get(`${baseUrl}/api/me`)).json();
    tenantId = me.memberships[0].tenant_id;
    const { policy } = await consoleWrite<{ policy: { version: number } }>(
      `/api/tenants/${tenantId}/policies`,
      { source: POLICY },
    );
    await consoleWrite(`/api/tenants/${tenantId}/policies/${policy.version}/activate`, {});
  });

  it("MCP screen (1280×800): the endpoint copies, each client has a snippet, an upstream is added and tested", async () => {
    await openSection(deskPage, "MCP");
    await poll(() => heading(deskPage, "MCP").isVisible()).toBe(true);
    const shown = deskPage.getByLabel("MCP endpoint URL", { exact: true });
    await poll(() => shown.textContent()).toBe(`${baseUrl}/mcp/${tenantId}`);
    await deskPage.getByRole("button", { name: "Copy MCP endpoint URL" }).click();
    // The client is pointed at what the person copied.
    endpoint = await deskPage.evaluate(() => navigator.clipboard.readText());
    expect(endpoint).toBe(`${baseUrl}/mcp/${tenantId}`);
    const cursor = await deskPage.getByLabel("Cursor setup", { exact: true }).textContent();
    expect(JSON.parse(cursor ?? "")).toEqual({ mcpServers: { gatehouse: { url: endpoint } } });
    for (const c of ["Claude", "ChatGPT", "OpenAI Agents SDK"]) {
      expect(await deskPage.getByLabel(`${c} setup`, { exact: true }).textContent()).toContain(
        endpoint,
      );
    }
    await poll(() => deskPage.getByText("No client connected yet.").isVisible()).toBe(true);
    await poll(() => deskPage.getByText("No upstream server yet.").isVisible()).toBe(true);
    await shot(deskPage, "desktop-mcp-empty");

    await deskPage.getByLabel("Name", { exact: true }).fill("shop");
    await deskPage.getByLabel("URL (Streamable HTTP)").fill(upstream.url);
    await deskPage.getByRole("button", { name: "Add server" }).click();
    const row = deskPage.locator('[data-server="shop"]');
    await poll(async () => (await row.textContent()) ?? "").toContain(
      "shop.lookup, shop.refund, shop.wipe",
    );
    expect(await row.textContent()).toMatch(/shop.*ok.*127\.0\.0\.1.*no credential · 3 tools/s);
    // Gatehouse connected as an MCP client: initialize and tools/list, no tool call.
    expect(upstream.calls).toEqual([]);
    await row.getByRole("button", { name: "Test shop" }).click();
    await poll(async () => (await row.textContent()) ?? "").toMatch(/3 tools seen/);
    await shot(deskPage, "desktop-mcp-upstream");
  });

  it("the SDK client discovers the tenant's authorization server and registers itself", async () => {
    oauth = await LoopbackOAuthClient.start(CLIENT_NAME);
    const url = await startAuthorization(oauth);
    expect(url.origin + url.pathname).toBe(`${baseUrl}/oauth/${tenantId}/authorize`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get("resource")).toBe(endpoint);
    expect(url.searchParams.get("redirect_uri")).toBe(oauth.redirectUrl);
    // Dynamic client registration gave it a client id.
    expect(url.searchParams.get("client_id")).toBe(oauth.clientInformation()?.client_id);
  });

  it("consent (390×844): the person signs in on the phone, sees the client and allows it", async () => {
    // The person's passkey, synced to their phone (the desktop authenticator's credential).
    const synced = await addVirtualAuthenticator(phone, phonePage);
    const { credentials } = await deskPasskeys.cdp.send("WebAuthn.getCredentials", {
      authenticatorId: deskPasskeys.authenticatorId,
    });
    for (const credential of credentials) {
      await synced.cdp.send("WebAuthn.addCredential", {
        authenticatorId: synced.authenticatorId,
        credential,
      });
    }
    // Keep the sign-in page's passkey autofill pending, so the person presses the button.
    await synced.setPresence(false);
    // The authorization URL the SDK produced, opened in the phone's browser.
    await phonePage.goto(oauth.authorizationUrl!.href);
    await poll(() => heading(phonePage, "Sign in to Gatehouse").isVisible()).toBe(true);
    expect(new URL(phonePage.url()).pathname).toBe(`/t/${tenantId}/connect`);
    await shot(phonePage, "phone-consent-sign-in");
    await synced.setPresence(true);
    await phonePage.getByRole("button", { name: "Sign in with a passkey" }).click();
    await poll(() => heading(phonePage, "Connect an MCP client").isVisible()).toBe(true);
    const request = phonePage.getByRole("region", { name: "Connection request" });
    await poll(async () => (await request.textContent()) ?? "").toContain(CLIENT_NAME);
    const text = (await request.textContent()) ?? "";
    expect(text).toContain("name not verified");
    expect(text).toContain("Personal workspace");
    expect(text).toContain("Access goes to 127.0.0.1");
    expect(text).toContain("This sends access to an app on your computer.");
    await shot(phonePage, "phone-consent");

    const callback = oauth.nextCallback();
    await phonePage.getByRole("button", { name: "Allow" }).click();
    const params = await callback;
    expect(params.get("error")).toBeNull();
    const code = params.get("code");
    expect(code).toBeTruthy();
    await poll(() => phonePage.getByText("You can close this tab.").isVisible()).toBe(true);

    const transport = new StreamableHTTPClientTransport(new URL(endpoint), {
      authProvider: oauth,
    });
    await transport.finishAuth(code!);
    expect(oauth.tokens()?.access_token).toBeTruthy();
    client = new Client({ name: "shop-agent", version: "1.0.0" });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(endpoint), { authProvider: oauth }),
    );
    expect(client.getServerVersion()?.name).toBe("gatehouse");
  });

  it("lists only the tools the policy does not deny for every call", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["shop.lookup", "shop.refund"]);
    expect(tools.find((t) => t.name === "shop.lookup")?.annotations?.readOnlyHint).toBe(true);
    expect(tools.find((t) => t.name === "shop.refund")?.annotations?.destructiveHint).toBe(true);
  });

  it("an allowed call is forwarded to the upstream and comes back wrapped as untrusted", async () => {
    const r = (await client.callTool({
      name: "shop.lookup",
      arguments: { order: "42" },
    })) as CallToolResult;
    expect(r.isError ?? false).toBe(false);
    expect(textOf(r)).toMatch(
      /<untrusted_content[^>]*source="mcp:shop\.lookup"[^]*order 42: 2 mugs, shipped/,
    );
    expect(upstream.calls).toEqual([{ tool: "lookup", args: { order: "42" } }]);
  });

  it("a denied call is a tool error with the rule and reason, and never reaches the upstream", async () => {
    const r = (await client.callTool({ name: "shop.wipe", arguments: {} })) as CallToolResult;
    expect(r.isError).toBe(true);
    expect(textOf(r)).toBe("Denied by policy (tenant:no-wipes): wiping the shop is never allowed");
    expect(upstreamCalls("wipe")).toEqual([]);
  });

  it("an approval-required call waits, says to retry; approved in the console, the retry runs it once", async () => {
    const args = { order: "42", amount: 12 };
    const waiting = (await client.callTool({
      name: "shop.refund",
      arguments: args,
    })) as CallToolResult;
    expect(waiting.isError).toBe(true);
    const awaiting = /^Awaiting approval (apr_[A-Za-z0-9_-]+): a person must approve/.exec(
      textOf(waiting),
    );
    expect(awaiting, textOf(waiting)).not.toBeNull();
    approvalId = awaiting![1]!;
    expect(textOf(waiting)).toContain("Call this tool again with the same arguments");
    expect(upstreamCalls("refund")).toEqual([]);

    await openSection(deskPage, "Approvals");
    await poll(() => heading(deskPage, "Approvals").isVisible()).toBe(true);
    const cards = deskPage.getByRole("list", { name: "Pending approvals" }).getByRole("listitem");
    await poll(() => cards.count()).toBe(1);
    const card = cards.first();
    await poll(() => card.getByRole("heading", { name: "shop.refund" }).isVisible()).toBe(true);
    expect(await card.getByLabel("Arguments of shop.refund").textContent()).toContain(
      '"amount": 12',
    );
    await shot(deskPage, "desktop-approval");
    await card.getByLabel("Reason (required)").fill("Order 42 arrived broken");
    await card.getByRole("button", { name: "Approve shop.refund" }).click();
    await poll(() => deskPage.getByText("Approved shop.refund.").isVisible()).toBe(true);
    // Approving does not run it: the MCP client's retry does.
    expect(upstreamCalls("refund")).toEqual([]);

    const done = (await client.callTool({
      name: "shop.refund",
      arguments: args,
    })) as CallToolResult;
    expect(done.isError ?? false).toBe(false);
    expect(textOf(done)).toContain("refunded 12 on order 42");
    expect(upstreamCalls("refund")).toEqual([{ tool: "refund", args }]);
  });

  it("the audit export passes `gatehouse audit verify` and holds every call", async () => {
    const { token } = await consoleWrite<{ token: string }>(`/api/tenants/${tenantId}/tokens`, {
      name: "audit-export",
      role: "admin",
    });
    const env = { ...process.env, GATEHOUSE_URL: baseUrl, GATEHOUSE_TOKEN: token };
    const file = join(cliDir, "audit.jsonl");
    expect((await gatehouse(env, "audit", "export", "--out", file)).code).toBe(0);
    const jwks = join(cliDir, "jwks.json");
    writeFileSync(jwks, await (await fetch(`${baseUrl}/.well-known/jwks.json`)).text());
    const verified = await gatehouse(
      env,
      "audit",
      "verify",
      file,
      "--jwks",
      jwks,
      "--tenant",
      tenantId,
    );
    expect(verified.stderr).toMatch(/signature verified/);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^ok \d+ events\n$/);

    const events = readFileSync(file, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((e) => typeof e.type === "string") as {
      type: string;
      step_id: string | null;
      actor: { kind: string; id: string };
      data: Record<string, unknown>;
    }[];
    const proposed = events.filter((e) => e.type === "step.proposed");
    expect(proposed.map((e) => e.data.tool)).toEqual(["shop.lookup", "shop.wipe", "shop.refund"]);
    const stepOf = (tool: string) => proposed.find((e) => e.data.tool === tool)!.step_id;
    const of = (tool: string, type: string) =>
      events.filter((e) => e.step_id === stepOf(tool) && e.type === type);
    expect(of("shop.lookup", "step.decided").map((e) => e.data.verdict)).toEqual(["allow"]);
    expect(of("shop.wipe", "step.decided").map((e) => [e.data.verdict, e.data.rule_id])).toEqual([
      ["deny", "tenant:no-wipes"],
    ]);
    expect(of("shop.refund", "step.decided").map((e) => e.data.verdict)).toEqual([
      "approve_required",
    ]);
    expect(of("shop.refund", "approval.requested").map((e) => e.data.approval_id)).toEqual([
      approvalId,
    ]);
    expect(of("shop.refund", "approval.approved")).toHaveLength(1);
    for (const tool of ["shop.lookup", "shop.refund"]) {
      expect(of(tool, "step.completed"), tool).toHaveLength(1);
    }
    expect(of("shop.wipe", "step.completed")).toEqual([]);
    // Each call is the person's, through the client they connected.
    const me = await (await desk.request.get(`${baseUrl}/api/me`)).json();
    for (const e of proposed) expect(e.actor).toMatchObject({ kind: "user", id: me.user.id });
  });

  it("consent (1280×800): a second client the person denies gets access_denied and no grant", async () => {
    other = await LoopbackOAuthClient.start("Unknown agent");
    const url = await startAuthorization(other);
    await deskPage.goto(url.href);
    await poll(() => heading(deskPage, "Connect an MCP client").isVisible()).toBe(true);
    const request = deskPage.getByRole("region", { name: "Connection request" });
    await poll(async () => (await request.textContent()) ?? "").toContain("Unknown agent");
    // Every section of the console's navigation is in sight at desktop width, MCP included.
    const nav = deskPage.getByRole("navigation", { name: "Console" });
    const navBox = (await nav.boundingBox())!;
    for (const link of await nav.getByRole("link").all()) {
      const box = (await link.boundingBox())!;
      expect(box.x + box.width, (await link.textContent()) ?? "").toBeLessThanOrEqual(
        navBox.x + navBox.width + 0.5,
      );
      expect(box.x).toBeGreaterThanOrEqual(navBox.x - 0.5);
    }
    expect(await nav.getByRole("link", { name: "MCP", exact: true }).isVisible()).toBe(true);
    await shot(deskPage, "desktop-consent");
    const callback = other.nextCallback();
    await deskPage.getByRole("button", { name: "Deny" }).click();
    const params = await callback;
    expect(params.get("error")).toBe("access_denied");
    expect(params.get("code")).toBeNull();
    const grants = await (
      await desk.request.get(`${baseUrl}/api/tenants/${tenantId}/mcp/grants`)
    ).json();
    expect(grants.grants.map((g: { client_name: string }) => g.client_name)).toEqual([CLIENT_NAME]);
  });

  it("MCP screen (390×844): the connected client is listed; disconnecting it stops its token at once", async () => {
    await phonePage.goto("/");
    await openSection(phonePage, "MCP");
    await poll(() => heading(phonePage, "MCP").isVisible()).toBe(true);
    const grant = phonePage.locator(`[data-grant="${CLIENT_NAME}"]`);
    await poll(async () => (await grant.textContent()) ?? "").toMatch(
      new RegExp(`connected.*${email}.*to 127\\.0\\.0\\.1.*last used`, "s"),
    );
    await poll(
      async () => (await phonePage.locator('[data-server="shop"]').textContent()) ?? "",
    ).toContain("3 tools");
    await shot(phonePage, "phone-mcp");

    // An upstream that does not answer: added, shown failing with the reason, tested, removed.
    await phonePage.getByLabel("Name", { exact: true }).fill("broken");
    await phonePage.getByLabel("URL (Streamable HTTP)").fill("http://127.0.0.1:9/mcp");
    await phonePage.getByRole("button", { name: "Add server" }).click();
    const broken = phonePage.locator('[data-server="broken"]');
    await poll(async () => (await broken.textContent()) ?? "").toMatch(/broken.*failing/s);
    expect(await broken.getByRole("alert").first().textContent()).not.toBe("");
    expect(await broken.textContent()).toContain("0 tools");
    await shot(phonePage, "phone-mcp-upstream-failing");
    await broken.getByRole("button", { name: "Test broken" }).click();
    await poll(async () => (await broken.textContent()) ?? "").toContain("failing");
    await broken.getByRole("button", { name: "Remove broken" }).click();
    await poll(() => broken.count()).toBe(0);
    expect(await phonePage.locator('[data-server="shop"]').count()).toBe(1);

    const accessToken = oauth.tokens()!.access_token;
    const ping = () =>
      fetch(endpoint, {
        method: "POST",
        headers: {
          authorization: `Bearer ${accessToken}`,
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
        },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
      });
    expect((await ping()).status).not.toBe(401);
    await grant.getByRole("button", { name: `Disconnect ${CLIENT_NAME}` }).click();
    await poll(async () => (await grant.textContent()) ?? "").toContain("disconnected");
    await shot(phonePage, "phone-mcp-disconnected");
    expect((await ping()).status).toBe(401);
    // The SDK client, refused, tries its refresh token: the grant is gone, so that fails too.
    await expect(client.listTools()).rejects.toBeInstanceOf(InvalidGrantError);
  });

  it("raised no page errors or CSP violations", () => {
    expect(problems.flat()).toEqual([]);
  });
});
