import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Role } from "../../core/permissions";
import type { Database } from "../../platform/db/client";
import { invites, memberships, users } from "../../platform/db/schema";

export type Invite = typeof invites.$inferSelect;

const inviter = alias(users, "inviter");
const withInviter = (db: Database) =>
  db
    .select({ invite: invites, inviterEmail: inviter.email })
    .from(invites)
    .leftJoin(inviter, eq(inviter.id, invites.invitedBy));

export type InviteWithInviter = Invite & { inviterEmail: string | null };
const flatten = (r: { invite: Invite; inviterEmail: string | null }): InviteWithInviter => ({
  ...r.invite,
  inviterEmail: r.inviterEmail,
});

export async function invitesByTenant(db: Database, tenantId: string) {
  const rows = await withInviter(db)
    .where(eq(invites.tenantId, tenantId))
    .orderBy(desc(invites.createdAt))
    .limit(200)
    .all();
  return rows.map(flatten);
}

/** The invite a link names, only if its hash matches too. */
export async function inviteByLink(
  db: Database,
  link: { inviteId: string; tenantId: string; tokenHash: string },
) {
  const row = await withInviter(db)
    .where(
      and(
        eq(invites.id, link.inviteId),
        eq(invites.tenantId, link.tenantId),
        eq(invites.tokenHash, link.tokenHash),
      ),
    )
    .get();
  return row ? flatten(row) : null;
}

const open = () => and(isNull(invites.acceptedAt), isNull(invites.revokedAt));

export async function openInviteById(db: Database, tenantId: string, id: string) {
  const row = await db
    .select({ email: invites.email, role: invites.role })
    .from(invites)
    .where(and(eq(invites.id, id), eq(invites.tenantId, tenantId), open()))
    .get();
  return row ?? null;
}

/** A new invitation to an address replaces any open one. */
export const revokeOpenInvitesTo = (db: Database, tenantId: string, email: string, now: number) =>
  db
    .update(invites)
    .set({ revokedAt: now })
    .where(and(eq(invites.tenantId, tenantId), eq(invites.email, email), open()));

export const revokeOpenInvite = (db: Database, tenantId: string, id: string, now: number) =>
  db
    .update(invites)
    .set({ revokedAt: now })
    .where(and(eq(invites.id, id), eq(invites.tenantId, tenantId), open()));

export const insertInvite = (db: Database, invite: Invite) => db.insert(invites).values(invite);

export const deleteInvite = (db: Database, id: string) =>
  db.delete(invites).where(eq(invites.id, id));

/**
 * Consumes the invite, only while it is open and in time and its inviter still holds one of
 * `inviterRoles` in the tenant.
 */
export const consumeInvite = (
  db: Database,
  a: { id: string; userId: string; now: number; inviterRoles: Role[] },
) =>
  db
    .update(invites)
    .set({ acceptedAt: a.now, acceptedBy: a.userId })
    .where(
      and(
        eq(invites.id, a.id),
        open(),
        gt(invites.expiresAt, a.now),
        sql`EXISTS (SELECT 1 FROM memberships m
                     WHERE m.tenant_id = invites.tenant_id AND m.user_id = invites.invited_by
                       AND m.role IN (SELECT value FROM json_each(${JSON.stringify(a.inviterRoles)})))`,
      ),
    );

/** The membership the invite gives, only if the statement above consumed it for this person. */
export const joinByConsumedInvite = (
  db: Database,
  a: { inviteId: string; tenantId: string; userId: string; role: Role; now: number },
) =>
  db
    .insert(memberships)
    .select(
      sql`SELECT ${a.tenantId}, ${a.userId}, ${a.role}, ${a.now}
           WHERE EXISTS (SELECT 1 FROM invites WHERE id = ${a.inviteId} AND accepted_by = ${a.userId} AND accepted_at = ${a.now})`,
    )
    .onConflictDoNothing();
