import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, eventually, expectError, signUp, skipCooldown } from "../../../tests/helpers/client";
import { useTestClock } from "../../../tests/helpers/clock";

const DAY = 24 * 60 * 60 * 1000;
const clock = useTestClock();
const lastSeen = async (userId: string) =>
  (await env.DB.prepare("SELECT last_seen_at FROM login_sessions WHERE user_id = ?1")
    .bind(userId)
    .first<{ last_seen_at: number }>())!.last_seen_at;

async function sessionsOf(cookie: string) {
  const res = await call("/api/me/login-sessions", { cookie });
  expect(res.status).toBe(200);
  return (
    (await res.json()) as {
      sessions: { id: string; current: boolean; device: string; ip: string }[];
    }
  ).sessions;
}

async function secondSession(email: string) {
  skipCooldown();
  return signUp(email);
}

describe("sessions", () => {
  it("answers 401 without a session and with a forged one", async () => {
    await expectError(await call("/api/me"), 401, "unauthenticated");
    await expectError(await call("/api/me", { cookie: "session=forged" }), 401, "unauthenticated");
  });

  it("stores only a hash of the session token", async () => {
    const a = await signUp();
    const token = a.cookie.split("=")[1]!;
    const { results } = await env.DB.prepare("SELECT * FROM login_sessions WHERE user_id = ?1")
      .bind(a.user.id)
      .all();
    expect(results).toHaveLength(1);
    expect(JSON.stringify(results)).not.toContain(token);
    expect(results[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("expires after its lifetime", async () => {
    const a = await signUp();
    expect((await call("/api/me", { cookie: a.cookie })).status).toBe(200);
    // In use every 6 days (inside the 7-day idle timeout) until the 30-day lifetime is over.
    for (let day = 6; day < 30; day += 6) {
      clock.advance(6 * DAY);
      expect((await call("/api/me", { cookie: a.cookie })).status).toBe(200);
      await eventually(async () => ((await lastSeen(a.user.id)) > clock.now() - DAY ? true : null));
    }
    clock.advance(6 * DAY + 1000);
    await expectError(await call("/api/me", { cookie: a.cookie }), 401, "unauthenticated");
  });

  it("lists sessions with device and IP and revokes one of them", async () => {
    const a = await signUp();
    const b = await secondSession(a.email);
    const list = await sessionsOf(a.cookie);
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    expect(list[0]).toMatchObject({ device: "Apple iPhone" });
    expect(list.map((s) => s.ip).sort()).toEqual([a.ip, b.ip].sort());

    const other = list.find((s) => !s.current)!;
    expect(
      (await call(`/api/me/login-sessions/${other.id}`, { method: "DELETE", cookie: a.cookie }))
        .status,
    ).toBe(200);
    await expectError(await call("/api/me", { cookie: b.cookie }), 401, "unauthenticated");
    expect((await call("/api/me", { cookie: a.cookie })).status).toBe(200);
    await expectError(
      await call(`/api/me/login-sessions/${other.id}`, { method: "DELETE", cookie: a.cookie }),
      404,
      "not_found",
    );
  });

  it("never lets one person revoke another person's session", async () => {
    const a = await signUp();
    const b = await signUp();
    const bSession = (await sessionsOf(b.cookie))[0]!;
    await expectError(
      await call(`/api/me/login-sessions/${bSession.id}`, { method: "DELETE", cookie: a.cookie }),
      404,
      "not_found",
    );
    expect((await call("/api/me", { cookie: b.cookie })).status).toBe(200);
  });

  it("signs out everywhere, optionally keeping this session", async () => {
    const a = await signUp();
    const b = await secondSession(a.email);
    const c = await secondSession(a.email);
    const keep = await call("/api/me/login-sessions/revoke-all", {
      body: { keep_current: true },
      cookie: a.cookie,
    });
    expect(await keep.json()).toEqual({ revoked: 2 });
    expect((await call("/api/me", { cookie: a.cookie })).status).toBe(200);
    await expectError(await call("/api/me", { cookie: b.cookie }), 401, "unauthenticated");
    await expectError(await call("/api/me", { cookie: c.cookie }), 401, "unauthenticated");

    const all = await call("/api/me/login-sessions/revoke-all", { body: {}, cookie: a.cookie });
    expect(await all.json()).toEqual({ revoked: 1 });
    expect(all.headers.getSetCookie().join()).toMatch(/session=;.*Max-Age=0/);
    await expectError(await call("/api/me", { cookie: a.cookie }), 401, "unauthenticated");
  });

  it("logs out: clears the cookie and revokes the session row", async () => {
    const a = await signUp();
    const res = await call("/api/auth/logout", { method: "POST", cookie: a.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join()).toMatch(/session=;.*Max-Age=0/);
    await expectError(await call("/api/me", { cookie: a.cookie }), 401, "unauthenticated");
    const row = await env.DB.prepare("SELECT revoked_at FROM login_sessions WHERE user_id = ?1")
      .bind(a.user.id)
      .first<{ revoked_at: number | null }>();
    expect(row!.revoked_at).not.toBeNull();
  });

  it("pages through the login history newest first", async () => {
    const a = await signUp();
    await secondSession(a.email);
    await secondSession(a.email);
    const first = await call("/api/me/login-events?limit=2", { cookie: a.cookie });
    const page1 = (await first.json()) as { events: { created_at: string }[]; next_cursor: string };
    expect(page1.events).toHaveLength(2);
    expect(page1.events[0]!.created_at >= page1.events[1]!.created_at).toBe(true);
    const second = await call(`/api/me/login-events?limit=2&cursor=${page1.next_cursor}`, {
      cookie: a.cookie,
    });
    const page2 = (await second.json()) as { events: unknown[]; next_cursor: string | null };
    expect(page2.events.length + page1.events.length).toBe(3);
    await expectError(
      await call("/api/me/login-events?limit=5000", { cookie: a.cookie }),
      400,
      "invalid_request",
    );
    await expectError(
      await call("/api/me/login-events?cursor=abc", { cookie: a.cookie }),
      400,
      "invalid_request",
    );
  });
});
