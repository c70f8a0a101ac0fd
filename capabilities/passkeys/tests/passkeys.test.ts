import { env } from "cloudflare:test";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { describe, expect, it } from "vitest";
import {
  call,
  eventually,
  expectError,
  freshIp,
  ORIGIN,
  outboxFor,
  sessionCookie,
  signUp,
} from "../../../tests/helpers/client";
import { useTestClock } from "../../../tests/helpers/clock";
import { SoftAuthenticator } from "../../../tests/helpers/soft-authenticator";

async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function registerPasskey(cookie: string, auth = new SoftAuthenticator(), name?: string) {
  const options = await json<PublicKeyCredentialCreationOptionsJSON>(
    await call("/api/me/passkeys/options", { method: "POST", cookie }),
  );
  const response = await auth.createCredential(options, { origin: ORIGIN });
  const res = await call("/api/me/passkeys", {
    body: { response, ...(name ? { name } : {}) },
    cookie,
  });
  const { passkey } = await json<{ passkey: { id: string; name: string } }>(res, 201);
  return { auth, passkey, options };
}

const loginOptions = async (ip = freshIp()) =>
  json<PublicKeyCredentialRequestOptionsJSON>(
    await call("/api/auth/passkey/options", { method: "POST", ip }),
  );

const loginVerify = (response: unknown, ip = freshIp()) =>
  call("/api/auth/passkey/verify", { body: { response }, ip });

const clock = useTestClock();

describe("passkeys", () => {
  it("registers with the options the issue asks for and stores every field", async () => {
    const a = await signUp();
    const auth = new SoftAuthenticator({ aaguid: "fbfc3007-154e-4ecc-8c0b-6e020557d7bd" });
    const { passkey, options } = await registerPasskey(a.cookie, auth, "My phone");
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: "required",
      requireResidentKey: true,
      userVerification: "preferred",
    });
    expect(options.pubKeyCredParams.map((p) => p.alg)).toEqual([-7, -257]);
    expect(options.rp.id).toBe("localhost");
    expect(passkey.name).toBe("My phone");

    const row = await env.DB.prepare("SELECT * FROM passkeys WHERE id = ?1")
      .bind(passkey.id)
      .first<Record<string, unknown>>();
    expect(row).toMatchObject({
      user_id: a.user.id,
      counter: 0,
      device_type: "singleDevice",
      backed_up: 0,
      aaguid: "fbfc3007-154e-4ecc-8c0b-6e020557d7bd",
      transports: JSON.stringify(["internal", "hybrid"]),
      last_used_at: null,
    });
    expect(row!.public_key).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(row!.created_at).toEqual(expect.any(Number));

    const second = await call("/api/me/passkeys/options", { method: "POST", cookie: a.cookie });
    const again = await json<PublicKeyCredentialCreationOptionsJSON>(second);
    expect(again.excludeCredentials?.map((c) => c.id)).toEqual([passkey.id]);
  });

  it("signs in usernameless with the same session, login event and email as a code", async () => {
    const a = await signUp();
    const { auth, passkey } = await registerPasskey(a.cookie);
    const options = await loginOptions();
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(options.userVerification).toBe("required");
    const response = await auth.getAssertion(options, { origin: ORIGIN });
    const res = await loginVerify(response, "203.0.113.99");
    const body = await json<{ user: { id: string }; has_passkey: boolean }>(res);
    expect(body.user.id).toBe(a.user.id);
    const cookie = sessionCookie(res);

    const sessions = await json<{ sessions: { current: boolean; auth_method: string }[] }>(
      await call("/api/me/login-sessions", { cookie }),
    );
    expect(sessions.sessions.find((s) => s.current)!.auth_method).toBe("passkey");
    const event = await env.DB.prepare(
      "SELECT method, ip FROM login_events WHERE user_id = ?1 ORDER BY created_at DESC LIMIT 1",
    )
      .bind(a.user.id)
      .first();
    expect(event).toEqual({ method: "passkey", ip: "203.0.113.99" });
    const mails = await eventually(async () => {
      const m = (await outboxFor(a.email)).filter((x) => x.subject === "New sign-in to Gatehouse");
      return m.length === 2 ? m : undefined;
    });
    expect(mails[0]!.text).toContain("Method: Passkey");
    expect(mails[0]!.text).toContain("IP address: 203.0.113.99");
    const stored = await env.DB.prepare("SELECT counter, last_used_at FROM passkeys WHERE id = ?1")
      .bind(passkey.id)
      .first<{ counter: number; last_used_at: number }>();
    expect(stored!.counter).toBe(1);
    expect(stored!.last_used_at).toEqual(expect.any(Number));
  });

  it("refuses a replayed assertion (single-use challenge)", async () => {
    const a = await signUp();
    const { auth } = await registerPasskey(a.cookie);
    const response = await auth.getAssertion(await loginOptions(), { origin: ORIGIN });
    expect((await loginVerify(response)).status).toBe(200);
    await expectError(await loginVerify(response), 400, "invalid_challenge");
  });

  it("refuses counter regression and records it as a security event", async () => {
    const a = await signUp();
    const { auth } = await registerPasskey(a.cookie);
    expect(
      (await loginVerify(await auth.getAssertion(await loginOptions(), { origin: ORIGIN }))).status,
    ).toBe(200);
    expect(
      (await loginVerify(await auth.getAssertion(await loginOptions(), { origin: ORIGIN }))).status,
    ).toBe(200);
    const cloned = await auth.getAssertion(await loginOptions(), {
      origin: ORIGIN,
      signCountOverride: 1,
    });
    await expectError(await loginVerify(cloned), 400, "passkey_counter_regression");
    const event = await env.DB.prepare(
      // The log also holds the passkey's registration (passkey_added): pick the refusal.
      "SELECT kind, detail FROM security_events WHERE user_id = ?1 AND kind != 'passkey_added'",
    )
      .bind(a.user.id)
      .first<{ kind: string; detail: string }>();
    expect(event!.kind).toBe("passkey_counter_regression");
    expect(JSON.parse(event!.detail)).toMatchObject({ stored_counter: 2 });
  });

  it("refuses a wrong origin, a wrong RP ID, an expired or foreign challenge and a tampered signature", async () => {
    const a = await signUp();
    const { auth } = await registerPasskey(a.cookie);
    const wrongOrigin = await auth.getAssertion(await loginOptions(), {
      origin: "https://evil.example",
    });
    await expectError(await loginVerify(wrongOrigin), 400, "passkey_rejected");

    const wrongRp = await auth.getAssertion(await loginOptions(), {
      origin: ORIGIN,
      rpId: "evil.example",
      credentialId: auth.credentials[0]!.idBase64Url,
    });
    await expectError(await loginVerify(wrongRp), 400, "passkey_rejected");

    const expiredOptions = await loginOptions();
    clock.advance(5 * 60 * 1000 + 1000);
    const expired = await auth.getAssertion(expiredOptions, { origin: ORIGIN });
    await expectError(await loginVerify(expired), 400, "invalid_challenge");

    const madeUp = await auth.getAssertion(await loginOptions(), {
      origin: ORIGIN,
      overrideChallenge: "bm90LWEtcmVhbC1jaGFsbGVuZ2U",
    });
    await expectError(await loginVerify(madeUp), 400, "invalid_challenge");

    const tampered = await auth.getAssertion(await loginOptions(), {
      origin: ORIGIN,
      tamper: "signature",
    });
    await expectError(await loginVerify(tampered), 400, "passkey_rejected");

    const noUv = await auth.getAssertion(await loginOptions(), {
      origin: ORIGIN,
      userVerified: false,
    });
    await expectError(await loginVerify(noUv), 400, "passkey_rejected");
  });

  it("refuses a registration answering a challenge issued to someone else or with a wrong origin", async () => {
    const a = await signUp();
    const b = await signUp();
    const options = await json<PublicKeyCredentialCreationOptionsJSON>(
      await call("/api/me/passkeys/options", { method: "POST", cookie: a.cookie }),
    );
    const auth = new SoftAuthenticator();
    const response = await auth.createCredential(options, { origin: ORIGIN });
    await expectError(
      await call("/api/me/passkeys", { body: { response }, cookie: b.cookie }),
      400,
      "invalid_challenge",
    );

    const fresh = await json<PublicKeyCredentialCreationOptionsJSON>(
      await call("/api/me/passkeys/options", { method: "POST", cookie: a.cookie }),
    );
    const evil = await new SoftAuthenticator().createCredential(fresh, {
      origin: "https://evil.example",
    });
    await expectError(
      await call("/api/me/passkeys", { body: { response: evil }, cookie: a.cookie }),
      400,
      "passkey_rejected",
    );
    expect(
      await env.DB.prepare("SELECT COUNT(*) AS n FROM passkeys WHERE user_id = ?1")
        .bind(a.user.id)
        .first("n"),
    ).toBe(0);
  });

  it("refuses a deleted credential", async () => {
    const a = await signUp();
    const { auth, passkey } = await registerPasskey(a.cookie);
    expect(
      (await call(`/api/me/passkeys/${passkey.id}`, { method: "DELETE", cookie: a.cookie })).status,
    ).toBe(200);
    const response = await auth.getAssertion(await loginOptions(), { origin: ORIGIN });
    await expectError(await loginVerify(response), 400, "unknown_passkey");
  });

  it("lists, renames and deletes passkeys, several per person, never another person's", async () => {
    const a = await signUp();
    const b = await signUp();
    const one = await registerPasskey(a.cookie, new SoftAuthenticator(), "Phone");
    await registerPasskey(a.cookie, new SoftAuthenticator(), "Laptop");
    const list = await json<{ passkeys: { name: string }[] }>(
      await call("/api/me/passkeys", { cookie: a.cookie }),
    );
    expect(list.passkeys.map((p) => p.name)).toEqual(["Phone", "Laptop"]);

    const renamed = await call(`/api/me/passkeys/${one.passkey.id}`, {
      method: "PATCH",
      body: { name: "  Work phone " },
      cookie: a.cookie,
    });
    expect((await json<{ passkey: { name: string } }>(renamed)).passkey.name).toBe("Work phone");
    await expectError(
      await call(`/api/me/passkeys/${one.passkey.id}`, {
        method: "PATCH",
        body: { name: "" },
        cookie: a.cookie,
      }),
      400,
      "invalid_request",
    );
    await expectError(
      await call(`/api/me/passkeys/${one.passkey.id}`, {
        method: "PATCH",
        body: { name: "a\u202eb" },
        cookie: a.cookie,
      }),
      400,
      "invalid_request",
    );
    await expectError(
      await call(`/api/me/passkeys/${one.passkey.id}`, {
        method: "PATCH",
        body: { name: "x" },
        cookie: b.cookie,
      }),
      404,
      "not_found",
    );
    await expectError(
      await call(`/api/me/passkeys/${one.passkey.id}`, { method: "DELETE", cookie: b.cookie }),
      404,
      "not_found",
    );
  });

  it("requires a recent sign-in to delete a passkey, and step-up by passkey or code restores it", async () => {
    const first = await signUp();
    const { auth, passkey } = await registerPasskey(first.cookie);
    // A passkey confirms only sessions it existed before (see tests/attacks/authz-step-up.test.ts):
    // sign in again a day later, then let that sign-in become 11 minutes old.
    clock.advance(24 * 60 * 60 * 1000);
    const a = await signUp(first.email);
    clock.advance(11 * 60 * 1000);
    await expectError(
      await call(`/api/me/passkeys/${passkey.id}`, { method: "DELETE", cookie: a.cookie }),
      403,
      "step_up_required",
    );

    const options = await json<PublicKeyCredentialRequestOptionsJSON>(
      await call("/api/auth/step-up/options", { method: "POST", cookie: a.cookie }),
    );
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([passkey.id]);
    const response = await auth.getAssertion(options, { origin: ORIGIN });
    const stepped = await json<{ ok: boolean; step_up_valid_until: string }>(
      await call("/api/auth/step-up/verify", { body: { response }, cookie: a.cookie }),
    );
    expect(Date.parse(stepped.step_up_valid_until)).toBeGreaterThan(clock.now() + 9 * 60 * 1000);
    // A step-up assertion cannot be replayed as a sign-in.
    await expectError(await loginVerify(response), 400, "invalid_challenge");
    expect(
      (await call(`/api/me/passkeys/${passkey.id}`, { method: "DELETE", cookie: a.cookie })).status,
    ).toBe(200);

    // 11 minutes on: the step-up is over, and so is the resend cooldown of the sign-in code.
    clock.advance(11 * 60 * 1000);
    expect((await call("/api/auth/otp/start", { body: { email: a.email }, ip: a.ip })).status).toBe(
      202,
    );
    const code = (await outboxFor(a.email))
      .find((m) => m.subject.startsWith("Your Gatehouse code"))!
      .subject.slice(-6);
    await expectError(
      await call("/api/auth/step-up/otp", {
        body: { code: "000000" === code ? "111111" : "000000" },
        cookie: a.cookie,
      }),
      400,
      "invalid_code",
    );
    expect((await call("/api/auth/step-up/otp", { body: { code }, cookie: a.cookie })).status).toBe(
      200,
    );
    const me = await json<{ session: { step_up_valid_until: string } }>(
      await call("/api/me", { cookie: a.cookie }),
    );
    expect(Date.parse(me.session.step_up_valid_until)).toBeGreaterThan(clock.now());
  });

  it("refuses malformed WebAuthn bodies with 400 and the error shape", async () => {
    const a = await signUp();
    for (const body of [
      {},
      { response: "x" },
      { response: { id: "abc", rawId: "abc", type: "password", response: {} } },
      {
        response: {
          id: "a b",
          rawId: "abc",
          type: "public-key",
          response: { clientDataJSON: "x", authenticatorData: "x", signature: "x" },
        },
      },
    ]) {
      await expectError(
        await call("/api/auth/passkey/verify", { body, ip: freshIp() }),
        400,
        "invalid_request",
      );
      await expectError(
        await call("/api/me/passkeys", { body, cookie: a.cookie }),
        400,
        "invalid_request",
      );
    }
    const garbage = {
      id: "abc",
      rawId: "abc",
      type: "public-key",
      response: { clientDataJSON: "bm90LWpzb24", authenticatorData: "AA", signature: "AA" },
    };
    await expectError(
      await call("/api/auth/passkey/verify", { body: { response: garbage }, ip: freshIp() }),
      400,
      "invalid_response",
    );
    await expectError(
      await call("/api/me/passkeys/options", { method: "POST" }),
      401,
      "unauthenticated",
    );
  });
});
