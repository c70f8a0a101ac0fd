import { describe, expect, it } from "vitest";
import { call, expectError, freshEmail, freshIp, outboxFor, signUp } from "../helpers/client";
import { stubOf } from "../helpers/sessions";
import {
  addMember,
  createToken,
  json,
  newTenant,
  withToken,
} from "../../capabilities/tenancy/tests/helpers";

/**
 * Issue 10, hole 7: an invitation outliving its inviter's authority, API tokens deciding what
 * the default policy leaves to a person, and names carrying bidi overrides, NUL or another
 * normalisation form.
 */
async function mailedToken(email: string): Promise<string> {
  const mail = (await outboxFor(email)).find((m) => m.subject.startsWith("You're invited"));
  const link = mail?.text.match(/(http\S+\/invite\?token=\S+)/)?.[1];
  if (!link) throw new Error(`no invitation mailed to ${email}`);
  return decodeURIComponent(new URL(link).searchParams.get("token")!);
}

async function pendingApproval(tenantId: string) {
  const run = await stubOf(tenantId).openRun(
    { agent: "a", metadata: {} },
    { kind: "system", id: "test" },
  );
  if (!run.ok) throw new Error(run.message);
  const step = await stubOf(tenantId).proposeStep(
    run.value.id,
    { tool: "pay", args: { amount: 5 }, declared: {}, idempotency_key: "k" },
    { kind: "system", id: "test" },
    "api",
  );
  if (!step.ok || !step.value.approval_id) throw new Error("expected an approval");
  return step.value.approval_id;
}

describe("attack: authority that no longer holds", () => {
  it("an admin invitation made by someone since demoted does not make an admin", async () => {
    const owner = await signUp();
    const tenantId = await newTenant(owner, "Invites");
    const admin = await signUp();
    await addMember(tenantId, admin, "admin");
    const email = freshEmail("invitee");
    await json(
      await call(`/api/tenants/${tenantId}/invites`, {
        body: { email, role: "admin" },
        cookie: admin.cookie,
      }),
      201,
    );
    const token = await mailedToken(email);
    await json(
      await call(`/api/tenants/${tenantId}/members/${admin.user.id}`, {
        method: "PATCH",
        body: { role: "operator" },
        cookie: owner.cookie,
      }),
    );

    const invitee = await signUp(email);
    await expectError(
      await call("/api/invites/accept", { body: { token }, cookie: invitee.cookie, ip: freshIp() }),
      400,
      "invalid_invite",
    );
    const { memberships } = await json<{ memberships: { tenant_id: string }[] }>(
      await call("/api/me", { cookie: invitee.cookie }),
    );
    expect(memberships.map((m) => m.tenant_id)).not.toContain(tenantId);
  });

  it("API tokens decide approvals only where the tenant allows it, and the decider is recorded", async () => {
    const owner = await signUp();
    const tenantId = await newTenant(owner, "Approvals");
    const { token } = await createToken(owner.cookie, tenantId, "operator");
    const base = `/api/tenants/${tenantId}`;

    const first = await pendingApproval(tenantId);
    await expectError(
      await withToken(`${base}/approvals/${first}/decision`, token, {
        body: { decision: "approve", reason: "ci says yes" },
      }),
      403,
      "session_required",
    );
    const byPerson = await json<{ approval: { status: string; decided_via: string } }>(
      await call(`${base}/approvals/${first}/decision`, {
        body: { decision: "deny", reason: "not today" },
        cookie: owner.cookie,
      }),
    );
    expect(byPerson.approval).toMatchObject({ status: "denied", decided_via: "person" });

    const tenant = await json<{ tenant: { tokens_may_approve: boolean } }>(
      await call(base, {
        method: "PATCH",
        body: { tokens_may_approve: true },
        cookie: owner.cookie,
      }),
    );
    expect(tenant.tenant.tokens_may_approve).toBe(true);
    const second = await pendingApproval(tenantId);
    const byToken = await json<{ approval: { status: string; decided_via: string } }>(
      await withToken(`${base}/approvals/${second}/decision`, token, {
        body: { decision: "approve", reason: "allowed for tokens" },
      }),
    );
    expect(byToken.approval).toMatchObject({ status: "approved", decided_via: "token" });
  });

  it("names refuse bidi controls and NUL and are stored in NFC", async () => {
    const owner = await signUp();
    const tenantId = await newTenant(owner, "Names");
    const base = `/api/tenants/${tenantId}`;
    for (const name of ["Acme\u202egnp.exe", "Ac\u0000me", "A\u2066cme", "zero\u200bwidth"]) {
      await expectError(
        await call(base, { method: "PATCH", body: { name }, cookie: owner.cookie }),
        400,
        "invalid_request",
      );
      await expectError(
        await call(`${base}/runs`, { body: { agent: name }, cookie: owner.cookie }),
        400,
        "invalid_request",
      );
      await expectError(
        await call(`${base}/tokens`, { body: { name, role: "viewer" }, cookie: owner.cookie }),
        400,
        "invalid_request",
      );
    }
    const decomposed = "Cafe\u0301";
    const renamed = await json<{ tenant: { name: string } }>(
      await call(base, { method: "PATCH", body: { name: decomposed }, cookie: owner.cookie }),
    );
    expect(renamed.tenant.name).toBe("Caf\u00e9");
    const run = await json<{ run: { agent: string } }>(
      await call(`${base}/runs`, { body: { agent: decomposed }, cookie: owner.cookie }),
      201,
    );
    expect(run.run.agent).toBe("Caf\u00e9");
  });
});
