import { sql } from "drizzle-orm";
import type { Context } from "hono";
import type { AuditActor } from "../../core/audit";
import { tenantStub } from "../../platform/tenant-stub";
import type { AuditRpc } from "./tenant-do/rpc";
import type { JsonObject } from "../../platform/tenant-types";
import { database, type Database } from "../../platform/db/client";
import { tenantsWithPendingOutbox } from "./outbox-repository";
import { insertSelect } from "../../platform/db/insert-select";
import { auditOutbox } from "../../platform/db/schema";
import { clock } from "../../platform/clock";
import type { Env } from "../../platform/env";
import type { AppEnv } from "../login-sessions/app-env";
import type { TenantAccess } from "../tenancy/access";

/**
 * One tenant-level audit event, written to D1's `audit_outbox` in the same batch as the change it
 * records. `data` holds ids and names only — never a secret value, token or key material.
 */
export interface AuditRecord {
  tenantId: string;
  type: string;
  actor: AuditActor;
  data: JsonObject;
}

/** Who acts in which tenant: a tenant route's access, or a person creating a tenant. */
export type AuditSubject = Pick<TenantAccess, "tenantId" | "principal">;

/** The audit actor of a tenant route's caller (`user:<id>` or `token:<id>`). */
export function auditActor(access: AuditSubject): AuditActor {
  return access.principal.kind === "token"
    ? { kind: "token", id: access.principal.tokenId }
    : { kind: "user", id: access.principal.userId };
}

/**
 * The outbox INSERT to append to the batch that makes the change. With `ifChanged`, place it
 * right after a conditional write: it inserts only if that statement changed a row (`changes()`
 * within the batch), so a write that lost a race records nothing.
 */
export function auditQuery(
  db: Database,
  record: AuditRecord,
  now: number,
  opts: { ifChanged?: boolean } = {},
) {
  const actor = JSON.stringify({ kind: record.actor.kind, id: record.actor.id });
  return insertSelect(
    db,
    auditOutbox,
    {
      tenantId: record.tenantId,
      type: record.type,
      actor,
      data: JSON.stringify(record.data),
      createdAt: now,
    },
    opts.ifChanged ? sql`WHERE changes() > 0` : undefined,
  );
}

/**
 * In a route: the outbox query for an event by the caller in their tenant, and a note to drain
 * that tenant's outbox once the response is ready (see `drainAuditAfterResponse`).
 * Usage: `await db.batch([change, auditedQuery(c, db, access, "thing.done", { id })])`.
 */
export function auditedQuery(
  c: Context<AppEnv>,
  db: Database,
  access: AuditSubject,
  type: string,
  data: JsonObject,
  opts: { ifChanged?: boolean; now?: number } = {},
) {
  markForDrain(c, access.tenantId);
  return auditQuery(
    db,
    { tenantId: access.tenantId, type, actor: auditActor(access), data },
    opts.now ?? clock.now(),
    opts,
  );
}

export function markForDrain(c: Context<AppEnv>, tenantId: string): void {
  const pending = c.get("auditDrain") ?? new Set<string>();
  pending.add(tenantId);
  c.set("auditDrain", pending);
}

/**
 * Asks the tenant's Durable Object to pull its pending outbox rows into the hash chain. A failure
 * (the object unavailable) loses nothing: the rows stay pending and the cron drains them.
 */
export async function drainAuditOutbox(env: Env, tenantId: string): Promise<boolean> {
  try {
    const result = await tenantStub<AuditRpc>(env, tenantId).drainAuditOutbox();
    return result.ok;
  } catch (e) {
    console.error(
      JSON.stringify({
        level: "warn",
        msg: "audit outbox drain failed; the cron retries",
        tenant: tenantId,
        error: e instanceof Error ? e.name : "unknown",
      }),
    );
    return false;
  }
}

/** The cron's retry: every existing tenant with rows still pending. Returns the tenants drained. */
export async function drainPendingAuditOutboxes(env: Env, limit = 50): Promise<number> {
  const pending = await tenantsWithPendingOutbox(database(env.DB), limit);
  let drained = 0;
  for (const tenantId of pending) if (await drainAuditOutbox(env, tenantId)) drained++;
  return drained;
}
