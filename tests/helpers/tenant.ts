import { env } from "cloudflare:test";
import { call, signUp } from "./client";

/** A signed-up person and their personal tenant (they are its owner). */
export async function ownerWithTenant() {
  const person = await signUp();
  const me = (await (await call("/api/me", { cookie: person.cookie })).json()) as {
    memberships: { tenant_id: string }[];
  };
  return { ...person, tenantId: me.memberships[0]!.tenant_id };
}

/** Adds a signed-up person to a tenant with a role (test set-up, straight into D1). */
export async function memberOf(tenantId: string, role: string) {
  const person = await signUp();
  await env.DB.prepare(
    "INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (?1, ?2, ?3, ?4)",
  )
    .bind(tenantId, person.user.id, role, Date.now())
    .run();
  return person;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
