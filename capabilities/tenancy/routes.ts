import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Role } from "../../core/permissions";
import type { Context } from "hono";
import { auditedQuery } from "../audit/outbox";
import { requestInfo } from "../login-sessions/sign-in";
import { securityEventQueries, sendSecurityNotice } from "../account/security-notices";
import { database } from "../../platform/db/client";
import type { TenantAccess } from "./access";
import { requireSession } from "../login-sessions/principal";
import { enforceRateLimit } from "../../platform/rate-limit";
import { iso } from "../../core/time";
import { errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";

import {
  createTenantRoute,
  getTenant,
  updateTenant,
  deleteTenantRoute,
  leaveTenant,
  listMembersRoute,
  changeMemberRole,
  removeMemberRoute,
} from "./contract";
import { isElevatedRole } from "../../core/step-up";
import { requirePerson, requireStepUp, authorize } from "./access";
import { forgetAuthority } from "../runs/authority";
import { deleteTenant } from "./delete-tenant";
import { changeRole, checkGrant, findMember, listMembers, removeMember } from "./members";
import type { Member } from "./members";
import { changeTenant, createTenant, loadTenant, type Tenant } from "./tenants";

export const tenantRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const TENANT_CREATE_LIMIT = { limit: 20, windowMs: 60 * 60 * 1000 };

const tenantJson = (t: Tenant, role: Role) => ({
  id: t.id,
  name: t.name,
  created_at: iso(t.createdAt),
  role,
  tokens_may_approve: t.tokensMayApprove,
});

const memberJson = (m: Member) => ({
  user_id: m.user_id,
  email: m.email,
  role: m.role,
  joined_at: iso(m.created_at),
});

/** The security notice to the member a role change or removal is about (chained on the audit row). */
async function memberNotice(
  c: Context<AppEnv>,
  access: TenantAccess,
  userId: string,
  kind: "role_changed" | "removed_from_tenant",
  facts: Record<string, string>,
) {
  const tenant = await loadTenant(database(c.env.DB), access.tenantId);
  const by =
    access.principal.kind === "session"
      ? access.principal.email
      : `an API token (${access.principal.tokenId})`;
  return securityEventQueries(database(c.env.DB), {
    userId,
    kind,
    detail: { tenant_id: tenant.id, tenant_name: tenant.name, by, ...facts },
    ip: requestInfo(c).ip,
    now: clock.now(),
    ifChanged: true,
  });
}

tenantRoutes.openapi(createTenantRoute, async (c) => {
  const p = requireSession(c);
  const { name } = c.req.valid("json");
  const now = clock.now();
  await enforceRateLimit(
    c.env.DB,
    { key: `tenant-create:user:${p.userId}`, ...TENANT_CREATE_LIMIT },
    now,
  );
  const tenant: Tenant = {
    id: crypto.randomUUID(),
    name,
    createdAt: now,
    tokensMayApprove: false,
  };
  const db = database(c.env.DB);
  await createTenant(
    db,
    tenant,
    p.userId,
    auditedQuery(
      c,
      db,
      { tenantId: tenant.id, principal: p },
      "tenant.created",
      { tenant_id: tenant.id, name },
      { now },
    ),
  );
  return c.json({ tenant: tenantJson(tenant, "owner") }, 201);
});

tenantRoutes.openapi(getTenant, async (c) => {
  const access = authorize(c, "tenant.read");
  const tenant = await loadTenant(database(c.env.DB), access.tenantId);
  return c.json({ tenant: tenantJson(tenant, access.role) }, 200);
});

tenantRoutes.openapi(updateTenant, async (c) => {
  const access = authorize(c, "tenant.rename");
  const { name, tokens_may_approve } = c.req.valid("json");
  const db = database(c.env.DB);
  const before = await loadTenant(db, access.tenantId);
  const records = [];
  if (name !== undefined && name !== before.name) {
    records.push(
      auditedQuery(c, db, access, "tenant.renamed", { name, previous_name: before.name }),
    );
  }
  if (tokens_may_approve !== undefined) {
    records.push(auditedQuery(c, db, access, "tenant.settings_changed", { tokens_may_approve }));
  }
  const tenant = await changeTenant(
    db,
    access.tenantId,
    { name, tokensMayApprove: tokens_may_approve },
    records,
  );
  return c.json({ tenant: tenantJson(tenant, access.role) }, 200);
});

tenantRoutes.openapi(deleteTenantRoute, async (c) => {
  const access = authorize(c, "tenant.delete");
  await deleteTenant(c.env, access, clock.now());
  return c.json({ ok: true as const }, 200);
});

tenantRoutes.openapi(leaveTenant, async (c) => {
  const access = authorize(c, "tenant.read");
  const person = requirePerson(access);
  const self = await findMember(c.env.DB, access.tenantId, person.userId);
  await removeMember(c.env.DB, {
    tenantId: access.tenantId,
    userId: person.userId,
    now: clock.now(),
    records: [
      auditedQuery(
        c,
        database(c.env.DB),
        access,
        "member.left",
        { user_id: person.userId, email: person.email, role: self?.role ?? access.role },
        { ifChanged: true },
      ),
    ],
  });
  await forgetAuthority(c.env, access.tenantId);
  return c.json({ ok: true as const }, 200);
});

tenantRoutes.openapi(listMembersRoute, async (c) => {
  const access = authorize(c, "members.read");
  const members = await listMembers(c.env.DB, access.tenantId);
  return c.json({ members: members.map(memberJson) }, 200);
});

tenantRoutes.openapi(changeMemberRole, async (c) => {
  const access = authorize(c, "members.change_role");
  const { user_id } = c.req.valid("param");
  const { role } = c.req.valid("json");
  const member = await findMember(c.env.DB, access.tenantId, user_id);
  if (!member) throw errors.notFound("Member");
  checkGrant(access.role, member.role, role);
  if (isElevatedRole(member.role) || isElevatedRole(role)) {
    requireStepUp(access, "members.change_role");
  }
  if (member.role !== role) {
    const notice = await memberNotice(c, access, user_id, "role_changed", {
      from: member.role,
      to: role,
    });
    await changeRole(c.env.DB, {
      tenantId: access.tenantId,
      userId: user_id,
      from: member.role,
      to: role,
      now: clock.now(),
      records: [
        auditedQuery(
          c,
          database(c.env.DB),
          access,
          "member.role_changed",
          { user_id, email: member.email, from: member.role, to: role },
          { ifChanged: true },
        ),
        ...notice.queries,
      ],
    });
    await forgetAuthority(c.env, access.tenantId);
    sendSecurityNotice(c, notice);
  }
  return c.json({ member: memberJson({ ...member, role }) }, 200);
});

tenantRoutes.openapi(removeMemberRoute, async (c) => {
  const access = authorize(c, "members.remove");
  const { user_id } = c.req.valid("param");
  const member = await findMember(c.env.DB, access.tenantId, user_id);
  if (!member) throw errors.notFound("Member");
  checkGrant(access.role, member.role);
  const notice = await memberNotice(c, access, user_id, "removed_from_tenant", {
    role: member.role,
  });
  await removeMember(c.env.DB, {
    tenantId: access.tenantId,
    userId: user_id,
    now: clock.now(),
    records: [
      auditedQuery(
        c,
        database(c.env.DB),
        access,
        "member.removed",
        { user_id, email: member.email, role: member.role },
        { ifChanged: true },
      ),
      ...notice.queries,
    ],
  });
  await forgetAuthority(c.env, access.tenantId);
  sendSecurityNotice(c, notice);
  return c.json({ ok: true as const }, 200);
});
