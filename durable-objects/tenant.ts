import { DurableObject } from "cloudflare:workers";
import type { Env } from "../workers/env";
import { AuditLog } from "./tenant/audit-log";
import { PolicyStore } from "./tenant/policies";
import { fail, ok, type Result } from "./tenant/result";
import { RunEngine, type ProposeInput } from "./tenant/runs";
import { migrate } from "./tenant/schema";
import type { Actor, ApprovalStatus, Channel, JsonObject, JsonValue } from "./tenant/types";

const MAX_WAIT_MS = 25_000;

/**
 * One per tenant (`idFromName(tenantId)`), with SQLite storage: the tenant's policy versions,
 * runs, steps, checkpoints, approvals and its audit log. The Worker authorises every call and
 * passes the tenant id and the actor; this object only enforces run semantics.
 */
export class TenantDO extends DurableObject<Env> {
  private readonly audit: AuditLog;
  private readonly policies: PolicyStore;
  private readonly runs: RunEngine;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    migrate(sql);
    this.audit = new AuditLog(ctx.storage, () => this.tenantId(), env.SIGNING_KEY);
    this.policies = new PolicyStore(sql, this.audit);
    this.runs = new RunEngine(sql, this.audit, this.policies);
    void ctx.blockConcurrencyWhile(() => this.policies.seed(Date.now()));
  }

  private tenantId(): string {
    const row = this.ctx.storage.sql
      .exec<{ value: string }>(`SELECT value FROM meta WHERE key = 'tenant_id'`)
      .toArray()[0];
    if (!row) throw new Error("tenant id not bound yet");
    return row.value;
  }

  /** Binds this object to its tenant on first use and refuses any other tenant id after. */
  private bind(tenantId: string): Result<null> {
    this.ctx.storage.sql.exec(
      `INSERT OR IGNORE INTO meta (key, value) VALUES ('tenant_id', ?)`,
      tenantId,
    );
    return this.tenantId() === tenantId ? ok(null) : fail(403, "forbidden", "Wrong tenant.");
  }

  private async afterChange(): Promise<void> {
    const nextExpiry = this.runs.expireApprovals(Date.now());
    if (nextExpiry !== null) await this.ctx.storage.setAlarm(nextExpiry);
    if (this.audit.checkpointDue()) await this.audit.checkpoint(Date.now());
  }

  override async alarm(): Promise<void> {
    await this.afterChange();
  }

  // ── policies ───────────────────────────────────────────────────────────────────────────
  async createPolicy(tenantId: string, source: string, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = await this.policies.create(source, actor, Date.now());
    await this.afterChange();
    return result;
  }

  async activatePolicy(tenantId: string, version: number, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = this.policies.activate(version, actor, Date.now());
    await this.afterChange();
    return result;
  }

  listPolicies(tenantId: string) {
    const bound = this.bind(tenantId);
    return bound.ok ? ok(this.policies.list()) : bound;
  }

  getPolicy(tenantId: string, version: number) {
    const bound = this.bind(tenantId);
    return bound.ok ? this.policies.get(version) : bound;
  }

  // ── runs and steps ─────────────────────────────────────────────────────────────────────
  async openRun(tenantId: string, input: { agent: string; metadata: JsonObject }, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const run = this.runs.openRun(input, actor, Date.now());
    await this.afterChange();
    return ok(run);
  }

  listRuns(tenantId: string, opts: { before?: number; limit: number }) {
    const bound = this.bind(tenantId);
    return bound.ok ? ok(this.runs.listRuns(opts)) : bound;
  }

  getRun(tenantId: string, runId: string) {
    const bound = this.bind(tenantId);
    return bound.ok ? this.runs.getRun(runId, Date.now()) : bound;
  }

  async cancelRun(tenantId: string, runId: string, actor: Actor, reason?: string) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = this.runs.cancelRun(runId, actor, reason, Date.now());
    await this.afterChange();
    return result;
  }

  async proposeStep(
    tenantId: string,
    runId: string,
    input: ProposeInput,
    actor: Actor,
    channel: Channel,
  ) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = this.runs.propose(runId, input, { actor, channel }, Date.now());
    await this.afterChange();
    return result;
  }

  async getStep(tenantId: string, runId: string, stepId: string, waitMs = 0) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    if (waitMs <= 0) return this.runs.getStep(runId, stepId, Date.now());
    return this.runs.waitForStep(runId, stepId, Math.min(waitMs, MAX_WAIT_MS), Date.now);
  }

  async reportStep(
    tenantId: string,
    runId: string,
    stepId: string,
    input: { status: "ok" | "error"; output: JsonValue },
    actor: Actor,
  ) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = this.runs.report(runId, stepId, input, actor, Date.now());
    await this.afterChange();
    return result;
  }

  // ── approvals ──────────────────────────────────────────────────────────────────────────
  listApprovals(tenantId: string, status: ApprovalStatus | "all") {
    const bound = this.bind(tenantId);
    return bound.ok ? ok(this.runs.listApprovals(status, Date.now())) : bound;
  }

  getApproval(tenantId: string, approvalId: string) {
    const bound = this.bind(tenantId);
    return bound.ok ? this.runs.getApproval(approvalId, Date.now()) : bound;
  }

  async decideApproval(
    tenantId: string,
    approvalId: string,
    input: { approve: boolean; reason: string },
    actor: Actor,
  ) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = this.runs.decide(approvalId, input, actor, Date.now());
    await this.afterChange();
    return result;
  }

  // ── audit ──────────────────────────────────────────────────────────────────────────────
  auditEvents(
    tenantId: string,
    afterSeq: number,
    limit: number,
    filter: { runId?: string; type?: string },
  ) {
    const bound = this.bind(tenantId);
    return bound.ok
      ? ok({ events: this.audit.events(afterSeq, limit, filter), size: this.audit.size })
      : bound;
  }

  auditHead(tenantId: string) {
    const bound = this.bind(tenantId);
    return bound.ok
      ? ok({
          size: this.audit.size,
          root: this.audit.root(),
          checkpoint: this.audit.latestCheckpoint(),
        })
      : bound;
  }

  async signCheckpoint(tenantId: string) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    if (!this.audit.canSign)
      return fail(409, "signing_unavailable", "SIGNING_KEY is not configured.");
    return ok(await this.audit.checkpoint(Date.now()));
  }

  inclusionProof(tenantId: string, seq: number, size?: number) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const treeSize = size ?? this.audit.size;
    if (seq < 1 || seq > treeSize || treeSize > this.audit.size) {
      return fail(400, "invalid_range", `Need 1 ≤ seq ≤ size ≤ ${this.audit.size}.`);
    }
    return ok(this.audit.inclusion(seq, treeSize));
  }

  consistencyProof(tenantId: string, from: number, to?: number) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const size = to ?? this.audit.size;
    if (from < 1 || from > size || size > this.audit.size) {
      return fail(400, "invalid_range", `Need 1 ≤ from ≤ to ≤ ${this.audit.size}.`);
    }
    return ok(this.audit.consistency(from, size));
  }

  exportChunk(tenantId: string, afterSeq: number, limit: number) {
    const bound = this.bind(tenantId);
    return bound.ok
      ? ok({ lines: this.audit.exportLines(afterSeq, limit), size: this.audit.size })
      : bound;
  }
}
