import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  call,
  eventually,
  expectError,
  ORIGIN,
  outboxFor,
  signUp,
} from "../../../tests/helpers/client";
import { SoftAuthenticator } from "../../../tests/helpers/soft-authenticator";
import {
  addMember,
  createToken,
  expireStepUp,
  json,
  newTenant,
  personalTenant,
  withToken,
} from "../../tenancy/tests/helpers";

const count = async (sql: string, ...args: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...args)
    .first<{ n: number }>())!.n;

describe("delete account", () => {
  it("deletes the account, its solo tenants, sessions, passkeys and tokens, and mails a confirmation", async () => {
    const person = await signUp();
    const personal = await personalTenant(person);
    const token = await createToken(person.cookie, personal, "operator");
    const options = await json<PublicKeyCredentialCreationOptionsJSON>(
      await call("/api/me/passkeys/options", { method: "POST", cookie: person.cookie }),
    );
    const response = await new SoftAuthenticator().createCredential(options, { origin: ORIGIN });
    await json(await call("/api/me/passkeys", { body: { response }, cookie: person.cookie }), 201);
    expect(
      await count("SELECT COUNT(*) AS n FROM passkeys WHERE user_id = ?1", person.user.id),
    ).toBe(1);
    const res = await call("/api/me", { method: "DELETE", cookie: person.cookie });
    const body = await json<{ deleted_tenants: { id: string; name: string }[] }>(res);
    expect(body.deleted_tenants).toEqual([{ id: personal, name: "Personal workspace" }]);
    expect(await count("SELECT COUNT(*) AS n FROM users WHERE id = ?1", person.user.id)).toBe(0);
    expect(
      await count("SELECT COUNT(*) AS n FROM login_sessions WHERE user_id = ?1", person.user.id),
    ).toBe(0);
    expect(
      await count("SELECT COUNT(*) AS n FROM passkeys WHERE user_id = ?1", person.user.id),
    ).toBe(0);
    expect(
      await count("SELECT COUNT(*) AS n FROM api_tokens WHERE created_by = ?1", person.user.id),
    ).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM tenants WHERE id = ?1", personal)).toBe(0);
    expect((await call("/api/me", { cookie: person.cookie })).status).toBe(401);
    expect((await withToken(`/api/tenants/${personal}/runs`, token.token)).status).toBe(401);
    const mail = await eventually(async () =>
      (await outboxFor(person.email)).find(
        (m) => m.subject === "Your Gatehouse account was deleted",
      ),
    );
    expect(mail.text).toContain("sessions, passkeys and API tokens are gone");
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM security_events WHERE user_id = ?1 AND kind = 'account_deleted'",
        person.user.id,
      ),
    ).toBe(1);
  });

  it("refuses while the only owner of a tenant with other members, naming it and the way forward", async () => {
    const owner = await signUp();
    const shared = await newTenant(owner, "Shared Co");
    const member = await signUp();
    await addMember(shared, member, "operator");
    const refused = await expectError(
      await call("/api/me", { method: "DELETE", cookie: owner.cookie }),
      409,
      "sole_owner",
    );
    expect(refused.message).toContain("“Shared Co”");
    expect(refused.message).toMatch(/make another member an owner|delete the tenant/);
    expect(refused.issues).toEqual([{ path: `tenants.${shared}`, message: "Shared Co" }]);
    expect(await count("SELECT COUNT(*) AS n FROM users WHERE id = ?1", owner.user.id)).toBe(1);
    expect((await call("/api/me", { cookie: owner.cookie })).status).toBe(200);

    // With a second owner, the account goes and the tenant stays with its members.
    await env.DB.prepare(
      "UPDATE memberships SET role = 'owner' WHERE tenant_id = ?1 AND user_id = ?2",
    )
      .bind(shared, member.user.id)
      .run();
    await json(await call("/api/me", { method: "DELETE", cookie: owner.cookie }));
    expect(await count("SELECT COUNT(*) AS n FROM memberships WHERE tenant_id = ?1", shared)).toBe(
      1,
    );
    const events = await json<{ events: { type: string; data: Record<string, unknown> }[] }>(
      await call(`/api/tenants/${shared}/audit/events?limit=100`, { cookie: member.cookie }),
    );
    expect(events.events.map((e) => e.type)).toContain("member.left");
  });

  it("needs step-up", async () => {
    const person = await signUp();
    expireStepUp();
    const refused = await expectError(
      await call("/api/me", { method: "DELETE", cookie: person.cookie }),
      403,
      "step_up_required",
    );
    expect(refused.issues).toEqual([{ path: "operation", message: "account.delete" }]);
    expect(await count("SELECT COUNT(*) AS n FROM users WHERE id = ?1", person.user.id)).toBe(1);
  });
});
