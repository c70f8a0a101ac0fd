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
import { statusOf } from "../platform/http/domain-errors";
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
import { bindName } from "./tenant-name";
import { TransparencyLog } from "../capabilities/audit/tenant-do/tlog";
import { SinkDelivery, type SinkConfig } from "../capabilities/audit/tenant-do/sinks";
import {
  ApprovalWebhook,
  type ApprovalWebhookInput,
} from "../capabilities/runs/tenant-do/approval-webhook";
import { AgentSessionEngine } from "../capabilities/agent-sessions/tenant-do/sessions";
import type { AgentSessionEvent, ModelDelta } from "../capabilities/agent-sessions/contract";
import type { TenantProvider } from "../core/providers/catalog";
import type { SecretMatcher } from "../core/secrets";
import { ports, type TenantPorts } from "./ports";
import { AlarmScheduler } from "./scheduler";
import { timedWork } from "./timed-work";
import type { Actor, Channel, JsonObject, JsonValue } from "../platform/tenant-types";
import type { ApprovalStatus } from "../capabilities/runs/contract";

import type { PolicyRpc } from "../capabilities/policy/tenant-do/rpc";
import type { RunsRpc } from "../capabilities/runs/tenant-do/rpc";
import type { AgentSessionsRpc } from "../capabilities/agent-sessions/tenant-do/rpc";
import type { McpRpc } from "../capabilities/mcp/tenant-do/rpc";
import type { ProvidersRpc } from "../capabilities/providers/tenant-do/rpc";
import type { TenancyRpc } from "../capabilities/tenancy/tenant-do/rpc";
import type { AuditRpc } from "../capabilities/audit/tenant-do/rpc";
import type { OperatorRpc } from "../capabilities/operator/tenant-do/rpc";

const MAX_WAIT_MS = 25_000;

const tenantDeleted = fail("tenant_deleted", "This tenant was deleted.");

/**
 * One per tenant (`getByName(tenantId)`), with SQLite storage: the tenant's policy versions,
 * runs, steps, checkpoints, approvals and its audit log. The Worker authorises every call and
 * passes the actor; the tenant is the object's own name (tenant-name.ts), never an argument.
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
  private readonly ports: TenantPorts;
  private readonly scheduler: AlarmScheduler;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    migrate(sql);
    this.tenant = bindName(sql, ctx.id.name);
    this.deleted = sql.exec(`SELECT 1 FROM meta WHERE key = 'deleted_at'`).toArray().length > 0;
    const tenantId = () => this.tenantId();
    const p = (this.ports = ports(env, tenantId));
    this.audit = new AuditLog(ctx.storage, tenantId, p.settings.signingKey);
    this.tlog = new TransparencyLog(sql, this.audit, tenantId, p);
    this.sinks = new SinkDelivery(sql, this.audit, tenantId, p);
    // The change is committed by now: a failure here must not fail it (the next signed head,
    // or the next GET …/audit/checkpoint, signs the note again).
    this.audit.afterHeadSigned = async (now) => {
      if (!this.tlog.canSign) return;
      const cp = await this.tlog.signHead(now).catch(() => null);
      if (cp) this.ctx.waitUntil(this.tlog.submitToWitnesses(cp, clock.now()).catch(() => {}));
    };
    this.policies = new PolicyStore(sql, this.audit);
    this.runs = new RunEngine(sql, this.audit, this.policies);
    this.approvalWebhook = new ApprovalWebhook(sql, this.audit, this.runs, tenantId, p);
    this.authority = new RunAuthority(sql, this.audit, p.db, tenantId);
    this.providers = new ProviderStore(sql, this.audit);
    this.agentSessions = new AgentSessionEngine(
      sql,
      p,
      tenantId,
      this.audit,
      this.runs,
      (id, e) => this.broadcast(id, e),
      this.providers,
      new SecretUses(sql, this.audit),
    );
    this.outbox = new OutboxDrain(sql, this.audit, p);
    this.mcp = new McpGateway(sql, p, tenantId, this.audit, this.policies, this.runs);
    this.scheduler = new AlarmScheduler(
      ctx.storage,
      p.clock,
      timedWork(
        {
          runs: this.runs,
          agentSessions: this.agentSessions,
          sinks: this.sinks,
          approvalWebhook: this.approvalWebhook,
          audit: this.audit,
        },
        p.clock,
      ),
      // The name of the part and of the error only: a message may quote what the part handled.
      (part, e) => console.error(`tenant alarm: ${part} failed (${(e as Error)?.name ?? "error"})`),
    );
    void ctx.blockConcurrencyWhile(() => this.policies.seed(clock.now()));
  }

  /**
   * The tenant is this object's name (`getByName(tenant)`), kept in `meta` the first time it is
   * reached by name: an object started without one (e.g. by its alarm after an eviction, or from
   * `idFromString`) reads it back from there. No caller ever passes a tenant id.
   */
  private readonly tenant: string | null;

  private tenantId(): string {
    if (this.tenant === null) throw new Error("tenant Durable Object reached without a name");
    return this.tenant;
  }

  /** A deleted tenant's object answers 410 to everything (its tombstone outlives the wipe). */
  private deleted: boolean;

  /** Every vault value of the tenant, in every spelling, for masking text before it is kept. */
  private tenantMatcher(): Promise<SecretMatcher> {
    return this.ports.vault.matcher();
  }

  /** Every part's bookkeeping after a change, and the alarm for the next piece of timed work. */
  private afterChange(): Promise<void> {
    return this.scheduler.afterChange();
  }

  /** Runs whatever timed work is due (timed-work.ts); also how a session resumes after an eviction. */
  override async alarm(): Promise<void> {
    await this.scheduler.alarm();
  }

  private broadcast(agentSessionId: string, event: AgentSessionEvent | ModelDelta): void {
    const text = JSON.stringify(event);
    for (const ws of this.ctx.getWebSockets(agentSessionId)) {
      try {
        ws.send(text);
      } catch {
        // A socket closing under us: it will be dropped by the runtime.
      }
    }
  }

  /** WebSocket upgrade for an agent session's events (the Worker authorised it and names the session). */
  override async fetch(request: Request): Promise<Response> {
    const agentSessionId = request.headers.get("x-gatehouse-agent-session") ?? "";
    const after = Number(request.headers.get("x-gatehouse-after") ?? "0");
    if (request.headers.get("upgrade") !== "websocket") {
      return new Response("expected a websocket upgrade", { status: 426 });
    }
    if (this.deleted)
      // The upgrade is the DO's one HTTP answer: its status comes from the Worker's table.
      return new Response(tenantDeleted.message, { status: statusOf(tenantDeleted.code) });
    const backlog = this.agentSessions.events(agentSessionId, after);
    if (!backlog.ok) return new Response("no such session", { status: 404 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [agentSessionId]);
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
  async createPolicy(source: string, actor: Actor) {
    if (this.deleted) return tenantDeleted;
    const result = await this.policies.create(source, actor, clock.now());
    await this.afterChange();
    return result;
  }

  async activatePolicy(version: number, actor: Actor) {
    if (this.deleted) return tenantDeleted;
    const result = this.policies.activate(version, actor, clock.now());
    await this.afterChange();
    return result;
  }

  listPolicies() {
    return this.deleted ? tenantDeleted : ok(this.policies.list());
  }

  getPolicy(version: number) {
    return this.deleted ? tenantDeleted : this.policies.get(version);
  }

  // ── runs and steps ─────────────────────────────────────────────────────────────────────
  async openRun(input: OpenRunInput, actor: Actor) {
    if (this.deleted) return tenantDeleted;
    const run = this.runs.openRun(input, actor, clock.now());
    await this.afterChange();
    return ok(run);
  }

  /** A run for a remote agent (`POST …/runs`), idempotent per creator with `openKey`. */
  async openRemoteRun(input: OpenRunInput, actor: Actor, openKey: OpenKey | null) {
    if (this.deleted) return tenantDeleted;
    const result = this.runs.openRemoteRun(input, actor, clock.now(), openKey);
    await this.afterChange();
    return result;
  }

  async reissueRunToken(runId: string, actor: Actor) {
    if (this.deleted) return tenantDeleted;
    const result = this.runs.reissueToken(runId, actor, clock.now());
    await this.afterChange();
    return result;
  }

  listRuns(opts: { before?: number; limit: number }) {
    return this.deleted ? tenantDeleted : ok(this.runs.listRuns(opts));
  }

  getRun(runId: string, page?: { after: number; limit: number }) {
    return this.deleted ? tenantDeleted : this.runs.getRun(runId, clock.now(), page);
  }

  async cancelRun(runId: string, actor: Actor, reason?: string) {
    if (this.deleted) return tenantDeleted;
    const result = this.runs.cancelRun(runId, actor, reason, clock.now());
    await this.afterChange();
    return result;
  }

  async completeRun(runId: string, actor: Actor, reason?: string) {
    if (this.deleted) return tenantDeleted;
    const result = this.runs.finishRun(runId, actor, reason, clock.now());
    await this.afterChange();
    return result;
  }

  async proposeStep(runId: string, input: ProposeInput, actor: Actor, channel: Channel) {
    if (this.deleted) return tenantDeleted;
    const result = this.runs.propose(runId, input, { actor, channel }, clock.now());
    await this.afterChange();
    return result;
  }

  async getStep(runId: string, stepId: string, waitMs = 0) {
    if (this.deleted) return tenantDeleted;
    if (waitMs <= 0) return this.runs.getStep(runId, stepId, clock.now());
    return this.runs.waitForStep(runId, stepId, Math.min(waitMs, MAX_WAIT_MS), clock.now);
  }

  async reportStep(
    runId: string,
    stepId: string,
    input: { status: "ok" | "error"; output: JsonValue },
    actor: Actor,
  ) {
    if (this.deleted) return tenantDeleted;
    // A remote agent's result may quote a vault value: masked before it is stored or audited.
    const matcher = await this.tenantMatcher();
    const output = mapJsonStrings(input.output, (t) => matcher.mask(t));
    const result = this.runs.report(runId, stepId, { ...input, output }, actor, clock.now());
    await this.afterChange();
    return result;
  }

  // ── approvals ──────────────────────────────────────────────────────────────────────────
  listApprovals(status: ApprovalStatus | "all") {
    return this.deleted ? tenantDeleted : ok(this.runs.listApprovals(status, clock.now()));
  }

  getApproval(approvalId: string) {
    return this.deleted ? tenantDeleted : this.runs.getApproval(approvalId, clock.now());
  }

  async decideApproval(
    approvalId: string,
    input: { approve: boolean; reason: string },
    actor: Actor,
  ) {
    if (this.deleted) return tenantDeleted;
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
  async createAgentSession(
    input: {
      provider_id: string;
      model?: string;
      max_tokens: number;
      system: string;
      title: string;
    },
    actor: Actor,
  ) {
    if (this.deleted) return tenantDeleted;
    const result = await this.agentSessions.create(input, actor, clock.now());
    await this.afterChange();
    return result;
  }

  listAgentSessions() {
    return this.deleted ? tenantDeleted : ok(this.agentSessions.list());
  }

  getAgentSession(sessionId: string) {
    return this.deleted ? tenantDeleted : this.agentSessions.get(sessionId);
  }

  agentSessionEvents(sessionId: string, afterSeq: number) {
    return this.deleted ? tenantDeleted : this.agentSessions.events(sessionId, afterSeq);
  }

  /** Stores the message and wakes the loop through the alarm (so it survives evictions). */
  async sendAgentSessionMessage(sessionId: string, content: string, actor: Actor) {
    if (this.deleted) return tenantDeleted;
    const now = clock.now();
    const result = await this.agentSessions.sendMessage(sessionId, content, actor, now);
    if (result.ok) await this.afterChange();
    return result;
  }

  async cancelAgentSession(sessionId: string, actor: Actor) {
    if (this.deleted) return tenantDeleted;
    const result = this.agentSessions.cancel(sessionId, actor, clock.now());
    await this.afterChange();
    return result;
  }

  // ── MCP gateway (issue 13) ───────────────────────────────────────────────────────────────
  async mcpOpenSession(
    caller: McpCaller,
    client: { name: string; version: string },
    protocolVersion: string,
  ) {
    if (this.deleted) return tenantDeleted;
    const session = this.mcp.openSession(caller, client, protocolVersion, clock.now());
    await this.afterChange();
    return ok(session);
  }

  mcpCheckSession(sessionId: string, caller: McpCaller) {
    return this.deleted ? tenantDeleted : this.mcp.checkSession(sessionId, caller);
  }

  async mcpCloseSession(sessionId: string, caller: McpCaller) {
    if (this.deleted) return tenantDeleted;
    const result = this.mcp.closeSession(sessionId, caller, clock.now());
    await this.afterChange();
    return result;
  }

  mcpListTools(sessionId: string, caller: McpCaller) {
    return this.deleted ? tenantDeleted : this.mcp.listTools(sessionId, caller);
  }

  async mcpCallTool(
    sessionId: string,
    caller: McpCaller,
    input: { name: string; args: JsonObject; idempotency_key?: string },
  ) {
    if (this.deleted) return tenantDeleted;
    const result = await this.mcp.call(sessionId, caller, input, clock.now());
    await this.afterChange();
    return result;
  }

  async mcpResumeCall(sessionId: string, caller: McpCaller, stepId: string) {
    if (this.deleted) return tenantDeleted;
    const result = await this.mcp.resume(sessionId, caller, stepId, clock.now());
    await this.afterChange();
    return result;
  }

  mcpListServers() {
    return this.deleted ? tenantDeleted : ok(this.mcp.servers.list());
  }

  async mcpPutServer(input: ServerInput, actor: Actor) {
    if (this.deleted) return tenantDeleted;
    const result = await this.mcp.putServer(input, actor, clock.now());
    await this.afterChange();
    return result;
  }

  async mcpRefreshServer(name: string) {
    return this.deleted ? tenantDeleted : this.mcp.refreshTools(name, clock.now());
  }

  async mcpRemoveServer(name: string, actor: Actor) {
    if (this.deleted) return tenantDeleted;
    const result = await this.mcp.removeServer(name, actor, clock.now());
    await this.afterChange();
    return result;
  }

  // ── providers ────────────────────────────────────────────────────────────────────────────
  listProviders() {
    return this.deleted ? tenantDeleted : ok(this.providers.list());
  }

  /** The Worker checked role and step-up, validated the URL and bound the key to its origin. */
  putProvider(provider: TenantProvider, actor: Actor) {
    return this.deleted ? tenantDeleted : ok(this.providers.put(provider, actor, clock.now()));
  }

  removeProvider(id: string, actor: Actor) {
    return this.deleted ? tenantDeleted : this.providers.remove(id, actor, clock.now());
  }

  /**
   * The tenant was deleted: drop everything this object holds, then leave an empty schema and a
   * tombstone so every later call (a run token still in an agent's hands) gets 410, not a fault.
   */
  async destroy() {
    if (this.deleted) return ok(null);
    this.deleted = true;
    for (const ws of this.ctx.getWebSockets()) ws.close(1001, "tenant deleted");
    this.authority.forget();
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    const sql = this.ctx.storage.sql;
    migrate(sql);
    bindName(sql, this.tenantId());
    sql.exec(`INSERT INTO meta (key, value) VALUES ('deleted_at', ?)`, String(clock.now()));
    return ok(null);
  }

  // ── run tokens ─────────────────────────────────────────────────────────────────────────
  /** Whether the run token of `runId` may still do `action` (see RunAuthority). */
  async checkRunToken(runId: string, action: Action, generation: number) {
    if (this.deleted) return tenantDeleted;
    return this.authority.check(runId, action, generation, clock.now());
  }

  /** A membership or API token of the tenant changed: re-read authority on the next use. */
  forgetAuthority() {
    if (this.deleted) return tenantDeleted;
    this.authority.forget();
    return ok(null);
  }

  /** Appends the tenant's pending D1 audit-outbox rows to the chain (issue 11). */
  async drainAuditOutbox() {
    if (this.deleted) return tenantDeleted;
    const appended = await this.outbox.drain(this.tenantId());
    await this.afterChange();
    return ok({ appended });
  }

  // ── audit ──────────────────────────────────────────────────────────────────────────────
  auditEvents(afterSeq: number, limit: number, filter: AuditEventFilter) {
    return this.deleted
      ? tenantDeleted
      : ok({ events: this.audit.events(afterSeq, limit, filter), size: this.audit.size });
  }

  auditHead() {
    return this.deleted
      ? tenantDeleted
      : ok({
          size: this.audit.size,
          root: this.audit.root(),
          checkpoint: this.audit.latestHead(),
        });
  }

  async signHead() {
    if (this.deleted) return tenantDeleted;
    if (!this.audit.canSign) return fail("signing_unavailable", "SIGNING_KEY is not configured.");
    return ok(await this.audit.signHead(clock.now()));
  }

  inclusionProof(seq: number, size?: number) {
    if (this.deleted) return tenantDeleted;
    const treeSize = size ?? this.audit.size;
    if (seq < 1 || seq > treeSize || treeSize > this.audit.size) {
      return fail("invalid_range", `Need 1 ≤ seq ≤ size ≤ ${this.audit.size}.`);
    }
    return ok(this.audit.inclusion(seq, treeSize));
  }

  consistencyProof(from: number, to?: number) {
    if (this.deleted) return tenantDeleted;
    const size = to ?? this.audit.size;
    if (from < 1 || from > size || size > this.audit.size) {
      return fail("invalid_range", `Need 1 ≤ from ≤ to ≤ ${this.audit.size}.`);
    }
    return ok(this.audit.consistency(from, size));
  }

  async exportChunk(afterSeq: number, limit: number) {
    if (this.deleted) return tenantDeleted;
    const lines = this.audit.exportLines(afterSeq, limit);
    // Everything in the log was masked when written; this only guards the way out. A line that
    // would change is withheld rather than altered, so the export still verifies.
    const matcher = await this.tenantMatcher();
    const leaked = lines.some((l) => matcher.mask(l) !== l);
    if (leaked) return fail("export_blocked", "The audit export contains a vault value.");
    return ok({ lines, size: this.audit.size });
  }

  // ── transparency log (C2SP) ──────────────────────────────────────────────────────────────
  /** The signed-note checkpoint of the current size, after asking the witnesses to cosign. */
  async tlogHead() {
    if (this.deleted) return tenantDeleted;
    if (!this.tlog.canSign) return fail("signing_unavailable", "SIGNING_KEY is not configured.");
    const now = clock.now();
    await this.tlog.submitToWitnesses(await this.tlog.signHead(now), now);
    return ok(this.tlog.latest()!);
  }

  /** The latest checkpoint, only when the tenant publishes its verification data. */
  async tlogPublicHead() {
    if (this.deleted || !this.tlog.isPublic) return fail("not_found", "No such log.");
    return this.tlogHead();
  }

  async tlogProofFile(seq: number) {
    if (this.deleted) return tenantDeleted;
    if (!this.tlog.canSign) return fail("signing_unavailable", "SIGNING_KEY is not configured.");
    return this.tlog.proofFile(seq, clock.now());
  }

  async tlogKeys(publicOnly = false) {
    if (this.deleted) return tenantDeleted;
    if (publicOnly && !this.tlog.isPublic) return fail("not_found", "No such log.");
    await this.tlog.ensureKey(clock.now());
    return ok({ origin: this.tlog.origin(), keys: this.tlog.keyHistory() });
  }

  /** A C2SP tlog-tiles hash tile (`width` hashes), only when the tenant publishes its data. */
  tlogPublicTile(level: number, index: number, width: number) {
    if (this.deleted || !this.tlog.isPublic) return fail("not_found", "No such log.");
    const tile = this.audit.tile(level, index, width, this.audit.size);
    return tile ? ok(tile.slice()) : fail("not_found", "No such tile.");
  }

  tlogPublicConsistency(from: number, to?: number) {
    if (this.deleted || !this.tlog.isPublic) return fail("not_found", "No such log.");
    return this.consistencyProof(from, to);
  }

  async tlogSettings() {
    if (this.deleted) return tenantDeleted;
    await this.tlog.ensureKey(clock.now());
    return ok({
      origin: this.tlog.origin(),
      public: this.tlog.isPublic,
      witnesses: this.tlog.listWitnesses(),
      keys: this.tlog.keyHistory(),
    });
  }

  async tlogSetPublic(enabled: boolean, actor: Actor) {
    if (this.deleted) return tenantDeleted;
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
    return this.tlogSettings();
  }

  async tlogAddWitness(input: { url: string; vkey: string }, actor: Actor) {
    if (this.deleted) return tenantDeleted;
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

  async tlogRemoveWitness(witnessId: string, actor: Actor) {
    if (this.deleted) return tenantDeleted;
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
  async tlogRotateKey(actor: Actor) {
    if (this.deleted) return tenantDeleted;
    if (!this.tlog.canSign) return fail("signing_unavailable", "SIGNING_KEY is not configured.");
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
  listSinks() {
    return this.deleted ? tenantDeleted : ok(this.sinks.list());
  }

  async addSink(config: SinkConfig, fromSeq: number, actor: Actor) {
    if (this.deleted) return tenantDeleted;
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

  async testSink(sinkId: string) {
    if (this.deleted) return tenantDeleted;
    const result = await this.sinks.test(sinkId, clock.now());
    await this.afterChange();
    return result;
  }

  async removeSink(sinkId: string, actor: Actor) {
    if (this.deleted) return tenantDeleted;
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
  getApprovalWebhook() {
    return this.deleted ? tenantDeleted : ok(this.approvalWebhook.view());
  }

  async setApprovalWebhook(input: ApprovalWebhookInput, actor: Actor) {
    if (this.deleted) return tenantDeleted;
    const view = this.approvalWebhook.configure(input, actor, clock.now());
    await this.afterChange();
    return ok(view);
  }

  async removeApprovalWebhook(actor: Actor) {
    if (this.deleted) return tenantDeleted;
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
