import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectError, signUp } from "../../../tests/helpers/client";
import { createToken, json, newMember, newTenant, withToken } from "./helpers";

/** Issue 17: an owner offers the tenant, the member named accepts or declines. */
interface Transfer {
  id: string;
  tenant_name: string;
  from: { email: string };
  to: { user_id: string; email: string };
  expires_at: string;
}

async function roles(tenantId: string): Promise<Record<string, string>> {
  const { results } = await env.DB.prepare(
    "SELECT user_id, role FROM memberships WHERE tenant_id = ?1",
  )
    .bind(tenantId)
    .all<{ user_id: string; role: string }>();
  return Object.fromEntries(results.map((r) => [r.user_id, r.role]));
}

async function offer(tenantId: string, cookie: string, userId: string): Promise<Transfer> {
  const res = await call(`/api/tenants/${tenantId}/transfer`, {
    body: { user_id: userId },
    cookie,
  });
  return (await json<{ transfer: Transfer }>(res, 201)).transfer;
}

describe("ownership transfer", () => {
  it("changes nothing until the new owner accepts; then they are owner and the old owner admin", async () => {
    const owner = await signUp();
    const t = await newTenant(owner, "Handover Co");
    const heir = await newMember(t, "operator");
    const ownerToken = await createToken(owner.cookie, t, "owner");

    const transfer = await offer(t, owner.cookie, heir.user.id);
    expect(transfer.to.email).toBe(heir.email);
    expect(transfer.tenant_name).toBe("Handover Co");
    expect(Date.parse(transfer.expires_at) - Date.now()).toBeGreaterThan(6 * 24 * 3600_000);
    expect(await roles(t)).toEqual({ [owner.user.id]: "owner", [heir.user.id]: "operator" });

    // The heir sees the offer in their account; the tenant shows it to members.
    const mine = await json<{ transfers: Transfer[] }>(
      await call("/api/me/ownership-transfers", { cookie: heir.cookie }),
    );
    expect(mine.transfers.map((x) => x.id)).toEqual([transfer.id]);
    const pending = await json<{ transfer: Transfer | null }>(
      await call(`/api/tenants/${t}/transfer`, { cookie: heir.cookie }),
    );
    expect(pending.transfer?.id).toBe(transfer.id);

    await json(
      await call(`/api/me/ownership-transfers/${transfer.id}/accept`, {
        method: "POST",
        cookie: heir.cookie,
      }),
    );
    expect(await roles(t)).toEqual({ [owner.user.id]: "admin", [heir.user.id]: "owner" });
    // The former owner's owner-role token went with the role.
    const res = await withToken(`/api/tenants/${t}`, ownerToken.token);
    expect(res.status).toBe(401);
    // Single use: accepting again finds nothing.
    await expectError(
      await call(`/api/me/ownership-transfers/${transfer.id}/accept`, {
        method: "POST",
        cookie: heir.cookie,
      }),
      404,
      "not_found",
    );
    const outbox = await env.DB.prepare(
      "SELECT type, data FROM audit_outbox WHERE tenant_id = ?1 AND type LIKE 'ownership.%' ORDER BY id",
    )
      .bind(t)
      .all<{ type: string; data: string }>();
    expect(outbox.results.map((r) => r.type)).toEqual([
      "ownership.offered",
      "ownership.transferred",
    ]);
    expect(JSON.parse(outbox.results[1]!.data)).toMatchObject({
      from_email: owner.email,
      to_email: heir.email,
    });
  });

  it("declining leaves the roles as they were, and is audited", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const heir = await newMember(t, "viewer");
    const transfer = await offer(t, owner.cookie, heir.user.id);
    await json(
      await call(`/api/me/ownership-transfers/${transfer.id}/decline`, {
        method: "POST",
        cookie: heir.cookie,
      }),
    );
    expect(await roles(t)).toEqual({ [owner.user.id]: "owner", [heir.user.id]: "viewer" });
    const pending = await json<{ transfer: Transfer | null }>(
      await call(`/api/tenants/${t}/transfer`, { cookie: owner.cookie }),
    );
    expect(pending.transfer).toBeNull();
    const types = await env.DB.prepare(
      "SELECT type FROM audit_outbox WHERE tenant_id = ?1 AND type LIKE 'ownership.%' ORDER BY id",
    )
      .bind(t)
      .all<{ type: string }>();
    expect(types.results.map((r) => r.type)).toEqual(["ownership.offered", "ownership.declined"]);
  });

  it("a new offer replaces the pending one; a withdrawn offer cannot be accepted", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const first = await newMember(t, "admin");
    const second = await newMember(t, "admin");
    const a = await offer(t, owner.cookie, first.user.id);
    const b = await offer(t, owner.cookie, second.user.id);
    await expectError(
      await call(`/api/me/ownership-transfers/${a.id}/accept`, {
        method: "POST",
        cookie: first.cookie,
      }),
      404,
      "not_found",
    );
    await json(
      await call(`/api/tenants/${t}/transfer`, { method: "DELETE", cookie: owner.cookie }),
    );
    await expectError(
      await call(`/api/me/ownership-transfers/${b.id}/accept`, {
        method: "POST",
        cookie: second.cookie,
      }),
      404,
      "not_found",
    );
    expect((await roles(t))[owner.user.id]).toBe("owner");
  });

  it("refuses offers to yourself, to a non-member and to an owner, with 4xx and nothing stored", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const stranger = await signUp();
    const coOwner = await newMember(t, "owner");
    const post = (user_id: unknown) =>
      call(`/api/tenants/${t}/transfer`, { body: { user_id }, cookie: owner.cookie });
    await expectError(await post(owner.user.id), 400, "invalid_request");
    await expectError(await post(stranger.user.id), 404, "not_found");
    await expectError(await post(coOwner.user.id), 409, "already_owner");
    await expectError(await post(42), 400, "invalid_request");
    const n = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM ownership_transfers WHERE tenant_id = ?1",
    )
      .bind(t)
      .first<{ n: number }>();
    expect(n!.n).toBe(0);
  });
});
