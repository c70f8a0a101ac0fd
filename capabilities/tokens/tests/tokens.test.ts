import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../../core/crypto/hash";
import { call, expectError, signUp } from "../../../tests/helpers/client";
import {
  addMember,
  createToken,
  json,
  newMember,
  newTenant,
  withToken,
} from "../../tenancy/tests/helpers";
import { useTestClock } from "../../../tests/helpers/clock";
import type { Person } from "../../tenancy/tests/helpers";

interface TokenList {
  tokens: { id: string; role: string; status: string; last_used_at: string | null }[];
}

async function tokenRow(id: string) {
  return env.DB.prepare("SELECT * FROM api_tokens WHERE id = ?1")
    .bind(id)
    .first<{ token_hash: string; last_used_at: number | null; revoked_at: number | null }>();
}

const clock = useTestClock();

describe("API tokens", () => {
  let owner: Person;
  let tenant: string;

  beforeAll(async () => {
    owner = await signUp();
    tenant = await newTenant(owner, "Tokens");
  });

  it("is shown once and stored only as its SHA-256", async () => {
    const created = await createToken(owner.cookie, tenant, "viewer");
    expect(created.token).toMatch(/^gth_[A-Za-z0-9_-]{43}$/);
    const row = await tokenRow(created.api_token.id);
    expect(row!.token_hash).toBe(await sha256Hex(created.token));
    const { results } = await env.DB.prepare("SELECT * FROM api_tokens").all();
    expect(JSON.stringify(results)).not.toContain(created.token.slice(4));
    const list = await call(`/api/tenants/${tenant}/tokens`, { cookie: owner.cookie });
    const text = await list.text();
    expect(text).toContain(created.api_token.id);
    expect(text).not.toContain(created.token.slice(4));
  });

  it("acts on its own tenant with its own role, without an Origin header", async () => {
    const { token } = await createToken(owner.cookie, tenant, "viewer");
    const me = await json<{ tenant: { role: string } }>(
      await withToken(`/api/tenants/${tenant}`, token),
    );
    expect(me.tenant.role).toBe("viewer");
    await expectError(
      await withToken(`/api/tenants/${tenant}`, token, { method: "PATCH", body: { name: "X" } }),
      403,
      "forbidden",
    );
    const other = await newTenant(owner, "Other");
    await expectError(await withToken(`/api/tenants/${other}`, token), 404, "not_found");
  });

  it("never works on /api/me routes", async () => {
    const { token } = await createToken(owner.cookie, tenant, "owner");
    for (const [path, method] of [
      ["/api/me", "GET"],
      ["/api/me/login-sessions", "GET"],
      ["/api/me/passkeys", "GET"],
      ["/api/me/login-events", "GET"],
      ["/api/me/login-sessions/revoke-all", "POST"],
    ] as const) {
      const res = await withToken(path, token, {
        method,
        body: method === "POST" ? {} : undefined,
      });
      await expectError(res, 401, "unauthenticated");
    }
    await expectError(
      await withToken("/api/tenants", token, { body: { name: "From a token" } }),
      401,
      "unauthenticated",
    );
  });

  it("ignores the session cookie whenever an Authorization header is sent", async () => {
    for (const authorization of [
      "Bearer not-a-token",
      "Bearer gth_" + "A".repeat(43),
      "Basic eDp5",
    ]) {
      const res = await call("/api/me", { cookie: owner.cookie, headers: { authorization } });
      await expectError(res, 401, "unauthenticated");
    }
    // ...so a bogus bearer cannot carry a cookie past the Origin check either.
    await expectError(
      await call(`/api/tenants/${tenant}`, {
        method: "PATCH",
        body: { name: "CSRF" },
        cookie: owner.cookie,
        origin: null,
        headers: { authorization: "Bearer x" },
      }),
      401,
      "unauthenticated",
    );
  });

  it("refuses malformed and unknown bearer tokens", async () => {
    const { token } = await createToken(owner.cookie, tenant, "viewer");
    for (const bad of [
      token.slice(0, -1),
      `${token}A`,
      token.replace("gth_", "ghp_"),
      `gth_${"A".repeat(43)}`,
      "",
    ]) {
      await expectError(await withToken(`/api/tenants/${tenant}`, bad), 401, "unauthenticated");
    }
  });

  it("expires", async () => {
    const expiresAt = new Date(clock.now() + 3_600_000).toISOString();
    const created = await createToken(owner.cookie, tenant, "viewer", { expires_at: expiresAt });
    expect((await withToken(`/api/tenants/${tenant}`, created.token)).status).toBe(200);
    clock.advance(3_601_000);
    await expectError(
      await withToken(`/api/tenants/${tenant}`, created.token),
      401,
      "unauthenticated",
    );
    const list = await json<TokenList>(
      await call(`/api/tenants/${tenant}/tokens`, { cookie: owner.cookie }),
    );
    expect(list.tokens.find((t) => t.id === created.api_token.id)!.status).toBe("expired");
  });

  it("refuses an expiry in the past or more than a year ahead, writing nothing", async () => {
    const count = async () =>
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM api_tokens").first<{ n: number }>())!.n;
    const before = await count();
    for (const expires_at of [
      new Date(Date.now() - 1000).toISOString(),
      new Date(Date.now() + 400 * 86_400_000).toISOString(),
      "tomorrow",
    ]) {
      const res = await call(`/api/tenants/${tenant}/tokens`, {
        body: { name: "bad", role: "viewer", expires_at },
        cookie: owner.cookie,
      });
      const error = await expectError(res, 400, "invalid_request");
      expect(error.issues[0]).toMatchObject({ path: "expires_at" });
    }
    expect(await count()).toBe(before);
  });

  it("is revoked at once and cannot be revoked twice", async () => {
    const created = await createToken(owner.cookie, tenant, "operator");
    expect((await withToken(`/api/tenants/${tenant}`, created.token)).status).toBe(200);
    const path = `/api/tenants/${tenant}/tokens/${created.api_token.id}`;
    expect((await call(path, { method: "DELETE", cookie: owner.cookie })).status).toBe(200);
    await expectError(
      await withToken(`/api/tenants/${tenant}`, created.token),
      401,
      "unauthenticated",
    );
    expect((await tokenRow(created.api_token.id))!.revoked_at).not.toBeNull();
    await expectError(
      await call(path, { method: "DELETE", cookie: owner.cookie }),
      404,
      "not_found",
    );
  });

  it("records the last use at most once a minute", async () => {
    const created = await createToken(owner.cookie, tenant, "viewer");
    expect((await tokenRow(created.api_token.id))!.last_used_at).toBeNull();
    await withToken(`/api/tenants/${tenant}`, created.token);
    const first = (await tokenRow(created.api_token.id))!.last_used_at;
    expect(first).toBeGreaterThan(Date.now() - 60_000);
    await withToken(`/api/tenants/${tenant}`, created.token);
    expect((await tokenRow(created.api_token.id))!.last_used_at).toBe(first);
    clock.advance(61_000);
    await withToken(`/api/tenants/${tenant}`, created.token);
    expect((await tokenRow(created.api_token.id))!.last_used_at).toBeGreaterThanOrEqual(
      first! + 61_000,
    );
  });

  it("never grants more than its creator's role", async () => {
    const admin = await newMember(tenant, "admin");
    const operator = await newMember(tenant, "operator");
    for (const role of ["admin", "operator", "viewer", "auditor"]) {
      await createToken(admin.cookie, tenant, role as "admin");
    }
    await expectError(
      await call(`/api/tenants/${tenant}/tokens`, {
        body: { name: "up", role: "owner" },
        cookie: admin.cookie,
      }),
      403,
      "forbidden",
    );
    await expectError(
      await call(`/api/tenants/${tenant}/tokens`, {
        body: { name: "any", role: "viewer" },
        cookie: operator.cookie,
      }),
      403,
      "forbidden",
    );
    // A token can mint tokens only within its own role.
    const adminToken = await createToken(admin.cookie, tenant, "admin");
    const minted = await json<{ token: string; api_token: { created_by: string } }>(
      await withToken(`/api/tenants/${tenant}/tokens`, adminToken.token, {
        body: { name: "child", role: "viewer" },
      }),
      201,
    );
    expect(minted.api_token.created_by).toBe(admin.email);
    await expectError(
      await withToken(`/api/tenants/${tenant}/tokens`, adminToken.token, {
        body: { name: "escalate", role: "owner" },
      }),
      403,
      "forbidden",
    );
    // Nor can an admin revoke an owner's token.
    const ownerToken = await createToken(owner.cookie, tenant, "owner");
    await expectError(
      await call(`/api/tenants/${tenant}/tokens/${ownerToken.api_token.id}`, {
        method: "DELETE",
        cookie: admin.cookie,
      }),
      403,
      "forbidden",
    );
    expect((await withToken(`/api/tenants/${tenant}`, ownerToken.token)).status).toBe(200);
  });

  it("follows its creator: demotion revokes tokens above the new role, removal revokes all", async () => {
    const t = await newTenant(owner, "Follow");
    const admin = await signUp();
    await addMember(t, admin, "admin");
    const adminToken = await createToken(admin.cookie, t, "admin");
    const viewerToken = await createToken(admin.cookie, t, "viewer");

    const demote = await call(`/api/tenants/${t}/members/${admin.user.id}`, {
      method: "PATCH",
      body: { role: "operator" },
      cookie: owner.cookie,
    });
    expect(demote.status).toBe(200);
    await expectError(
      await withToken(`/api/tenants/${t}`, adminToken.token),
      401,
      "unauthenticated",
    );
    expect((await withToken(`/api/tenants/${t}`, viewerToken.token)).status).toBe(200);

    const removed = await call(`/api/tenants/${t}/members/${admin.user.id}`, {
      method: "DELETE",
      cookie: owner.cookie,
    });
    expect(removed.status).toBe(200);
    await expectError(
      await withToken(`/api/tenants/${t}`, viewerToken.token),
      401,
      "unauthenticated",
    );
    expect((await tokenRow(viewerToken.api_token.id))!.revoked_at).not.toBeNull();
  });

  it("validates the name and role, writing nothing on bad input", async () => {
    const count = async () =>
      (await env.DB.prepare("SELECT COUNT(*) AS n FROM api_tokens").first<{ n: number }>())!.n;
    const before = await count();
    for (const body of [
      { name: "", role: "viewer" },
      { name: "x".repeat(65), role: "viewer" },
      { name: "ok", role: "root" },
      { name: "ok" },
      { name: "ok", role: "viewer", scopes: ["all"] },
      { name: "line\nbreak", role: "viewer" },
    ]) {
      await expectError(
        await call(`/api/tenants/${tenant}/tokens`, { body, cookie: owner.cookie }),
        400,
        "invalid_request",
      );
    }
    expect(await count()).toBe(before);
  });
});
