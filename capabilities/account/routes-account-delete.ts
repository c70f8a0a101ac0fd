import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Role } from "../../core/permissions";
import { auditStatement, markForDrain } from "../audit/outbox";
import { clearSessionCookie } from "../login-sessions/cookies";
import { requireRecentAuth } from "../login-sessions/principal";
import type { SessionPrincipal } from "../login-sessions/principal";
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

interface MembershipRow {
  tenant_id: string;
  name: string;
  role: Role;
  others: number;
  other_owners: number;
}

async function membershipsOf(db: D1Database, userId: string) {
  const { results } = await db
    .prepare(
      `SELECT m.tenant_id, t.name, m.role,
              (SELECT COUNT(*) FROM memberships o WHERE o.tenant_id = m.tenant_id
                 AND o.user_id != ?1) AS others,
              (SELECT COUNT(*) FROM memberships o WHERE o.tenant_id = m.tenant_id
                 AND o.user_id != ?1 AND o.role = 'owner') AS other_owners
         FROM memberships m JOIN tenants t ON t.id = m.tenant_id
        WHERE m.user_id = ?1 ORDER BY m.created_at`,
    )
    .bind(userId)
    .all<MembershipRow>();
  return results;
}

const soleOwner = (blocked: MembershipRow[]) => {
  const names = blocked.map((t) => `“${t.name}”`).join(", ");
  return new ApiError(
    409,
    "sole_owner",
    `You are the only owner of ${names}, which has other members. First make another member an owner there (Members → role), or delete the tenant, then delete your account.`,
    blocked.map((t) => ({ path: `tenants.${t.tenant_id}`, message: t.name })),
  );
};

function accountStatements(db: D1Database, p: SessionPrincipal, now: number, mailJobId: string) {
  const u = p.userId;
  return [
    ...[
      "DELETE FROM login_sessions WHERE user_id = ?1",
      "DELETE FROM passkeys WHERE user_id = ?1",
      "DELETE FROM api_tokens WHERE created_by = ?1",
      "DELETE FROM mcp_grants WHERE user_id = ?1",
      "DELETE FROM webauthn_challenges WHERE user_id = ?1",
      "DELETE FROM email_changes WHERE user_id = ?1",
      "DELETE FROM device_sign_ins WHERE approved_by = ?1",
      "DELETE FROM login_events WHERE user_id = ?1",
      "DELETE FROM security_events WHERE user_id = ?1",
      "DELETE FROM memberships WHERE user_id = ?1",
    ].map((sql) => db.prepare(sql).bind(u)),
    db.prepare("DELETE FROM otp_challenges WHERE email = ?1").bind(p.email),
    db.prepare("DELETE FROM users WHERE id = ?1").bind(u),
    // What survives: that the account existed and was deleted (no address), and the mail job.
    db
      .prepare(
        `INSERT INTO security_events (id, user_id, kind, detail, ip, created_at)
         VALUES (?1, ?2, 'account_deleted', '{}', NULL, ?3)`,
      )
      .bind(crypto.randomUUID(), u, now),
    db
      .prepare(
        `INSERT INTO mail_jobs (id, kind, ref, attempts, next_attempt_at, created_at)
         VALUES (?1, 'account_notice', ?2, 0, ?3, ?3)`,
      )
      .bind(mailJobId, JSON.stringify({ to: p.email, at: now }), now),
  ];
}

accountDeleteRoutes.openapi(deleteAccount, async (c) => {
  const p = requireRecentAuth(c, "account.delete");
  const db = c.env.DB;
  const memberships = await membershipsOf(db, p.userId);
  const blocked = memberships.filter(
    (m) => m.role === "owner" && m.others > 0 && m.other_owners === 0,
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
        tenantId: t.tenant_id,
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
  await db.batch([
    ...shared.map((t) =>
      auditStatement(
        db,
        {
          tenantId: t.tenant_id,
          type: "member.left",
          actor: { kind: "user", id: p.userId },
          data: { user_id: p.userId, email: p.email, role: t.role, reason: "account_deleted" },
        },
        now,
      ),
    ),
    ...accountStatements(db, p, now, mailJobId),
  ]);
  for (const t of shared) {
    markForDrain(c, t.tenant_id);
    await forgetAuthority(c.env, t.tenant_id);
  }
  clearSessionCookie(c);
  c.executionCtx.waitUntil(deliverMailJob(c.var.config, db, mailJobId, clock.now()));
  return c.json(
    {
      ok: true as const,
      deleted_tenants: solo.map((t) => ({ id: t.tenant_id, name: t.name })),
      left_tenants: shared.map((t) => ({ id: t.tenant_id, name: t.name })),
    },
    200,
  );
});
