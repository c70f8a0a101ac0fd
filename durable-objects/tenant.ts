import { DurableObject } from "cloudflare:workers";
import type { Env } from "../workers/env";
import { AuditLog } from "./tenant/audit-log";
import { PolicyStore } from "./tenant/policies";
import { ProviderStore } from "./tenant/providers";
import { mapJsonStrings } from "./tenant/redact";
import { SecretUses } from "./tenant/secret-uses";
import { fail, ok, type Result } from "./tenant/result";
import { RunEngine, type ProposeInput } from "./tenant/runs";
import { migrate } from "./tenant/schema";
import { SessionEngine, type SessionEvent, type TransientEvent } from "./tenant/sessions";
import type { TenantProvider } from "../core/providers/catalog";
import type { SecretMatcher } from "../core/secrets";
import { VaultSession } from "../workers/vault/resolve";
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
  private readonly sessions: SessionEngine;
  private readonly providers: ProviderStore;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    migrate(sql);
    this.audit = new AuditLog(ctx.storage, () => this.tenantId(), env.SIGNING_KEY);
    this.policies = new PolicyStore(sql, this.audit);
    this.runs = new RunEngine(sql, this.audit, this.policies);
    this.providers = new ProviderStore(sql, this.audit);
    this.sessions = new SessionEngine(
      sql,
      env,
      () => this.tenantId(),
      this.audit,
      this.runs,
      (id, e) => this.broadcast(id, e),
      this.providers,
      new SecretUses(sql, this.audit),
    );
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

  /** Every vault value of the tenant, in every spelling, for masking text before it is kept. */
  private async tenantMatcher(): Promise<SecretMatcher> {
    const vault = await VaultSession.open(this.env, this.tenantId());
    try {
      await vault.rememberAll();
      return vault.matcher();
    } finally {
      vault.close();
    }
  }

  /** Expires approvals, signs a due checkpoint, and sets the alarm for the next piece of work. */
  private async afterChange(extra: number | null = null): Promise<void> {
    const now = Date.now();
    const nextExpiry = this.runs.expireApprovals(now);
    this.sessions.resumeSettled(now);
    const sessions = this.sessions.due(now);
    const candidates = [nextExpiry, sessions.next, extra, sessions.ids.length > 0 ? now : null];
    const next = Math.min(...candidates.filter((t): t is number => t !== null));
    if (Number.isFinite(next)) {
      const current = await this.ctx.storage.getAlarm();
      if (current === null || current > next) await this.ctx.storage.setAlarm(next);
    }
    if (this.audit.checkpointDue()) await this.audit.checkpoint(now);
  }

  /** Runs due hosted sessions forward; also how a session resumes after an eviction. */
  override async alarm(): Promise<void> {
    let retryAt: number | null = null;
    for (const id of this.sessions.due(Date.now()).ids) {
      const outcome = await this.sessions.advance(id, Date.now);
      if (outcome.kind === "retry_at") retryAt = Math.min(retryAt ?? Infinity, outcome.at);
    }
    await this.afterChange(retryAt);
  }

  private broadcast(sessionId: string, event: SessionEvent | TransientEvent): void {
    const text = JSON.stringify(event);
    for (const ws of this.ctx.getWebSockets(sessionId)) {
      try {
        ws.send(text);
      } catch {
        // A socket closing under us: it will be dropped by the runtime.
      }
    }
  }

  /** WebSocket upgrade for a session's events (the Worker authorised it and names the session). */
  override async fetch(request: Request): Promise<Response> {
    const sessionId = request.headers.get("x-gatehouse-session") ?? "";
    const tenantId = request.headers.get("x-gatehouse-tenant") ?? "";
    const after = Number(request.headers.get("x-gatehouse-after") ?? "0");
    if (request.headers.get("upgrade") !== "websocket" || !this.bind(tenantId).ok) {
      return new Response("expected a websocket upgrade", { status: 426 });
    }
    const backlog = this.sessions.events(sessionId, after);
    if (!backlog.ok) return new Response("no such session", { status: 404 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [sessionId]);
    for (const event of backlog.value) server.send(JSON.stringify(event));
    return new Response(null, { status: 101, webSocket: client });
  }

  override webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): void {
    if (message === "ping") ws.send("pong");
  }

  override webSocketClose(ws: WebSocket, code: number): void {
    ws.close(code === 1005 ? 1000 : code, "closing");
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
    // A remote agent's result may quote a vault value: masked before it is stored or audited.
    const matcher = await this.tenantMatcher();
    const output = mapJsonStrings(input.output, (t) => matcher.mask(t));
    const result = this.runs.report(runId, stepId, { ...input, output }, actor, Date.now());
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
    const matcher = await this.tenantMatcher();
    const result = this.runs.decide(
      approvalId,
      { ...input, reason: matcher.mask(input.reason) },
      actor,
      Date.now(),
    );
    await this.afterChange();
    return result;
  }

  // ── hosted sessions ──────────────────────────────────────────────────────────────────────
  async createSession(
    tenantId: string,
    input: {
      provider_id: string;
      model?: string;
      max_tokens: number;
      system: string;
      title: string;
    },
    actor: Actor,
  ) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = await this.sessions.create(input, actor, Date.now());
    await this.afterChange();
    return result;
  }

  listSessions(tenantId: string) {
    const bound = this.bind(tenantId);
    return bound.ok ? ok(this.sessions.list()) : bound;
  }

  getSession(tenantId: string, sessionId: string) {
    const bound = this.bind(tenantId);
    return bound.ok ? this.sessions.get(sessionId) : bound;
  }

  sessionEvents(tenantId: string, sessionId: string, afterSeq: number) {
    const bound = this.bind(tenantId);
    return bound.ok ? this.sessions.events(sessionId, afterSeq) : bound;
  }

  /** Stores the message and wakes the loop through the alarm (so it survives evictions). */
  async sendSessionMessage(tenantId: string, sessionId: string, content: string) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const now = Date.now();
    const result = await this.sessions.sendMessage(sessionId, content, now);
    if (result.ok) await this.afterChange(now);
    return result;
  }

  async cancelSession(tenantId: string, sessionId: string, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = this.sessions.cancel(sessionId, actor, Date.now());
    await this.afterChange();
    return result;
  }

  // ── providers ────────────────────────────────────────────────────────────────────────────
  listProviders(tenantId: string) {
    const bound = this.bind(tenantId);
    return bound.ok ? ok(this.providers.list()) : bound;
  }

  /** The Worker checked role and step-up, validated the URL and bound the key to its origin. */
  putProvider(tenantId: string, provider: TenantProvider, actor: Actor) {
    const bound = this.bind(tenantId);
    return bound.ok ? ok(this.providers.put(provider, actor, Date.now())) : bound;
  }

  removeProvider(tenantId: string, id: string, actor: Actor) {
    const bound = this.bind(tenantId);
    return bound.ok ? this.providers.remove(id, actor, Date.now()) : bound;
  }

  /**
   * Records a change the Worker made in D1 (a secret's destinations) in this tenant's audit log.
   * Issue 9 writes it right after the D1 write; the audit outbox will make it atomic.
   */
  recordChange(
    tenantId: string,
    type: "secret.destinations_changed",
    actor: Actor,
    data: JsonObject,
  ) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const now = Date.now();
    const event = this.audit.atomically(() =>
      this.audit.append({ type, runId: null, stepId: null, actor, data, now }),
    );
    return ok({ seq: event.seq });
  }

  /** The tenant was deleted: drop everything this object holds. */
  async destroy(tenantId: string) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    for (const ws of this.ctx.getWebSockets()) ws.close(1001, "tenant deleted");
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    return ok(null);
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

  async exportChunk(tenantId: string, afterSeq: number, limit: number) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const lines = this.audit.exportLines(afterSeq, limit);
    // Everything in the log was masked when written; this only guards the way out. A line that
    // would change is withheld rather than altered, so the export still verifies.
    const matcher = await this.tenantMatcher();
    const leaked = lines.some((l) => matcher.mask(l) !== l);
    if (leaked) return fail(409, "export_blocked", "The audit export contains a vault value.");
    return ok({ lines, size: this.audit.size });
  }
}
