import type { Failure } from "./result";
import type { Env } from "./env";
import { domainApiError } from "./http/domain-errors";

/**
 * A stub of the tenant's Durable Object, typed by the slice of its RPC the caller uses (each
 * capability declares its slice in `capabilities/<name>/tenant-do/rpc.ts`; `TenantDO` implements
 * every slice, so the compiler checks the class against them). Nothing here imports the class:
 * that would make the layers below `durable-objects/` depend on it.
 */
export type TenantStub<Slice> = DurableObjectStub<Slice & Rpc.DurableObjectBranded>;

export function tenantStub<Slice>(env: Env, tenantId: string): TenantStub<Slice> {
  // The object's name is the tenant: the DO reads it from `ctx.id.name`, never from an argument.
  return env.TENANT.getByName(tenantId) as unknown as TenantStub<Slice>;
}

type Success<R> = Extract<R, { ok: true }> extends { value: infer T } ? T : never;

/** A Durable Object answer as a value, or its expected failure as the standard API error. */
export function unwrap<R extends { ok: boolean }>(result: R): Success<R> {
  const r = result as unknown as { ok: true; value: unknown } | Failure;
  if (!r.ok) throw domainApiError(r.code, r.message, r.issues);
  return r.value as Success<R>;
}
