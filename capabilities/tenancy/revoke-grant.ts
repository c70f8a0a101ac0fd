import type { Context } from "hono";
import type { Role } from "../../core/permissions";
import { clock } from "../../platform/clock";
import { database, type Database } from "../../platform/db/client";
import { errors } from "../../platform/http/errors";
import type { JsonObject } from "../../platform/tenant-types";
import { auditedQuery } from "../audit/outbox";
import type { AppEnv } from "../login-sessions/app-env";
import type { TenantAccess } from "./access";
import { checkGrant } from "./members";

type AuditRecord = ReturnType<typeof auditedQuery>;

/** One kind of grant that carries a role in a tenant (an invitation, an API token). */
export interface RevocableGrant<Row extends { role: Role }> {
  /** Named in the 404: "Invitation not found." */
  noun: string;
  /** The grant while it still works, or null. */
  find(db: Database, tenantId: string, id: string): Promise<Row | null>;
  /** Ends the grant and writes `record` in the same batch. */
  revoke(
    db: Database,
    tenantId: string,
    id: string,
    now: number,
    record: AuditRecord,
  ): Promise<void>;
  event: string;
  facts(id: string, row: Row): JsonObject;
}

/**
 * Revokes the grant `id` in the caller's tenant: 404 unless it still works, 403 unless the caller
 * may grant its role; the change and its audit event in one batch (recorded only if it changed).
 */
export async function revokeGrant<Row extends { role: Role }>(
  c: Context<AppEnv>,
  access: TenantAccess,
  id: string,
  grant: RevocableGrant<Row>,
): Promise<void> {
  const db = database(c.env.DB);
  const row = await grant.find(db, access.tenantId, id);
  if (!row) throw errors.notFound(grant.noun);
  checkGrant(access.role, row.role);
  const record = auditedQuery(c, db, access, grant.event, grant.facts(id, row), {
    ifChanged: true,
  });
  await grant.revoke(db, access.tenantId, id, clock.now(), record);
}
