import { DurableObject } from "cloudflare:workers";
import type { Env } from "../workers/env";

/**
 * One per tenant (`idFromName(tenantId)`), with SQLite storage. It will own the tenant's policy
 * versions, runs, steps, approvals and audit log; for now it records its own schema version.
 */
export class TenantDO extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      this.ctx.storage.sql.exec(
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
      );
      this.ctx.storage.sql.exec(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '1')",
      );
    });
  }

  schemaVersion(): number {
    const row = this.ctx.storage.sql.exec<{ value: string }>(
      "SELECT value FROM meta WHERE key = 'schema_version'",
    ).one();
    return Number(row.value);
  }
}
