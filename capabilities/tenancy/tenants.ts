import type { Database } from "../../platform/db/client";
import { errors } from "../../platform/http/errors";
import { insertMembership, type Batchable } from "./member-repository";
import { insertTenant, tenantById, updateTenant, type Tenant } from "./tenant-repository";

export type { Tenant };

export async function loadTenant(db: Database, id: string): Promise<Tenant> {
  const row = await tenantById(db, id);
  if (!row) throw errors.notFound("Tenant");
  return row;
}

/** The tenant, its creator as owner and the audit record, in one batch. */
export async function createTenant(
  db: Database,
  tenant: Tenant,
  ownerId: string,
  record: Batchable,
): Promise<void> {
  await db.batch([
    insertTenant(db, { id: tenant.id, name: tenant.name, now: tenant.createdAt }),
    insertMembership(db, {
      tenantId: tenant.id,
      userId: ownerId,
      role: "owner",
      now: tenant.createdAt,
    }),
    record,
  ]);
}

/** Renames and/or changes the setting, with its audit records, in one batch. */
export async function changeTenant(
  db: Database,
  id: string,
  change: { name?: string; tokensMayApprove?: boolean },
  records: Batchable[],
): Promise<Tenant> {
  await db.batch([updateTenant(db, id, change), ...records]);
  return loadTenant(db, id);
}
