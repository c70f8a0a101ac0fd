import { auditActor, auditQuery } from "../audit/outbox";
import { database } from "../../platform/db/client";
import {
  deleteTenantRows,
  destroyTenantKeys,
  markDeletionDrained,
} from "./delete-tenant-repository";
import { tenantNameById } from "./tenant-repository";
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
  const db = database(env.DB);
  const tenantId = access.tenantId;
  const stub = tenantStub<TenancyRpc & AuditRpc>(env, tenantId);
  const name = await tenantNameById(db, tenantId);
  await stub.drainAuditOutbox().catch(() => null);
  const head = await stub.auditHead().catch(() => null);
  const finalHead = head?.ok ? { size: head.value.size, root: head.value.root } : null;
  await db.batch([
    destroyTenantKeys(db, tenantId, now),
    ...deleteTenantRows(db, tenantId),
    auditQuery(
      db,
      {
        tenantId,
        type: "tenant.deleted",
        actor: auditActor(access),
        data: { tenant_id: tenantId, name, final_head: finalHead },
      },
      now,
    ),
    markDeletionDrained(db, tenantId, now),
  ]);
  await forgetTenantDeks(tenantId);
  await stub.destroy();
}
