import { originOf } from "../../../core/secrets/destinations";
import { findSecretRefs } from "../../../core/secrets/reference";
import type { AnomalyEvent } from "../../../core/untrusted";
import type { SecretUse } from "../../vault/resolve";
import type { AuditLog } from "../../audit/tenant-do/audit-log";
import type { JsonObject } from "../../../platform/tenant-types";

const originText = (url: string): string => {
  const o = originOf(url);
  return o ? `${o.scheme}//${o.host}:${o.port}` : "invalid";
};

const viaText = (use: SecretUse): string =>
  use.via.kind === "header" ? `header:${use.via.name}` : `provider:${use.via.id}`;

/**
 * Where each secret has been sent: every resolution is written to the audit log (name, origin,
 * how, run and step — never the value) and remembered, so a call that would send a secret to an
 * origin it has never gone to before is flagged for approval.
 */
export class SecretUses {
  constructor(
    private readonly sql: SqlStorage,
    private readonly audit: AuditLog,
  ) {}

  /** The `onUse` of a `VaultSession` opened for one run/step. */
  recorder(runId: string | null, stepId: string | null, now: () => number) {
    return (use: SecretUse): void => {
      const origin = originText(use.url);
      const via = viaText(use);
      this.audit.atomically(() => {
        this.sql.exec(
          `INSERT INTO secret_uses (name, origin, via, first_at, last_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(name, origin, via) DO UPDATE SET last_at = excluded.last_at`,
          use.name,
          origin,
          via,
          now(),
          now(),
        );
        this.audit.append({
          type: "secret.used",
          runId,
          stepId,
          actor: { kind: "system", id: "vault" },
          data: { name: use.name, origin, via, allowed_by: use.allowed.origin },
          now: now(),
        });
      });
    };
  }

  /** Secrets an http_fetch call would send to an origin they were never sent to. */
  unseen(tool: string, args: JsonObject, at: number): AnomalyEvent[] {
    if (tool !== "http_fetch" || typeof args.url !== "string") return [];
    const headers = args.headers && typeof args.headers === "object" ? args.headers : {};
    const names = new Set<string>();
    for (const value of Object.values(headers as Record<string, unknown>)) {
      if (typeof value === "string") for (const r of findSecretRefs(value)) names.add(r.name);
    }
    const origin = originText(args.url);
    return [...names]
      .filter(
        (name) =>
          this.sql
            .exec("SELECT 1 FROM secret_uses WHERE name = ? AND origin = ?", name, origin)
            .toArray().length === 0,
      )
      .map((name) => ({
        kind: "secret_new_destination" as const,
        detail: `secret ${name} would be sent to ${origin}, where it has never been sent before`,
        at,
      }));
  }
}
