import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectError, signUp, skipCooldown } from "../../../tests/helpers/client";
import {
  addMember,
  createToken,
  expireStepUp,
  json,
  newMember,
  newTenant,
  putSecret,
  withToken,
} from "./helpers";
import type { Person } from "./helpers";
import { tenantSnapshot } from "./route-table";

interface Members {
  members: { user_id: string; email: string; role: string }[];
}

const members = async (p: Person, t: string) =>
  (await json<Members>(await call(`/api/tenants/${t}/members`, { cookie: p.cookie }))).members;

const setRole = (p: Person, t: string, userId: string, role: string) =>
  call(`/api/tenants/${t}/members/${userId}`, {
    method: "PATCH",
    body: { role },
    cookie: p.cookie,
  });

const remove = (p: Person, t: string, userId: string) =>
  call(`/api/tenants/${t}/members/${userId}`, { method: "DELETE", cookie: p.cookie });

describe("tenants", () => {
  it("creates a tenant with the creator as owner, listed in /api/me", async () => {
    const a = await signUp();
    const created = await json<{ tenant: { id: string; name: string; role: string } }>(
      await call("/api/tenants", { body: { name: "  Acme Robotics  " }, cookie: a.cookie }),
      201,
    );
    expect(created.tenant).toMatchObject({ name: "Acme Robotics", role: "owner" });
    const me = await json<{ memberships: { tenant_id: string; role: string }[] }>(
      await call("/api/me", { cookie: a.cookie }),
    );
    expect(me.memberships).toContainEqual(
      expect.objectContaining({ tenant_id: created.tenant.id, role: "owner" }),
    );
  });

  it("limits tenant creation per person", async () => {
    const a = await signUp();
    for (let i = 0; i < 20; i++) {
      expect(
        (await call("/api/tenants", { body: { name: `T${i}` }, cookie: a.cookie })).status,
      ).toBe(201);
    }
    const res = await call("/api/tenants", { body: { name: "One more" }, cookie: a.cookie });
    await expectError(res, 429, "rate_limited");
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("refuses bad names without writing, and never echoes a pasted key", async () => {
    const a = await signUp();
    const t = await newTenant(a, "Before");
    const key = "sk-ant-api03-" + "a1B2c3D4".repeat(6);
    const before = await tenantSnapshot(t);
    const tenantsBefore = (await env.DB.prepare("SELECT COUNT(*) AS n FROM tenants").first<{
      n: number;
    }>())!.n;
    for (const name of ["", "   ", "x".repeat(65), "a\u0000b", "bi\u202edi", key, 7]) {
      const rename = await call(`/api/tenants/${t}`, {
        method: "PATCH",
        body: { name },
        cookie: a.cookie,
      });
      const text = await rename.clone().text();
      await expectError(rename, 400, "invalid_request");
      expect(text).not.toContain("a1B2c3D4");
      await expectError(
        await call("/api/tenants", { body: { name }, cookie: a.cookie }),
        400,
        "invalid_request",
      );
    }
    expect(await tenantSnapshot(t)).toBe(before);
    expect(
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM tenants").first<{ n: number }>())!.n,
    ).toBe(tenantsBefore);
  });

  it("renames", async () => {
    const a = await signUp();
    const t = await newTenant(a, "Old");
    const res = await json<{ tenant: { name: string } }>(
      await call(`/api/tenants/${t}`, { method: "PATCH", body: { name: "New" }, cookie: a.cookie }),
    );
    expect(res.tenant.name).toBe("New");
    const read = await json<{ tenant: { name: string } }>(
      await call(`/api/tenants/${t}`, { cookie: a.cookie }),
    );
    expect(read.tenant.name).toBe("New");
  });
});

describe("members and roles", () => {
  it("lists members with emails and roles", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const viewer = await newMember(t, "viewer");
    const list = await members(owner, t);
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user_id: owner.user.id, email: owner.email, role: "owner" }),
        expect.objectContaining({ user_id: viewer.user.id, email: viewer.email, role: "viewer" }),
      ]),
    );
  });

  it("changes roles within the actor's own grant", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const admin = await newMember(t, "admin");
    const viewer = await newMember(t, "viewer");

    expect((await setRole(admin, t, viewer.user.id, "operator")).status).toBe(200);
    await expectError(await setRole(admin, t, viewer.user.id, "owner"), 403, "forbidden");
    await expectError(await setRole(admin, t, owner.user.id, "viewer"), 403, "forbidden");
    await expectError(await setRole(admin, t, crypto.randomUUID(), "viewer"), 404, "not_found");
    await expectError(await setRole(owner, t, viewer.user.id, "root"), 400, "invalid_request");
    expect((await setRole(owner, t, viewer.user.id, "owner")).status).toBe(200);
    const roles = Object.fromEntries((await members(owner, t)).map((m) => [m.user_id, m.role]));
    expect(roles).toMatchObject({
      [viewer.user.id]: "owner",
      [owner.user.id]: "owner",
      [admin.user.id]: "admin",
    });
  });

  it("never leaves a tenant without an owner", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const admin = await newMember(t, "admin");
    await expectError(await setRole(owner, t, owner.user.id, "admin"), 409, "last_owner");
    await expectError(await remove(owner, t, owner.user.id), 409, "last_owner");
    await expectError(
      await call(`/api/tenants/${t}/leave`, { method: "POST", cookie: owner.cookie }),
      409,
      "last_owner",
    );
    expect((await members(owner, t)).find((m) => m.user_id === owner.user.id)!.role).toBe("owner");

    // With a second owner, the first may step down.
    await setRole(owner, t, admin.user.id, "owner");
    expect((await setRole(owner, t, owner.user.id, "viewer")).status).toBe(200);
    await expectError(await setRole(admin, t, admin.user.id, "viewer"), 409, "last_owner");
  });

  it("removes a member only after a recent sign-in, and not an owner by an admin", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const admin = await newMember(t, "admin");
    const viewer = await newMember(t, "viewer");
    await expectError(await remove(admin, t, owner.user.id), 403, "forbidden");

    expireStepUp();
    const before = await tenantSnapshot(t);
    await expectError(await remove(admin, t, viewer.user.id), 403, "step_up_required");
    expect(await tenantSnapshot(t)).toBe(before);

    skipCooldown();
    const fresh = await signUp(admin.email);
    expect((await remove(fresh, t, viewer.user.id)).status).toBe(200);
    await expectError(await call(`/api/tenants/${t}`, { cookie: viewer.cookie }), 404, "not_found");
    await expectError(await remove(fresh, t, viewer.user.id), 404, "not_found");
  });

  it("lets a member leave, revoking their tokens there", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const admin = await signUp();
    await addMember(t, admin, "admin");
    const token = await createToken(admin.cookie, t, "viewer");
    expect(
      (await call(`/api/tenants/${t}/leave`, { method: "POST", cookie: admin.cookie })).status,
    ).toBe(200);
    await expectError(await call(`/api/tenants/${t}`, { cookie: admin.cookie }), 404, "not_found");
    await expectError(await withToken(`/api/tenants/${t}`, token.token), 401, "unauthenticated");
    expect((await members(owner, t)).map((m) => m.user_id)).toEqual([owner.user.id]);
  });
});

describe("tenant deletion", () => {
  it("needs a sign-in within 10 minutes and a person, not a token", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    await putSecret(owner.cookie, t, "KEEP", "still-here-1234");
    const token = await createToken(owner.cookie, t, "owner");
    expireStepUp();
    const before = await tenantSnapshot(t);
    await expectError(
      await call(`/api/tenants/${t}`, { method: "DELETE", cookie: owner.cookie }),
      403,
      "step_up_required",
    );
    await expectError(
      await withToken(`/api/tenants/${t}`, token.token, { method: "DELETE" }),
      403,
      "session_required",
    );
    expect(await tenantSnapshot(t)).toBe(before);
  });

  it("shreds the DEKs and removes every row of the tenant", async () => {
    const owner = await signUp();
    const t = await newTenant(owner);
    const member = await newMember(t, "viewer");
    await putSecret(owner.cookie, t, "A_KEY", "value-a-1234");
    await call(`/api/tenants/${t}/keys/rotate`, { body: {}, cookie: owner.cookie });
    await putSecret(owner.cookie, t, "B_KEY", "value-b-5678");
    const token = await createToken(owner.cookie, t, "viewer");
    await call(`/api/tenants/${t}/invites`, {
      body: { email: `invitee-${Date.now()}@example.com`, role: "viewer" },
      cookie: owner.cookie,
    });

    expect(
      (await call(`/api/tenants/${t}`, { method: "DELETE", cookie: owner.cookie })).status,
    ).toBe(200);

    for (const table of ["memberships", "invites", "api_tokens", "secrets", "secret_requests"]) {
      const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE tenant_id = ?1`)
        .bind(t)
        .first<{ n: number }>();
      expect(row!.n, table).toBe(0);
    }
    expect(await env.DB.prepare("SELECT 1 FROM tenants WHERE id = ?1").bind(t).first()).toBeNull();
    const { results: keys } = await env.DB.prepare("SELECT * FROM tenant_keys WHERE tenant_id = ?1")
      .bind(t)
      .all<{
        state: string;
        wrapped_iv: string | null;
        wrapped_dek: string | null;
        destroyed_at: number | null;
      }>();
    expect(keys).toHaveLength(2);
    for (const k of keys) {
      expect(k).toMatchObject({ state: "destroyed", wrapped_iv: null, wrapped_dek: null });
      expect(k.destroyed_at).not.toBeNull();
    }
    await expectError(await call(`/api/tenants/${t}`, { cookie: member.cookie }), 404, "not_found");
    await expectError(await withToken(`/api/tenants/${t}`, token.token), 401, "unauthenticated");
  });
});
