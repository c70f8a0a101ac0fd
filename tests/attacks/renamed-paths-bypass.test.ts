import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectError, ORIGIN, signUp } from "../helpers/client";
import { configureProvider, json, tenantWithVault } from "../helpers/sessions";
import { ownerWithTenant } from "../helpers/tenant";

const EVIL = "https://evil.example";

/**
 * The deprecated old paths (/api/me/sessions…, /api/tenants/{t}/sessions…) are a second address
 * for the same routes: an attacker must get nothing through them that the new address refuses.
 */
describe("deprecated path aliases give no way around the Origin check or auth", () => {
  it("a cross-site page cannot sign the victim out everywhere through the old path", async () => {
    const victim = await signUp();
    for (const origin of [EVIL, "null"]) {
      await expectError(
        await call("/api/me/sessions/revoke-all", {
          body: { keep_current: false },
          cookie: victim.cookie,
          origin,
        }),
        403,
        "origin_not_allowed",
      );
    }
    await expectError(
      await call("/api/me/sessions/revoke-all", {
        body: { keep_current: false },
        cookie: victim.cookie,
        origin: null,
      }),
      403,
      "origin_required",
    );
    expect((await call("/api/me", { cookie: victim.cookie })).status).toBe(200);
  });

  it("a cross-site page cannot start an agent session or open its stream through the old path", async () => {
    const t = await tenantWithVault();
    await configureProvider(t, "anthropic-test", {
      kind: "anthropic",
      models: ["claude-test"],
      key_secret: "ANTHROPIC_API_KEY",
    });
    await expectError(
      await call(`/api/tenants/${t.tenantId}/sessions`, {
        body: { provider_id: "anthropic-test", model: "claude-test" },
        cookie: t.cookie,
        origin: EVIL,
      }),
      403,
      "origin_not_allowed",
    );
    expect(
      await json(await call(`/api/tenants/${t.tenantId}/agent-sessions`, { cookie: t.cookie })),
    ).toEqual({ sessions: [] });

    const { session } = await json<{ session: { id: string } }>(
      await call(`/api/tenants/${t.tenantId}/agent-sessions`, {
        body: { provider_id: "anthropic-test", model: "claude-test" },
        cookie: t.cookie,
      }),
      201,
    );
    const upgrade = await SELF.fetch(
      `${ORIGIN}/api/tenants/${t.tenantId}/sessions/${session.id}/events`,
      { headers: { upgrade: "websocket", cookie: t.cookie, origin: EVIL } },
    );
    expect(upgrade.status).toBe(403);
    expect(upgrade.webSocket).toBeNull();
    expect(((await upgrade.json()) as { error: { code: string } }).error.code).toBe(
      "origin_not_allowed",
    );
  });

  it("without a session, or as another tenant's owner, the old paths answer like the new ones", async () => {
    const victim = await ownerWithTenant();
    const outsider = await ownerWithTenant();
    await expectError(await call("/api/me/sessions"), 401, "unauthenticated");
    await expectError(
      await call(`/api/tenants/${victim.tenantId}/sessions`),
      401,
      "unauthenticated",
    );
    for (const path of ["sessions", "agent-sessions"]) {
      const res = await call(`/api/tenants/${victim.tenantId}/${path}`, {
        cookie: outsider.cookie,
      });
      expect(res.status, path).toBe(404);
    }
    const id = `ses_${crypto.randomUUID()}`;
    for (const path of ["sessions", "agent-sessions"]) {
      const upgrade = await SELF.fetch(
        `${ORIGIN}/api/tenants/${victim.tenantId}/${path}/${id}/events`,
        { headers: { upgrade: "websocket", cookie: outsider.cookie, origin: ORIGIN } },
      );
      expect(upgrade.status, path).toBe(404);
      expect(upgrade.webSocket).toBeNull();
    }
  });

  it("an encoded or differently cased old path is not a route at all", async () => {
    const victim = await signUp();
    for (const path of ["/api/me/%73essions/revoke-all", "/api/me/Sessions/revoke-all"]) {
      const res = await call(path, { body: { keep_current: false }, cookie: victim.cookie });
      expect(res.status, path).toBe(404);
    }
    expect((await call("/api/me", { cookie: victim.cookie })).status).toBe(200);
  });
});
