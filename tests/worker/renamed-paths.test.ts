import { SELF } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, ORIGIN, signUp, skipCooldown } from "../helpers/client";
import { anthropicStream, mockOutbound } from "../helpers/model-mock";
import {
  configureProvider,
  json,
  settle,
  startSession,
  tenantWithVault,
} from "../helpers/sessions";

/** The deprecated old address answers like the new one and names its successor. */
function expectDeprecated(res: Response, successor: string) {
  expect(res.headers.get("deprecation")).toBe("true");
  expect(res.headers.get("link")).toBe(`<${successor}>; rel="successor-version"`);
}
function expectCurrent(res: Response) {
  expect(res.headers.get("deprecation")).toBeNull();
  expect(res.headers.get("link")).toBeNull();
}

type SignIn = { id: string; current: boolean; auth_method: string };

describe("/api/me/sessions… (now /api/me/login-sessions…)", () => {
  it("lists, revokes one and revokes all at the old paths exactly as at the new ones", async () => {
    const a = await signUp();
    skipCooldown();
    const b = await signUp(a.email);
    skipCooldown();
    const c = await signUp(a.email);

    const current = await call("/api/me/login-sessions", { cookie: a.cookie });
    const old = await call("/api/me/sessions", { cookie: a.cookie });
    expectCurrent(current);
    expectDeprecated(old, "/api/me/login-sessions");
    const listed = await json<{ sessions: SignIn[] }>(current);
    expect(await json<{ sessions: SignIn[] }>(old)).toEqual(listed);
    expect(listed.sessions).toHaveLength(3);

    const bId = (
      await json<{ sessions: SignIn[] }>(await call("/api/me/sessions", { cookie: b.cookie }))
    ).sessions.find((s) => s.current)!.id;
    const revoke = await call(`/api/me/sessions/${bId}`, { method: "DELETE", cookie: a.cookie });
    expectDeprecated(revoke, `/api/me/login-sessions/${bId}`);
    expect(await json(revoke)).toEqual({ ok: true });
    expect((await call("/api/me", { cookie: b.cookie })).status).toBe(401);

    const all = await call("/api/me/sessions/revoke-all", {
      body: { keep_current: true },
      cookie: a.cookie,
    });
    expectDeprecated(all, "/api/me/login-sessions/revoke-all");
    expect(await json(all)).toEqual({ revoked: 1 });
    expect((await call("/api/me", { cookie: c.cookie })).status).toBe(401);
    expect((await call("/api/me", { cookie: a.cookie })).status).toBe(200);
  });

  it("does not treat a longer name as the old prefix", async () => {
    const a = await signUp();
    const res = await call("/api/me/sessionsx", { cookie: a.cookie });
    expect(res.status).toBe(404);
    expectCurrent(res);
  });
});

describe("/api/tenants/{t}/sessions… (now /api/tenants/{t}/agent-sessions…)", () => {
  let net: ReturnType<typeof mockOutbound>;
  beforeEach(() => {
    net = mockOutbound({});
  });
  afterEach(() => net.restore());

  it("creates, reads, messages, streams (JSON and WebSocket) and cancels at the old paths", async () => {
    const t = await tenantWithVault();
    await configureProvider(t, "anthropic-test", {
      kind: "anthropic",
      models: ["claude-test"],
      key_secret: "ANTHROPIC_API_KEY",
    });
    const oldBase = `/api/tenants/${t.tenantId}/sessions`;
    const newBase = `/api/tenants/${t.tenantId}/agent-sessions`;

    const created = await call(oldBase, {
      body: { provider_id: "anthropic-test", model: "claude-test", title: "via the old path" },
      cookie: t.cookie,
    });
    expectDeprecated(created, newBase);
    const { session } = await json<{ session: { id: string; title: string } }>(created, 201);
    expect(session.title).toBe("via the old path");

    const oldList = await call(oldBase, { cookie: t.cookie });
    expectDeprecated(oldList, newBase);
    expect(await json(oldList)).toEqual(await json(await call(newBase, { cookie: t.cookie })));

    const oldOne = await call(`${oldBase}/${session.id}`, { cookie: t.cookie });
    expectDeprecated(oldOne, `${newBase}/${session.id}`);
    expect(await json(oldOne)).toEqual(
      await json(await call(`${newBase}/${session.id}`, { cookie: t.cookie })),
    );

    net.reply(anthropicStream([{ text: "Hello from the model." }]));
    const said = await call(`${oldBase}/${session.id}/messages`, {
      body: { content: "hi" },
      cookie: t.cookie,
    });
    expectDeprecated(said, `${newBase}/${session.id}/messages`);
    expect(said.status).toBe(202);
    expect((await settle(t, session.id)).status).toBe("idle");

    const oldEvents = await call(`${oldBase}/${session.id}/events`, { cookie: t.cookie });
    expectDeprecated(oldEvents, `${newBase}/${session.id}/events`);
    const { events } = await json<{ events: { type: string }[] }>(oldEvents);
    expect(events.map((e) => e.type)).toContain("user_message");
    expect(await json(await call(`${newBase}/${session.id}/events`, { cookie: t.cookie }))).toEqual(
      { events },
    );

    const upgrade = await SELF.fetch(`${ORIGIN}${oldBase}/${session.id}/events?after=0`, {
      headers: { upgrade: "websocket", cookie: t.cookie, origin: ORIGIN },
    });
    expect(upgrade.status).toBe(101);
    expectDeprecated(upgrade, `${newBase}/${session.id}/events`);
    const ws = upgrade.webSocket!;
    const frames: string[] = [];
    ws.addEventListener("message", (e) => {
      frames.push(String(e.data));
    });
    ws.accept();
    await expect.poll(() => frames.length).toBe(events.length);
    expect(frames.map((f) => (JSON.parse(f) as { type: string }).type)).toEqual(
      events.map((e) => e.type),
    );
    ws.close(1000, "done");

    const cancelled = await call(`${oldBase}/${session.id}/cancel`, { body: {}, cookie: t.cookie });
    expectDeprecated(cancelled, `${newBase}/${session.id}/cancel`);
    expect((await json<{ session: { status: string } }>(cancelled)).session.status).toBe(
      "cancelled",
    );
  });

  it("answers the new paths without deprecation headers", async () => {
    const t = await tenantWithVault();
    const session = await startSession(t);
    expectCurrent(await call(`${t.base}/agent-sessions/${session.id}`, { cookie: t.cookie }));
  });
});
