/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";

// Every capability's contract, loaded the way the Worker loads them (import cycles between
// contracts leave a schema `undefined` at the moment a route is defined: the OpenAPI document
// then silently loses it, and the route stops validating).
const contracts = import.meta.glob<Record<string, unknown>>("../../capabilities/*/contract.ts", {
  eager: true,
});

interface RouteLike {
  method: string;
  path: string;
  request?: Record<string, unknown>;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
const isRoute = (v: unknown): v is RouteLike =>
  typeof v === "object" && v !== null && "method" in v && "path" in v && "responses" in v;

const routes = Object.entries(contracts).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([, v]) => isRoute(v))
    .map(([name, v]) => ({ file, name, route: v as RouteLike })),
);

describe("route definitions in the contracts", () => {
  it("exist, one per method and path", () => {
    expect(routes.length).toBeGreaterThan(100);
    const keys = routes.map((r) => `${r.route.method} ${r.route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("have every request and response schema defined when the contracts are loaded", () => {
    const missing: string[] = [];
    for (const { file, name, route } of routes) {
      const req = route.request ?? {};
      for (const part of ["params", "query", "headers"] as const)
        if (part in req && req[part] === undefined) missing.push(`${file} ${name} request.${part}`);
      const body = req.body as { content?: Record<string, { schema?: unknown }> } | undefined;
      for (const [type, c] of Object.entries(body?.content ?? {}))
        if (c.schema === undefined) missing.push(`${file} ${name} body ${type}`);
      for (const [status, r] of Object.entries(route.responses))
        for (const [type, c] of Object.entries(r?.content ?? {}))
          if (c.schema === undefined) missing.push(`${file} ${name} ${status} ${type}`);
    }
    expect(missing).toEqual([]);
  });
});
