import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import { auditQuery, markForDrain } from "../audit/outbox";
import { database, type Query } from "../../platform/db/client";
import { deleteAccountQueries, membershipsWithOthers } from "./repository";
import { clearSessionCookie } from "../login-sessions/cookies";
import { requireRecentAuth } from "../login-sessions/principal";
import { ApiError } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { deliverMailJob } from "../login-sessions/login-notifications";
import { forgetAuthority } from "../runs/authority";
import { deleteAccount } from "./contract";

import { deleteTenant } from "../tenancy/delete-tenant";

/**
 * Issue 17: deleting your own account (step-up). Refused while you are the only owner of a
 * tenant that has other members (they would be left without an owner); tenants where you are
 * the only member are deleted like `DELETE /api/tenants/{t}`; from every other tenant you leave
 * (audited there as `member.left`). Then your sessions, passkeys, API tokens, grants and
 * history go with the account, a record stays in the security log, and a confirmation is mailed.
 */
export const accountDeleteRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

type MembershipRow = Awaited<ReturnType<typeof membershipsWithOthers>>[number];

const soleOwner = (blocked: MembershipRow[]) => {
  const names = blocked.map((t) => `“${t.name}”`).join(", ");
  return new ApiError(
    409,
    "sole_owner",
    `You are the only owner of ${names}, which has other members. First make another member an owner there (Members → role), or delete the tenant, then delete your account.`,
    blocked.map((t) => ({ path: `tenants.${t.tenantId}`, message: t.name })),
  );
};

accountDeleteRoutes.openapi(deleteAccount, async (c) => {
  const p = requireRecentAuth(c, "account.delete");
  const db = database(c.env.DB);
  const memberships = await membershipsWithOthers(db, p.userId);
  const blocked = memberships.filter(
    (m) => m.role === "owner" && m.others > 0 && m.otherOwners === 0,
  );
  if (blocked.length > 0) throw soleOwner(blocked);
  const now = clock.now();
  const solo = memberships.filter((m) => m.others === 0);
  const shared = memberships.filter((m) => m.others > 0);
  // Tenants only you can see go first, each like DELETE /api/tenants/{t}: a retry after a
  // failure part-way finds fewer of them and finishes the job.
  for (const t of solo) {
    await deleteTenant(
      c.env,
      {
        tenantId: t.tenantId,
        role: t.role,
        principal: p,
        channel: "console",
        userId: p.userId,
        actor: `user:${p.userId}`,
      },
      now,
    );
  }
  const mailJobId = crypto.randomUUID();
  // The member.left events first, then the account's own rows (never empty: the users row).
  const queries: Query[] = [
    ...shared.map((t) =>
      auditQuery(
        db,
        {
          tenantId: t.tenantId,
          type: "member.left",
          actor: { kind: "user", id: p.userId },
          data: { user_id: p.userId, email: p.email, role: t.role, reason: "account_deleted" },
        },
        now,
      ),
    ),
    ...deleteAccountQueries(db, { userId: p.userId, email: p.email, now, mailJobId }),
  ];
  await db.batch(queries as [Query, ...Query[]]);
  for (const t of shared) {
    markForDrain(c, t.tenantId);
    await forgetAuthority(c.env, t.tenantId);
  }
  clearSessionCookie(c);
  c.executionCtx.waitUntil(deliverMailJob(c.var.config, c.env.DB, mailJobId, clock.now()));
  return c.json(
    {
      ok: true as const,
      deleted_tenants: solo.map((t) => ({ id: t.tenantId, name: t.name })),
      left_tenants: shared.map((t) => ({ id: t.tenantId, name: t.name })),
    },
    200,
  );
});
