import { iso, isoOrNull } from "../../../core/time";
import { toHex } from "../../../core/encoding";
import { createHash } from "node:crypto";
import {
  bundleId,
  compilePolicy,
  loadStoredForm,
  STORED_FORM_VERSION,
  tenantBundle,
  type Diagnostic,
  type PolicyBundle,
} from "../../../core/policy";
import type { AuditLog } from "../../audit/tenant-do/audit-log";
import { DEFAULT_TENANT_POLICY } from "./default-policy";
import { fail, ok, type Result } from "../../../platform/result";
import type { Actor } from "../../../platform/tenant-types";
import type { PolicyVersionView } from "../contract";

type PolicyRow = {
  version: number;
  source: string;
  bundle_id: string;
  author: string;
  created_at: number;
  activated_at: number | null;
};

const diagnosticIssues = (d: readonly Diagnostic[]) =>
  d.map((x) => ({ path: `${x.line}:${x.column}`, message: `${x.severity}: ${x.message}` }));

/** The tenant layer of the policy: versions with author and bundle id, one of them active. */
export class PolicyStore {
  private cache: { version: number; bundle: PolicyBundle } | null = null;
  /** The active version as last read or set (only `activate` changes it). */
  private activeCache: number | null = null;

  constructor(
    private readonly sql: SqlStorage,
    private readonly audit: AuditLog,
  ) {}

  /** Seeds version 1 on a brand-new tenant. */
  async seed(now: number): Promise<void> {
    if (this.sql.exec(`SELECT 1 FROM policy_versions LIMIT 1`).toArray().length > 0) return;
    const created = await this.create(
      DEFAULT_TENANT_POLICY,
      { kind: "system", id: "gatehouse" },
      now,
    );
    if (!created.ok) throw new Error("default policy does not compile");
    this.activate(1, { kind: "system", id: "gatehouse" }, now);
  }

  private rows(where = "", ...params: (number | string)[]): PolicyRow[] {
    return this.sql
      .exec<PolicyRow>(
        `SELECT version, source, bundle_id, author, created_at, activated_at FROM policy_versions ${where}`,
        ...params,
      )
      .toArray();
  }

  private activeVersion(): number | null {
    if (this.activeCache !== null) return this.activeCache;
    const row = this.sql
      .exec<{ value: string }>(`SELECT value FROM meta WHERE key = 'active_policy'`)
      .toArray()[0];
    this.activeCache = row ? Number(row.value) : null;
    return this.activeCache;
  }

  private view(row: PolicyRow, active: number | null): PolicyVersionView {
    return {
      version: row.version,
      bundle_id: row.bundle_id,
      author: row.author,
      created_at: iso(row.created_at),
      activated_at: isoOrNull(row.activated_at),
      active: row.version === active,
    };
  }

  list(): PolicyVersionView[] {
    const active = this.activeVersion();
    return this.rows("ORDER BY version DESC").map((r) => this.view(r, active));
  }

  get(version: number): Result<PolicyVersionView & { source: string }> {
    const row = this.rows("WHERE version = ?", version)[0];
    if (!row) return fail("not_found", `Policy version ${version} not found.`);
    return ok({ ...this.view(row, this.activeVersion()), source: row.source });
  }

  /**
   * The compiled active bundle (platform + tenant layers), compiled once per version. After a
   * wake it is loaded from the stored form of the active version (`policy_compiled`, written
   * on activation; core/policy/stored-form.ts), which needs no compiling; a stored form that
   * is missing, of another format, whose checksum does not match or that does not load is
   * ignored and the source compiled instead (and its form stored again).
   */
  active(): { version: number; bundle: PolicyBundle } {
    const version = this.activeVersion();
    if (version === null) throw new Error("tenant has no active policy");
    if (this.cache?.version !== version) {
      const compiled = this.fromStoredForm(version) ?? this.fromSource(version);
      this.cache = { version, bundle: tenantBundle(compiled) };
    }
    return this.cache;
  }

  /** How the last `active()` rebuild went (for tests and the bench). */
  lastLoad: "stored_form" | "source" | null = null;

  private fromStoredForm(version: number) {
    const row = this.sql
      .exec<{ format: number; form: string }>(
        `SELECT format, form FROM policy_compiled WHERE version = ?`,
        version,
      )
      .toArray()[0];
    if (!row || row.format !== STORED_FORM_VERSION) return null;
    const cut = row.form.indexOf("\n");
    if (cut < 0 || checksum(row.form.slice(cut + 1)) !== row.form.slice(0, cut)) return null;
    const policy = loadStoredForm(row.form.slice(cut + 1));
    if (policy) this.lastLoad = "stored_form";
    return policy;
  }

  private fromSource(version: number) {
    const row = this.rows("WHERE version = ?", version)[0]!;
    const compiled = compilePolicy(row.source);
    if (!compiled.ok) throw new Error(`stored policy ${version} does not compile`);
    this.storeForm(version, compiled.storedForm());
    this.lastLoad = "source";
    return compiled.policy;
  }

  /** Keeps the stored form of `version` only (call inside the activation's transaction). */
  private storeForm(version: number, form: string): void {
    this.sql.exec(`DELETE FROM policy_compiled WHERE version <> ?`, version);
    this.sql.exec(
      `INSERT INTO policy_compiled (version, format, form) VALUES (?, ?, ?)
       ON CONFLICT(version) DO UPDATE SET format = excluded.format, form = excluded.form`,
      version,
      STORED_FORM_VERSION,
      `${checksum(form)}\n${form}`,
    );
  }

  async create(source: string, author: Actor, now: number) {
    const compiled = compilePolicy(source);
    if (!compiled.ok) {
      return fail(
        "policy_invalid",
        "The policy has errors.",
        diagnosticIssues(compiled.diagnostics),
      );
    }
    const id = await bundleId(compiled.policy);
    const version = this.audit.atomically(() => {
      const next = this.sql
        .exec<{ v: number }>(`SELECT COALESCE(MAX(version), 0) + 1 AS v FROM policy_versions`)
        .one().v;
      this.sql.exec(
        `INSERT INTO policy_versions (version, source, bundle_id, author, created_at) VALUES (?, ?, ?, ?, ?)`,
        next,
        source,
        id,
        `${author.kind}:${author.id}`,
        now,
      );
      this.audit.append({
        type: "policy.created",
        runId: null,
        stepId: null,
        actor: author,
        data: { version: next, bundle_id: id },
        now,
      });
      return next;
    });
    return ok({
      ...this.view(this.rows("WHERE version = ?", version)[0]!, this.activeVersion()),
      warnings: diagnosticIssues(compiled.diagnostics),
    });
  }

  activate(version: number, actor: Actor, now: number): Result<PolicyVersionView> {
    const row = this.rows("WHERE version = ?", version)[0];
    if (!row) return fail("not_found", `Policy version ${version} not found.`);
    const previous = this.activeVersion();
    const compiled = compilePolicy(row.source);
    if (!compiled.ok)
      return fail("policy_version_uncompilable", `Policy version ${version} does not compile.`);
    const form = compiled.storedForm();
    this.audit.atomically(() => {
      this.storeForm(version, form);
      this.sql.exec(`UPDATE policy_versions SET activated_at = ? WHERE version = ?`, now, version);
      this.sql.exec(
        `INSERT INTO meta (key, value) VALUES ('active_policy', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        String(version),
      );
      this.audit.append({
        type: "policy.activated",
        runId: null,
        stepId: null,
        actor,
        data: { version, bundle_id: row.bundle_id, previous_version: previous },
        now,
      });
    });
    this.activeCache = version;
    this.cache = { version, bundle: tenantBundle(compiled.policy) };
    return ok(this.view({ ...row, activated_at: now }, version));
  }
}

const checksum = (text: string) =>
  toHex(new Uint8Array(createHash("sha256").update(text).digest()));
