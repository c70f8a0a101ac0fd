import { beforeAll, describe, expect, it } from "vitest";
import { can, ROLES } from "../../../core/permissions";
import type { Role } from "../../../core/permissions";
import { call, expectError, signUp } from "../../../tests/helpers/client";
import { addMember, createToken, newTenant, withToken } from "./helpers";
import type { Person } from "./helpers";
import { resolveRoute, TENANT_ROUTES } from "./route-table";
import type { TenantRoute } from "./route-table";

/**
 * Every tenant route against every role, through a console session and through an API token of
 * that role. The expectation comes from `can()` in core/permissions.ts: allowed → the route's
 * success status; not allowed → 403 `forbidden`. Tokens get 403 `session_required` where the
 * route needs a person (step-up, leaving).
 */
const CASES = Object.entries(TENANT_ROUTES).flatMap(([key, route]) =>
  ROLES.map((role) => [key, role, route] as [string, Role, TenantRoute]),
);

describe("role matrix", () => {
  let owner: Person;
  let shared: string;
  const people = {} as Record<Role, Person>;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    owner = await signUp();
    shared = await newTenant(owner, "Matrix");
    for (const role of ROLES) {
      people[role] = await signUp();
      await addMember(shared, people[role], role);
      tokens[role] = (await createToken(owner.cookie, shared, role)).token;
    }
  });

  /** The tenant the case runs in: the shared one, or a fresh one with the caller as `role`. */
  async function tenantFor(route: TenantRoute, role: Role, channel: "session" | "token") {
    if (!route.fresh) return { tenantId: shared, token: tokens[role] };
    const tenantId = await newTenant(owner, "Fresh");
    if (channel === "session") await addMember(tenantId, people[role], role);
    const token = (await createToken(owner.cookie, tenantId, role)).token;
    return { tenantId, token };
  }

  it.each(CASES)("%s as %s (console session)", async (key, role, route) => {
    const { tenantId } = await tenantFor(route, role, "session");
    const { params, body, query } = await route.prepare(tenantId, owner.cookie, {
      cookie: people[role].cookie,
    });
    const { method, path } = resolveRoute(key, tenantId, params, query);
    const res = await call(path, { method, body, cookie: people[role].cookie });
    if (can(role, route.action)) {
      expect(res.status, await res.clone().text()).toBe(route.success);
    } else {
      const error = await expectError(res, 403, "forbidden");
      expect(error.message).toContain(route.action);
    }
  });

  it.each(CASES)("%s as %s (API token)", async (key, role, route) => {
    const { tenantId, token } = await tenantFor(route, role, "token");
    const { params, body, query } = await route.prepare(tenantId, owner.cookie, { token });
    const { method, path } = resolveRoute(key, tenantId, params, query);
    const res = await withToken(path, token, { method, body });
    if (!can(role, route.action)) {
      await expectError(res, 403, "forbidden");
    } else if (route.needs) {
      await expectError(res, 403, "session_required");
    } else {
      expect(res.status, await res.clone().text()).toBe(route.success);
    }
  });
});
