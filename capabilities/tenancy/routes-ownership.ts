import { clock } from "../../platform/clock";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { iso } from "../../core/time";
import { audited } from "../audit/outbox";
import { requireSession } from "../login-sessions/principal";
import { ApiError, errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { forgetAuthority } from "../runs/authority";
import { Id, IsoTime, json, jsonBody, Ok } from "../../core/contract/common";
import { TenantParams, tenantErrorResponses } from "./contract";
import { requirePerson, requireTenantAccess } from "./access";
import { findMember } from "./members";

/**
 * Handing a tenant to another member: an owner offers (step-up), the member named accepts or
 * declines from their own account, and only acceptance changes roles (they become owner, the
 * offering owner admin). One offer may be pending per tenant; a new one replaces it.
 */
export const ownershipRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

export const TRANSFER_TTL_MS = 7 * 24 * 60 * 60 * 1000;

interface TransferRow {
  id: string;
  tenant_id: string;
  tenant_name: string;
  from_user_id: string;
  from_email: string;
  to_user_id: string;
  to_email: string;
  created_at: number;
  expires_at: number;
}

const Transfer = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    tenant_name: z.string(),
    from: z.object({ user_id: z.string(), email: z.string() }),
    to: z.object({ user_id: z.string(), email: z.string() }),
    created_at: IsoTime,
    expires_at: IsoTime,
  })
  .openapi("OwnershipTransfer");

const transferJson = (r: TransferRow) => ({
  id: r.id,
  tenant_id: r.tenant_id,
  tenant_name: r.tenant_name,
  from: { user_id: r.from_user_id, email: r.from_email },
  to: { user_id: r.to_user_id, email: r.to_email },
  created_at: iso(r.created_at),
  expires_at: iso(r.expires_at),
});

const PENDING_SELECT = `SELECT o.id, o.tenant_id, t.name AS tenant_name, o.from_user_id,
    fu.email AS from_email, o.to_user_id, tu.email AS to_email, o.created_at, o.expires_at
  FROM ownership_transfers o JOIN tenants t ON t.id = o.tenant_id
  JOIN users fu ON fu.id = o.from_user_id JOIN users tu ON tu.id = o.to_user_id
  WHERE o.closed_at IS NULL`;

const TransferParams = z.object({ id: Id });

/** The transfer a person acts on: theirs to accept or decline, pending, and still in time. */
async function offeredTo(db: D1Database, id: string, userId: string, now: number) {
  const row = await db
    .prepare(`${PENDING_SELECT} AND o.id = ?1 AND o.to_user_id = ?2`)
    .bind(id, userId)
    .first<TransferRow>();
  // Someone else's offer answers as if there were none.
  if (!row) throw errors.notFound("Ownership transfer");
  if (row.expires_at <= now) {
    throw new ApiError(
      410,
      "transfer_expired",
      "This ownership offer has expired. Ask an owner to offer it again.",
    );
  }
  return row;
}

ownershipRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/transfer",
    tags: ["tenants"],
    summary: "The pending ownership offer of the tenant, if any",
    request: { params: TenantParams },
    responses: { 200: json(z.object({ transfer: Transfer.nullable() })), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "tenant.read");
    const row = await c.env.DB.prepare(
      `${PENDING_SELECT} AND o.tenant_id = ?1 AND o.expires_at > ?2`,
    )
      .bind(access.tenantId, clock.now())
      .first<TransferRow>();
    return c.json({ transfer: row ? transferJson(row) : null }, 200);
  },
);

ownershipRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/transfer",
    tags: ["tenants"],
    summary:
      "Offer ownership to a member (owner, step-up); they become owner only when they accept",
    request: {
      params: TenantParams,
      body: jsonBody(z.strictObject({ user_id: Id }).openapi("TransferBody")),
    },
    responses: { 201: json(z.object({ transfer: Transfer })), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "tenant.transfer");
    const person = requirePerson(access);
    const { user_id } = c.req.valid("json");
    if (user_id === person.userId) {
      throw new ApiError(400, "invalid_request", "Offer ownership to another member.", [
        { path: "user_id", message: "That is you." },
      ]);
    }
    const member = await findMember(c.env.DB, access.tenantId, user_id);
    if (!member) throw errors.notFound("Member");
    if (member.role === "owner") {
      throw new ApiError(409, "already_owner", `${member.email} is already an owner.`);
    }
    const now = clock.now();
    const id = `otr_${crypto.randomUUID()}`;
    const db = c.env.DB;
    await db.batch([
      db
        .prepare(
          `UPDATE ownership_transfers SET closed_at = ?2, outcome = 'cancelled'
            WHERE tenant_id = ?1 AND closed_at IS NULL`,
        )
        .bind(access.tenantId, now),
      db
        .prepare(
          `INSERT INTO ownership_transfers (id, tenant_id, from_user_id, to_user_id, created_at, expires_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
        )
        .bind(id, access.tenantId, person.userId, user_id, now, now + TRANSFER_TTL_MS),
      audited(
        c,
        access,
        "ownership.offered",
        {
          transfer_id: id,
          to_user_id: user_id,
          to_email: member.email,
          expires_at: iso(now + TRANSFER_TTL_MS),
        },
        { now },
      ),
    ]);
    const row = await db.prepare(`${PENDING_SELECT} AND o.id = ?1`).bind(id).first<TransferRow>();
    return c.json({ transfer: transferJson(row!) }, 201);
  },
);

ownershipRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/api/tenants/{t}/transfer",
    tags: ["tenants"],
    summary: "Withdraw the pending ownership offer (owner, step-up)",
    request: { params: TenantParams },
    responses: { 200: json(Ok), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "tenant.transfer");
    const now = clock.now();
    const db = c.env.DB;
    const [closed] = await db.batch([
      db
        .prepare(
          `UPDATE ownership_transfers SET closed_at = ?2, outcome = 'cancelled'
            WHERE tenant_id = ?1 AND closed_at IS NULL`,
        )
        .bind(access.tenantId, now),
      audited(c, access, "ownership.withdrawn", {}, { now, ifChanged: true }),
    ]);
    if (closed!.meta.changes === 0) throw errors.notFound("Ownership transfer");
    return c.json({ ok: true as const }, 200);
  },
);

ownershipRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/me/ownership-transfers",
    tags: ["tenants"],
    summary: "Ownership offers waiting for you to accept or decline",
    responses: { 200: json(z.object({ transfers: z.array(Transfer) })), ...tenantErrorResponses },
  }),
  async (c) => {
    const p = requireSession(c);
    const { results } = await c.env.DB.prepare(
      `${PENDING_SELECT} AND o.to_user_id = ?1 AND o.expires_at > ?2 ORDER BY o.created_at DESC`,
    )
      .bind(p.userId, clock.now())
      .all<TransferRow>();
    return c.json({ transfers: results.map(transferJson) }, 200);
  },
);

ownershipRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/me/ownership-transfers/{id}/accept",
    tags: ["tenants"],
    summary:
      "Accept an ownership offer made to you: you become owner, the owner who offered becomes admin",
    request: { params: TransferParams },
    responses: { 200: json(Ok), ...tenantErrorResponses },
  }),
  async (c) => {
    const p = requireSession(c);
    const { id } = c.req.valid("param");
    const now = clock.now();
    const offer = await offeredTo(c.env.DB, id, p.userId, now);
    const subject = { tenantId: offer.tenant_id, principal: p };
    const db = c.env.DB;
    // Every change below holds only if this statement closed the offer (nobody raced it) and
    // both people are still members.
    const accepted = `EXISTS (SELECT 1 FROM ownership_transfers WHERE id = ?3 AND outcome = 'accepted' AND closed_at = ?4)`;
    const [closed] = await db.batch([
      db
        .prepare(
          `UPDATE ownership_transfers SET closed_at = ?2, outcome = 'accepted'
            WHERE id = ?1 AND closed_at IS NULL AND expires_at > ?2
              AND EXISTS (SELECT 1 FROM memberships WHERE tenant_id = ?3 AND user_id = ?4)
              AND EXISTS (SELECT 1 FROM memberships WHERE tenant_id = ?3 AND user_id = ?5 AND role = 'owner')`,
        )
        .bind(id, now, offer.tenant_id, p.userId, offer.from_user_id),
      audited(
        c,
        subject,
        "ownership.transferred",
        {
          transfer_id: id,
          from_user_id: offer.from_user_id,
          from_email: offer.from_email,
          to_user_id: p.userId,
          to_email: p.email,
        },
        { now, ifChanged: true },
      ),
      db
        .prepare(
          `UPDATE memberships SET role = 'owner' WHERE tenant_id = ?1 AND user_id = ?2 AND ${accepted}`,
        )
        .bind(offer.tenant_id, p.userId, id, now),
      db
        .prepare(
          `UPDATE memberships SET role = 'admin' WHERE tenant_id = ?1 AND user_id = ?2 AND role = 'owner' AND ${accepted}`,
        )
        .bind(offer.tenant_id, offer.from_user_id, id, now),
      // The former owner's owner-role tokens go, as with any demotion.
      db
        .prepare(
          `UPDATE api_tokens SET revoked_at = ?4 WHERE tenant_id = ?1 AND created_by = ?2
             AND role = 'owner' AND revoked_at IS NULL AND ${accepted}`,
        )
        .bind(offer.tenant_id, offer.from_user_id, id, now),
    ]);
    if (closed!.meta.changes === 0) {
      throw new ApiError(
        409,
        "conflict",
        "This offer can no longer be accepted (the owner who made it is no longer an owner).",
      );
    }
    await forgetAuthority(c.env, offer.tenant_id);
    return c.json({ ok: true as const }, 200);
  },
);

ownershipRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/me/ownership-transfers/{id}/decline",
    tags: ["tenants"],
    summary: "Decline an ownership offer made to you",
    request: { params: TransferParams },
    responses: { 200: json(Ok), ...tenantErrorResponses },
  }),
  async (c) => {
    const p = requireSession(c);
    const { id } = c.req.valid("param");
    const now = clock.now();
    const offer = await offeredTo(c.env.DB, id, p.userId, now);
    const db = c.env.DB;
    await db.batch([
      db
        .prepare(
          `UPDATE ownership_transfers SET closed_at = ?2, outcome = 'declined'
            WHERE id = ?1 AND closed_at IS NULL`,
        )
        .bind(id, now),
      audited(
        c,
        { tenantId: offer.tenant_id, principal: p },
        "ownership.declined",
        { transfer_id: id, to_user_id: p.userId, to_email: p.email },
        { now, ifChanged: true },
      ),
    ]);
    return c.json({ ok: true as const }, 200);
  },
);
