import type { Role } from "../../core/permissions";
import type { Database } from "../../platform/db/client";
import {
  consumeInvite,
  deleteInvite,
  insertInvite,
  joinByConsumedInvite,
  revokeOpenInvite,
  revokeOpenInvitesTo,
  type Invite,
} from "./invite-repository";
import type { Batchable } from "./member-repository";

export type { Invite, InviteWithInviter } from "./invite-repository";
export { inviteByLink, invitesByTenant, openInviteById } from "./invite-repository";

/** The new invite replaces any open one to the same address; with its audit record. */
export async function storeInvite(db: Database, invite: Invite, record: Batchable): Promise<void> {
  await db.batch([
    revokeOpenInvitesTo(db, invite.tenantId, invite.email, invite.createdAt),
    insertInvite(db, invite),
    record,
  ]);
}

/** An invite whose email could not be sent is taken back (its audit record says why). */
export async function dropInvite(db: Database, id: string, record: Batchable): Promise<void> {
  await db.batch([deleteInvite(db, id), record]);
}

/** Cancels an open invite; the record is `ifChanged`. */
export async function cancelInvite(
  db: Database,
  tenantId: string,
  id: string,
  now: number,
  record: Batchable,
): Promise<void> {
  await db.batch([revokeOpenInvite(db, tenantId, id, now), record]);
}

/**
 * Consumes the invite and makes the person a member in one batch; false when the invite could
 * not be consumed (raced, or the inviter can no longer grant the role). The record is `ifChanged`.
 */
export async function acceptInvite(
  db: Database,
  a: { invite: Invite; userId: string; now: number; inviterRoles: Role[] },
  record: Batchable,
): Promise<boolean> {
  const { invite, userId, now } = a;
  const [consumed] = await db.batch([
    consumeInvite(db, { id: invite.id, userId, now, inviterRoles: a.inviterRoles }),
    joinByConsumedInvite(db, {
      inviteId: invite.id,
      tenantId: invite.tenantId,
      userId,
      role: invite.role,
      now,
    }),
    record,
  ]);
  return consumed.meta.changes === 1;
}
