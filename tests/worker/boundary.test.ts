import { describe, expect, it } from "vitest";
import {
  call,
  countRows,
  expectError,
  freshEmail,
  freshIp,
  ORIGIN,
  signUp,
} from "../helpers/client";

const TABLES = [
  "users",
  "tenants",
  "otp_challenges",
  "login_sessions",
  "rate_limits",
  "dev_outbox",
  "login_events",
];
const snapshot = async () => Promise.all(TABLES.map(countRows));

describe("input validation at the boundary", () => {
  const bad: [string, unknown][] = [
    ["wrong type", { email: 5 }],
    ["missing field", {}],
    ["extra field", { email: "a@example.com", admin: true }],
    ["array body", [{ email: "a@example.com" }]],
    ["null body", null],
    ["not an email", { email: "not-an-email" }],
    ["empty", { email: "" }],
    ["no domain dot", { email: "a@localhost" }],
    ["too long", { email: `${"a".repeat(300)}@example.com` }],
    ["fullwidth at sign", { email: "ada＠example.com" }],
    ["zero-width space", { email: "ada\u200b@example.com" }],
    ["cyrillic a", { email: "\u0430da@example.com" }],
    ["bidi override", { email: "ada\u202e@example.com" }],
    ["NUL byte", { email: "ada\u0000@example.com" }],
    ["newline header injection", { email: "ada@example.com\nBcc: x@example.com" }],
    ["double dot", { email: "a..b@example.com" }],
  ];

  it.each(bad)("refuses %s with 400 and writes nothing", async (_, body) => {
    const before = await snapshot();
    const res = await call("/api/auth/otp/start", { body, ip: freshIp() });
    const error = await expectError(res, 400, "invalid_request");
    expect(error.issues.length).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses malformed verify bodies", async () => {
    const before = await snapshot();
    for (const body of [
      { email: freshEmail(), code: "12345" },
      { email: freshEmail(), code: "1234567" },
      { email: freshEmail(), code: 123456 },
      { email: freshEmail(), code: "12a456" },
      { email: freshEmail(), code: "１２３４５６" },
    ]) {
      await expectError(
        await call("/api/auth/otp/verify", { body, ip: freshIp() }),
        400,
        "invalid_request",
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses invalid JSON with 400 invalid_json", async () => {
    const before = await snapshot();
    const res = await call("/api/auth/otp/start", {
      rawBody: '{"email": "a@example.com"',
      headers: { "content-type": "application/json" },
      ip: freshIp(),
    });
    await expectError(res, 400, "invalid_json");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a non-JSON content type", async () => {
    const res = await call("/api/auth/otp/start", {
      rawBody: "email=a@example.com",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      ip: freshIp(),
    });
    await expectError(res, 415, "unsupported_media_type");
  });

  it("refuses a huge body with 413 and writes nothing", async () => {
    const before = await snapshot();
    const res = await call("/api/auth/otp/start", {
      body: { email: "a@example.com", pad: "x".repeat(200_000) },
      ip: freshIp(),
    });
    await expectError(res, 413, "payload_too_large");
    expect(await snapshot()).toEqual(before);
  });

  it("answers unknown API paths with the error shape", async () => {
    await expectError(await call("/api/nope"), 404, "not_found");
  });
});

describe("origin, CORS and headers", () => {
  it("refuses state changes without an Origin or from a foreign one", async () => {
    const email = freshEmail();
    await expectError(
      await call("/api/auth/otp/start", { body: { email }, origin: null, ip: freshIp() }),
      403,
      "origin_required",
    );
    await expectError(
      await call("/api/auth/otp/start", {
        body: { email },
        origin: "https://evil.example",
        ip: freshIp(),
      }),
      403,
      "origin_not_allowed",
    );
    const a = await signUp();
    await expectError(
      await call("/api/auth/logout", {
        method: "POST",
        cookie: a.cookie,
        origin: "https://evil.example",
      }),
      403,
      "origin_not_allowed",
    );
    expect((await call("/api/me", { cookie: a.cookie })).status).toBe(200);
  });

  it("answers CORS only for allowlisted origins, never with *", async () => {
    const ok = await call("/api/auth/otp/start", {
      method: "OPTIONS",
      headers: { "access-control-request-method": "POST" },
    });
    expect(ok.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(ok.headers.get("access-control-allow-credentials")).toBe("true");
    const evil = await call("/api/auth/otp/start", {
      method: "OPTIONS",
      origin: "https://evil.example",
      headers: { "access-control-request-method": "POST" },
    });
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("sends strict security headers and a request id", async () => {
    const res = await call("/api/me");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d{8}/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("serves /health and an OpenAPI document built from the schemas", async () => {
    expect(await (await call("/health")).json()).toEqual({
      status: "ok",
      checks: { d1: "ok", durable_objects: "ok" },
    });
    const doc = (await (await call("/api/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/auth/otp/start",
        "/api/auth/otp/verify",
        "/api/me",
        "/api/me/login-sessions",
      ]),
    );
    expect(JSON.stringify(doc.paths["/api/auth/otp/verify"]!.post!.requestBody)).toContain(
      "#/components/schemas/OtpVerifyBody",
    );
    expect(Object.keys(doc.components.schemas.OtpVerifyBody!.properties!)).toEqual([
      "email",
      "code",
    ]);
  });
});
