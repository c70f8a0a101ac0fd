import { clock } from "../../platform/clock";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { can } from "../../core/permissions";
import type { Action, Role } from "../../core/permissions";
import { alwaysNeedsStepUp, isStepUpOperation } from "../../core/step-up";
import type { StepUpOperationName } from "../../core/step-up";
import { requireFreshSession } from "../login-sessions/principal";
import type { Principal, SessionPrincipal } from "../login-sessions/principal";
import { ApiError, errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { database } from "../../platform/db/client";
import { roleOf } from "./member-repository";
import type { Env } from "../../platform/env";
import { tenantStub, type TenantStub } from "../../platform/tenant-stub";

/** The caller's standing in the tenant named by the route's `{t}`. */
export interface TenantAccess {
  tenantId: string;
  role: Role;
  principal: Principal;
  /** `console` for a signed-in person, `api` for an API token. */
  channel: "console" | "api";
  /** The person behind the call (for a token: its creator). */
  userId: string;
  /** Who to record as author: `user:<id>` or `token:<id>`. */
  actor: string;
}

/** The caller's standing in `{t}` with its Durable Object (`c.var.tenant`). */
export interface TenantContext extends TenantAccess {
  /** The tenant's Durable Object, typed by the slice of its RPC the caller uses. */
  stub<Slice>(): TenantStub<Slice>;
}

/** 404 for every tenant the caller cannot see, so a tenant's existence never leaks. */
export const tenantNotFound = () => errors.notFound("Tenant");

/**
 * Mounted once on `/api/tenants/{t}/*`: the signed-in caller must be a member of `{t}` (a token
 * must belong to `{t}`), otherwise 404 before any route runs. A request without a principal
 * passes on untouched: a run token's routes check it themselves, and `authorize` answers 401.
 */
export const resolveTenant = createMiddleware<AppEnv>(async (c, next) => {
  const principal = c.var.principal;
  const tenantId = c.req.param("t");
  if (principal && tenantId) c.set("tenant", await tenantContext(c.env, principal, tenantId));
  await next();
});

async function tenantContext(
  env: Env,
  principal: Principal,
  tenantId: string,
): Promise<TenantContext> {
  let role: Role;
  if (principal.kind === "token") {
    if (principal.tenantId !== tenantId) throw tenantNotFound();
    role = principal.role;
  } else {
    const found = await roleOf(database(env.DB), tenantId, principal.userId);
    if (!found) throw tenantNotFound();
    role = found;
  }
  return {
    tenantId,
    role,
    principal,
    channel: principal.kind === "token" ? "api" : "console",
    userId: principal.userId,
    actor: principal.kind === "token" ? `token:${principal.tokenId}` : `user:${principal.userId}`,
    stub: <Slice>() => tenantStub<Slice>(env, tenantId),
  };
}

/**
 * The gate of every `/api/tenants/{t}/…` route, after `resolveTenant`: 401 without a caller;
 * 403 unless their role allows `action`. An action that is always on the step-up list
 * (core/step-up.ts) also needs a fresh person.
 */
export function authorize(c: Context<AppEnv>, action: Action): TenantContext {
  const tenant = c.var.tenant;
  if (!tenant) throw c.var.principal ? tenantNotFound() : errors.unauthenticated();
  if (!can(tenant.role, action))
    throw errors.forbidden(`Your role (${tenant.role}) does not allow ${action}.`);
  if (isStepUpOperation(action) && alwaysNeedsStepUp(action)) requireStepUp(tenant, action);
  return tenant;
}

export const sessionRequired = () =>
  new ApiError(
    403,
    "session_required",
    "This action needs a person signed in to the console; API tokens cannot do it.",
  );

/** A person (not a token) acting in the tenant. */
export function requirePerson(access: TenantAccess): SessionPrincipal {
  if (access.principal.kind !== "session") throw sessionRequired();
  return access.principal;
}

/**
 * A person who signed in or stepped up within the step-up window. `operation` names the entry of
 * the step-up list a conditional check stands for (the condition is the caller's).
 */
export function requireStepUp(
  access: TenantAccess,
  operation: StepUpOperationName,
  now = clock.now(),
): SessionPrincipal {
  return requireFreshSession(requirePerson(access), operation, now);
}
