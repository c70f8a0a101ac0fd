import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectError, freshEmail, signUp } from "../helpers/client";
import { addMember, expireStepUp, newTenant } from "../../capabilities/tenancy/tests/helpers";
import {
  changeEmail,
  emailOf,
  revertLink,
  submitLinkForm,
} from "../../capabilities/account/tests/support";

/** Issue 17: taking over an account through its email address, or deleting it from under a team. */
describe("attack: email change and account deletion", () => {
  it("a stale stolen session cannot move the account to the thief's address", async () => {
    const victim = await signUp();
    expireStepUp();
    const thief = freshEmail("thief");
    const refused = await expectError(
      await call("/api/me/email/change", { body: { new_email: thief }, cookie: victim.cookie }),
      403,
      "step_up_required",
    );
    expect(refused.issues).toEqual([{ path: "operation", message: "account.change_email" }]);
    expect(await emailOf(victim.user.id)).toBe(victim.email);
  });

  it("the link from an old notice cannot put back an address after a newer change", async () => {
    // A → B (the person moves away from A), then B → C. Whoever still reads A's mailbox must not
    // be able to pull the account back to A with the first notice's link.
    const person = await signUp();
    const a = person.email;
    const b = freshEmail("b");
    const c = freshEmail("c");
    await changeEmail(person, b);
    const oldLink = await revertLink(a);
    await changeEmail(person, c);
    const page = await call(oldLink);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("can no longer put back");
    const res = await submitLinkForm(oldLink);
    expect(res.status).toBe(200);
    expect(await emailOf(person.user.id)).toBe(c);
    // It did lock the account (sign out everywhere), and works once.
    expect((await call("/api/me", { cookie: person.cookie })).status).toBe(401);
    expect((await submitLinkForm(oldLink)).status).toBe(410);
  });

  it("a revert link is bound to its change: an altered token does nothing", async () => {
    const person = await signUp();
    const b = freshEmail("b");
    await changeEmail(person, b);
    const link = await revertLink(person.email);
    const altered = link.slice(0, -3) + (link.endsWith("AAA") ? "BBB" : "AAA");
    expect((await submitLinkForm(altered)).status).toBe(400);
    expect(await emailOf(person.user.id)).toBe(b);
  });

  it("a cross-site form post to the revert link is refused (no Origin from our site)", async () => {
    const person = await signUp();
    const b = freshEmail("b");
    await changeEmail(person, b);
    const link = await revertLink(person.email);
    const token = new URL(link, "http://x").searchParams.get("token")!;
    const res = await call("/auth/email-revert", {
      rawBody: new URLSearchParams({ token }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      origin: "https://attacker.example",
    });
    expect(res.status).toBe(403);
    expect(await emailOf(person.user.id)).toBe(b);
  });

  it("an owner cannot delete their account out from under a tenant's other members", async () => {
    const owner = await signUp();
    const shared = await newTenant(owner, "Team");
    const member = await signUp();
    await addMember(shared, member, "admin");
    await expectError(
      await call("/api/me", { method: "DELETE", cookie: owner.cookie }),
      409,
      "sole_owner",
    );
    const owners = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM memberships WHERE tenant_id = ?1 AND role = 'owner'",
    )
      .bind(shared)
      .first<{ n: number }>();
    expect(owners!.n).toBe(1);
    expect(await emailOf(owner.user.id)).toBe(owner.email);
  });

  it("a stale stolen session cannot delete the account", async () => {
    const victim = await signUp();
    expireStepUp();
    await expectError(
      await call("/api/me", { method: "DELETE", cookie: victim.cookie }),
      403,
      "step_up_required",
    );
    expect(await emailOf(victim.user.id)).toBe(victim.email);
  });
});
