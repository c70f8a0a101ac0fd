import { beforeAll, describe, expect, it } from "vitest";
import { call, signUp } from "../helpers/client";
import {
  createToken,
  newTenant,
  personalTenant,
  withToken,
} from "../../capabilities/tenancy/tests/helpers";
import type { Person } from "../../capabilities/tenancy/tests/helpers";

/**
 * Every `/api/tenants/{t}/…` route of the OpenAPI document, called by an outsider who is signed
 * in (a member of another tenant) or holds another tenant's API token, with a body no route
 * accepts: the answer is the tenant's 404 every time — before validation, so an outsider learns
 * nothing of the tenant, not even which of its routes would take their input.
 */
describe("attack: tenant routes called by a non-member", () => {
  let owner: Person;
  let outsider: Person;
  let victim: string;
  let foreignToken: string;
  let routes: [method: string, path: string][];

  beforeAll(async () => {
    owner = await signUp();
    victim = await newTenant(owner, "Victim");
    outsider = await signUp();
    foreignToken = (await createToken(outsider.cookie, await personalTenant(outsider), "viewer"))
      .token;
    const doc = (await (await call("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths)
      .filter(([template]) => template.startsWith("/api/tenants/{t}"))
      .flatMap(([template, ops]) =>
        Object.keys(ops).map((m): [string, string] => [
          m.toUpperCase(),
          template.replace("{t}", victim).replace(/\{\w+\}/g, "x"),
        ]),
      );
  });

  it("answers 404 Tenant not found to every route, signed in or with a token", async () => {
    expect(routes.length).toBeGreaterThan(60);
    for (const [method, path] of routes) {
      const body = method === "GET" ? {} : { body: { unexpected: true } };
      for (const [who, res] of [
        ["session", await call(path, { method, cookie: outsider.cookie, ...body })],
        ["token", await withToken(path, foreignToken, { method, ...body })],
      ] as const) {
        expect([res.status, await res.json()], `${method} ${path} (${who})`).toEqual([
          404,
          { error: { code: "not_found", message: "Tenant not found.", issues: [] } },
        ]);
      }
    }
  }, 120_000);

  it("still lets the tenant's own member in, and asks an anonymous caller to sign in", async () => {
    const members = await call(`/api/tenants/${victim}/members`, { cookie: owner.cookie });
    expect(members.status).toBe(200);
    const anonymous = await call(`/api/tenants/${victim}/members`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe(
      "unauthenticated",
    );
  });
});
