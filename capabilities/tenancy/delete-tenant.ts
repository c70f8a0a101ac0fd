import { auditActor, auditStatement } from "../audit/outbox";
import type { Env } from "../../platform/env";
import { forgetTenantDeks } from "../vault/keyring";
import type { TenantAccess } from "./access";
import type { TenancyRpc } from "./tenant-do/rpc";
import type { AuditRpc } from "../audit/tenant-do/rpc";
import { tenantStub } from "../../platform/tenant-stub";

/**
 * Deletes a tenant in one transaction whose first statement crypto-shreds the vault: every DEK is
 * marked destroyed and its wrapped material erased, so any copy of the tenant's ciphertexts (a
 * backup, a time-travel restore) can never be decrypted again. The destroyed key rows stay as a
 * record; everything else of the tenant in D1 goes, and then so does its Durable Object's storage
 * (policies, runs, sessions, memory and audit log).
 *
 * The deletion itself is recorded where it survives: a `tenant.deleted` row in D1's audit outbox
 * (never purged, marked drained at once since no chain is left to drain into), naming who deleted
 * it and the final head (size and root) of the hash chain that was destroyed, so an export taken
 * before can be matched to it. Rows the object had not drained yet are dropped with the tenant.
 */
export async function deleteTenant(env: Env, access: TenantAccess, now: number): Promise<void> {
  const db = env.DB;
  const tenantId = access.tenantId;
  const stub = tenantStub<TenancyRpc & AuditRpc>(env, tenantId);
  const tenant = await db
    .prepare("SELECT name FROM tenants WHERE id = ?1")
    .bind(tenantId)
    .first<{ name: string }>();
  await stub.drainAuditOutbox().catch(() => null);
  const head = await stub.auditHead().catch(() => null);
  const finalHead = head?.ok ? { size: head.value.size, root: head.value.root } : null;
  const statements = [
    db
      .prepare(
        `UPDATE tenant_keys SET state = 'destroyed', wrapped_iv = NULL, wrapped_dek = NULL,
           destroyed_at = ?2 WHERE tenant_id = ?1`,
      )
      .bind(tenantId, now),
    ...[
      "DELETE FROM secrets WHERE tenant_id = ?1",
      "DELETE FROM secret_requests WHERE tenant_id = ?1",
      "DELETE FROM api_tokens WHERE tenant_id = ?1",
      "DELETE FROM invites WHERE tenant_id = ?1",
      "DELETE FROM ownership_transfers WHERE tenant_id = ?1",
      "DELETE FROM memberships WHERE tenant_id = ?1",
      "DELETE FROM tenants WHERE id = ?1",
      "DELETE FROM audit_outbox WHERE tenant_id = ?1 AND drained_at IS NULL",
    ].map((sql) => db.prepare(sql).bind(tenantId)),
    auditStatement(
      db,
      {
        tenantId,
        type: "tenant.deleted",
        actor: auditActor(access),
        data: { tenant_id: tenantId, name: tenant?.name ?? null, final_head: finalHead },
      },
      now,
    ),
    db
      .prepare(
        "UPDATE audit_outbox SET drained_at = ?2 WHERE tenant_id = ?1 AND type = 'tenant.deleted' AND drained_at IS NULL",
      )
      .bind(tenantId, now),
  ];
  await db.batch(statements);
  await forgetTenantDeks(tenantId);
  await stub.destroy();
}
