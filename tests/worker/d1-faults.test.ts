import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Env } from "../../platform/env";
import { freshEmail, freshIp, latestCode, signUp } from "../helpers/client";
import { D1_ERRORS, faultyD1, touches, writes, type Fault } from "../helpers/d1-faults";
import { fetchWith } from "../helpers/worker";

/*
 * D1's transient errors, injected at the binding boundary (the real Worker, the real D1 behind a
 * wrapper that throws D1's own messages): retried within the request when that is safe, else a
 * 503 with Retry-After, the error shape and the request id — never a 500.
 */

const always =
  (message: string, when: Fault["when"] = "before") =>
  () => ({ message, when });
/** Fails the first `n` calls `matching`, then lets everything through. */
function firstN(
  n: number,
  message: string,
  matching = (_: unknown) => true,
  when: Fault["when"] = "before",
) {
  let left = n;
  return (call: Parameters<typeof matching>[0]) =>
    matching(call) && left-- > 0 ? { message, when } : undefined;
}

interface ErrorBody {
  error: { code: string; message: string; issues: { path: string; message: string }[] };
}

async function expectUnavailable(res: Response, code = "database_unavailable", retryAfter = "2") {
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBe(retryAfter);
  const requestId = res.headers.get("x-request-id");
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toContain(requestId!);
  expect(body.error.issues[0]!.path).toBe("database");
  return body;
}

describe("/health", () => {
  it("answers ok after a real write and read of D1 and a call into a Durable Object", async () => {
    const { binding, calls } = faultyD1(env.DB, () => undefined);
    const res = await fetchWith({ DB: binding }, "/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", checks: { d1: "ok", durable_objects: "ok" } });
    expect(calls.filter((c) => c.executed && touches("health_probe")(c))).toHaveLength(1);
    const probe = await env.DB.prepare("SELECT checked_at FROM health_probe WHERE id = 1").first<{
      checked_at: number;
    }>();
    expect(Date.now() - probe!.checked_at).toBeLessThan(60_000);
  });

  it("answers 503 when D1 is down, naming it and nothing secret", async () => {
    const { binding } = faultyD1(env.DB, always(D1_ERRORS.overloaded));
    const res = await fetchWith({ DB: binding }, "/health");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("10");
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      status: "unavailable",
      checks: { d1: "unavailable", durable_objects: "ok" },
    });
    expect(text).not.toContain(env.AUTH_PEPPER!);
    expect(text).not.toContain("D1_ERROR");
  });

  it("answers 503 read_only when D1 refuses writes but still reads", async () => {
    const { binding } = faultyD1(env.DB, (call) =>
      writes(call) ? { message: D1_ERRORS.readOnly, when: "before" } : undefined,
    );
    const res = await fetchWith({ DB: binding }, "/health");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: "unavailable",
      checks: { d1: "read_only", durable_objects: "ok" },
    });
  });

  it("answers 503 when the Durable Object binding fails", async () => {
    const broken = {
      getByName: () => ({
        health: () =>
          Promise.reject(new Error("Durable Object reset because its code was updated.")),
      }),
    } as unknown as Env["TENANT"];
    const res = await fetchWith({ TENANT: broken }, "/health");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: "unavailable",
      checks: { d1: "ok", durable_objects: "unavailable" },
    });
  });
});

describe("transient D1 errors in requests", () => {
  it.each([
    ["locked", D1_ERRORS.locked],
    ["overloaded", D1_ERRORS.queuedTooLong],
    ["unreachable", D1_ERRORS.unreachable],
  ])("retries a call that never ran (%s) and answers normally", async (_, message) => {
    const a = await signUp();
    const { binding, calls } = faultyD1(env.DB, firstN(2, message));
    const res = await fetchWith({ DB: binding }, "/api/me", { headers: { cookie: a.cookie } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { id: string } }).user.id).toBe(a.user.id);
    expect(calls.map((c) => c.failed)).toEqual([message, message, null]);
  });

  it("retries a read whose answer was lost, since reading again is harmless", async () => {
    const a = await signUp();
    const { binding, calls } = faultyD1(
      env.DB,
      firstN(1, D1_ERRORS.networkLost, () => true, "after"),
    );
    const res = await fetchWith({ DB: binding }, "/api/me", { headers: { cookie: a.cookie } });
    expect(res.status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it("answers 503 with Retry-After, the error shape and the request id once retries run out", async () => {
    const a = await signUp();
    const { binding, calls } = faultyD1(env.DB, always(D1_ERRORS.locked));
    const t0 = Date.now();
    const res = await fetchWith({ DB: binding }, "/api/me", { headers: { cookie: a.cookie } });
    await expectUnavailable(res);
    // Four attempts at most, all within the request's retry budget.
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.length).toBeLessThanOrEqual(4);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it("never sends a write again whose outcome is unknown, and answers 503", async () => {
    const email = freshEmail("lost");
    const ip = freshIp();
    await fetchWith({}, "/api/auth/otp/start", {
      method: "POST",
      body: JSON.stringify({ email }),
      ip,
    });
    const code = await latestCode(email);
    const { binding, calls } = faultyD1(env.DB, (call) =>
      touches("login_sessions")(call) && writes(call)
        ? { message: D1_ERRORS.networkLost, when: "after" }
        : undefined,
    );
    const res = await fetchWith({ DB: binding }, "/api/auth/otp/verify", {
      method: "POST",
      body: JSON.stringify({ email, code }),
      ip,
    });
    await expectUnavailable(res);
    const signIns = calls.filter((c) => touches("login_sessions")(c) && writes(c));
    expect(signIns).toHaveLength(1);
    expect(signIns[0]!.executed).toBe(true);
    // It did commit once: exactly one session, and the code is spent.
    const sessions = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM login_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?1",
    )
      .bind(email)
      .first<{ n: number }>();
    expect(sessions!.n).toBe(1);
  });

  it("answers 503 database_read_only to a write while D1 is read-only", async () => {
    const email = freshEmail("ro");
    const { binding } = faultyD1(env.DB, (call) =>
      writes(call) ? { message: D1_ERRORS.readOnly, when: "before" } : undefined,
    );
    const res = await fetchWith({ DB: binding }, "/api/auth/otp/start", {
      method: "POST",
      body: JSON.stringify({ email }),
      ip: freshIp(),
    });
    await expectUnavailable(res, "database_read_only", "30");
  });

  it("passes other D1 errors through unchanged (a constraint is not retried)", async () => {
    const { binding, calls } = faultyD1(
      env.DB,
      always("D1_ERROR: UNIQUE constraint failed: users.email: SQLITE_CONSTRAINT"),
    );
    const res = await fetchWith({ DB: binding }, "/api/auth/otp/start", {
      method: "POST",
      body: JSON.stringify({ email: freshEmail() }),
      ip: freshIp(),
    });
    expect(res.status).toBe(500);
    expect(calls).toHaveLength(1);
  });
});
