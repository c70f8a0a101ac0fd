import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectError, signUp } from "../helpers/client";
import {
  createToken,
  json,
  newMember,
  newTenant,
  withToken,
} from "../../capabilities/tenancy/tests/helpers";
import { useTestClock } from "../helpers/clock";

/**
 * Issue 17: taking over a tenant through the ownership transfer. An admin (or an owner's API
 * token) starts one to themselves; another member accepts an offer made to someone else; the
 * person named accepts after it expired. Each must leave the roles untouched.
 */
async function roleOf(tenantId: string, userId: string): Promise<string | undefined> {
  const row = await env.DB.prepare(
    "SELECT role FROM memberships WHERE tenant_id = ?1 AND user_id = ?2",
  )
    .bind(tenantId, userId)
    .first<{ role: string }>();
  return row?.role;
}

async function offer(t: string, cookie: string, userId: string): Promise<string> {
  const res = await call(`/api/tenants/${t}/transfer`, { body: { user_id: userId }, cookie });
  return (await json<{ transfer: { id: string } }>(res, 201)).transfer.id;
}

describe("attack: taking a tenant over through an ownership transfer", () => {
  it("an admin cannot offer the ownership to themselves (or anyone)", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const admin = await newMember(t, "admin");
    const res = await call(`/api/tenants/${t}/transfer`, {
      body: { user_id: admin.user.id },
      cookie: admin.cookie,
    });
    await expectError(res, 403, "forbidden");
    expect(await roleOf(t, admin.user.id)).toBe("admin");
  });

  it("an owner-role API token cannot start a transfer (it needs a person who just signed in)", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const accomplice = await newMember(t, "viewer");
    const { token } = await createToken(owner.cookie, t, "owner");
    const res = await withToken(`/api/tenants/${t}/transfer`, token, {
      method: "POST",
      body: { user_id: accomplice.user.id },
    });
    await expectError(res, 403, "session_required");
  });

  it("a member other than the one named cannot accept (or decline) the offer", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const heir = await newMember(t, "operator");
    const thief = await newMember(t, "admin");
    const id = await offer(t, owner.cookie, heir.user.id);
    for (const verb of ["accept", "decline"]) {
      await expectError(
        await call(`/api/me/ownership-transfers/${id}/${verb}`, {
          method: "POST",
          cookie: thief.cookie,
        }),
        404,
        "not_found",
      );
    }
    expect(await roleOf(t, thief.user.id)).toBe("admin");
    expect(await roleOf(t, owner.user.id)).toBe("owner");
    // The offer is still there for the heir.
    await json(
      await call(`/api/me/ownership-transfers/${id}/accept`, {
        method: "POST",
        cookie: heir.cookie,
      }),
    );
    expect(await roleOf(t, heir.user.id)).toBe("owner");
  });

  it("an expired offer cannot be accepted", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const heir = await newMember(t, "operator");
    const id = await offer(t, owner.cookie, heir.user.id);
    useTestClock().advance(7 * 24 * 60 * 60 * 1000 + 1000);
    // A week on, the heir's old sign-in has timed out too: they sign in again.
    const back = await signUp(heir.email);
    await expectError(
      await call(`/api/me/ownership-transfers/${id}/accept`, {
        method: "POST",
        cookie: back.cookie,
      }),
      410,
      "transfer_expired",
    );
    expect(await roleOf(t, heir.user.id)).toBe("operator");
    expect(await roleOf(t, owner.user.id)).toBe("owner");
  });

  it("an offer made by an owner who was since demoted cannot be accepted", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const other = await newMember(t, "owner");
    const heir = await newMember(t, "viewer");
    const id = await offer(t, owner.cookie, heir.user.id);
    await json(
      await call(`/api/tenants/${t}/members/${owner.user.id}`, {
        method: "PATCH",
        body: { role: "viewer" },
        cookie: other.cookie,
      }),
    );
    await expectError(
      await call(`/api/me/ownership-transfers/${id}/accept`, {
        method: "POST",
        cookie: heir.cookie,
      }),
      409,
      "conflict",
    );
    expect(await roleOf(t, heir.user.id)).toBe("viewer");
  });
});
