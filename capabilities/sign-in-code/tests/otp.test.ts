import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  call,
  countRows,
  expectError,
  freshEmail,
  freshIp,
  latestCode,
  outboxFor,
  sessionCookie,
  signUp,
  skipCooldown,
} from "../../../tests/helpers/client";
import { useTestClock } from "../../../tests/helpers/clock";

const clock = useTestClock();

const start = (email: string, ip = freshIp()) =>
  call("/api/auth/otp/start", { body: { email }, ip });
const verify = (email: string, code: string, ip = freshIp()) =>
  call("/api/auth/otp/verify", { body: { email, code }, ip });
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("email code sign-up and sign-in", () => {
  it("signs a new person up, creates their personal tenant and signs them in", async () => {
    const email = freshEmail("new");
    const res = await start(email);
    expect(res.status).toBe(202);
    const code = await latestCode(email);
    expect(code).toMatch(/^\d{6}$/);

    const ok = await verify(email, code);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { user: { id: string; email: string }; new_user: boolean };
    expect(body.new_user).toBe(true);
    expect(body.user.email).toBe(email);
    const setCookie = ok.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=2592000/);

    const me = await call("/api/me", { cookie: sessionCookie(ok) });
    expect(me.status).toBe(200);
    const meBody = (await me.json()) as {
      user: { id: string };
      memberships: { role: string; tenant_name: string }[];
    };
    expect(meBody.user.id).toBe(body.user.id);
    expect(meBody.memberships).toEqual([
      expect.objectContaining({ role: "owner", tenant_name: "Personal workspace" }),
    ]);
  });

  it("signs an existing person in without creating anything new", async () => {
    const first = await signUp();
    const tenants = await countRows("tenants");
    skipCooldown();
    expect((await start(first.email)).status).toBe(202);
    const res = await verify(first.email, await latestCode(first.email));
    const body = (await res.json()) as { user: { id: string }; new_user: boolean };
    expect(body).toMatchObject({ new_user: false, user: { id: first.user.id } });
    expect(await countRows("tenants")).toBe(tenants);
  });

  it("answers identically for known and unknown addresses", async () => {
    const known = await signUp();
    skipCooldown();
    const a = await start(known.email);
    const b = await start(freshEmail("unknown"));
    expect(a.status).toBe(b.status);
    expect(await a.text()).toBe(await b.text());
    const headerNames = (r: Response) =>
      [...r.headers.keys()].filter((k) => k !== "x-request-id" && k !== "date").sort();
    expect(headerNames(a)).toEqual(headerNames(b));
  });

  it("stores only an HMAC of the code, never the code", async () => {
    const email = freshEmail();
    await start(email);
    const code = await latestCode(email);
    const row = await env.DB.prepare("SELECT * FROM otp_challenges WHERE email = ?1")
      .bind(email)
      .first<Record<string, unknown>>();
    expect(row!.code_hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.values(row!).map(String)).not.toContain(code);
    expect(JSON.stringify(row)).not.toContain(code);
  });

  it("refuses an expired code", async () => {
    const email = freshEmail();
    await start(email);
    const code = await latestCode(email);
    clock.advance(10 * 60 * 1000 + 1000);
    await expectError(await verify(email, code), 400, "invalid_code");
  });

  it("accepts the right code after four wrong tries", async () => {
    const email = freshEmail();
    await start(email);
    const code = await latestCode(email);
    for (let i = 0; i < 4; i++)
      await expectError(await verify(email, wrong(code)), 400, "invalid_code");
    expect((await verify(email, code)).status).toBe(200);
  });

  it("voids the code after the fifth wrong try, so the sixth (even right) fails", async () => {
    const email = freshEmail();
    await start(email);
    const code = await latestCode(email);
    for (let i = 0; i < 5; i++)
      await expectError(await verify(email, wrong(code)), 400, "invalid_code");
    await expectError(await verify(email, code), 400, "invalid_code");
    const row = await env.DB.prepare(
      "SELECT attempts, voided_at FROM otp_challenges WHERE email = ?1",
    )
      .bind(email)
      .first<{ attempts: number; voided_at: number | null }>();
    expect(row!.attempts).toBe(5);
    expect(row!.voided_at).not.toBeNull();
  });

  it("counts concurrent wrong guesses atomically", async () => {
    const email = freshEmail();
    await start(email);
    const code = await latestCode(email);
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => verify(email, wrong(String(Number(code) + i)))),
    );
    expect(guesses.every((r) => r.status === 400)).toBe(true);
    const row = await env.DB.prepare("SELECT attempts FROM otp_challenges WHERE email = ?1")
      .bind(email)
      .first<{ attempts: number }>();
    expect(row!.attempts).toBe(5);
    await expectError(await verify(email, code), 400, "invalid_code");
  });

  it("refuses a code used once already", async () => {
    const email = freshEmail();
    await start(email);
    const code = await latestCode(email);
    expect((await verify(email, code)).status).toBe(200);
    await expectError(await verify(email, code), 400, "invalid_code");
  });

  it("opens at most one session when the same code is verified concurrently", async () => {
    const email = freshEmail();
    await start(email);
    const code = await latestCode(email);
    const results = await Promise.all([
      verify(email, code),
      verify(email, code),
      verify(email, code),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const sessions = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM login_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?1",
    )
      .bind(email)
      .first<{ n: number }>();
    expect(sessions!.n).toBe(1);
  });

  it("voids the previous code when a new one is sent", async () => {
    const email = freshEmail();
    await start(email);
    const old = await latestCode(email);
    skipCooldown();
    expect((await start(email)).status).toBe(202);
    const fresh = await latestCode(email);
    expect(fresh).not.toBe(old);
    await expectError(await verify(email, old), 400, "invalid_code");
    expect((await verify(email, fresh)).status).toBe(200);
  });

  it("enforces a 60 s resend cooldown with Retry-After", async () => {
    const email = freshEmail();
    expect((await start(email)).status).toBe(202);
    const again = await start(email);
    await expectError(again.clone(), 429, "rate_limited");
    const retryAfter = Number(again.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await outboxFor(email)).toHaveLength(1);
  });

  it("limits codes per email per hour with 429 and Retry-After", async () => {
    const email = freshEmail();
    // Start at the top of an hour, so skipping five cooldowns stays inside the hour's window.
    clock.advance(3_600_000 - (clock.now() % 3_600_000) + 1000);
    for (let i = 0; i < 5; i++) {
      expect((await start(email)).status).toBe(202);
      skipCooldown();
    }
    const limited = await start(email);
    await expectError(limited.clone(), 429, "rate_limited");
    // The hourly limit is a fixed window on the UTC hour: Retry-After is the time to the next
    // hour boundary (so it is under 60 s in the last minute of an hour, never a cooldown's 60).
    const retryAfter = Number(limited.headers.get("retry-after"));
    const toNextHour = 3600 - Math.floor((clock.now() % 3_600_000) / 1000);
    expect(Math.abs(retryAfter - toNextHour)).toBeLessThanOrEqual(2);
  });

  it("limits code requests per IP with 429 and Retry-After", async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) expect((await start(freshEmail("ip"), ip)).status).toBe(202);
    const limited = await start(freshEmail("ip"), ip);
    await expectError(limited.clone(), 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await start(freshEmail("ip"), freshIp())).status).toBe(202);
  });

  it("limits code guesses per IP across addresses", async () => {
    const ip = freshIp();
    for (let i = 0; i < 30; i++)
      await expectError(await verify(freshEmail("g"), "000000", ip), 400, "invalid_code");
    const limited = await verify(freshEmail("g"), "000000", ip);
    await expectError(limited.clone(), 429, "rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
