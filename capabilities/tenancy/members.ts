import { canGrant, ROLES } from "../../core/permissions";
import type { Role } from "../../core/permissions";
import { ApiError, errors } from "../../platform/http/errors";

export interface MemberRow {
  user_id: string;
  email: string;
  role: Role;
  created_at: number;
}

export const lastOwner = () =>
  new ApiError(
    409,
    "last_owner",
    "A tenant needs at least one owner: make someone else owner first, or delete the tenant.",
  );

export async function findMember(
  db: D1Database,
  tenantId: string,
  userId: string,
): Promise<MemberRow | null> {
  return db
    .prepare(
      `SELECT m.user_id, u.email, m.role, m.created_at FROM memberships m
         JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ?1 AND m.user_id = ?2`,
    )
    .bind(tenantId, userId)
    .first<MemberRow>();
}

export async function listMembers(db: D1Database, tenantId: string): Promise<MemberRow[]> {
  const { results } = await db
    .prepare(
      `SELECT m.user_id, u.email, m.role, m.created_at FROM memberships m
         JOIN users u ON u.id = m.user_id WHERE m.tenant_id = ?1 ORDER BY m.created_at, u.email`,
    )
    .bind(tenantId)
    .all<MemberRow>();
  return results;
}

/** Roles a member with `role` could not have granted: their tokens of these roles must go. */
const rolesAbove = (role: Role): string => JSON.stringify(ROLES.filter((r) => !canGrant(role, r)));

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
  db: D1Database,
  args: {
    tenantId: string;
    userId: string;
    from: Role;
    to: Role;
    now: number;
    /** Audit and notice statements, each `ifChanged`: written only if the role changed. */
    records: D1PreparedStatement[];
  },
): Promise<void> {
  const { tenantId, userId, from, to, now } = args;
  const [changed] = await db.batch([
    db
      .prepare(
        `UPDATE memberships SET role = ?4 WHERE tenant_id = ?1 AND user_id = ?2 AND role = ?3
           AND (?3 != 'owner' OR ?4 = 'owner' OR
                (SELECT COUNT(*) FROM memberships WHERE tenant_id = ?1 AND role = 'owner') > 1)`,
      )
      .bind(tenantId, userId, from, to),
    ...args.records,
    db
      .prepare(
        `UPDATE api_tokens SET revoked_at = ?3
          WHERE tenant_id = ?1 AND created_by = ?2 AND revoked_at IS NULL
            AND role IN (SELECT value FROM json_each(?4))
            AND EXISTS (SELECT 1 FROM memberships WHERE tenant_id = ?1 AND user_id = ?2 AND role = ?5)`,
      )
      .bind(tenantId, userId, now, rolesAbove(to), to),
  ]);
  if (changed!.meta.changes === 1) return;
  const current = await findMember(db, tenantId, userId);
  if (!current) throw errors.notFound("Member");
  if (current.role === "owner" && from === "owner") throw lastOwner();
  throw new ApiError(409, "conflict", "The member's role changed meanwhile. Reload and retry.");
}

/**
 * Removes a member (or lets one leave) in one transaction, unless they are the last owner; every
 * API token they created in the tenant is revoked with it.
 */
export async function removeMember(
  db: D1Database,
  args: {
    tenantId: string;
    userId: string;
    now: number;
    /** Audit and notice statements, each `ifChanged`: written only if the member was removed. */
    records: D1PreparedStatement[];
  },
): Promise<void> {
  const { tenantId, userId, now } = args;
  const [removed] = await db.batch([
    db
      .prepare(
        `DELETE FROM memberships WHERE tenant_id = ?1 AND user_id = ?2
           AND (role != 'owner' OR
                (SELECT COUNT(*) FROM memberships WHERE tenant_id = ?1 AND role = 'owner') > 1)`,
      )
      .bind(tenantId, userId),
    ...args.records,
    db
      .prepare(
        `UPDATE api_tokens SET revoked_at = ?3
          WHERE tenant_id = ?1 AND created_by = ?2 AND revoked_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM memberships WHERE tenant_id = ?1 AND user_id = ?2)`,
      )
      .bind(tenantId, userId, now),
  ]);
  if (removed!.meta.changes === 1) return;
  if (await findMember(db, tenantId, userId)) throw lastOwner();
  throw errors.notFound("Member");
}
