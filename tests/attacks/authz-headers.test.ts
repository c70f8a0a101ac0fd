import { beforeAll, describe, expect, it } from "vitest";
import { call, latestCode, signUp } from "../helpers/client";
import { fetchWith } from "../helpers/worker";
import { newTenant } from "../../capabilities/tenancy/tests/helpers";
import type { Person } from "../../capabilities/tenancy/tests/helpers";

/**
 * Issue 10, hole 6: answers a browser or proxy could keep (authenticated JSON, the sign-in
 * answer that sets the cookie, pages reached by a link with a token) and HSTS. Every route of
 * the OpenAPI document and every page outside it is called; each answer, whatever its status,
 * must say `Cache-Control: no-store` and carry HSTS.
 */
const PAGES = [
  "GET /auth/approval?token=x",
  "POST /auth/approval",
  "GET /auth/not-me?token=x",
  "POST /auth/not-me",
  "GET /dev/outbox",
  "GET /health",
  "GET /api/openapi.json",
  "GET /no/such/route",
];
/** Public, meant to be cached briefly by anyone. */
const PUBLIC = ["GET /.well-known/jwks.json"];

const HSTS = /max-age=\d{8,}; includeSubDomains/;

function expectPrivate(res: Response, what: string) {
  expect(res.headers.get("cache-control"), what).toBe("no-store");
  expect(res.headers.get("strict-transport-security") ?? "", what).toMatch(HSTS);
}

describe("attack: cacheable private answers", () => {
  let owner: Person;
  let tenantId: string;
  let routes: string[];

  beforeAll(async () => {
    owner = await signUp();
    tenantId = await newTenant(owner, "Headers");
    const doc = (await (await call("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
  });

  it("every route and page answers no-store with HSTS, signed in or not", async () => {
    expect(routes.length).toBeGreaterThan(60);
    for (const key of [...routes, ...PAGES]) {
      const [method, template] = key.split(" ") as [string, string];
      const path = template.replace("{t}", tenantId).replace(/\{\w+\}/g, "x");
      for (const cookie of [owner.cookie, undefined]) {
        const res = await call(path, {
          method,
          ...(method === "GET" ? {} : { body: {} }),
          ...(cookie ? { cookie } : {}),
        });
        expectPrivate(res, `${key} (${cookie ? "signed in" : "anonymous"}) → ${res.status}`);
        await res.body?.cancel();
      }
    }
    for (const key of PUBLIC) {
      const res = await call(key.split(" ")[1]!);
      expect(res.headers.get("cache-control")).toMatch(/^public/);
    }
  }, 60_000);

  it("the sign-in answer that sets the cookie is no-store", async () => {
    const fresh = await signUpAnswer();
    expect(fresh.headers.getSetCookie().some((c) => /session=/.test(c))).toBe(true);
    expectPrivate(fresh, "otp/verify");
  });

  it("production answers carry HSTS and no-store too", async () => {
    const res = await fetchWith(
      { ENVIRONMENT: "production", RESEND_API_KEY: "re_test_key" },
      "/api/me",
    );
    expect(res.status).toBe(401);
    expectPrivate(res, "production /api/me");
  });
});

async function signUpAnswer(): Promise<Response> {
  const email = `headers-${crypto.randomUUID()}@example.com`;
  await call("/api/auth/otp/start", { body: { email } });
  return call("/api/auth/otp/verify", { body: { email, code: await latestCode(email) } });
}
