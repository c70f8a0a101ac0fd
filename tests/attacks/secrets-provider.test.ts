// Exploit 1: an operator points a session's provider at its own server and names any vault
// secret as the key. Providers are now a tenant setting (admin or owner, step-up, audited), a
// session names one by id, and a provider key is bound to its provider's origin.
import { runDurableObjectAlarm } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, expectError } from "../helpers/client";
import { anthropicStream } from "../helpers/model-mock";
import {
  configureProvider,
  say,
  settle,
  startSession,
  stubOf,
  tenantWithVault,
} from "../helpers/sessions";
import { bearer, memberOf } from "../helpers/tenant";
import { createToken } from "../../capabilities/tenancy/tests/helpers";
import {
  ATTACKER,
  everythingReadable,
  expectAttackerGotNothing,
  expectNoCanary,
  json,
  network,
  type Tenant,
} from "./support";

let t: Tenant;
let env: ReturnType<typeof network>;
beforeEach(async () => {
  env = network();
  t = await tenantWithVault();
});
afterEach(() => env.net.restore());

const asToken = (token: string, path: string, body: unknown, method = "POST") =>
  call(path, { method, origin: null, headers: bearer(token), body });

describe("an operator cannot send a vault secret to a provider of its choosing", () => {
  it("cannot name a base URL or a key secret when starting a session", async () => {
    const { token } = await createToken(t.cookie, t.tenantId, "operator");
    const res = await asToken(token, `${t.base}/agent-sessions`, {
      provider: { kind: "openai", model: "m", base_url: `https://${ATTACKER}/v1` },
      key_secret: "CANARY_TOKEN",
    });
    await expectError(res, 400, "invalid_request");
    expect(env.attacker.seen).toEqual([]);
  });

  it("cannot configure a provider, with a token or signed in", async () => {
    const body = {
      kind: "custom",
      base_url: `https://${ATTACKER}/v1`,
      models: ["m"],
      key_secret: "CANARY_TOKEN",
    };
    const { token } = await createToken(t.cookie, t.tenantId, "operator");
    await expectError(
      await asToken(token, `${t.base}/providers/evil`, body, "PUT"),
      403,
      "forbidden",
    );
    const operator = await memberOf(t.tenantId, "operator");
    await expectError(
      await call(`${t.base}/providers/evil`, { method: "PUT", body, cookie: operator.cookie }),
      403,
      "forbidden",
    );
    // An admin API token holds the role but cannot step up: providers need a person.
    const admin = await createToken(t.cookie, t.tenantId, "admin");
    const res = await asToken(admin.token, `${t.base}/providers/evil`, body, "PUT");
    expect(res.status).toBe(403);
    const { providers } = await json<{ providers: unknown[] }>(
      await call(`${t.base}/providers`, { cookie: t.cookie }),
    );
    expect(providers).toEqual([]);
  });

  it("cannot use a configured provider to send another secret to its origin", async () => {
    // The owner configured Anthropic with its key; an operator starts a session on it and the
    // key goes to api.anthropic.com only, as the only provider key bound to that provider.
    const session = await startSession(t);
    env.net.reply(anthropicStream([{ text: "hello" }]));
    await say(t, session.id, "hi");
    await settle(t, session.id);
    const sent = env.net.modelRequests()[0]!;
    expect(new URL(sent.url).origin).toBe("https://api.anthropic.com");
    expectNoCanary(JSON.stringify(sent));
    expectAttackerGotNothing(env.attacker.seen);
  });

  it("a provider key follows the provider's origin only: a hijacked base URL gets nothing", async () => {
    const session = await startSession(t);
    // Someone rewrites the provider row to point at the attacker (as a compromised session row
    // or a bug would): the key is bound to api.anthropic.com and is not resolved for it.
    await runInTenant(t.tenantId, (sql) =>
      sql.exec("UPDATE providers SET base_url = ?", `https://${ATTACKER}`),
    );
    await say(t, session.id, "hi");
    const done = await settle(t, session.id);
    expect(done.status).toBe("error");
    expect(done.error).toMatch(/may not be sent to https:\/\/attacker\.example/);
    expect(env.attacker.seen).toEqual([]);
    expectNoCanary(await everythingReadable(t, session.id));
  });

  it("refuses private, plain-http and local provider URLs, and known providers elsewhere", async () => {
    for (const [kind, base_url] of [
      ["custom", "https://169.254.169.254/v1"],
      ["custom", "https://10-0-0-1.sslip.io/v1"],
      ["custom", "http://models.example.com/v1"],
      ["custom", "http://localhost:11434/v1"], // ALLOW_LOCAL_PROVIDERS is not set in tests
      ["custom", "http://127.0.0.1:11434/v1"],
      ["custom", "http://[::1]:11434/v1"],
      ["anthropic", `https://${ATTACKER}`],
      ["openai", `https://${ATTACKER}/v1`],
    ] as const) {
      const res = await call(`${t.base}/providers/p1`, {
        method: "PUT",
        body: { kind, base_url, models: ["m"], key_secret: "OPENAI_API_KEY" },
        cookie: t.cookie,
      });
      const error = await expectError(res, 400, "invalid_request");
      expect(error.issues[0]).toMatchObject({ path: "base_url" });
    }
  });

  it("records provider configuration and the key's binding in the audit log", async () => {
    await configureProvider(t, "main", {
      kind: "anthropic",
      models: ["claude-test"],
      key_secret: "ANTHROPIC_API_KEY",
    });
    const { events } = await json<{ events: { type: string; data: Record<string, unknown> }[] }>(
      await call(`${t.base}/audit/events?limit=500`, { cookie: t.cookie }),
    );
    const types = events.map((e) => e.type);
    expect(types).toContain("provider.configured");
    const bound = events.find(
      (e) => e.type === "secret.destinations_changed" && e.data.name === "ANTHROPIC_API_KEY",
    );
    expect(bound?.data).toMatchObject({
      name: "ANTHROPIC_API_KEY",
      after: [{ origin: "https://api.anthropic.com", via: { kind: "provider", id: "main" } }],
    });
    const { secret } = await json<{ secret: { destinations: unknown[] } }>(
      await call(`${t.base}/secrets/ANTHROPIC_API_KEY`, { cookie: t.cookie }),
    );
    expect(secret.destinations).toEqual([
      { origin: "https://api.anthropic.com", via: { kind: "provider", id: "main" } },
    ]);
  });
});

async function runInTenant(tenantId: string, fn: (sql: SqlStorage) => void) {
  const { runInDurableObject } = await import("cloudflare:test");
  await runInDurableObject(stubOf(tenantId), (_, state) => fn(state.storage.sql));
  await runDurableObjectAlarm(stubOf(tenantId)).catch(() => false);
}
