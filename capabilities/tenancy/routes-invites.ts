import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { sha256Hex } from "../../core/crypto/hash";
import { can, canGrant, ROLES } from "../../core/permissions";
import type { Role } from "../../core/permissions";
import { auditedQuery, auditQuery, markForDrain } from "../audit/outbox";
import { database } from "../../platform/db/client";
import { requireSession } from "../login-sessions/principal";
import { enforceRateLimit } from "../../platform/rate-limit";
import { requestInfo } from "../login-sessions/sign-in";
import { iso } from "../../core/time";
import { ApiError, errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { inviteMail } from "../../platform/mail/templates";
import { mailTransport } from "../../platform/mail/transport";

import {
  listInvites,
  createInvite,
  deleteInvite,
  previewInvite,
  acceptInviteRoute,
} from "./contract";
import { isElevatedRole } from "../../core/step-up";
import { requireStepUp, authorize } from "./access";
import { inviteTokenExpired, signInviteToken, verifyInviteToken } from "./invite-token";
import { checkGrant, findMember } from "./members";
import { revokeGrant } from "./revoke-grant";
import {
  acceptInvite,
  cancelInvite,
  dropInvite,
  inviteByLink,
  invitesByTenant,
  openInviteById,
  storeInvite,
  type Invite,
  type InviteWithInviter,
} from "./invites";
import { emailOfUser, isMemberByEmail } from "./member-repository";
import { tenantById, tenantNameById } from "./tenant-repository";

export const inviteRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const DAY_MS = 24 * 60 * 60 * 1000;
const INVITES_PER_TENANT = { limit: 50, windowMs: 24 * 60 * 60 * 1000 };
const INVITE_LINK_LIMIT = { limit: 60, windowMs: 10 * 60 * 1000 };

const inviteStatus = (i: Invite, now: number) =>
  i.acceptedAt !== null
    ? ("accepted" as const)
    : i.revokedAt !== null
      ? ("revoked" as const)
      : i.expiresAt <= now
        ? ("expired" as const)
        : ("pending" as const);

const inviteJson = (i: InviteWithInviter, now: number) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  invited_by: i.inviterEmail ?? "a former member",
  created_at: iso(i.createdAt),
  expires_at: iso(i.expiresAt),
  status: inviteStatus(i, now),
});

/** An altered or unknown link: nothing more is said about it. */
const invalidInvite = () =>
  new ApiError(
    400,
    "invalid_invite",
    "This invitation link is not valid: it was altered or is incomplete. Open it again from the email.",
  );

/** A genuine link that can no longer be used: its holder is told why (same code and status). */
const UNUSABLE = {
  expired: "This invitation has expired. Ask the person who invited you for a new one.",
  accepted:
    "This invitation was already used. Sign in with the invited address to open the tenant.",
  revoked:
    "This invitation was cancelled or replaced by a newer one. Ask for a new one if you need it.",
} as const;
const unusableInvite = (why: keyof typeof UNUSABLE) =>
  new ApiError(400, "invalid_invite", UNUSABLE[why]);

inviteRoutes.openapi(listInvites, async (c) => {
  const access = authorize(c, "members.invite");
  const results = await invitesByTenant(database(c.env.DB), access.tenantId);
  const now = clock.now();
  return c.json({ invites: results.map((i) => inviteJson(i, now)) }, 200);
});

inviteRoutes.openapi(createInvite, async (c) => {
  const access = authorize(c, "members.invite");
  const { email, role } = c.req.valid("json");
  checkGrant(access.role, role);
  if (isElevatedRole(role)) requireStepUp(access, "members.invite");
  const db = database(c.env.DB);
  if (await isMemberByEmail(db, access.tenantId, email))
    throw new ApiError(409, "already_member", "This person is already a member.");
  const now = clock.now();
  await enforceRateLimit(
    c.env.DB,
    { key: `invite:tenant:${access.tenantId}`, ...INVITES_PER_TENANT },
    now,
  );

  const tenantName = await tenantNameById(db, access.tenantId);
  const inviterEmail = await emailOfUser(db, access.userId);
  if (tenantName === null || inviterEmail === null) throw errors.notFound("Tenant");

  const invite: Invite = {
    id: crypto.randomUUID(),
    tenantId: access.tenantId,
    email,
    role,
    tokenHash: "",
    invitedBy: access.userId,
    createdAt: now,
    expiresAt: now + c.var.config.inviteTtlMs,
    acceptedAt: null,
    acceptedBy: null,
    revokedAt: null,
  };
  const token = await signInviteToken(
    c.var.config.authPepper,
    { inviteId: invite.id, tenantId: invite.tenantId, email },
    invite.expiresAt,
  );
  invite.tokenHash = await sha256Hex(token);
  await storeInvite(
    db,
    invite,
    auditedQuery(c, db, access, "member.invited", { invite_id: invite.id, email, role }, { now }),
  );

  const mail = inviteMail({
    tenantName,
    inviterEmail,
    role,
    acceptUrl: `${c.var.config.origins[0]}/invite?token=${encodeURIComponent(token)}`,
    expiresIn: ttlPhrase(c.var.config.inviteTtlMs),
  });
  const sent = await mailTransport(c.var.config, c.env.DB)
    .send({ to: email, ...mail, idempotencyKey: invite.id })
    .catch(() => ({ ok: false as const }));
  if (!sent.ok) {
    await dropInvite(
      db,
      invite.id,
      auditedQuery(c, db, access, "invite.revoked", {
        invite_id: invite.id,
        email,
        role,
        reason: "the invitation email could not be sent",
      }),
    );
    throw new ApiError(
      503,
      "mail_unavailable",
      "We could not send the invitation email. Try again shortly.",
      [],
      { "Retry-After": "30" },
    );
  }
  return c.json({ invite: inviteJson({ ...invite, inviterEmail }, now) }, 201);
});

inviteRoutes.openapi(deleteInvite, async (c) => {
  const access = authorize(c, "members.invite");
  await revokeGrant(c, access, c.req.valid("param").id, {
    noun: "Invitation",
    find: openInviteById,
    revoke: cancelInvite,
    event: "invite.revoked",
    facts: (id, invite) => ({ invite_id: id, email: invite.email, role: invite.role }),
  });
  return c.json({ ok: true as const }, 200);
});

/** "7 days"; a development setting's short lifetime in seconds. */
const ttlPhrase = (ms: number) =>
  ms % DAY_MS === 0 ? `${ms / DAY_MS} days` : `${Math.round(ms / 1000)} seconds`;

/** Roles whose holder may invite someone as `role` (and so vouch for an invitation to it). */
const rolesThatMayInvite = (role: Role): Role[] =>
  ROLES.filter((r) => can(r, "members.invite") && canGrant(r, role));

/** The pending invite a link stands for, or `invalid_invite`. */
async function pendingInvite(c: Context<AppEnv>, token: string, now: number) {
  const claim = await verifyInviteToken(c.var.config.authPepper, token);
  if (!claim) {
    throw (await inviteTokenExpired(c.var.config.authPepper, token))
      ? unusableInvite("expired")
      : invalidInvite();
  }
  const invite = await inviteByLink(database(c.env.DB), {
    inviteId: claim.inviteId,
    tenantId: claim.tenantId,
    tokenHash: await sha256Hex(token),
  });
  if (!invite) throw invalidInvite();
  const status = inviteStatus(invite, now);
  if (status !== "pending") throw unusableInvite(status);
  return invite;
}

inviteRoutes.openapi(previewInvite, async (c) => {
  const { token } = c.req.valid("json");
  const now = clock.now();
  await enforceRateLimit(
    c.env.DB,
    { key: `invite-link:ip:${requestInfo(c).ip ?? "unknown"}`, ...INVITE_LINK_LIMIT },
    now,
  );
  const invite = await pendingInvite(c, token, now);
  const tenantName = await tenantNameById(database(c.env.DB), invite.tenantId);
  if (tenantName === null) throw invalidInvite();
  return c.json(
    {
      tenant_name: tenantName,
      role: invite.role,
      email: invite.email,
      invited_by: invite.inviterEmail ?? "a former member",
      expires_at: iso(invite.expiresAt),
    },
    200,
  );
});

inviteRoutes.openapi(acceptInviteRoute, async (c) => {
  const p = requireSession(c);
  const { token } = c.req.valid("json");
  const now = clock.now();
  await enforceRateLimit(
    c.env.DB,
    { key: `invite-link:ip:${requestInfo(c).ip ?? "unknown"}`, ...INVITE_LINK_LIMIT },
    now,
  );
  const invite = await pendingInvite(c, token, now);
  if (invite.email !== p.email) {
    throw new ApiError(
      403,
      "invite_wrong_email",
      "This invitation was sent to another email address. Sign in with that address to accept it.",
    );
  }
  if (await findMember(c.env.DB, invite.tenantId, p.userId)) {
    throw new ApiError(409, "already_member", "You are already a member of this tenant.");
  }
  // The inviter must still be able to grant this role now: an invitation made by someone
  // since removed or demoted is worth no more than what they could give today.
  const db = database(c.env.DB);
  const consumed = await acceptInvite(
    db,
    { invite, userId: p.userId, now, inviterRoles: rolesThatMayInvite(invite.role) },
    auditQuery(
      db,
      {
        tenantId: invite.tenantId,
        type: "member.joined",
        actor: { kind: "user", id: p.userId },
        data: { user_id: p.userId, email: p.email, role: invite.role, invite_id: invite.id },
      },
      now,
      { ifChanged: true },
    ),
  );
  markForDrain(c, invite.tenantId);
  if (!consumed) throw invalidInvite();
  const tenant = await tenantById(db, invite.tenantId);
  if (!tenant) throw invalidInvite();
  return c.json(
    {
      tenant: {
        id: tenant.id,
        name: tenant.name,
        created_at: iso(tenant.createdAt),
        role: invite.role,
        tokens_may_approve: tenant.tokensMayApprove,
      },
    },
    200,
  );
});
