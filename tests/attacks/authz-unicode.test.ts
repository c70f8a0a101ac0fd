import { beforeAll, describe, expect, it } from "vitest";
import { call, expectError, signUp } from "../helpers/client";
import { TENANT_ROUTES, resolveRoute } from "../../capabilities/tenancy/tests/route-table";
import { newTenant, putSecret } from "../../capabilities/tenancy/tests/helpers";
import type { Person } from "../../capabilities/tenancy/tests/helpers";
import { env } from "cloudflare:test";

/**
 * Issue 10, hole 5: text that is not well-formed Unicode. Driven from the OpenAPI document:
 * for every route with a JSON body and every string field its schema names (nested objects,
 * arrays and free-form JSON included), a lone surrogate in that field alone is a 400 naming the
 * field. A route whose body has no sample here fails the test, so new routes are covered.
 */
const LONE = "\ud800";

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
};
type Doc = {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>
  >;
  components: { schemas: Record<string, Schema> };
};

const assertion = {
  id: "AAAA",
  rawId: "AAAA",
  type: "public-key",
  response: { clientDataJSON: "AAAA", authenticatorData: "AAAA", signature: "AAAA" },
};
const registration = {
  id: "AAAA",
  rawId: "AAAA",
  type: "public-key",
  response: { clientDataJSON: "AAAA", attestationObject: "AAAA" },
};

/** Schema-valid bodies of the routes outside the tenant route table. */
const OTHER_BODIES: Record<string, unknown> = {
  "POST /api/auth/otp/start": { email: "a@example.com" },
  "POST /api/auth/otp/verify": { email: "a@example.com", code: "123456" },
  "POST /api/auth/passkey/verify": { response: assertion },
  "POST /api/auth/step-up/verify": { response: assertion },
  "POST /api/auth/step-up/otp": { code: "123456" },
  "POST /api/me/passkeys": { response: registration, name: "Phone" },
  "PATCH /api/me/passkeys/{id}": { name: "Phone" },
  "POST /api/me/login-sessions/revoke-all": { keep_current: true },
  "POST /api/tenants": { name: "Acme" },
  "POST /api/invites/preview": { token: "t" },
  "POST /api/invites/accept": { token: "t" },
  "POST /api/operator/vault/rewrap": { limit: 1 },
  "POST /api/oauth/consents/{handle}": { decision: "approve" },
  "POST /api/me/email/change": { new_email: "b@example.com" },
  "POST /api/me/email/confirm": { code: "123456" },
  "POST /api/me/device-sign-ins/lookup": { code: "ABCD-2345" },
  "POST /api/me/device-sign-ins/approve": { code: "ABCD-2345" },
  "POST /api/me/device-sign-ins/deny": { code: "ABCD-2345" },
};

function resolve(doc: Doc, s: Schema): Schema {
  return s.$ref ? resolve(doc, doc.components.schemas[s.$ref.split("/").pop()!]!) : s;
}

/** Paths (keys and indexes) of every place the schema lets a string go. */
function stringPaths(doc: Doc, raw: Schema, path: (string | number)[] = []): (string | number)[][] {
  const s = resolve(doc, raw);
  const alternatives = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
  if (alternatives.length > 0) {
    const found = alternatives.flatMap((a) => stringPaths(doc, a, path));
    return found.filter((p, i) => found.findIndex((q) => q.join(".") === p.join(".")) === i);
  }
  const types = s.type === undefined ? [] : [s.type].flat();
  const out: (string | number)[][] = [];
  if (types.includes("string")) out.push(path);
  if (s.properties) {
    for (const [key, prop] of Object.entries(s.properties))
      out.push(...stringPaths(doc, prop, [...path, key]));
  }
  if (s.items) out.push(...stringPaths(doc, s.items, [...path, 0]));
  if (s.additionalProperties && typeof s.additionalProperties === "object") {
    out.push(...stringPaths(doc, s.additionalProperties, [...path, "k"]));
  }
  // Free-form JSON (no type at all): any string goes.
  if (types.length === 0 && !s.properties && !s.enum) out.push(path);
  return out;
}

function withValue(body: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === "number") {
    const list = Array.isArray(body) ? [...body] : [];
    list[head] = withValue(list[head], rest, value);
    return list;
  }
  const object =
    body !== null && typeof body === "object" && !Array.isArray(body) ? { ...body } : {};
  (object as Record<string, unknown>)[head!] = withValue(
    (object as Record<string, unknown>)[head!],
    rest,
    value,
  );
  return object;
}

describe("attack: lone surrogates at the boundary", () => {
  let owner: Person;
  let tenantId: string;
  let doc: Doc;

  beforeAll(async () => {
    owner = await signUp();
    tenantId = await newTenant(owner, "Unicode");
    doc = (await (await call("/api/openapi.json")).json()) as Doc;
  });

  it("every string field of every JSON body refuses a lone surrogate with 400", async () => {
    const missing: string[] = [];
    const accepted: string[] = [];
    let checked = 0;
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const schema = op.requestBody?.content["application/json"]?.schema;
        if (!schema) continue;
        const key = `${method.toUpperCase()} ${template.replace(/\{(\w+)\}/g, "{$1}")}`;
        const route = TENANT_ROUTES[key];
        const sample = route ? await route.prepare(tenantId, owner.cookie) : undefined;
        const body = route ? sample!.body : OTHER_BODIES[key];
        if (body === undefined) {
          missing.push(key);
          continue;
        }
        const { path } = route
          ? resolveRoute(key, tenantId, sample!.params, sample!.query)
          : { path: template.replace(/\{(\w+)\}/g, "x") };
        for (const field of stringPaths(doc, schema)) {
          const res = await call(path, {
            method: method.toUpperCase(),
            body: withValue(body, field, LONE),
            cookie: owner.cookie,
          });
          const text = await res.text();
          const named = field.join(".");
          const issues =
            res.status === 400 ? (JSON.parse(text).error.issues as { path: string }[]) : [];
          if (res.status !== 400 || !issues.some((i) => i.path === named)) {
            accepted.push(`${key} ${named}: ${res.status} ${text.slice(0, 160)}`);
          }
          checked++;
        }
      }
    }
    expect(missing, "routes with a JSON body need a sample body here").toEqual([]);
    expect(accepted).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  }, 60_000);

  it("a lone surrogate in a secret value or a secret-request answer is 400, never vault_locked", async () => {
    const put = await putSecret(owner.cookie, tenantId, "LONE", `abc${LONE}def`);
    const error = await expectError(put, 400, "invalid_request");
    expect(error.issues[0]).toMatchObject({ path: "value" });

    const id = crypto.randomUUID();
    await env.DB.prepare(
      `INSERT INTO secret_requests (id, tenant_id, name, description, requested_by, status, created_at, expires_at)
       VALUES (?1, ?2, 'ASKED', 'for a test', 'run:x', 'pending', ?3, ?4)`,
    )
      .bind(id, tenantId, Date.now(), Date.now() + 3_600_000)
      .run();
    await expectError(
      await call(`/api/tenants/${tenantId}/secret-requests/${id}/answer`, {
        body: { value: LONE },
        cookie: owner.cookie,
      }),
      400,
      "invalid_request",
    );
    const stored = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM secrets WHERE tenant_id = ?1 AND name IN ('LONE', 'ASKED')",
    )
      .bind(tenantId)
      .first<{ n: number }>();
    expect(stored!.n).toBe(0);
  });
});
