import { clock } from "../../platform/clock";
import type { Context } from "hono";
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

/** 404 for every tenant the caller cannot see, so a tenant's existence never leaks. */
export const tenantNotFound = () => errors.notFound("Tenant");

/**
 * The one gate of every `/api/tenants/{t}/…` route: the caller must be a member of `{t}` (a token
 * must belong to `{t}`) — otherwise 404 — and their role must allow `action` — otherwise 403.
 * An action that is always on the step-up list (core/step-up.ts) also needs a fresh person.
 */
export async function requireTenantAccess(
  c: Context<AppEnv>,
  action: Action,
): Promise<TenantAccess> {
  const principal = c.var.principal;
  if (!principal) throw errors.unauthenticated();
  const tenantId = c.req.param("t");
  if (!tenantId) throw tenantNotFound();

  let role: Role;
  if (principal.kind === "token") {
    if (principal.tenantId !== tenantId) throw tenantNotFound();
    role = principal.role;
  } else {
    const found = await roleOf(database(c.env.DB), tenantId, principal.userId);
    if (!found) throw tenantNotFound();
    role = found;
  }
  if (!can(role, action)) throw errors.forbidden(`Your role (${role}) does not allow ${action}.`);
  const access: TenantAccess = {
    tenantId,
    role,
    principal,
    channel: principal.kind === "token" ? "api" : "console",
    userId: principal.userId,
    actor: principal.kind === "token" ? `token:${principal.tokenId}` : `user:${principal.userId}`,
  };
  if (isStepUpOperation(action) && alwaysNeedsStepUp(action)) requireStepUp(access, action);
  return access;
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
