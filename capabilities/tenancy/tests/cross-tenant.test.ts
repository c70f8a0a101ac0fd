import { beforeAll, describe, expect, it } from "vitest";
import { call, expectError, signUp } from "../../../tests/helpers/client";
import { createToken, json, newTenant, withToken } from "./helpers";
import type { Person } from "./helpers";
import { resolveRoute, TENANT_ROUTES, tenantSnapshot } from "./route-table";

const ROUTES = Object.entries(TENANT_ROUTES);

describe("tenant isolation", () => {
  let victim: Person;
  let stranger: Person;
  let strangerToken: string;

  beforeAll(async () => {
    victim = await signUp();
    stranger = await signUp();
    const strangerTenant = await newTenant(stranger, "Stranger's own");
    strangerToken = (await createToken(stranger.cookie, strangerTenant, "owner")).token;
  });

  it("covers every tenant route of the OpenAPI document", async () => {
    const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(
      await call("/api/openapi.json"),
    );
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/api/tenants/{t}"))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(Object.keys(TENANT_ROUTES).sort());
  });

  it.each(ROUTES)(
    "%s: a member of another tenant gets 404 and changes nothing",
    async (key, route) => {
      const tenantId = await newTenant(victim, "Victim");
      const { params, body, query } = await route.prepare(tenantId, victim.cookie);
      const { method, path } = resolveRoute(key, tenantId, params, query);
      const before = await tenantSnapshot(tenantId);

      const bySession = await call(path, { method, body, cookie: stranger.cookie });
      const sessionError = await expectError(bySession, 404, "not_found");
      const byToken = await withToken(path, strangerToken, { method, body });
      await expectError(byToken, 404, "not_found");
      expect(await tenantSnapshot(tenantId)).toBe(before);

      // Indistinguishable from a tenant that does not exist.
      const ghost = resolveRoute(key, crypto.randomUUID(), params, query);
      const missing = await call(ghost.path, { method, body, cookie: stranger.cookie });
      expect(await expectError(missing, 404, "not_found")).toEqual(sessionError);

      // The owner can do it: the 404 above is isolation, not a broken fixture.
      const own = await call(path, { method, body, cookie: victim.cookie });
      expect(own.status, await own.clone().text()).toBe(route.success);
    },
  );

  it("answers 401 to anonymous callers on every tenant route", async () => {
    const tenantId = await newTenant(victim, "Anon target");
    for (const [key, route] of ROUTES) {
      const { params, body, query } = await route.prepare(tenantId, victim.cookie);
      const { method, path } = resolveRoute(key, tenantId, params, query);
      await expectError(await call(path, { method, body }), 401, "unauthenticated");
    }
  });
});
