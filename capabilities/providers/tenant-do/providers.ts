import type { TenantProvider } from "../../../core/providers/catalog";
import { iso } from "../../../core/time";
import type { AuditLog } from "../../audit/tenant-do/audit-log";
import { fail, ok, type Result } from "../../../platform/result";
import type { Actor } from "../../../platform/tenant-types";
import type { ProviderView } from "../contract";

export type { ProviderView };

type ProviderRow = {
  id: string;
  kind: TenantProvider["kind"];
  base_url: string;
  models: string;
  key_secret: string;
  updated_by: string;
  created_at: number;
  updated_at: number;
};

const view = (r: ProviderRow): ProviderView => ({
  id: r.id,
  kind: r.kind,
  base_url: r.base_url,
  models: JSON.parse(r.models) as string[],
  key_secret: r.key_secret,
  updated_by: r.updated_by,
  created_at: iso(r.created_at),
  updated_at: iso(r.updated_at),
});

/**
 * The tenant's model providers: a setting an admin configures (the Worker checks role and step-up
 * and validates the base URL), each change recorded in the audit log in the same transaction.
 */
export class ProviderStore {
  constructor(
    private readonly sql: SqlStorage,
    private readonly audit: AuditLog,
  ) {}

  private row(id: string): ProviderRow | undefined {
    return this.sql.exec<ProviderRow>("SELECT * FROM providers WHERE id = ?", id).toArray()[0];
  }

  list(): ProviderView[] {
    return this.sql.exec<ProviderRow>("SELECT * FROM providers ORDER BY id").toArray().map(view);
  }

  get(id: string): TenantProvider | null {
    const r = this.row(id);
    return r
      ? {
          id: r.id,
          kind: r.kind,
          baseUrl: r.base_url,
          models: JSON.parse(r.models) as string[],
          keySecret: r.key_secret,
        }
      : null;
  }

  put(p: TenantProvider, actor: Actor, now: number): { provider: ProviderView; created: boolean } {
    const before = this.row(p.id);
    this.audit.atomically(() => {
      this.sql.exec(
        `INSERT INTO providers (id, kind, base_url, models, key_secret, updated_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, base_url = excluded.base_url,
           models = excluded.models, key_secret = excluded.key_secret,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        p.id,
        p.kind,
        p.baseUrl,
        JSON.stringify(p.models),
        p.keySecret,
        `${actor.kind}:${actor.id}`,
        now,
        now,
      );
      this.audit.append({
        type: "provider.configured",
        runId: null,
        stepId: null,
        actor,
        data: {
          provider_id: p.id,
          kind: p.kind,
          base_url: p.baseUrl,
          models: p.models,
          key_secret: p.keySecret,
          previous: before
            ? { kind: before.kind, base_url: before.base_url, key_secret: before.key_secret }
            : null,
        },
        now,
      });
    });
    return { provider: view(this.row(p.id)!), created: !before };
  }

  remove(id: string, actor: Actor, now: number): Result<ProviderView> {
    const r = this.row(id);
    if (!r) return fail("not_found", "Provider not found.");
    this.audit.atomically(() => {
      this.sql.exec("DELETE FROM providers WHERE id = ?", id);
      this.audit.append({
        type: "provider.removed",
        runId: null,
        stepId: null,
        actor,
        data: { provider_id: id, kind: r.kind, base_url: r.base_url, key_secret: r.key_secret },
        now,
      });
    });
    return ok(view(r));
  }
}
