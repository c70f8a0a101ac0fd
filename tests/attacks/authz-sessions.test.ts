import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, eventually, expectError, signUp } from "../helpers/client";
import { useTestClock } from "../helpers/clock";
import { fetchWith } from "../helpers/worker";

/**
 * Issue 10, hole 8: a stolen cookie good for 30 days whatever happens. Sessions now end after
 * an idle timeout (default 7 days, renewed on use) and an absolute lifetime (default 30 days).
 * Time is moved with the server's clock (tests/helpers/clock.ts).
 */
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const clock = useTestClock();

const lastSeen = async (userId: string) =>
  (await env.DB.prepare("SELECT last_seen_at FROM login_sessions WHERE user_id = ?1")
    .bind(userId)
    .first<{ last_seen_at: number }>())!.last_seen_at;

describe("attack: sessions that never end", () => {
  it("a session idle for longer than 7 days is over", async () => {
    const person = await signUp();
    clock.advance(7 * DAY + 60_000);
    await expectError(await call("/api/me", { cookie: person.cookie }), 401, "unauthenticated");
  });

  it("using a session renews its idle timeout", async () => {
    const person = await signUp();
    const before = await lastSeen(person.user.id);
    clock.advance(6 * DAY);
    expect((await call("/api/me", { cookie: person.cookie })).status).toBe(200);
    await eventually(async () =>
      (await lastSeen(person.user.id)) > before + 5 * DAY ? true : null,
    );
  });

  it("a session in use every day still ends 30 days after sign-in", async () => {
    const person = await signUp();
    for (let day = 1; day < 30; day++) {
      clock.advance(DAY);
      expect((await call("/api/me", { cookie: person.cookie })).status).toBe(200);
    }
    await eventually(async () =>
      (await lastSeen(person.user.id)) > clock.now() - HOUR ? true : null,
    );
    clock.advance(DAY + 60_000);
    await expectError(await call("/api/me", { cookie: person.cookie }), 401, "unauthenticated");
  });

  it("the idle timeout can be set down to 12 hours, not below", async () => {
    const person = await signUp();
    const me = (extra: Record<string, string>) =>
      fetchWith(extra, "/api/me", { headers: { cookie: person.cookie } });
    clock.advance(11 * HOUR);
    expect((await me({ SESSION_IDLE_HOURS: "12" })).status).toBe(200);
    await eventually(async () =>
      (await lastSeen(person.user.id)) > clock.now() - HOUR ? true : null,
    );
    clock.advance(13 * HOUR);
    expect((await me({ SESSION_IDLE_HOURS: "12" })).status).toBe(401);
    const health = await fetchWith({ SESSION_IDLE_HOURS: "6" }, "/health");
    expect(health.status).toBe(503);
    expect(JSON.stringify(await health.json())).toContain("SESSION_IDLE_HOURS");
  });
});
