import type { Env } from "../env";
import { forgetTenantDeks } from "../vault/keyring";

/**
 * Deletes a tenant in one transaction whose first statement crypto-shreds the vault: every DEK is
 * marked destroyed and its wrapped material erased, so any copy of the tenant's ciphertexts (a
 * backup, a time-travel restore) can never be decrypted again. The destroyed key rows stay as a
 * record; everything else of the tenant in D1 goes, and then so does its Durable Object's storage
 * (policies, runs, sessions, memory and audit log).
 */
export async function deleteTenant(env: Env, tenantId: string, now: number): Promise<void> {
  const db = env.DB;
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
      "DELETE FROM memberships WHERE tenant_id = ?1",
      "DELETE FROM tenants WHERE id = ?1",
    ].map((sql) => db.prepare(sql).bind(tenantId)),
  ];
  await db.batch(statements);
  await forgetTenantDeks(tenantId);
  await env.TENANT.get(env.TENANT.idFromName(tenantId)).destroy(tenantId);
}
