import { env } from "cloudflare:test";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { afterEach, describe, expect, it } from "vitest";
import { securityNoticeMail } from "../../../platform/mail/templates";
import type { SecurityNoticeKind } from "../../../platform/mail/templates";
import { call, eventually, ORIGIN, outboxFor, signUp } from "../../../tests/helpers/client";
import { mockResend, resendEnv } from "../../../tests/helpers/resend-mock";
import { SoftAuthenticator } from "../../../tests/helpers/soft-authenticator";
import { fetchWith, runCron } from "../../../tests/helpers/worker";
import { addMember, json, newTenant } from "../../tenancy/tests/helpers";

/**
 * The person's own security log and the security emails: each account change lands in the log
 * (listed by `GET /api/me/security-events`) and, for the kinds that matter, is mailed in plain
 * text and accessible HTML with the signed "this wasn't me" link.
 */
async function mailTo(email: string, subject: string) {
  return eventually(async () => (await outboxFor(email)).find((m) => m.subject === subject));
}

function expectNotMeLink(mail: { text: string; html: string }) {
  const inText = /(http:\/\/localhost:8787\/auth\/not-me\?token=[\w.-]+)/.exec(mail.text)?.[1];
  expect(inText).toBeDefined();
  expect(mail.html).toContain(`href="${inText}"`);
  expect(mail.html).toContain("This wasn't me: sign out everywhere");
  expect(mail.html).toMatch(/^<!doctype html>\n<html lang="en">/);
  return inText!;
}

async function securityLog(cookie: string) {
  return json<{ events: { kind: string; detail: Record<string, unknown> }[] }>(
    await call("/api/me/security-events", { cookie }),
  );
}

async function addPasskey(cookie: string, name: string) {
  const options = await json<PublicKeyCredentialCreationOptionsJSON>(
    await call("/api/me/passkeys/options", { method: "POST", cookie }),
  );
  const response = await new SoftAuthenticator().createCredential(options, { origin: ORIGIN });
  return json<{ passkey: { id: string } }>(
    await call("/api/me/passkeys", { body: { response, name }, cookie }),
    201,
  );
}

describe("security log and emails", () => {
  it("mails a passkey added and removed, and lists both after the sign-in", async () => {
    const a = await signUp();
    const { passkey } = await addPasskey(a.cookie, "Work laptop");
    const added = await mailTo(a.email, "A passkey was added to your Gatehouse account");
    expect(added.text).toContain("Passkey: Work laptop");
    const link = expectNotMeLink(added);
    expect((await call(new URL(link).pathname + new URL(link).search)).status).toBe(200);

    expect(
      (await call(`/api/me/passkeys/${passkey.id}`, { method: "DELETE", cookie: a.cookie })).status,
    ).toBe(200);
    const removed = await mailTo(a.email, "A passkey was removed from your Gatehouse account");
    expect(removed.text).toContain("Passkey: Work laptop");
    expectNotMeLink(removed);

    const log = await securityLog(a.cookie);
    expect(log.events.map((e) => e.kind)).toEqual(["passkey_removed", "passkey_added", "sign_in"]);
    expect(log.events[0]!.detail).toEqual({ passkey_id: passkey.id, name: "Work laptop" });
  });

  it("mails an owner or admin token to its creator, not a viewer token", async () => {
    const a = await signUp();
    const t = await newTenant(a, "Tokens Inc");
    for (const role of ["viewer", "admin"]) {
      const res = await call(`/api/tenants/${t}/tokens`, {
        body: { name: `${role} bot`, role },
        cookie: a.cookie,
      });
      expect(res.status).toBe(201);
    }
    const mail = await mailTo(a.email, "An admin API token was created in Tokens Inc");
    expect(mail.text).toContain("Token: admin bot");
    expect(mail.text).toContain("Expires: never");
    expectNotMeLink(mail);
    const subjects = (await outboxFor(a.email)).map((m) => m.subject);
    expect(subjects.filter((s) => s.includes("API token"))).toEqual([
      "An admin API token was created in Tokens Inc",
    ]);
    expect((await securityLog(a.cookie)).events.map((e) => e.kind)).toContain(
      "admin_token_created",
    );
  });

  it("mails a member whose role changed and one who was removed", async () => {
    const owner = await signUp();
    const member = await signUp();
    const t = await newTenant(owner, "Roles Ltd");
    await addMember(t, member, "viewer");
    const changed = await call(`/api/tenants/${t}/members/${member.user.id}`, {
      method: "PATCH",
      body: { role: "operator" },
      cookie: owner.cookie,
    });
    expect(changed.status).toBe(200);
    const roleMail = await mailTo(member.email, "Your role in Roles Ltd changed to operator");
    expect(roleMail.text).toContain("from viewer to operator");
    expect(roleMail.text).toContain(`Changed by: ${owner.email}`);
    expectNotMeLink(roleMail);

    const removed = await call(`/api/tenants/${t}/members/${member.user.id}`, {
      method: "DELETE",
      cookie: owner.cookie,
    });
    expect(removed.status).toBe(200);
    const goneMail = await mailTo(member.email, "You were removed from Roles Ltd");
    expect(goneMail.text).toContain(`Removed by: ${owner.email}`);
    expectNotMeLink(goneMail);
    expect((await securityLog(member.cookie)).events.map((e) => e.kind).slice(0, 2)).toEqual([
      "removed_from_tenant",
      "role_changed",
    ]);
    // Nothing of it in the owner's own log.
    expect((await securityLog(owner.cookie)).events.map((e) => e.kind)).toEqual(["sign_in"]);
  });

  it("mails that 'this wasn't me' was used, and logs sessions revoked from the account page", async () => {
    const a = await signUp();
    const b = await call("/api/me/login-sessions/revoke-all", {
      body: { keep_current: true },
      cookie: a.cookie,
    });
    expect(b.status).toBe(200);
    const notice = await mailTo(a.email, "New sign-in to Gatehouse");
    const token = new URL(/(http\S+not-me\?token=[\w.-]+)/.exec(notice.text)![1]!).searchParams.get(
      "token",
    )!;
    const posted = await call("/auth/not-me", {
      method: "POST",
      rawBody: new URLSearchParams({ token }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(posted.status).toBe(200);
    const mail = await mailTo(a.email, "Every session of your Gatehouse account was signed out");
    expect(mail.text).toContain("Sessions signed out: 1");
    expectNotMeLink(mail);
    const rows = await env.DB.prepare(
      "SELECT kind FROM security_events WHERE user_id = ?1 ORDER BY created_at, rowid",
    )
      .bind(a.user.id)
      .all<{ kind: string }>();
    expect(rows.results.map((r) => r.kind)).toEqual(["sessions_revoked", "not_me_revoke_all"]);
  });

  it("has a plain, accessible template for every kind, the email change included", () => {
    const kinds: SecurityNoticeKind[] = [
      "passkey_added",
      "passkey_removed",
      "not_me_revoke_all",
      "admin_token_created",
      "role_changed",
      "removed_from_tenant",
      "email_changed",
    ];
    const url = "https://gatehouse.example/auth/not-me?token=a.b.c&x=<y>";
    for (const kind of kinds) {
      const mail = securityNoticeMail(
        kind,
        { from: "old@example.com", to: "new@example.com" },
        "2026-01-01 00:00:00 UTC",
        url,
      );
      expect(mail.subject.length, kind).toBeGreaterThan(10);
      expect(mail.text, kind).toContain(`If this wasn't you, sign out every session now: ${url}`);
      expect(mail.html, kind).toContain(
        'href="https://gatehouse.example/auth/not-me?token=a.b.c&amp;x=&lt;y&gt;"',
      );
      expect(mail.html, kind).toMatch(/<title>.+<\/title>/);
      expect(mail.html, kind).toContain('<th scope="row"');
    }
    const changed = securityNoticeMail(
      "email_changed",
      { from: "old@example.com", to: "new@example.com" },
      "t",
      url,
    );
    expect(changed.text).toContain(
      "Previous address: old@example.com\nNew address: new@example.com",
    );
  });
});

describe("security emails through Resend", () => {
  let resend: ReturnType<typeof mockResend>;
  afterEach(() => resend.restore());

  it("are retried by the cron when the first send fails", async () => {
    const a = await signUp();
    const t = await newTenant(a, "Retry Co");
    resend = mockResend();
    resend.serverError();
    const res = await fetchWith(resendEnv, `/api/tenants/${t}/tokens`, {
      method: "POST",
      body: JSON.stringify({ name: "ops", role: "owner" }),
      headers: { cookie: a.cookie },
    });
    expect(res.status).toBe(201);
    const job = () =>
      env.DB.prepare(
        `SELECT j.attempts, j.sent_at FROM mail_jobs j JOIN security_events e
            ON e.id = json_extract(j.ref, '$.securityEventId') WHERE e.user_id = ?1`,
      )
        .bind(a.user.id)
        .first<{ attempts: number; sent_at: number | null }>();
    expect(await job()).toMatchObject({ attempts: 1, sent_at: null });
    resend.ok("security-mail-id");
    await runCron(resendEnv, Date.now() + 60_000);
    expect((await job())!.sent_at).not.toBeNull();
    expect(resend.calls.at(-1)!.body.subject).toBe("An owner API token was created in Retry Co");
  });
});
