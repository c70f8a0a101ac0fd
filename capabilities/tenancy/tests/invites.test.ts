import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { sha256Hex } from "../../../core/crypto/hash";
import { signNotMeToken } from "../../login-sessions/not-me-token";
import { signInviteToken } from "../invite-token";
import {
  call,
  countRows,
  expectError,
  freshEmail,
  freshIp,
  outboxFor,
  signUp,
} from "../../../tests/helpers/client";
import { useTestClock } from "../../../tests/helpers/clock";
import { mockResend, resendEnv } from "../../../tests/helpers/resend-mock";
import { fetchWith } from "../../../tests/helpers/worker";
import { json, newMember, newTenant } from "./helpers";
import type { Person } from "./helpers";

const PEPPER = "test-pepper-0123456789abcdef0123456789abcdef";

async function invite(by: Person, tenantId: string, email: string, role = "operator") {
  return call(`/api/tenants/${tenantId}/invites`, { body: { email, role }, cookie: by.cookie });
}

/** The token from the accept link in the latest invitation mailed to `email`. */
async function mailedToken(email: string): Promise<string> {
  const mail = (await outboxFor(email)).find((m) => m.subject.startsWith("You're invited"));
  const link = mail?.text.match(/(http\S+\/invite\?token=\S+)/)?.[1];
  if (!link) throw new Error(`no invitation mailed to ${email}`);
  return decodeURIComponent(new URL(link).searchParams.get("token")!);
}

const accept = (p: Person, token: string) =>
  call("/api/invites/accept", { body: { token }, cookie: p.cookie, ip: freshIp() });

const clock = useTestClock();

describe("invitations", () => {
  it("mails a single-use link; accepting after signing up joins with the invited role", async () => {
    const owner = await signUp();
    const t = await newTenant(owner, "Invite Co");
    const email = freshEmail("newcomer");
    const created = await json<{ invite: { id: string; status: string; role: string } }>(
      await invite(owner, t, email),
      201,
    );
    expect(created.invite).toMatchObject({ status: "pending", role: "operator" });

    const mail = (await outboxFor(email))[0]!;
    expect(mail.subject).toBe("You're invited to Invite Co on Gatehouse");
    expect(mail.text).toContain(owner.email);
    expect(mail.text).toContain("http://localhost:8787/invite?token=");
    const token = await mailedToken(email);
    const row = await env.DB.prepare("SELECT * FROM invites WHERE id = ?1")
      .bind(created.invite.id)
      .first<{ token_hash: string }>();
    expect(row!.token_hash).toBe(await sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const preview = await json<Record<string, string>>(
      await call("/api/invites/preview", { body: { token }, ip: freshIp() }),
    );
    expect(preview).toMatchObject({
      tenant_name: "Invite Co",
      role: "operator",
      email,
      invited_by: owner.email,
    });

    await expectError(
      await call("/api/invites/accept", { body: { token }, ip: freshIp() }),
      401,
      "unauthenticated",
    );
    const newcomer = await signUp(email); // the normal email-code sign-up
    const joined = await json<{ tenant: { id: string; role: string } }>(
      await accept(newcomer, token),
    );
    expect(joined.tenant).toMatchObject({ id: t, role: "operator" });
    expect((await call(`/api/tenants/${t}`, { cookie: newcomer.cookie })).status).toBe(200);

    // Single use, even after leaving again.
    await call(`/api/tenants/${t}/leave`, { method: "POST", cookie: newcomer.cookie });
    await expectError(await accept(newcomer, token), 400, "invalid_invite");
    await expectError(
      await call("/api/invites/preview", { body: { token }, ip: freshIp() }),
      400,
      "invalid_invite",
    );
    const list = await json<{ invites: { id: string; status: string }[] }>(
      await call(`/api/tenants/${t}/invites`, { cookie: owner.cookie }),
    );
    expect(list.invites.find((i) => i.id === created.invite.id)!.status).toBe("accepted");
  });

  it("refuses another signed-in person and leaves the invitation usable", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const email = freshEmail("rightful");
    await invite(owner, t, email, "viewer");
    const token = await mailedToken(email);
    const intruder = await signUp();
    await expectError(await accept(intruder, token), 403, "invite_wrong_email");
    await expectError(
      await call(`/api/tenants/${t}`, { cookie: intruder.cookie }),
      404,
      "not_found",
    );
    const rightful = await signUp(email);
    expect((await accept(rightful, token)).status).toBe(200);
  });

  it("expires after 7 days", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const email = freshEmail("late");
    const created = await json<{ invite: { id: string; expires_at: string } }>(
      await invite(owner, t, email),
      201,
    );
    const days = (Date.parse(created.invite.expires_at) - clock.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const token = await mailedToken(email);
    clock.advance(7 * 86_400_000 + 1000);
    const late = await signUp(email);
    await expectError(await accept(late, token), 400, "invalid_invite");
    // The invitation row is over too (the link's signature expires at the same instant).
    const ownerAgain = await signUp(owner.email);
    const list = await json<{ invites: { id: string; status: string }[] }>(
      await call(`/api/tenants/${t}/invites`, { cookie: ownerAgain.cookie }),
    );
    expect(list.invites.find((i) => i.id === created.invite.id)!.status).toBe("expired");
    // An expired signature is refused on its own too.
    const stale = await signInviteToken(
      PEPPER,
      { inviteId: created.invite.id, tenantId: t, email },
      clock.now() - 1000,
    );
    await expectError(await accept(late, stale), 400, "invalid_invite");
  });

  it("refuses tampered, forged and foreign-purpose tokens", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const email = freshEmail("tamper");
    const created = await json<{ invite: { id: string } }>(
      await invite(owner, t, email, "viewer"),
      201,
    );
    const token = await mailedToken(email);
    const person = await signUp(email);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const flip = (s: string) =>
      s[5] === "A" ? `${s.slice(0, 5)}B${s.slice(6)}` : `${s.slice(0, 5)}A${s.slice(6)}`;
    const upgraded = btoa(
      JSON.stringify({
        ...JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))),
        role: "owner",
      }),
    )
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    const wrongKey = await signInviteToken(
      "another-pepper-0123456789abcdef0123456789",
      { inviteId: created.invite.id, tenantId: t, email },
      Date.now() + 3_600_000,
    );
    const notMe = await signNotMeToken(PEPPER, person.user.id, created.invite.id);
    // Correctly signed, but not the token this invite was issued with (its hash does not match).
    const resigned = await signInviteToken(
      PEPPER,
      { inviteId: created.invite.id, tenantId: t, email },
      Date.now() + 3_600_000,
    );
    for (const bad of [
      `${header}.${payload}.${flip(signature)}`,
      `${header}.${upgraded}.${signature}`,
      wrongKey,
      notMe,
      resigned,
      "not-a-token",
    ]) {
      await expectError(await accept(person, bad), 400, "invalid_invite");
    }
    expect((await accept(person, token)).status).toBe(200);
  });

  it("a new invitation to the same address, or cancelling, voids the old link", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const email = freshEmail("twice");
    await invite(owner, t, email, "viewer");
    const first = await mailedToken(email);
    const second = await json<{ invite: { id: string } }>(
      await invite(owner, t, email, "auditor"),
      201,
    );
    const secondToken = await mailedToken(email);
    expect(secondToken).not.toBe(first);
    const person = await signUp(email);
    await expectError(await accept(person, first), 400, "invalid_invite");

    expect(
      (
        await call(`/api/tenants/${t}/invites/${second.invite.id}`, {
          method: "DELETE",
          cookie: owner.cookie,
        })
      ).status,
    ).toBe(200);
    await expectError(await accept(person, secondToken), 400, "invalid_invite");
    await expectError(
      await call(`/api/tenants/${t}/invites/${second.invite.id}`, {
        method: "DELETE",
        cookie: owner.cookie,
      }),
      404,
      "not_found",
    );
  });

  it("invites only within the inviter's role and never an existing member", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const admin = await newMember(t, "admin");
    await expectError(await invite(admin, t, freshEmail(), "owner"), 403, "forbidden");
    expect((await invite(admin, t, freshEmail(), "admin")).status).toBe(201);
    await expectError(await invite(owner, t, admin.email, "viewer"), 409, "already_member");
    const before = await countRows("invites");
    for (const body of [
      { email: "not-an-email", role: "viewer" },
      { email: freshEmail(), role: "superuser" },
      { email: freshEmail() },
      { email: freshEmail(), role: "viewer", extra: 1 },
    ]) {
      await expectError(
        await call(`/api/tenants/${t}/invites`, { body, cookie: owner.cookie }),
        400,
        "invalid_request",
      );
    }
    expect(await countRows("invites")).toBe(before);
  });

  it("answers 409 when the invitee is already a member, keeping the link", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const email = freshEmail("member");
    await invite(owner, t, email, "viewer");
    const token = await mailedToken(email);
    const person = await signUp(email);
    await env.DB.prepare(
      "INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (?1, ?2, 'auditor', ?3)",
    )
      .bind(t, person.user.id, Date.now())
      .run();
    await expectError(await accept(person, token), 409, "already_member");
  });

  describe("when the email cannot be sent", () => {
    let resend: ReturnType<typeof mockResend> | undefined;
    afterEach(() => resend?.restore());

    it("answers 503 and keeps no invitation", async () => {
      const owner = await signUp();
      const t = await newTenant(owner);
      resend = mockResend();
      resend.serverError();
      const before = await countRows("invites");
      const res = await fetchWith(resendEnv, `/api/tenants/${t}/invites`, {
        method: "POST",
        body: JSON.stringify({ email: freshEmail(), role: "viewer" }),
        headers: { cookie: owner.cookie },
      });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        "mail_unavailable",
      );
      expect(resend.calls).toHaveLength(1);
      expect(await countRows("invites")).toBe(before);
    });
  });
});
