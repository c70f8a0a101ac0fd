import { describe, expect, it } from "vitest";
import { call, freshEmail, freshIp } from "../helpers/client";
import { RESEND_KEY } from "../helpers/resend-mock";
import { fetchWith } from "../helpers/worker";

const production = { ENVIRONMENT: "production", RESEND_API_KEY: RESEND_KEY };

describe("configuration and the dev outbox", () => {
  it("shows the dev outbox in development as JSON (newest first) and as HTML", async () => {
    const a = freshEmail("outbox-a");
    const b = freshEmail("outbox-b");
    await call("/api/auth/otp/start", { body: { email: a }, ip: freshIp() });
    await call("/api/auth/otp/start", { body: { email: b }, ip: freshIp() });
    const json = await call("/dev/outbox", { headers: { accept: "application/json" } });
    const messages = (await json.json()) as Record<string, string>[];
    const ours = messages.filter((m) => m.to === a || m.to === b);
    expect(ours.map((m) => m.to)).toEqual([b, a]);
    expect(Object.keys(ours[0]!).sort()).toEqual([
      "created_at",
      "html",
      "id",
      "subject",
      "text",
      "to",
    ]);
    expect(ours[0]!.created_at).toMatch(/Z$/);

    const html = await (await call("/dev/outbox")).text();
    expect(html).toContain("<h1>Dev outbox</h1>");
    expect(html).toContain(b);
  });

  it("hides the dev outbox outside development", async () => {
    const res = await fetchWith(production, "/dev/outbox", {
      headers: { accept: "application/json" },
    });
    expect(res.status).toBe(404);
  });

  it("refuses to run in production without a Resend key and says which setting is missing", async () => {
    const res = await fetchWith({ ENVIRONMENT: "production" }, "/api/auth/otp/start", {
      method: "POST",
      body: JSON.stringify({ email: freshEmail() }),
      ip: freshIp(),
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("misconfigured");
    const health = await fetchWith({ ENVIRONMENT: "production" }, "/health");
    expect(health.status).toBe(503);
    const body = (await health.json()) as { status: string; problems: string[] };
    expect(body.status).toBe("misconfigured");
    expect(body.problems.join()).toContain("RESEND_API_KEY");
  });

  it("refuses the development-only INVITE_TTL_SECONDS in production", async () => {
    const health = await fetchWith({ ...production, INVITE_TTL_SECONDS: "60" }, "/health");
    expect(health.status).toBe(503);
    const body = (await health.json()) as { problems: string[] };
    expect(body.problems.join()).toContain("INVITE_TTL_SECONDS");
  });

  it("refuses the development-only OTP_STARTS_PER_IP_HOUR in production", async () => {
    const health = await fetchWith({ ...production, OTP_STARTS_PER_IP_HOUR: "1000" }, "/health");
    expect(health.status).toBe(503);
    const body = (await health.json()) as { problems: string[] };
    expect(body.problems.join()).toContain("OTP_STARTS_PER_IP_HOUR");
  });

  it("refuses a missing or short AUTH_PEPPER without echoing it", async () => {
    const health = await fetchWith({ AUTH_PEPPER: "short-pepper-value" }, "/health");
    const text = await health.text();
    expect(health.status).toBe(503);
    expect(text).toContain("AUTH_PEPPER");
    expect(text).not.toContain("short-pepper-value");
  });

  it("uses the __Host- cookie with Secure over https", async () => {
    const res = await fetchWith(production, "/api/auth/logout", { method: "POST" });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join()).toMatch(/^__Host-session=;.*Secure/);
  });
});
