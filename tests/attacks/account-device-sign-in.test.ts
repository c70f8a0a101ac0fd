import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectError, freshIp, signUp } from "../helpers/client";
import { useTestClock } from "../helpers/clock";
import { expireStepUp, json } from "../../capabilities/tenancy/tests/helpers";
import { poll, startDeviceSignIn } from "../../capabilities/account/tests/support";

const sessionSet = (res: Response) =>
  res.headers.getSetCookie().some((c) => /^(__Host-)?session=/.test(c));

/**
 * Issue 17: cross-device (QR) sign-in. The short code is shown on a screen and may be seen,
 * photographed or guessed; only the browser holding the request's secret may collect the session.
 */
const clock = useTestClock();

describe("attack: cross-device sign-in", () => {
  it("a second browser that learned the short code cannot collect the session", async () => {
    const victim = await signUp();
    const phone = await startDeviceSignIn({ ip: freshIp() });
    // The onlooker starts their own request (so they hold a valid secret of their own) ...
    const onlooker = await startDeviceSignIn({ ip: freshIp() });
    await json(
      await call("/api/me/device-sign-ins/approve", {
        body: { code: phone.code },
        cookie: victim.cookie,
      }),
    );
    // ... and polls with the phone's code, with no cookie, and with their own cookie.
    const noCookie = await call("/api/auth/device/poll", { body: { code: phone.code } });
    // The poll reads no code at all: the code is no credential.
    expect(await json<{ status: string }>(noCookie)).toEqual({ status: "expired" });
    expect(sessionSet(noCookie)).toBe(false);
    const bare = await poll(undefined);
    expect(await json<{ status: string }>(bare)).toEqual({ status: "expired" });
    expect(sessionSet(bare)).toBe(false);
    const theirs = await poll(onlooker.secretCookie);
    expect(await json<{ status: string }>(theirs)).toEqual({ status: "pending" });
    expect(sessionSet(theirs)).toBe(false);
    // The phone still gets its session.
    const mine = await poll(phone.secretCookie);
    expect(sessionSet(mine)).toBe(true);
  });

  it("an approved request yields one session, once", async () => {
    const victim = await signUp();
    const phone = await startDeviceSignIn({ ip: freshIp() });
    await call("/api/me/device-sign-ins/approve", {
      body: { code: phone.code },
      cookie: victim.cookie,
    });
    const [a, b] = await Promise.all([poll(phone.secretCookie), poll(phone.secretCookie)]);
    expect([sessionSet(a), sessionSet(b)].filter(Boolean)).toHaveLength(1);
    const replay = await poll(phone.secretCookie);
    expect(sessionSet(replay)).toBe(false);
    expect(await json<{ status: string }>(replay)).toEqual({ status: "expired" });
    // And the code cannot be approved again for a new session.
    await expectError(
      await call("/api/me/device-sign-ins/approve", {
        body: { code: phone.code },
        cookie: victim.cookie,
      }),
      404,
      "no_such_code",
    );
    const sessions = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM login_sessions WHERE user_id = ?1 AND auth_method = 'qr'",
    )
      .bind(victim.user.id)
      .first<{ n: number }>();
    expect(sessions!.n).toBe(1);
  });

  it("a code cannot be approved after its 2 minutes, nor collected", async () => {
    const victim = await signUp();
    const phone = await startDeviceSignIn({ ip: freshIp() });
    clock.advance(2 * 60 * 1000 + 1000);
    await expectError(
      await call("/api/me/device-sign-ins/approve", {
        body: { code: phone.code },
        cookie: victim.cookie,
      }),
      404,
      "no_such_code",
    );
    expect(await json<{ status: string }>(await poll(phone.secretCookie))).toEqual({
      status: "expired",
    });
  });

  it("an approval that lands in time is still not collectable after the expiry", async () => {
    const victim = await signUp();
    const phone = await startDeviceSignIn({ ip: freshIp() });
    await json(
      await call("/api/me/device-sign-ins/approve", {
        body: { code: phone.code },
        cookie: victim.cookie,
      }),
    );
    clock.advance(2 * 60 * 1000 + 1000);
    const late = await poll(phone.secretCookie);
    expect(sessionSet(late)).toBe(false);
  });

  it("approving needs step-up", async () => {
    const victim = await signUp();
    expireStepUp();
    const phone = await startDeviceSignIn({ ip: freshIp() });
    const refused = await expectError(
      await call("/api/me/device-sign-ins/approve", {
        body: { code: phone.code },
        cookie: victim.cookie,
      }),
      403,
      "step_up_required",
    );
    expect(refused.issues).toEqual([
      { path: "operation", message: "account.approve_device_sign_in" },
    ]);
    expect(await json<{ status: string }>(await poll(phone.secretCookie))).toEqual({
      status: "pending",
    });
  });

  it("guessing short codes is cut off by the rate limit long before a hit is likely", async () => {
    const guesser = await signUp();
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const guess = `ZZZZ${String(1000 + i).slice(-4)}`;
      const res = await call("/api/me/device-sign-ins/lookup", {
        body: { code: guess },
        cookie: guesser.cookie,
        ip,
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Approving counts against the same budget: the real code is refused too now.
    const phone = await startDeviceSignIn({ ip: freshIp() });
    await expectError(
      await call("/api/me/device-sign-ins/approve", {
        body: { code: phone.code },
        cookie: guesser.cookie,
        ip,
      }),
      429,
      "rate_limited",
    );
  });

  it("starting requests is rate-limited per IP", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await call("/api/auth/device/start", { method: "POST", ip })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
