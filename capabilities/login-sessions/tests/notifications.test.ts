import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import {
  call,
  eventually,
  freshEmail,
  freshIp,
  ORIGIN,
  outboxFor,
  signUp,
  skipCooldown,
} from "../../../tests/helpers/client";
import { mockResend, RESEND_KEY, resendEnv } from "../../../tests/helpers/resend-mock";
import { fetchWith, runCron } from "../../../tests/helpers/worker";

const LISBON = { city: "Lisbon", region: "Lisbon", country: "PT" };

async function notificationFor(email: string) {
  return eventually(async () =>
    (await outboxFor(email)).find((m) => m.subject === "New sign-in to Gatehouse"),
  );
}

describe("login notifications", () => {
  it("mails every sign-in with time, method, device, IP, location and a revoke link", async () => {
    const a = await signUp(freshEmail(), "203.0.113.7", { cf: LISBON });
    const mail = await notificationFor(a.email);
    expect(mail.text).toMatch(/Time: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
    expect(mail.text).toContain("Method: Email code");
    expect(mail.text).toContain("Device: Apple iPhone · Mobile Safari 18 · iOS 18.1");
    expect(mail.text).toContain("IP address: 203.0.113.7");
    expect(mail.text).toContain("Approximate location: Lisbon, Lisbon, PT");
    expect(mail.text).toMatch(new RegExp(`${ORIGIN}/auth/not-me\\?token=[\\w.-]+`));
    expect(mail.html).toContain("This wasn't me");
    expect(mail.html).toContain("203.0.113.7");

    const events = await env.DB.prepare("SELECT * FROM login_events WHERE user_id = ?1")
      .bind(a.user.id)
      .all();
    expect(events.results).toHaveLength(1);
    expect(events.results[0]).toMatchObject({
      method: "email_code",
      ip: "203.0.113.7",
      location: "Lisbon, Lisbon, PT",
    });
  });

  it("revokes every session through the signed 'this wasn't me' link", async () => {
    const a = await signUp();
    skipCooldown();
    const b = await signUp(a.email);
    const link = (await notificationFor(a.email)).text.match(
      /(\/auth\/not-me\?token=[\w.-]+)/,
    )![1]!;

    const confirm = await call(link);
    expect(confirm.status).toBe(200);
    const page = await confirm.text();
    expect(page).toContain('<form method="post" action="/auth/not-me">');
    expect((await call("/api/me", { cookie: a.cookie })).status).toBe(200);

    const token = new URL(link, ORIGIN).searchParams.get("token")!;
    const revoke = await call("/auth/not-me", {
      method: "POST",
      rawBody: new URLSearchParams({ token }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(revoke.status).toBe(200);
    expect(await revoke.text()).toContain("2 session(s) were signed out");
    expect((await call("/api/me", { cookie: a.cookie })).status).toBe(401);
    expect((await call("/api/me", { cookie: b.cookie })).status).toBe(401);
    const event = await env.DB.prepare("SELECT kind FROM security_events WHERE user_id = ?1")
      .bind(a.user.id)
      .first<{ kind: string }>();
    expect(event!.kind).toBe("not_me_revoke_all");
  });

  it("refuses an altered or foreign-origin 'this wasn't me' request", async () => {
    const a = await signUp();
    const link = (await notificationFor(a.email)).text.match(/token=([\w.-]+)/)![1]!;
    const tampered = link.slice(0, -2) + (link.endsWith("A") ? "BB" : "AA");
    expect((await call(`/auth/not-me?token=${tampered}`)).status).toBe(400);
    const forged = await call("/auth/not-me", {
      method: "POST",
      rawBody: new URLSearchParams({ token: tampered }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(forged.status).toBe(400);
    const crossSite = await call("/auth/not-me", {
      method: "POST",
      origin: "https://evil.example",
      rawBody: new URLSearchParams({ token: link }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(crossSite.status).toBe(403);
    expect((await call("/api/me", { cookie: a.cookie })).status).toBe(200);
  });
});

describe("mail through Resend (mocked at the HTTP boundary)", () => {
  let resend: ReturnType<typeof mockResend>;
  afterEach(() => resend.restore());

  async function resendSignIn(email: string, ip: string) {
    const start = await fetchWith(resendEnv, "/api/auth/otp/start", {
      method: "POST",
      body: JSON.stringify({ email }),
      ip,
    });
    expect(start.status).toBe(202);
    const code = resend.calls.at(-1)!.body.subject.match(/(\d{6})$/)![1]!;
    return fetchWith(resendEnv, "/api/auth/otp/verify", {
      method: "POST",
      body: JSON.stringify({ email, code }),
      ip,
    });
  }

  it("sends the code with Resend's request shape and keeps the dev outbox empty", async () => {
    resend = mockResend();
    const email = freshEmail("resend");
    const res = await fetchWith(resendEnv, "/api/auth/otp/start", {
      method: "POST",
      body: JSON.stringify({ email }),
      ip: freshIp(),
    });
    expect(res.status).toBe(202);
    expect(resend.calls).toHaveLength(1);
    const sent = resend.calls[0]!;
    expect(sent.url).toBe("https://resend.mock.test/emails");
    expect(sent.method).toBe("POST");
    expect(sent.headers.get("authorization")).toBe(`Bearer ${RESEND_KEY}`);
    expect(sent.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.body).toMatchObject({ from: "Gatehouse <login@gatehouse.localhost>", to: email });
    expect(sent.body.subject).toMatch(/^Your Gatehouse code: \d{6}$/);
    expect(sent.body.text).toContain("expires in 10 minutes");
    expect(sent.body.html).toContain("<!doctype html>");
    expect(await outboxFor(email)).toHaveLength(0);
  });

  it("answers 503 and keeps no code when Resend fails to send it", async () => {
    resend = mockResend();
    resend.serverError();
    const email = freshEmail("resend-down");
    const res = await fetchWith(resendEnv, "/api/auth/otp/start", {
      method: "POST",
      body: JSON.stringify({ email }),
      ip: freshIp(),
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("mail_unavailable");
    expect(res.headers.get("retry-after")).toBe("30");
    const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM otp_challenges WHERE email = ?1")
      .bind(email)
      .first<{ n: number }>();
    expect(row!.n).toBe(0);
  });

  it("signs in despite a 5xx from Resend and delivers the notification on retry", async () => {
    resend = mockResend();
    const email = freshEmail("retry");
    resend.ok("otp-mail-id");
    resend.serverError();
    const res = await resendSignIn(email, "203.0.113.50");
    expect(res.status).toBe(200);
    expect(
      (await call("/api/me", { cookie: res.headers.getSetCookie()[0]!.split(";")[0] })).status,
    ).toBe(200);

    const job = () =>
      env.DB.prepare(
        `SELECT j.id, j.attempts, j.sent_at, j.last_error, j.provider_id FROM mail_jobs j
           JOIN login_events e ON e.id = json_extract(j.ref, '$.loginEventId')
           JOIN users u ON u.id = e.user_id WHERE u.email = ?1`,
      )
        .bind(email)
        .first<{
          id: string;
          attempts: number;
          sent_at: number | null;
          last_error: string;
          provider_id: string;
        }>();
    const failed = await job();
    expect(failed).toMatchObject({ attempts: 1, sent_at: null });
    expect(failed!.last_error).toContain("500");
    expect(resend.calls).toHaveLength(2);

    resend.rateLimited();
    await runCron(resendEnv, Date.now() + 60_000);
    expect(await job()).toMatchObject({ attempts: 2, sent_at: null });

    resend.ok("notification-id");
    await runCron(resendEnv, Date.now() + 10 * 60_000);
    const sent = await job();
    expect(sent!.sent_at).not.toBeNull();
    expect(sent!.provider_id).toBe("notification-id");
    expect(resend.calls).toHaveLength(4);
    const lastTry = resend.calls[3];
    const notification = resend.calls[1]!;
    expect(notification.body.subject).toBe("New sign-in to Gatehouse");
    expect(notification.body.text).toContain("IP address: 203.0.113.50");
    expect(lastTry!.headers.get("idempotency-key")).toBe(
      notification.headers.get("idempotency-key"),
    );
    expect(lastTry!.headers.get("idempotency-key")).toBe(sent!.id);

    await runCron(resendEnv, Date.now() + 60 * 60_000);
    expect(resend.calls).toHaveLength(4);
  });
});
