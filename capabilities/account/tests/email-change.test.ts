import { describe, expect, it } from "vitest";
import {
  call,
  eventually,
  expectError,
  freshEmail,
  outboxFor,
  signUp,
  skipCooldown,
} from "../../../tests/helpers/client";
import { expireStepUp, json } from "../../tenancy/tests/helpers";
import { changeCode, changeEmail, emailOf, revertLink, submitLinkForm } from "./support";

describe("change email", () => {
  it("moves the account to the new address after the code mailed there, and tells the old one", async () => {
    const person = await signUp();
    const to = freshEmail("new");
    const start = await call("/api/me/email/change", {
      body: { new_email: to },
      cookie: person.cookie,
    });
    expect(start.status).toBe(202);
    expect(await emailOf(person.user.id)).toBe(person.email);
    const code = await changeCode(to);
    const done = await json<{ email: string }>(
      await call("/api/me/email/confirm", { body: { code }, cookie: person.cookie }),
    );
    expect(done.email).toBe(to);
    expect(await emailOf(person.user.id)).toBe(to);

    const notice = await eventually(async () =>
      (await outboxFor(person.email)).find((m) =>
        m.subject.includes("address of your Gatehouse account changed"),
      ),
    );
    expect(notice.text).toContain(`Previous address: ${person.email}`);
    expect(notice.text).toContain(`New address: ${to}`);
    expect(notice.html).toContain("/auth/email-revert?token=");

    const me = await json<{ user: { email: string } }>(
      await call("/api/me", { cookie: person.cookie }),
    );
    expect(me.user.email).toBe(to);
    const log = await json<{ events: { kind: string; detail: Record<string, unknown> }[] }>(
      await call("/api/me/security-events", { cookie: person.cookie }),
    );
    expect(log.events[0]).toMatchObject({
      kind: "email_changed",
      detail: { from: person.email, to },
    });
  });

  it("the new address signs in to the same account afterwards", async () => {
    const person = await signUp();
    const to = freshEmail("new");
    await changeEmail(person, to);
    const again = await signUp(to);
    expect(again.user.id).toBe(person.user.id);
    expect(again.newUser).toBe(false);
  });

  it("refuses an address another account uses, and a wrong code, with field issues", async () => {
    const person = await signUp();
    const other = await signUp();
    const taken = await expectError(
      await call("/api/me/email/change", {
        body: { new_email: other.email },
        cookie: person.cookie,
      }),
      409,
      "email_taken",
    );
    expect((taken.issues[0] as { path: string }).path).toBe("new_email");
    const to = freshEmail("new");
    await call("/api/me/email/change", { body: { new_email: to }, cookie: person.cookie });
    const real = await changeCode(to);
    const wrong = real === "000000" ? "111111" : "000000";
    await expectError(
      await call("/api/me/email/confirm", { body: { code: wrong }, cookie: person.cookie }),
      400,
      "invalid_code",
    );
    await expectError(
      await call("/api/me/email/change", {
        body: { new_email: "not an address" },
        cookie: person.cookie,
      }),
      400,
      "invalid_request",
    );
    expect(await emailOf(person.user.id)).toBe(person.email);
  });

  it("the code is void after five wrong tries", async () => {
    const person = await signUp();
    const to = freshEmail("new");
    await call("/api/me/email/change", { body: { new_email: to }, cookie: person.cookie });
    const real = await changeCode(to);
    const wrong = real === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) {
      await call("/api/me/email/confirm", { body: { code: wrong }, cookie: person.cookie });
    }
    await expectError(
      await call("/api/me/email/confirm", { body: { code: real }, cookie: person.cookie }),
      400,
      "invalid_code",
    );
    expect(await emailOf(person.user.id)).toBe(person.email);
  });

  it("is rate-limited per account", async () => {
    const person = await signUp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await call("/api/me/email/change", {
            body: { new_email: freshEmail("n") },
            cookie: person.cookie,
          })
        ).status,
      );
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it("the code to the new address cannot sign anyone in", async () => {
    const person = await signUp();
    const to = freshEmail("new");
    await call("/api/me/email/change", { body: { new_email: to }, cookie: person.cookie });
    const code = await changeCode(to);
    await expectError(
      await call("/api/auth/otp/verify", { body: { email: to, code } }),
      400,
      "invalid_code",
    );
  });

  it("the old address's link puts it back, signs out everywhere and works once", async () => {
    const person = await signUp();
    const to = freshEmail("new");
    await changeEmail(person, to);
    const link = await revertLink(person.email);
    const page = await call(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Put back ${person.email}`);
    expect(await emailOf(person.user.id)).toBe(to); // GET changes nothing

    const done = await submitLinkForm(link);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Your address is back");
    expect(await emailOf(person.user.id)).toBe(person.email);
    expect((await call("/api/me", { cookie: person.cookie })).status).toBe(401);
    const again = await submitLinkForm(link);
    expect(again.status).toBe(410);
    // The restored address is told, and can sign in again.
    await eventually(async () =>
      (await outboxFor(person.email)).find(
        (m) => m.subject === "Your Gatehouse address was put back",
      ),
    );
    skipCooldown();
    const back = await signUp(person.email);
    expect(back.user.id).toBe(person.user.id);
  });

  it("needs step-up at both ends", async () => {
    const person = await signUp();
    const to = freshEmail("new");
    await call("/api/me/email/change", { body: { new_email: to }, cookie: person.cookie });
    expireStepUp();
    const refused = await expectError(
      await call("/api/me/email/confirm", {
        body: { code: await changeCode(to) },
        cookie: person.cookie,
      }),
      403,
      "step_up_required",
    );
    expect(refused.issues).toEqual([{ path: "operation", message: "account.change_email" }]);
  });
});
