import { env } from "cloudflare:test";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { describe, expect, it } from "vitest";
import {
  call,
  expectError,
  freshEmail,
  freshIp,
  latestCode,
  ORIGIN,
  outboxFor,
  sessionCookie,
  signUp,
  skipCooldown,
} from "../helpers/client";
import { SoftAuthenticator } from "../helpers/soft-authenticator";
import { ownerWithTenant } from "../helpers/tenant";
import { fetchWith } from "../helpers/worker";

/*
 * Sign-in and /api/me in one D1 round trip each (issue 14): the checks moved into the same
 * batch as the writes and reads they guard. These attacks check that moving them lost nothing.
 */

const count = async (sql: string, ...params: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...params)
    .first<{ n: number }>())!.n;

async function secondSession(email: string, ip: string) {
  skipCooldown();
  await call("/api/auth/otp/start", { body: { email }, ip });
  const res = await call("/api/auth/otp/verify", {
    body: { email, code: await latestCode(email) },
    ip,
  });
  expect(res.status).toBe(200);
  return sessionCookie(res);
}

describe("a revoked session", () => {
  it("is refused on the very next request, on every path and through a fresh binding", async () => {
    const victim = await ownerWithTenant();
    const stolen = victim.cookie;
    const tenantPath = `/api/tenants/${victim.tenantId}`;
    // The thief uses the session everywhere first (anything an isolate could have kept).
    for (const path of ["/api/me", "/api/me/login-sessions", tenantPath]) {
      expect((await call(path, { cookie: stolen })).status).toBe(200);
    }
    const me = (await (await call("/api/me", { cookie: stolen })).json()) as {
      session: { id: string };
    };
    const own = await secondSession(victim.email, victim.ip);
    const revoked = await call(`/api/me/login-sessions/${me.session.id}`, {
      method: "DELETE",
      cookie: own,
    });
    expect(revoked.status).toBe(200);

    for (const path of ["/api/me", "/api/me/login-sessions", tenantPath]) {
      await expectError(await call(path, { cookie: stolen }), 401, "unauthenticated");
      // Another entry into the Worker, with its own bindings object (and D1 wrapper).
      await expectError(
        await fetchWith({}, path, { headers: { cookie: stolen } }),
        401,
        "unauthenticated",
      );
    }
    expect((await call("/api/me", { cookie: own })).status).toBe(200);
  });

  it("is refused right after sign-out everywhere, and after logout", async () => {
    const person = await signUp();
    const other = await secondSession(person.email, person.ip);
    expect((await call("/api/me", { cookie: other })).status).toBe(200);
    const res = await call("/api/me/login-sessions/revoke-all", {
      body: { keep_current: true },
      cookie: person.cookie,
    });
    expect(res.status).toBe(200);
    await expectError(await call("/api/me", { cookie: other }), 401, "unauthenticated");

    expect((await call("/api/auth/logout", { method: "POST", cookie: person.cookie })).status).toBe(
      200,
    );
    await expectError(await call("/api/me", { cookie: person.cookie }), 401, "unauthenticated");
  });

  it("cannot ride /api/me next to a bearer header", async () => {
    const person = await signUp();
    const res = await call("/api/me", {
      cookie: person.cookie,
      headers: { authorization: "Bearer gth_not-a-real-token" },
    });
    await expectError(res, 401, "unauthenticated");
  });
});

describe("a wrong email code", () => {
  it("creates no account, no tenant and no session, even for a new address", async () => {
    const email = freshEmail("guess");
    const ip = freshIp();
    expect((await call("/api/auth/otp/start", { body: { email }, ip })).status).toBe(202);
    const code = await latestCode(email);
    const wrong = code === "000000" ? "000001" : "000000";
    const tenantsBefore = await count("SELECT COUNT(*) AS n FROM tenants");
    await expectError(
      await call("/api/auth/otp/verify", { body: { email, code: wrong }, ip }),
      400,
      "invalid_code",
    );
    expect(await count("SELECT COUNT(*) AS n FROM users WHERE email = ?1", email)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM tenants")).toBe(tenantsBefore);
    // The guess was counted, and the real code still works (once).
    expect(await count("SELECT attempts AS n FROM otp_challenges WHERE email = ?1", email)).toBe(1);
    const res = await call("/api/auth/otp/verify", { body: { email, code }, ip });
    expect(res.status).toBe(200);
    await expectError(
      await call("/api/auth/otp/verify", { body: { email, code }, ip }),
      400,
      "invalid_code",
    );
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM login_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?1",
        email,
      ),
    ).toBe(1);
  });
});

describe("a forged passkey assertion", () => {
  it("leaves no session, no login event, no notification and no counter change", async () => {
    const victim = await signUp();
    const options = (await (
      await call("/api/me/passkeys/options", { method: "POST", cookie: victim.cookie })
    ).json()) as PublicKeyCredentialCreationOptionsJSON;
    const auth = new SoftAuthenticator();
    const registration = await auth.createCredential(options, { origin: ORIGIN });
    expect(
      (await call("/api/me/passkeys", { body: { response: registration }, cookie: victim.cookie }))
        .status,
    ).toBe(201);
    const before = {
      sessions: await count(
        "SELECT COUNT(*) AS n FROM login_sessions WHERE user_id = ?1",
        victim.user.id,
      ),
      logins: await count(
        "SELECT COUNT(*) AS n FROM login_events WHERE user_id = ?1",
        victim.user.id,
      ),
      mails: (await outboxFor(victim.email)).length,
      counter: await count("SELECT counter AS n FROM passkeys WHERE user_id = ?1", victim.user.id),
    };

    const startedAt = Date.now();
    // The attacker knows the credential id (and user handle) but not the private key: a
    // signature that does not verify, with a huge counter in the authenticator data.
    const ip = freshIp();
    const login = (await (
      await call("/api/auth/passkey/options", { method: "POST", ip })
    ).json()) as PublicKeyCredentialRequestOptionsJSON;
    const forged = await auth.getAssertion(login, {
      origin: ORIGIN,
      tamper: "signature",
      signCountOverride: 2 ** 31,
    });
    const res = await call("/api/auth/passkey/verify", { body: { response: forged }, ip });
    await expectError(res, 400, "passkey_rejected");
    expect(res.headers.getSetCookie().some((c) => /session=/.test(c))).toBe(false);

    // Longer than the notification's grace would matter for: the rows are gone, not pending.
    await new Promise((r) => setTimeout(r, 50));
    expect(
      await count("SELECT COUNT(*) AS n FROM login_sessions WHERE user_id = ?1", victim.user.id),
    ).toBe(before.sessions);
    expect(
      await count("SELECT COUNT(*) AS n FROM login_events WHERE user_id = ?1", victim.user.id),
    ).toBe(before.logins);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM mail_jobs WHERE kind = 'login_notification' AND sent_at IS NULL
           AND ref IN (SELECT json_object('loginEventId', id) FROM login_events WHERE user_id = ?1)`,
        victim.user.id,
      ),
    ).toBe(0);
    // Nor a notification job orphaned from its (deleted) login event.
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM mail_jobs WHERE kind = 'login_notification' AND created_at >= ?1
           AND json_extract(ref, '$.loginEventId') NOT IN (SELECT id FROM login_events)`,
        startedAt,
      ),
    ).toBe(0);
    expect((await outboxFor(victim.email)).length).toBe(before.mails);
    expect(
      await count("SELECT counter AS n FROM passkeys WHERE user_id = ?1", victim.user.id),
    ).toBe(before.counter);

    // The genuine authenticator still signs in (its counter was not pushed past it).
    const again = (await (
      await call("/api/auth/passkey/options", { method: "POST", ip })
    ).json()) as PublicKeyCredentialRequestOptionsJSON;
    const genuine = await auth.getAssertion(again, { origin: ORIGIN });
    expect(
      (await call("/api/auth/passkey/verify", { body: { response: genuine }, ip })).status,
    ).toBe(200);
  });
});
