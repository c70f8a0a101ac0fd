import { clock } from "../platform/clock";
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../platform/env";
import { AuditLog } from "../capabilities/audit/tenant-do/audit-log";
import type { AuditEventFilter } from "../capabilities/audit/tenant-do/audit-events-query";
import { PolicyStore } from "../capabilities/policy/tenant-do/policies";
import { OutboxDrain } from "../capabilities/audit/tenant-do/outbox-drain";
import { ProviderStore } from "../capabilities/providers/tenant-do/providers";
import { mapJsonStrings } from "../platform/redact";
import { SecretUses } from "../capabilities/providers/tenant-do/secret-uses";
import { fail, ok, type Result } from "../platform/result";
import { RunAuthority } from "../capabilities/runs/tenant-do/run-authority";
import {
  RunEngine,
  type OpenRunInput,
  type ProposeInput,
} from "../capabilities/runs/tenant-do/runs";
import type { OpenKey } from "../capabilities/runs/tenant-do/run-open-keys";
import type { Action } from "../core/permissions";
import { McpGateway, type McpCaller } from "../capabilities/mcp/tenant-do/gateway";
import type { ServerInput } from "../capabilities/mcp/tenant-do/servers";
import { migrate } from "./schema";
import { TransparencyLog } from "../capabilities/audit/tenant-do/tlog";
import { SinkDelivery, type SinkConfig } from "../capabilities/audit/tenant-do/sinks";
import {
  ApprovalWebhook,
  type ApprovalWebhookInput,
} from "../capabilities/runs/tenant-do/approval-webhook";
import {
  AgentSessionEngine,
  type AgentSessionEvent,
  type TransientEvent,
} from "../capabilities/agent-sessions/tenant-do/sessions";
import type { TenantProvider } from "../core/providers/catalog";
import type { SecretMatcher } from "../core/secrets";
import { VaultSession } from "../capabilities/vault/resolve";
import type {
  Actor,
  ApprovalStatus,
  Channel,
  JsonObject,
  JsonValue,
} from "../platform/tenant-types";

import type { PolicyRpc } from "../capabilities/policy/tenant-do/rpc";
import type { RunsRpc } from "../capabilities/runs/tenant-do/rpc";
import type { AgentSessionsRpc } from "../capabilities/agent-sessions/tenant-do/rpc";
import type { McpRpc } from "../capabilities/mcp/tenant-do/rpc";
import type { ProvidersRpc } from "../capabilities/providers/tenant-do/rpc";
import type { TenancyRpc } from "../capabilities/tenancy/tenant-do/rpc";
import type { AuditRpc } from "../capabilities/audit/tenant-do/rpc";
import type { OperatorRpc } from "../capabilities/operator/tenant-do/rpc";

const MAX_WAIT_MS = 25_000;

/**
 * One per tenant (`idFromName(tenantId)`), with SQLite storage: the tenant's policy versions,
 * runs, steps, checkpoints, approvals and its audit log. The Worker authorises every call and
 * passes the tenant id and the actor; this object only enforces run semantics.
 */
export class TenantDO
  extends DurableObject<Env>
  implements
    PolicyRpc,
    RunsRpc,
    AgentSessionsRpc,
    McpRpc,
    ProvidersRpc,
    TenancyRpc,
    AuditRpc,
    OperatorRpc
{
  private readonly audit: AuditLog;
  private readonly policies: PolicyStore;
  private readonly runs: RunEngine;
  private readonly agentSessions: AgentSessionEngine;
  private readonly authority: RunAuthority;
  private readonly outbox: OutboxDrain;
  private readonly tlog: TransparencyLog;
  private readonly sinks: SinkDelivery;
  private readonly approvalWebhook: ApprovalWebhook;
  private readonly mcp: McpGateway;
  private readonly providers: ProviderStore;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    migrate(sql);
    this.audit = new AuditLog(ctx.storage, () => this.tenantId(), env.SIGNING_KEY);
    this.tlog = new TransparencyLog(sql, this.audit, () => this.tenantId(), env);
    this.sinks = new SinkDelivery(sql, this.audit, () => this.tenantId(), env);
    // The change is committed by now: a failure here must not fail it (the next signed head,
    // or the next GET …/audit/checkpoint, signs the note again).
    this.audit.afterHeadSigned = async (now) => {
      if (!this.tlog.canSign) return;
      const cp = await this.tlog.signHead(now).catch(() => null);
      if (cp) this.ctx.waitUntil(this.tlog.submitToWitnesses(cp, clock.now()).catch(() => {}));
    };
    this.policies = new PolicyStore(sql, this.audit);
    this.runs = new RunEngine(sql, this.audit, this.policies);
    this.approvalWebhook = new ApprovalWebhook(
      sql,
      this.audit,
      this.runs,
      () => this.tenantId(),
      () => this.tenantMatcher(),
      env,
    );
    this.authority = new RunAuthority(sql, this.audit, env.DB, () => this.tenantId());
    this.providers = new ProviderStore(sql, this.audit);
    this.agentSessions = new AgentSessionEngine(
      sql,
      env,
      () => this.tenantId(),
      this.audit,
      this.runs,
      (id, e) => this.broadcast(id, e),
      this.providers,
      new SecretUses(sql, this.audit),
    );
    this.outbox = new OutboxDrain(sql, this.audit, env.DB);
    this.mcp = new McpGateway(
      sql,
      env,
      () => this.tenantId(),
      this.audit,
      this.policies,
      this.runs,
    );
    void ctx.blockConcurrencyWhile(() => this.policies.seed(clock.now()));
  }

  /** The tenant this object is bound to, once read (the binding never changes). */
  private boundTenant: string | null = null;

  private tenantId(): string {
    if (this.boundTenant !== null) return this.boundTenant;
    const row = this.ctx.storage.sql
      .exec<{ value: string }>(`SELECT value FROM meta WHERE key = 'tenant_id'`)
      .toArray()[0];
    if (!row) throw new Error("tenant id not bound yet");
    return row.value;
  }

  /**
   * Binds this object to its tenant on first use and refuses any other tenant id after; a
   * deleted tenant's object answers 410 to everything (its tombstone outlives the wipe).
   */
  private bind(tenantId: string): Result<null> {
    // Bound and live: nothing to read (destroy() clears this, so a deletion is seen at once).
    if (this.boundTenant !== null && !this.destroyed) {
      return this.boundTenant === tenantId ? ok(null) : fail(403, "forbidden", "Wrong tenant.");
    }
    if (this.deleted()) return fail(410, "tenant_deleted", "This tenant was deleted.");
    this.ctx.storage.sql.exec(
      `INSERT OR IGNORE INTO meta (key, value) VALUES ('tenant_id', ?)`,
      tenantId,
    );
    const bound = this.tenantId();
    if (bound !== tenantId) return fail(403, "forbidden", "Wrong tenant.");
    this.boundTenant = bound;
    return ok(null);
  }

  private destroyed = false;

  private deleted(): boolean {
    return (
      this.ctx.storage.sql.exec(`SELECT 1 FROM meta WHERE key = 'deleted_at'`).toArray().length > 0
    );
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

  /** Expires approvals, signs a due head, and sets the alarm for the next piece of work. */
  private async afterChange(extra: number | null = null): Promise<void> {
    const now = clock.now();
    const nextExpiry = this.runs.expireApprovals(now);
    const nextIdle = this.runs.closeIdleRuns(now);
    this.agentSessions.resumeSettled(now);
    const sessions = this.agentSessions.due(now);
    this.approvalWebhook.enqueue(now);
    const candidates = [
      nextExpiry,
      nextIdle,
      sessions.next,
      extra,
      sessions.ids.length > 0 ? now : null,
      this.sinks.nextDue(now),
      this.approvalWebhook.nextDue(now),
    ];
    const next = Math.min(...candidates.filter((t): t is number => t !== null));
    if (Number.isFinite(next)) {
      const current = await this.ctx.storage.getAlarm();
      if (current === null || current > next) await this.ctx.storage.setAlarm(next);
    }
    if (this.audit.headDue()) await this.audit.signHead(now);
  }

  /** Runs due hosted sessions forward; also how a session resumes after an eviction. */
  override async alarm(): Promise<void> {
    await this.sinks.deliver(clock.now());
    await this.approvalWebhook.deliver(clock.now());
    let retryAt: number | null = null;
    for (const id of this.agentSessions.due(clock.now()).ids) {
      const outcome = await this.agentSessions.advance(id, clock.now);
      if (outcome.kind === "retry_at") retryAt = Math.min(retryAt ?? Infinity, outcome.at);
    }
    await this.afterChange(retryAt);
  }

  private broadcast(agentSessionId: string, event: AgentSessionEvent | TransientEvent): void {
    const text = JSON.stringify(event);
    for (const ws of this.ctx.getWebSockets(agentSessionId)) {
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
    if (request.headers.get("upgrade") !== "websocket") {
      return new Response("expected a websocket upgrade", { status: 426 });
    }
    const bound = this.bind(tenantId);
    if (!bound.ok) return new Response(bound.message, { status: bound.status });
    const backlog = this.agentSessions.events(sessionId, after);
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
    const result = await this.policies.create(source, actor, clock.now());
    await this.afterChange();
    return result;
  }

  async activatePolicy(tenantId: string, version: number, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = this.policies.activate(version, actor, clock.now());
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
  async openRun(tenantId: string, input: OpenRunInput, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const run = this.runs.openRun(input, actor, clock.now());
    await this.afterChange();
    return ok(run);
  }

  /** A run for a remote agent (`POST …/runs`), idempotent per creator with `openKey`. */
  async openRemoteRun(
    tenantId: string,
    input: OpenRunInput,
    actor: Actor,
    openKey: OpenKey | null,
  ) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = this.runs.openRemoteRun(input, actor, clock.now(), openKey);
    await this.afterChange();
    return result;
  }

  async reissueRunToken(tenantId: string, runId: string, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = this.runs.reissueToken(runId, actor, clock.now());
    await this.afterChange();
    return result;
  }

  listRuns(tenantId: string, opts: { before?: number; limit: number }) {
    const bound = this.bind(tenantId);
    return bound.ok ? ok(this.runs.listRuns(opts)) : bound;
  }

  getRun(tenantId: string, runId: string, page?: { after: number; limit: number }) {
    const bound = this.bind(tenantId);
    return bound.ok ? this.runs.getRun(runId, clock.now(), page) : bound;
  }

  async cancelRun(tenantId: string, runId: string, actor: Actor, reason?: string) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = this.runs.cancelRun(runId, actor, reason, clock.now());
    await this.afterChange();
    return result;
  }

  async completeRun(tenantId: string, runId: string, actor: Actor, reason?: string) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = this.runs.finishRun(runId, actor, reason, clock.now());
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
    const result = this.runs.propose(runId, input, { actor, channel }, clock.now());
    await this.afterChange();
    return result;
  }

  async getStep(tenantId: string, runId: string, stepId: string, waitMs = 0) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    if (waitMs <= 0) return this.runs.getStep(runId, stepId, clock.now());
    return this.runs.waitForStep(runId, stepId, Math.min(waitMs, MAX_WAIT_MS), clock.now);
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
    const result = this.runs.report(runId, stepId, { ...input, output }, actor, clock.now());
    await this.afterChange();
    return result;
  }

  // ── approvals ──────────────────────────────────────────────────────────────────────────
  listApprovals(tenantId: string, status: ApprovalStatus | "all") {
    const bound = this.bind(tenantId);
    return bound.ok ? ok(this.runs.listApprovals(status, clock.now())) : bound;
  }

  getApproval(tenantId: string, approvalId: string) {
    const bound = this.bind(tenantId);
    return bound.ok ? this.runs.getApproval(approvalId, clock.now()) : bound;
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
      clock.now(),
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
    const result = await this.agentSessions.create(input, actor, clock.now());
    await this.afterChange();
    return result;
  }

  listSessions(tenantId: string) {
    const bound = this.bind(tenantId);
    return bound.ok ? ok(this.agentSessions.list()) : bound;
  }

  getSession(tenantId: string, sessionId: string) {
    const bound = this.bind(tenantId);
    return bound.ok ? this.agentSessions.get(sessionId) : bound;
  }

  sessionEvents(tenantId: string, sessionId: string, afterSeq: number) {
    const bound = this.bind(tenantId);
    return bound.ok ? this.agentSessions.events(sessionId, afterSeq) : bound;
  }

  /** Stores the message and wakes the loop through the alarm (so it survives evictions). */
  async sendSessionMessage(tenantId: string, sessionId: string, content: string, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const now = clock.now();
    const result = await this.agentSessions.sendMessage(sessionId, content, actor, now);
    if (result.ok) await this.afterChange(now);
    return result;
  }

  async cancelSession(tenantId: string, sessionId: string, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = this.agentSessions.cancel(sessionId, actor, clock.now());
    await this.afterChange();
    return result;
  }

  // ── MCP gateway (issue 13) ───────────────────────────────────────────────────────────────
  async mcpOpenSession(
    tenantId: string,
    caller: McpCaller,
    client: { name: string; version: string },
    protocolVersion: string,
  ) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const session = this.mcp.openSession(caller, client, protocolVersion, clock.now());
    await this.afterChange();
    return ok(session);
  }

  mcpCheckSession(tenantId: string, sessionId: string, caller: McpCaller) {
    const bound = this.bind(tenantId);
    return bound.ok ? this.mcp.checkSession(sessionId, caller) : bound;
  }

  async mcpCloseSession(tenantId: string, sessionId: string, caller: McpCaller) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = this.mcp.closeSession(sessionId, caller, clock.now());
    await this.afterChange();
    return result;
  }

  mcpListTools(tenantId: string, sessionId: string, caller: McpCaller) {
    const bound = this.bind(tenantId);
    return bound.ok ? this.mcp.listTools(sessionId, caller) : bound;
  }

  async mcpCallTool(
    tenantId: string,
    sessionId: string,
    caller: McpCaller,
    input: { name: string; args: JsonObject; idempotency_key?: string },
  ) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = await this.mcp.call(sessionId, caller, input, clock.now());
    await this.afterChange();
    return result;
  }

  async mcpResumeCall(tenantId: string, sessionId: string, caller: McpCaller, stepId: string) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = await this.mcp.resume(sessionId, caller, stepId, clock.now());
    await this.afterChange();
    return result;
  }

  mcpListServers(tenantId: string) {
    const bound = this.bind(tenantId);
    return bound.ok ? ok(this.mcp.servers.list()) : bound;
  }

  async mcpPutServer(tenantId: string, input: ServerInput, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = await this.mcp.putServer(input, actor, clock.now());
    await this.afterChange();
    return result;
  }

  async mcpRefreshServer(tenantId: string, name: string) {
    const bound = this.bind(tenantId);
    return bound.ok ? this.mcp.refreshTools(name, clock.now()) : bound;
  }

  async mcpRemoveServer(tenantId: string, name: string, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = await this.mcp.removeServer(name, actor, clock.now());
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
    return bound.ok ? ok(this.providers.put(provider, actor, clock.now())) : bound;
  }

  removeProvider(tenantId: string, id: string, actor: Actor) {
    const bound = this.bind(tenantId);
    return bound.ok ? this.providers.remove(id, actor, clock.now()) : bound;
  }

  /**
   * The tenant was deleted: drop everything this object holds, then leave an empty schema and a
   * tombstone so every later call (a run token still in an agent's hands) gets 410, not a fault.
   */
  async destroy(tenantId: string) {
    if (this.deleted()) return ok(null);
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    this.destroyed = true;
    for (const ws of this.ctx.getWebSockets()) ws.close(1001, "tenant deleted");
    this.authority.forget();
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    const sql = this.ctx.storage.sql;
    migrate(sql);
    sql.exec(`INSERT INTO meta (key, value) VALUES ('tenant_id', ?)`, tenantId);
    sql.exec(`INSERT INTO meta (key, value) VALUES ('deleted_at', ?)`, String(clock.now()));
    return ok(null);
  }

  // ── run tokens ─────────────────────────────────────────────────────────────────────────
  /** Whether the run token of `runId` may still do `action` (see RunAuthority). */
  async checkRunToken(tenantId: string, runId: string, action: Action, generation: number) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    return this.authority.check(runId, action, generation, clock.now());
  }

  /** A membership or API token of the tenant changed: re-read authority on the next use. */
  forgetAuthority(tenantId: string) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    this.authority.forget();
    return ok(null);
  }

  /** Appends the tenant's pending D1 audit-outbox rows to the chain (issue 11). */
  async drainAuditOutbox(tenantId: string) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const appended = await this.outbox.drain(tenantId);
    await this.afterChange();
    return ok({ appended });
  }

  // ── audit ──────────────────────────────────────────────────────────────────────────────
  auditEvents(tenantId: string, afterSeq: number, limit: number, filter: AuditEventFilter) {
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
          // Wire name kept: `checkpoint` is what the console and scripts already read.
          checkpoint: this.audit.latestHead(),
        })
      : bound;
  }

  async signHead(tenantId: string) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    if (!this.audit.canSign)
      return fail(409, "signing_unavailable", "SIGNING_KEY is not configured.");
    return ok(await this.audit.signHead(clock.now()));
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

  // ── transparency log (C2SP) ──────────────────────────────────────────────────────────────
  /** The signed head of the current size as a C2SP checkpoint note, after asking the witnesses to cosign. */
  async tlogHead(tenantId: string) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    if (!this.tlog.canSign)
      return fail(409, "signing_unavailable", "SIGNING_KEY is not configured.");
    const now = clock.now();
    await this.tlog.submitToWitnesses(await this.tlog.signHead(now), now);
    return ok(this.tlog.latest()!);
  }

  /** The latest signed note, only when the tenant publishes its verification data. */
  async tlogPublicHead(tenantId: string) {
    const bound = this.bind(tenantId);
    if (!bound.ok || !this.tlog.isPublic) return fail(404, "not_found", "No such log.");
    return this.tlogHead(tenantId);
  }

  async tlogProofFile(tenantId: string, seq: number) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    if (!this.tlog.canSign)
      return fail(409, "signing_unavailable", "SIGNING_KEY is not configured.");
    return this.tlog.proofFile(seq, clock.now());
  }

  async tlogKeys(tenantId: string, publicOnly = false) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    if (publicOnly && !this.tlog.isPublic) return fail(404, "not_found", "No such log.");
    await this.tlog.ensureKey(clock.now());
    return ok({ origin: this.tlog.origin(), keys: this.tlog.keyHistory() });
  }

  /** A C2SP tlog-tiles hash tile (`width` hashes), only when the tenant publishes its data. */
  tlogPublicTile(tenantId: string, level: number, index: number, width: number) {
    const bound = this.bind(tenantId);
    if (!bound.ok || !this.tlog.isPublic) return fail(404, "not_found", "No such log.");
    const tile = this.audit.tile(level, index, width, this.audit.size);
    return tile ? ok(tile.slice()) : fail(404, "not_found", "No such tile.");
  }

  tlogPublicConsistency(tenantId: string, from: number, to?: number) {
    const bound = this.bind(tenantId);
    if (!bound.ok || !this.tlog.isPublic) return fail(404, "not_found", "No such log.");
    return this.consistencyProof(tenantId, from, to);
  }

  async tlogSettings(tenantId: string) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    await this.tlog.ensureKey(clock.now());
    return ok({
      origin: this.tlog.origin(),
      public: this.tlog.isPublic,
      witnesses: this.tlog.listWitnesses(),
      keys: this.tlog.keyHistory(),
    });
  }

  async tlogSetPublic(tenantId: string, enabled: boolean, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const now = clock.now();
    this.audit.atomically(() => {
      this.tlog.setPublic(enabled);
      this.audit.append({
        type: "audit.public_changed",
        runId: null,
        stepId: null,
        actor,
        data: { public: enabled },
        now,
      });
    });
    await this.afterChange();
    return this.tlogSettings(tenantId);
  }

  async tlogAddWitness(tenantId: string, input: { url: string; vkey: string }, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const now = clock.now();
    const result = this.audit.atomically(() => {
      const added = this.tlog.addWitness(input.url, input.vkey, now);
      if (added.ok)
        this.audit.append({
          type: "audit.witness_added",
          runId: null,
          stepId: null,
          actor,
          data: { witness_id: added.value.id, url: input.url, vkey: input.vkey },
          now,
        });
      return added;
    });
    await this.afterChange();
    return result;
  }

  async tlogRemoveWitness(tenantId: string, witnessId: string, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const now = clock.now();
    const result = this.audit.atomically(() => {
      const removed = this.tlog.removeWitness(witnessId);
      if (removed.ok)
        this.audit.append({
          type: "audit.witness_removed",
          runId: null,
          stepId: null,
          actor,
          data: { witness_id: witnessId },
          now,
        });
      return removed;
    });
    await this.afterChange();
    return result;
  }

  /** Starts a new key generation for this tenant only; the old key's window ends here. */
  async tlogRotateKey(tenantId: string, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    if (!this.tlog.canSign)
      return fail(409, "signing_unavailable", "SIGNING_KEY is not configured.");
    const now = clock.now();
    const { generation, signer } = await this.tlog.rotate(now, () =>
      this.audit.append({
        type: "audit.log_key_rotated",
        runId: null,
        stepId: null,
        actor,
        data: {},
        now,
      }),
    );
    await this.afterChange();
    return ok({ generation, vkey: signer.vkey, keys: this.tlog.keyHistory() });
  }

  // ── SIEM sinks ───────────────────────────────────────────────────────────────────────────
  listSinks(tenantId: string) {
    const bound = this.bind(tenantId);
    return bound.ok ? ok(this.sinks.list()) : bound;
  }

  async addSink(tenantId: string, config: SinkConfig, fromSeq: number, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const now = clock.now();
    const sink = this.audit.atomically(() => {
      const added = this.sinks.add(config, fromSeq, now);
      this.audit.append({
        type: "audit.sink_added",
        runId: null,
        stepId: null,
        actor,
        data: { sink_id: added.id, kind: config.kind },
        now,
      });
      return added;
    });
    await this.afterChange();
    return ok(this.sinks.list().find((s) => s.id === sink.id)!);
  }

  async testSink(tenantId: string, sinkId: string) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = await this.sinks.test(sinkId, clock.now());
    await this.afterChange();
    return result;
  }

  async removeSink(tenantId: string, sinkId: string, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const now = clock.now();
    const result = this.audit.atomically(() => {
      const removed = this.sinks.remove(sinkId);
      if (removed.ok)
        this.audit.append({
          type: "audit.sink_removed",
          runId: null,
          stepId: null,
          actor,
          data: { sink_id: sinkId },
          now,
        });
      return removed;
    });
    await this.afterChange();
    return result;
  }

  // ── approval webhook ─────────────────────────────────────────────────────────────────────
  getApprovalWebhook(tenantId: string) {
    const bound = this.bind(tenantId);
    return bound.ok ? ok(this.approvalWebhook.view()) : bound;
  }

  async setApprovalWebhook(tenantId: string, input: ApprovalWebhookInput, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const view = this.approvalWebhook.configure(input, actor, clock.now());
    await this.afterChange();
    return ok(view);
  }

  async removeApprovalWebhook(tenantId: string, actor: Actor) {
    const bound = this.bind(tenantId);
    if (!bound.ok) return bound;
    const result = this.approvalWebhook.remove(actor, clock.now());
    await this.afterChange();
    return result;
  }

  // ── issue 14 (i14b): /health ───────────────────────────────────────────────────────────
  /** Proves the namespace answers and this object's SQLite storage reads (no tenant bound). */
  health(): { sqlite: boolean } {
    return { sqlite: this.ctx.storage.sql.exec("SELECT 1 AS one").one().one === 1 };
  }
}

type GatehouseEnv = Env;
declare global {
  namespace Cloudflare {
    // `import { env } from "cloudflare:test"` and `cloudflare:workers` see the same bindings.
    interface Env extends GatehouseEnv {
      // Tests and the DO itself see the class's full RPC; still assignable to the layers' Env.
      TENANT: DurableObjectNamespace<TenantDO> & GatehouseEnv["TENANT"];
    }
  }
}
