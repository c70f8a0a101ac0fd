import { env } from "cloudflare:test";
import type { Role } from "../../../core/permissions";
import { call, signUp } from "../../../tests/helpers/client";
import { useTestClock } from "../../../tests/helpers/clock";
import type { CallOptions } from "../../../tests/helpers/client";

export type Person = Awaited<ReturnType<typeof signUp>>;

export async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** The personal tenant every new account gets (the person is its owner). */
export async function personalTenant(person: Person): Promise<string> {
  const me = await json<{ memberships: { tenant_id: string }[] }>(
    await call("/api/me", { cookie: person.cookie }),
  );
  return me.memberships[0]!.tenant_id;
}

/**
 * A fresh tenant owned by `owner`, written straight to D1 (the API route, with its per-person
 * creation limit, has its own tests).
 */
export async function newTenant(owner: Person, name = "Acme"): Promise<string> {
  const id = crypto.randomUUID();
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare("INSERT INTO tenants (id, name, created_at) VALUES (?1, ?2, ?3)").bind(
      id,
      name,
      now,
    ),
    env.DB.prepare(
      "INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (?1, ?2, 'owner', ?3)",
    ).bind(id, owner.user.id, now),
  ]);
  return id;
}

/** Fixture shortcut: makes `person` a member with `role` directly in D1 (invites are tested apart). */
export async function addMember(tenantId: string, person: Person, role: Role): Promise<void> {
  await env.DB.prepare(
    "INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (?1, ?2, ?3, ?4)",
  )
    .bind(tenantId, person.user.id, role, Date.now())
    .run();
}

export async function newMember(tenantId: string, role: Role): Promise<Person> {
  const person = await signUp();
  await addMember(tenantId, person, role);
  return person;
}

export interface CreatedToken {
  token: string;
  api_token: { id: string; role: Role; status: string };
}

export async function createToken(
  cookie: string,
  tenantId: string,
  role: Role,
  extra: Record<string, unknown> = {},
): Promise<CreatedToken> {
  return json<CreatedToken>(
    await call(`/api/tenants/${tenantId}/tokens`, {
      body: { name: `${role} token`, role, ...extra },
      cookie,
    }),
    201,
  );
}

/** Calls with `Authorization: Bearer` and no Origin, as an API client would. */
export function withToken(
  path: string,
  token: string,
  o: Omit<CallOptions, "cookie"> = {},
): Promise<Response> {
  return call(path, {
    origin: null,
    ...o,
    headers: { ...o.headers, authorization: `Bearer ${token}` },
  });
}

/** Moves the clock past the 10-minute step-up window: every sign-in so far is too old to step up. */
export function expireStepUp(): void {
  useTestClock().advance(11 * 60 * 1000);
}

export async function putSecret(
  cookie: string,
  tenantId: string,
  name: string,
  value: string,
): Promise<Response> {
  return call(`/api/tenants/${tenantId}/secrets/${name}`, {
    method: "PUT",
    body: { value },
    cookie,
  });
}
