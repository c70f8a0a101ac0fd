import { clock } from "../../platform/clock";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { sha256Hex } from "../../core/crypto/hash";
import { can, canGrant, ROLES } from "../../core/permissions";
import type { Role } from "../../core/permissions";
import { audited, auditStatement, markForDrain } from "../audit/outbox";
import { requireSession } from "../login-sessions/principal";
import { enforceRateLimit } from "../../platform/rate-limit";
import { requestInfo } from "../login-sessions/sign-in";
import { iso } from "../../core/time";
import { ApiError, errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { inviteMail } from "../../platform/mail/templates";
import { mailTransport } from "../../platform/mail/transport";
import { json, jsonBody, Ok } from "../../core/contract/common";
import {
  CreateInviteBody,
  InviteList,
  InvitePreview,
  InviteResponse,
  InviteTokenBody,
  TenantItemParams,
  TenantParams,
  TenantResponse,
  tenantErrorResponses,
} from "./contract";
import { isElevatedRole } from "../../core/step-up";
import { requireStepUp, requireTenantAccess } from "./access";
import { inviteTokenExpired, signInviteToken, verifyInviteToken } from "./invite-token";
import { checkGrant, findMember } from "./members";

export const inviteRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const DAY_MS = 24 * 60 * 60 * 1000;
const INVITES_PER_TENANT = { limit: 50, windowMs: 24 * 60 * 60 * 1000 };
const INVITE_LINK_LIMIT = { limit: 60, windowMs: 10 * 60 * 1000 };

interface InviteRow {
  id: string;
  tenant_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  revoked_at: number | null;
}

const inviteStatus = (i: InviteRow, now: number) =>
  i.accepted_at !== null
    ? ("accepted" as const)
    : i.revoked_at !== null
      ? ("revoked" as const)
      : i.expires_at <= now
        ? ("expired" as const)
        : ("pending" as const);

const inviteJson = (i: InviteRow & { inviter_email: string | null }, now: number) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  invited_by: i.inviter_email ?? "a former member",
  created_at: iso(i.created_at),
  expires_at: iso(i.expires_at),
  status: inviteStatus(i, now),
});

const INVITE_SELECT = `SELECT i.*, u.email AS inviter_email FROM invites i
  LEFT JOIN users u ON u.id = i.invited_by`;

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

inviteRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/invites",
    tags: ["invites"],
    summary: "Invitations of the tenant, newest first",
    request: { params: TenantParams },
    responses: { 200: json(InviteList), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "members.invite");
    const { results } = await c.env.DB.prepare(
      `${INVITE_SELECT} WHERE i.tenant_id = ?1 ORDER BY i.created_at DESC LIMIT 200`,
    )
      .bind(access.tenantId)
      .all<InviteRow & { inviter_email: string | null }>();
    const now = clock.now();
    return c.json({ invites: results.map((i) => inviteJson(i, now)) }, 200);
  },
);

inviteRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/invites",
    tags: ["invites"],
    summary: "Invite someone by email (signed link, single use, 7 days)",
    description:
      "A new invitation to the same address cancels the previous one. You can only invite to roles your own role could grant.",
    request: { params: TenantParams, body: jsonBody(CreateInviteBody) },
    responses: {
      201: json(InviteResponse, "Invitation sent"),
      ...tenantErrorResponses,
      503: json(InviteResponse, "The email could not be sent; nothing was stored"),
    },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "members.invite");
    const { email, role } = c.req.valid("json");
    checkGrant(access.role, role);
    if (isElevatedRole(role)) requireStepUp(access, "members.invite");
    const db = c.env.DB;
    const already = await db
      .prepare(
        `SELECT 1 AS x FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.tenant_id = ?1 AND u.email = ?2`,
      )
      .bind(access.tenantId, email)
      .first();
    if (already) throw new ApiError(409, "already_member", "This person is already a member.");
    const now = clock.now();
    await enforceRateLimit(
      db,
      { key: `invite:tenant:${access.tenantId}`, ...INVITES_PER_TENANT },
      now,
    );

    const tenant = await db
      .prepare("SELECT name FROM tenants WHERE id = ?1")
      .bind(access.tenantId)
      .first<{ name: string }>();
    const inviter = await db
      .prepare("SELECT email FROM users WHERE id = ?1")
      .bind(access.userId)
      .first<{ email: string }>();
    if (!tenant || !inviter) throw errors.notFound("Tenant");

    const invite: InviteRow = {
      id: crypto.randomUUID(),
      tenant_id: access.tenantId,
      email,
      role,
      token_hash: "",
      invited_by: access.userId,
      created_at: now,
      expires_at: now + c.var.config.inviteTtlMs,
      accepted_at: null,
      revoked_at: null,
    };
    const token = await signInviteToken(
      c.var.config.authPepper,
      { inviteId: invite.id, tenantId: invite.tenant_id, email },
      invite.expires_at,
    );
    invite.token_hash = await sha256Hex(token);
    await db.batch([
      db
        .prepare(
          `UPDATE invites SET revoked_at = ?3 WHERE tenant_id = ?1 AND email = ?2
             AND accepted_at IS NULL AND revoked_at IS NULL`,
        )
        .bind(invite.tenant_id, email, now),
      db
        .prepare(
          `INSERT INTO invites (id, tenant_id, email, role, token_hash, invited_by, created_at,
             expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
        )
        .bind(
          invite.id,
          invite.tenant_id,
          email,
          role,
          invite.token_hash,
          invite.invited_by,
          now,
          invite.expires_at,
        ),
      audited(c, access, "member.invited", { invite_id: invite.id, email, role }, { now }),
    ]);

    const mail = inviteMail({
      tenantName: tenant.name,
      inviterEmail: inviter.email,
      role,
      acceptUrl: `${c.var.config.origins[0]}/invite?token=${encodeURIComponent(token)}`,
      expiresIn: ttlPhrase(c.var.config.inviteTtlMs),
    });
    const sent = await mailTransport(c.var.config, db)
      .send({ to: email, ...mail, idempotencyKey: invite.id })
      .catch(() => ({ ok: false as const }));
    if (!sent.ok) {
      await db.batch([
        db.prepare("DELETE FROM invites WHERE id = ?1").bind(invite.id),
        audited(c, access, "invite.revoked", {
          invite_id: invite.id,
          email,
          role,
          reason: "the invitation email could not be sent",
        }),
      ]);
      throw new ApiError(
        503,
        "mail_unavailable",
        "We could not send the invitation email. Try again shortly.",
        [],
        { "Retry-After": "30" },
      );
    }
    return c.json({ invite: inviteJson({ ...invite, inviter_email: inviter.email }, now) }, 201);
  },
);

inviteRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/api/tenants/{t}/invites/{id}",
    tags: ["invites"],
    summary: "Cancel a pending invitation",
    request: { params: TenantItemParams },
    responses: { 200: json(Ok), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "members.invite");
    const { id } = c.req.valid("param");
    const invite = await c.env.DB.prepare(
      "SELECT email, role FROM invites WHERE id = ?1 AND tenant_id = ?2 AND accepted_at IS NULL AND revoked_at IS NULL",
    )
      .bind(id, access.tenantId)
      .first<{ email: string; role: Role }>();
    if (!invite) throw errors.notFound("Invitation");
    checkGrant(access.role, invite.role);
    await c.env.DB.batch([
      c.env.DB.prepare(
        "UPDATE invites SET revoked_at = ?3 WHERE id = ?1 AND tenant_id = ?2 AND accepted_at IS NULL AND revoked_at IS NULL",
      ).bind(id, access.tenantId, clock.now()),
      audited(
        c,
        access,
        "invite.revoked",
        { invite_id: id, email: invite.email, role: invite.role },
        { ifChanged: true },
      ),
    ]);
    return c.json({ ok: true as const }, 200);
  },
);

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
  const invite = await c.env.DB.prepare(
    `${INVITE_SELECT} WHERE i.id = ?1 AND i.tenant_id = ?2 AND i.token_hash = ?3`,
  )
    .bind(claim.inviteId, claim.tenantId, await sha256Hex(token))
    .first<InviteRow & { inviter_email: string | null }>();
  if (!invite) throw invalidInvite();
  const status = inviteStatus(invite, now);
  if (status !== "pending") throw unusableInvite(status);
  return invite;
}

inviteRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/invites/preview",
    tags: ["invites"],
    summary: "What an invitation link offers (for the page the link opens)",
    request: { body: jsonBody(InviteTokenBody) },
    responses: { 200: json(InvitePreview), ...tenantErrorResponses },
  }),
  async (c) => {
    const { token } = c.req.valid("json");
    const now = clock.now();
    await enforceRateLimit(
      c.env.DB,
      { key: `invite-link:ip:${requestInfo(c).ip ?? "unknown"}`, ...INVITE_LINK_LIMIT },
      now,
    );
    const invite = await pendingInvite(c, token, now);
    const tenant = await c.env.DB.prepare("SELECT name FROM tenants WHERE id = ?1")
      .bind(invite.tenant_id)
      .first<{ name: string }>();
    if (!tenant) throw invalidInvite();
    return c.json(
      {
        tenant_name: tenant.name,
        role: invite.role,
        email: invite.email,
        invited_by: invite.inviter_email ?? "a former member",
        expires_at: iso(invite.expires_at),
      },
      200,
    );
  },
);

inviteRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/invites/accept",
    tags: ["invites"],
    summary: "Accept an invitation as the signed-in person it was sent to",
    description:
      "Sign in (or sign up) with the invited email address by email code or passkey first. The link works once.",
    request: { body: jsonBody(InviteTokenBody) },
    responses: { 200: json(TenantResponse, "Joined"), ...tenantErrorResponses },
  }),
  async (c) => {
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
    if (await findMember(c.env.DB, invite.tenant_id, p.userId)) {
      throw new ApiError(409, "already_member", "You are already a member of this tenant.");
    }
    // The inviter must still be able to grant this role now: an invitation made by someone
    // since removed or demoted is worth no more than what they could give today.
    const [consumed] = await c.env.DB.batch([
      c.env.DB.prepare(
        `UPDATE invites SET accepted_at = ?2, accepted_by = ?3
          WHERE id = ?1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?2
            AND EXISTS (SELECT 1 FROM memberships m
                         WHERE m.tenant_id = invites.tenant_id AND m.user_id = invites.invited_by
                           AND m.role IN (SELECT value FROM json_each(?4)))`,
      ).bind(invite.id, now, p.userId, JSON.stringify(rolesThatMayInvite(invite.role))),
      c.env.DB.prepare(
        `INSERT INTO memberships (tenant_id, user_id, role, created_at)
         SELECT ?1, ?2, ?3, ?4
          WHERE EXISTS (SELECT 1 FROM invites WHERE id = ?5 AND accepted_by = ?2 AND accepted_at = ?4)
         ON CONFLICT DO NOTHING`,
      ).bind(invite.tenant_id, p.userId, invite.role, now, invite.id),
      auditStatement(
        c.env.DB,
        {
          tenantId: invite.tenant_id,
          type: "member.joined",
          actor: { kind: "user", id: p.userId },
          data: { user_id: p.userId, email: p.email, role: invite.role, invite_id: invite.id },
        },
        now,
        { ifChanged: true },
      ),
    ]);
    markForDrain(c, invite.tenant_id);
    if (consumed!.meta.changes !== 1) throw invalidInvite();
    const tenant = await c.env.DB.prepare(
      "SELECT id, name, created_at, tokens_may_approve FROM tenants WHERE id = ?1",
    )
      .bind(invite.tenant_id)
      .first<{ id: string; name: string; created_at: number; tokens_may_approve: number }>();
    if (!tenant) throw invalidInvite();
    return c.json(
      {
        tenant: {
          id: tenant.id,
          name: tenant.name,
          created_at: iso(tenant.created_at),
          role: invite.role,
          tokens_may_approve: tenant.tokens_may_approve === 1,
        },
      },
      200,
    );
  },
);
