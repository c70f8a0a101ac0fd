import type { Failure } from "./result";
import type { Actor } from "./tenant-types";
import type { Env } from "./env";
import { ApiError } from "./http/errors";
import type { TenantAccess } from "../capabilities/tenancy/access";

export function tenantStub(env: Env, tenantId: string) {
  return env.TENANT.get(env.TENANT.idFromName(tenantId));
}

type Success<R> = Extract<R, { ok: true }> extends { value: infer T } ? T : never;

/** A Durable Object answer as a value, or its expected failure as the standard API error. */
export function unwrap<R extends { ok: boolean }>(result: R): Success<R> {
  const r = result as unknown as { ok: true; value: unknown } | Failure;
  if (!r.ok) throw new ApiError(r.status, r.code, r.message, r.issues ?? []);
  return r.value as Success<R>;
}

/** How a caller is recorded in the audit log (ids, role and email; never a credential). */
export function actorOf(access: TenantAccess): Actor {
  const p = access.principal;
  return p.kind === "session"
    ? { kind: "user", id: p.userId, role: access.role, email: p.email }
    : { kind: "token", id: access.actor.replace(/^token:/, ""), role: access.role };
}
