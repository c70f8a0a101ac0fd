import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import { iso } from "../../core/time";
import { auditedQuery } from "../audit/outbox";
import { database } from "../../platform/db/client";
import { requireSession } from "../login-sessions/principal";
import { ApiError, errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { forgetAuthority } from "../runs/authority";

import {
  getOwnershipTransfer,
  startOwnershipTransfer,
  cancelOwnershipTransfer,
  listMyOwnershipTransfers,
  acceptOwnershipTransfer,
  declineOwnershipTransfer,
} from "./contract";
import { requirePerson, authorize } from "./access";
import { findMember } from "./members";
import {
  acceptTransfer,
  liveTransferOfTenant,
  liveTransfersTo,
  offerTransfer,
  pendingTransferTo,
  refuseTransfer,
  withdrawTransfer,
  type PendingTransfer,
} from "./ownership";

/**
 * Handing a tenant to another member: an owner offers (step-up), the member named accepts or
 * declines from their own account, and only acceptance changes roles (they become owner, the
 * offering owner admin). One offer may be pending per tenant; a new one replaces it.
 */
export const ownershipRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

export const TRANSFER_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const transferJson = (r: PendingTransfer) => ({
  id: r.id,
  tenant_id: r.tenant_id,
  tenant_name: r.tenant_name,
  from: { user_id: r.from_user_id, email: r.from_email },
  to: { user_id: r.to_user_id, email: r.to_email },
  created_at: iso(r.created_at),
  expires_at: iso(r.expires_at),
});

/** The transfer a person acts on: theirs to accept or decline, pending, and still in time. */
async function offeredTo(d1: D1Database, id: string, userId: string, now: number) {
  const row = await pendingTransferTo(database(d1), id, userId);
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

ownershipRoutes.openapi(getOwnershipTransfer, async (c) => {
  const access = authorize(c, "tenant.read");
  const row = await liveTransferOfTenant(database(c.env.DB), access.tenantId, clock.now());
  return c.json({ transfer: row ? transferJson(row) : null }, 200);
});

ownershipRoutes.openapi(startOwnershipTransfer, async (c) => {
  const access = authorize(c, "tenant.transfer");
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
  const db = database(c.env.DB);
  const expiresAt = now + TRANSFER_TTL_MS;
  const row = await offerTransfer(
    db,
    {
      id,
      tenantId: access.tenantId,
      fromUserId: person.userId,
      toUserId: user_id,
      now,
      expiresAt,
    },
    auditedQuery(
      c,
      db,
      access,
      "ownership.offered",
      {
        transfer_id: id,
        to_user_id: user_id,
        to_email: member.email,
        expires_at: iso(expiresAt),
      },
      { now },
    ),
  );
  return c.json({ transfer: transferJson(row!) }, 201);
});

ownershipRoutes.openapi(cancelOwnershipTransfer, async (c) => {
  const access = authorize(c, "tenant.transfer");
  const now = clock.now();
  const db = database(c.env.DB);
  const closed = await withdrawTransfer(
    db,
    access.tenantId,
    now,
    auditedQuery(c, db, access, "ownership.withdrawn", {}, { now, ifChanged: true }),
  );
  if (!closed) throw errors.notFound("Ownership transfer");
  return c.json({ ok: true as const }, 200);
});

ownershipRoutes.openapi(listMyOwnershipTransfers, async (c) => {
  const p = requireSession(c);
  const results = await liveTransfersTo(database(c.env.DB), p.userId, clock.now());
  return c.json({ transfers: results.map(transferJson) }, 200);
});

ownershipRoutes.openapi(acceptOwnershipTransfer, async (c) => {
  const p = requireSession(c);
  const { id } = c.req.valid("param");
  const now = clock.now();
  const offer = await offeredTo(c.env.DB, id, p.userId, now);
  const subject = { tenantId: offer.tenant_id, principal: p };
  const db = database(c.env.DB);
  const closed = await acceptTransfer(
    db,
    { id, tenantId: offer.tenant_id, toUserId: p.userId, fromUserId: offer.from_user_id, now },
    auditedQuery(
      c,
      db,
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
  );
  if (!closed) {
    throw new ApiError(
      409,
      "conflict",
      "This offer can no longer be accepted (the owner who made it is no longer an owner).",
    );
  }
  await forgetAuthority(c.env, offer.tenant_id);
  return c.json({ ok: true as const }, 200);
});

ownershipRoutes.openapi(declineOwnershipTransfer, async (c) => {
  const p = requireSession(c);
  const { id } = c.req.valid("param");
  const now = clock.now();
  const offer = await offeredTo(c.env.DB, id, p.userId, now);
  const db = database(c.env.DB);
  await refuseTransfer(
    db,
    id,
    now,
    auditedQuery(
      c,
      db,
      { tenantId: offer.tenant_id, principal: p },
      "ownership.declined",
      { transfer_id: id, to_user_id: p.userId, to_email: p.email },
      { now, ifChanged: true },
    ),
  );
  return c.json({ ok: true as const }, 200);
});
