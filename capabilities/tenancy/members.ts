import { canGrant, ROLES } from "../../core/permissions";
import type { Role } from "../../core/permissions";
import { ApiError, errors } from "../../platform/http/errors";
import { database } from "../../platform/db/client";
import {
  deleteMembershipUnlessLastOwner,
  memberById,
  membersByTenant,
  revokeTokensAboveRole,
  revokeTokensOfFormerMember,
  updateRoleIfUnchanged,
  type Batchable,
} from "./member-repository";

export type { Member } from "./member-repository";

export const lastOwner = () =>
  new ApiError(
    409,
    "last_owner",
    "A tenant needs at least one owner: make someone else owner first, or delete the tenant.",
  );

export async function findMember(d1: D1Database, tenantId: string, userId: string) {
  return memberById(database(d1), tenantId, userId);
}

export async function listMembers(d1: D1Database, tenantId: string) {
  return membersByTenant(database(d1), tenantId);
}

/** Roles a member with `role` could not have granted: their tokens of these roles must go. */
const rolesAbove = (role: Role): Role[] => ROLES.filter((r) => !canGrant(role, r));

/** Inviting, tokens, role changes and removals: only within what the actor's own role can do. */
export function checkGrant(actor: Role, ...roles: Role[]): void {
  for (const role of roles) {
    if (!canGrant(actor, role)) {
      throw errors.forbidden(`Your role (${actor}) cannot grant or take away the ${role} role.`);
    }
  }
}

/**
 * Changes a member's role in one transaction: the change applies only if the member still has
 * the role read and, when demoting an owner, another owner remains; their API tokens above the
 * new role are revoked with it.
 */
export async function changeRole(
  d1: D1Database,
  args: {
    tenantId: string;
    userId: string;
    from: Role;
    to: Role;
    now: number;
    /** Audit and notice queries, each `ifChanged`: written only if the role changed. */
    records: Batchable[];
  },
): Promise<void> {
  const { tenantId, userId, from, to, now } = args;
  const db = database(d1);
  const [changed] = await db.batch([
    updateRoleIfUnchanged(db, { tenantId, userId, from, to }),
    ...args.records,
    revokeTokensAboveRole(db, { tenantId, userId, now, roles: rolesAbove(to), role: to }),
  ]);
  if (changed.meta.changes === 1) return;
  const current = await memberById(db, tenantId, userId);
  if (!current) throw errors.notFound("Member");
  if (current.role === "owner" && from === "owner") throw lastOwner();
  throw new ApiError(409, "conflict", "The member's role changed meanwhile. Reload and retry.");
}

/**
 * Removes a member (or lets one leave) in one transaction, unless they are the last owner; every
 * API token they created in the tenant is revoked with it.
 */
export async function removeMember(
  d1: D1Database,
  args: {
    tenantId: string;
    userId: string;
    now: number;
    /** Audit and notice queries, each `ifChanged`: written only if the member was removed. */
    records: Batchable[];
  },
): Promise<void> {
  const { tenantId, userId, now } = args;
  const db = database(d1);
  const [removed] = await db.batch([
    deleteMembershipUnlessLastOwner(db, tenantId, userId),
    ...args.records,
    revokeTokensOfFormerMember(db, { tenantId, userId, now }),
  ]);
  if (removed.meta.changes === 1) return;
  if (await memberById(db, tenantId, userId)) throw lastOwner();
  throw errors.notFound("Member");
}
