import { describe, expect, it } from "vitest";
import { ANDROID_UA_FOR_TESTS } from "../../account/tests/ua";
import {
  call,
  eventually,
  expectError,
  freshIp,
  outboxFor,
  sessionCookie,
  signUp,
} from "../../../tests/helpers/client";
import { json } from "../../tenancy/tests/helpers";
import { poll, startDeviceSignIn } from "../../account/tests/support";

describe("cross-device sign-in (QR)", () => {
  it("a signed-in person approves the phone's code; the phone's next poll signs it in", async () => {
    const desktop = await signUp();
    const phoneIp = freshIp();
    const phone = { ip: phoneIp, headers: { "user-agent": ANDROID_UA_FOR_TESTS } };
    const started = await startDeviceSignIn(phone);
    expect(started.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(started.approve_url).toBe(`http://localhost:8787/device?code=${started.code}`);
    expect(Date.parse(started.expires_at) - Date.now()).toBeLessThanOrEqual(120_000);
    expect(Date.parse(started.expires_at) - Date.now()).toBeGreaterThan(100_000);

    expect(await json<{ status: string }>(await poll(started.secretCookie, phone))).toEqual({
      status: "pending",
    });

    // The desktop types the code as shown, in lower case and without the dash.
    const typed = started.code.replace("-", "").toLowerCase();
    const seen = await json<{ device: string; browser: string; os: string; location: string }>(
      await call("/api/me/device-sign-ins/lookup", {
        body: { code: typed },
        cookie: desktop.cookie,
      }),
    );
    expect(seen).toMatchObject({
      device: "Google Pixel 8",
      browser: "Chrome 140",
      os: "Android 14",
      location: "Local development",
    });
    await json(
      await call("/api/me/device-sign-ins/approve", {
        body: { code: typed },
        cookie: desktop.cookie,
      }),
    );

    const signedIn = await poll(started.secretCookie, phone);
    const body = await json<{ status: string; user: { id: string } }>(signedIn);
    expect(body.status).toBe("signed_in");
    expect(body.user.id).toBe(desktop.user.id);
    const phoneCookie = sessionCookie(signedIn);
    const me = await json<{ user: { email: string } }>(
      await call("/api/me", { cookie: phoneCookie }),
    );
    expect(me.user.email).toBe(desktop.email);

    const sessions = await json<{ sessions: { auth_method: string; browser: string }[] }>(
      await call("/api/me/login-sessions", { cookie: phoneCookie }),
    );
    expect(sessions.sessions.find((s) => s.auth_method === "qr")?.browser).toBe("Chrome 140");
    const history = await json<{ events: { method: string; new_device: boolean }[] }>(
      await call("/api/me/login-events", { cookie: desktop.cookie }),
    );
    expect(history.events[0]).toMatchObject({ method: "qr", new_device: true });
    const log = await json<{ events: { kind: string }[] }>(
      await call("/api/me/security-events", { cookie: desktop.cookie }),
    );
    expect(log.events.map((e) => e.kind)).toContain("device_sign_in_approved");
    // Like every sign-in, it is mailed.
    await eventually(async () =>
      (await outboxFor(desktop.email)).find(
        (m) => m.subject === "New sign-in to Gatehouse" && m.text.includes("QR code"),
      ),
    );
  });

  it("the phone's session is not a fresh confirmation: sensitive actions there still need step-up", async () => {
    const desktop = await signUp();
    const started = await startDeviceSignIn({ ip: freshIp() });
    await call("/api/me/device-sign-ins/approve", {
      body: { code: started.code },
      cookie: desktop.cookie,
    });
    const phoneCookie = sessionCookie(await poll(started.secretCookie));
    await expectError(
      await call("/api/me/passkeys/options", { method: "POST", cookie: phoneCookie }),
      403,
      "step_up_required",
    );
  });

  it("a denied request tells the phone, which gets no session", async () => {
    const desktop = await signUp();
    const started = await startDeviceSignIn({ ip: freshIp() });
    await json(
      await call("/api/me/device-sign-ins/deny", {
        body: { code: started.code },
        cookie: desktop.cookie,
      }),
    );
    const res = await poll(started.secretCookie);
    expect(await json<{ status: string }>(res)).toEqual({ status: "denied" });
    expect(res.headers.getSetCookie().some((c) => /^(__Host-)?session=/.test(c))).toBe(false);
  });

  it("refuses malformed codes with a field issue", async () => {
    const desktop = await signUp();
    const bad = await expectError(
      await call("/api/me/device-sign-ins/lookup", {
        body: { code: "12" },
        cookie: desktop.cookie,
      }),
      400,
      "invalid_request",
    );
    expect((bad.issues[0] as { path: string }).path).toBe("code");
  });
});
