import {
  transition,
  type AgentSessionState,
  type AgentSessionStatus,
  type LifecycleEvent,
  type Transition,
} from "../../../core/agent-sessions/lifecycle";
import { iso } from "../../../core/time";
import { PROVIDER_CATALOG, type TenantProvider } from "../../../core/providers/catalog";
import type { ChatMessage, ModelToolCall, ProviderConfig } from "../../../core/providers/types";
import { guardChatInput, StreamMasker, type SecretMatcher } from "../../../core/secrets";
import {
  advanceAnomalies,
  classifyToolCall,
  initialAnomalyState,
  type AnomalyState,
} from "../../../core/untrusted";
import type { ModelPort } from "../../providers/model-port";
import type { VaultPort } from "../../vault/vault-port";
import { VaultError } from "../../vault/errors";
import { stateFromColumns, storeState, type AgentSessionStateColumns } from "./agent-session-state";
import type { AuditLog } from "../../audit/tenant-do/audit-log";
import type { ProviderStore } from "../../providers/tenant-do/providers";
import type { SecretUses } from "../../providers/tenant-do/secret-uses";
import { mapJsonStrings, redactJson } from "../../../platform/redact";
import { fail, ok, type Result } from "../../../platform/result";
import type { RunEngine } from "../../runs/tenant-do/runs";
import { BUILTIN_TOOLS } from "./tools";
import { toolError, type ToolOutcome, type ToolPorts } from "./tools/types";
import type { Actor, JsonObject, JsonValue } from "../../../platform/tenant-types";
import type { StepView } from "../../runs/contract";
import type {
  AgentSessionEvent,
  AgentSessionEventBody,
  AgentSessionView,
  ModelDelta,
} from "../contract";

export type { AgentSessionStatus };

type AgentSessionRow = AgentSessionStateColumns & {
  id: string;
  run_id: string;
  provider: string;
  provider_id: string | null;
  key_secret: string;
  system: string;
  title: string;
  anomaly_state: string;
  created_by: string;
  created_at: number;
  updated_at: number;
};

type Accepted = Extract<Transition, { ok: true }>;

const MODEL_TIMEOUT_MS = 60_000;
const RETRYABLE = new Set([
  "rate_limited",
  "overloaded",
  "server",
  "network",
  "timeout",
  "cut_stream",
]);

export type AdvanceOutcome =
  { kind: "idle" } | { kind: "waiting" } | { kind: "retry_at"; at: number } | { kind: "stopped" };

/**
 * Hosted agent sessions: the model loop runs here, every tool call goes through the run engine
 * (policy, checkpoint, audit), and all progress — the lifecycle state and its counters included —
 * is in SQLite, so the alarm can resume the loop after an eviction without repeating a completed
 * side effect, resetting the turn limit or forgetting the backoff.
 */
export class AgentSessionEngine {
  constructor(
    private readonly sql: SqlStorage,
    private readonly ports: { vault: VaultPort; model: ModelPort; tools: ToolPorts },
    private readonly tenantId: () => string,
    private readonly audit: AuditLog,
    private readonly runs: RunEngine,
    private readonly broadcast: (
      agentSessionId: string,
      event: AgentSessionEvent | ModelDelta,
    ) => void,
    private readonly providers: ProviderStore,
    private readonly uses: SecretUses,
  ) {}

  /** Every vault value of the tenant while an operation runs: events are masked with it. */
  #mask: SecretMatcher | null = null;
  #masking = 0;

  /** Runs `fn` with the tenant's vault values known, so every event it emits is masked. */
  private async withTenantMask<T>(fn: (mask: (s: string) => string) => Promise<T>): Promise<T> {
    const matcher = await this.ports.vault.matcher();
    this.#mask = matcher;
    this.#masking++;
    try {
      return await fn((s) => matcher.mask(s));
    } finally {
      if (--this.#masking === 0) this.#mask = null;
    }
  }

  private row(id: string): AgentSessionRow | undefined {
    return this.sql
      .exec<AgentSessionRow>("SELECT * FROM agent_sessions WHERE id = ?", id)
      .toArray()[0];
  }

  view(r: AgentSessionRow): AgentSessionView {
    const p = JSON.parse(r.provider) as ProviderConfig;
    return {
      id: r.id,
      run_id: r.run_id,
      title: r.title,
      provider: { id: r.provider_id, kind: p.kind, base_url: p.baseUrl, model: p.model },
      key_secret: r.key_secret,
      status: r.status,
      error: r.error,
      created_by: JSON.parse(r.created_by) as Actor,
      created_at: iso(r.created_at),
      updated_at: iso(r.updated_at),
    };
  }

  async create(
    input: {
      provider_id: string;
      model?: string;
      max_tokens: number;
      system: string;
      title: string;
    },
    actor: Actor,
    now: number,
  ): Promise<Result<AgentSessionView>> {
    const guard = guardChatInput(input.system);
    if (!guard.ok) return fail(guard.code, guard.message);
    const provider = this.providers.get(input.provider_id);
    if (!provider) {
      return fail("unknown_provider", `No provider ${input.provider_id} is configured.`, [
        { path: "provider_id", message: "configure it first (PUT …/providers/{id})" },
      ]);
    }
    const model = input.model ?? provider.models[0]!;
    if (!provider.models.includes(model)) {
      return fail("unknown_model", `Provider ${provider.id} does not offer ${model}.`, [
        { path: "model", message: `one of ${provider.models.join(", ")}` },
      ]);
    }
    const config: ProviderConfig = {
      kind: PROVIDER_CATALOG[provider.kind].wire,
      baseUrl: provider.baseUrl,
      model,
      maxTokens: input.max_tokens,
    };
    // A title or system prompt that quotes a vault value is stored (and shown) masked.
    return this.withTenantMask(async (mask) => {
      const title = mask(input.title);
      const system = mask(input.system);
      const run = this.runs.openRun(
        { agent: `hosted:${model}`, metadata: { environment: "hosted" } },
        actor,
        now,
      );
      const id = `ses_${crypto.randomUUID()}`;
      this.audit.atomically(() => {
        this.sql.exec(
          `INSERT INTO agent_sessions (id, run_id, provider, provider_id, key_secret, system, title, status,
             anomaly_state, created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'idle', ?, ?, ?, ?)`,
          id,
          run.id,
          JSON.stringify(config),
          provider.id,
          provider.keySecret,
          system,
          title,
          JSON.stringify(initialAnomalyState()),
          JSON.stringify(actor),
          now,
          now,
        );
        this.audit.append({
          type: "session.created",
          runId: run.id,
          stepId: null,
          actor,
          data: {
            session_id: id,
            provider_id: provider.id,
            provider: provider.kind,
            model,
            key_secret: provider.keySecret,
          },
          now,
        });
      });
      return ok(this.view(this.row(id)!));
    });
  }

  list(): AgentSessionView[] {
    return this.sql
      .exec<AgentSessionRow>("SELECT * FROM agent_sessions ORDER BY created_at DESC LIMIT 100")
      .toArray()
      .map((r) => this.view(r));
  }

  get(id: string): Result<AgentSessionView & { messages: ChatMessage[] }> {
    const r = this.row(id);
    if (!r) return fail("not_found", "Session not found.");
    return ok({ ...this.view(r), messages: this.messages(id) });
  }

  events(id: string, afterSeq: number): Result<AgentSessionEvent[]> {
    if (!this.row(id)) return fail("not_found", "Session not found.");
    return ok(
      this.sql
        .exec<{ event: string }>(
          `SELECT event FROM agent_session_events WHERE agent_session_id = ? AND seq > ?
           ORDER BY seq LIMIT 500`,
          id,
          afterSeq,
        )
        .toArray()
        .map((r) => JSON.parse(r.event) as AgentSessionEvent),
    );
  }

  private messages(id: string): ChatMessage[] {
    return this.sql
      .exec<{ message: string }>(
        "SELECT message FROM agent_session_messages WHERE agent_session_id = ? ORDER BY seq",
        id,
      )
      .toArray()
      .map((r) => JSON.parse(r.message) as ChatMessage);
  }

  private addMessage(id: string, message: ChatMessage, now: number) {
    this.sql.exec(
      `INSERT INTO agent_session_messages (agent_session_id, seq, message, created_at)
       VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM agent_session_messages
                   WHERE agent_session_id = ?), ?, ?)`,
      id,
      id,
      JSON.stringify(message),
      now,
    );
  }

  private emit(id: string, { type, ...data }: AgentSessionEventBody, now: number) {
    const seq = this.sql
      .exec<{ s: number }>(
        "SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM agent_session_events WHERE agent_session_id = ?",
        id,
      )
      .one().s;
    const mask = this.#mask;
    // Optional fields are absent, never undefined: the body is JSON.
    const json = data as JsonObject;
    const masked = mask ? mapJsonStrings(json, (t) => mask.mask(t)) : json;
    // The same key order as before (seq, at, type, fields): the stored JSON is unchanged.
    const event = { seq, at: iso(now), type, ...redactJson(masked) } as AgentSessionEvent;
    this.sql.exec(
      "INSERT INTO agent_session_events (agent_session_id, seq, event, created_at) VALUES (?, ?, ?, ?)",
      id,
      seq,
      JSON.stringify(event),
      now,
    );
    this.broadcast(id, event);
  }

  /**
   * The only place a session's state changes: `transition` decides, this stores the result and
   * announces it. `alongside` runs once the move is accepted, before it is stored and announced
   * (so its events come first).
   */
  private move(
    id: string,
    event: LifecycleEvent,
    now: number,
    alongside?: (step: Accepted) => void,
  ): Transition {
    const r = this.row(id);
    if (!r) return { ok: false, code: "illegal_transition", message: "Session not found." };
    const before = stateFromColumns(r);
    const step = transition(before, event);
    if (!step.ok) return step;
    const mask = this.#mask;
    const state: AgentSessionState =
      step.state.status === "error" && mask
        ? { ...step.state, error: mask.mask(step.state.error) }
        : step.state;
    const accepted = { ...step, state };
    alongside?.(accepted);
    storeState(this.sql, id, before, state, now);
    if (step.effects.some((e) => e.type === "announce_status")) {
      this.emit(
        id,
        state.status === "error" && state.error
          ? { type: "status", status: state.status, error: state.error }
          : { type: "status", status: state.status },
        now,
      );
    }
    return accepted;
  }

  async sendMessage(
    id: string,
    typed: string,
    actor: Actor,
    now: number,
  ): Promise<Result<AgentSessionView>> {
    const r = this.row(id);
    if (!r) return fail("not_found", "Session not found.");
    const sent: LifecycleEvent = { type: "message_sent" };
    // Asked first (it writes nothing), so a busy session answers 409 before the text is checked.
    const allowed = transition(stateFromColumns(r), sent);
    if (!allowed.ok) return fail(allowed.code, allowed.message);
    const guard = guardChatInput(typed);
    if (!guard.ok) return fail(guard.code, guard.message);
    // A vault value pasted by a person is kept (and shown, and sent) only as ***last4.
    return this.withTenantMask(async (mask) => {
      const content = mask(typed);
      const moved = this.move(id, sent, now, () => {
        this.addMessage(id, { role: "user", content }, now);
        // The message itself stays in the session's transcript; the log records that it was sent.
        this.audit.append({
          type: "session.message_sent",
          runId: r.run_id,
          stepId: null,
          actor,
          data: { session_id: id, characters: content.length },
          now,
        });
        this.emit(id, { type: "user_message", content }, now);
      });
      if (!moved.ok) return fail(moved.code, moved.message);
      return ok(this.view(this.row(id)!));
    });
  }

  cancel(id: string, actor: Actor, now: number): Result<AgentSessionView> {
    const r = this.row(id);
    if (!r) return fail("not_found", "Session not found.");
    // Cancelling a cancelled session is refused by `transition` and changes nothing here.
    const moved = this.move(id, { type: "cancel_requested" }, now, () => {
      const run = this.runs.getRun(r.run_id, now);
      if (run.ok && run.value.status === "open")
        this.runs.cancelRun(r.run_id, actor, "session cancelled", now);
    });
    if (moved.ok) {
      this.audit.append({
        type: "session.cancelled",
        runId: r.run_id,
        stepId: null,
        actor,
        data: { session_id: id },
        now,
      });
    }
    return ok(this.view(this.row(id)!));
  }

  /** Sessions the alarm should push forward now, and the earliest future retry. */
  due(now: number): { ids: string[]; next: number | null } {
    const rows = this.sql
      .exec<{ id: string; retry_at: number | null }>(
        "SELECT id, retry_at FROM agent_sessions WHERE status = 'running'",
      )
      .toArray();
    const ids = rows.filter((r) => r.retry_at === null || r.retry_at <= now).map((r) => r.id);
    const future = rows.map((r) => r.retry_at).filter((t): t is number => t !== null && t > now);
    return { ids, next: future.length ? Math.min(...future) : null };
  }

  /**
   * Puts back to work every session whose approval was settled — decided, expired, or cancelled
   * with its run — however that happened. Returns how many resumed.
   */
  resumeSettled(now: number): number {
    const settled = this.sql
      .exec<{ id: string }>(
        `SELECT s.id FROM agent_sessions s WHERE s.status = 'waiting_approval' AND NOT EXISTS
           (SELECT 1 FROM steps t WHERE t.run_id = s.run_id AND t.status = 'awaiting_approval')`,
      )
      .toArray();
    let resumed = 0;
    for (const { id } of settled)
      if (this.move(id, { type: "approval_settled" }, now).ok) resumed++;
    return resumed;
  }

  /** Runs the loop until it has to wait for a person, a retry, or the user. */
  async advance(id: string, now: () => number): Promise<AdvanceOutcome> {
    return this.withTenantMask(() => this.#advance(id, now));
  }

  async #advance(id: string, now: () => number): Promise<AdvanceOutcome> {
    for (;;) {
      const r = this.row(id);
      if (!r || r.status !== "running") return { kind: "stopped" };
      const messages = this.messages(id);
      const pending = pendingToolCalls(messages);
      if (pending.length > 0) {
        for (const call of pending) {
          const waiting = await this.handleToolCall(r, call, now());
          if (waiting) return { kind: "waiting" };
        }
        continue;
      }
      const last = messages.at(-1);
      if (!last || last.role === "assistant") {
        this.move(id, { type: "agent_finished" }, now());
        return { kind: "idle" };
      }
      // Counted before the call, in SQLite: an eviction during it does not give the turn back.
      const turn = this.move(id, { type: "turn_started" }, now());
      if (!turn.ok || turn.state.status !== "running") return { kind: "stopped" };
      const outcome = await this.callModel(r, messages, now);
      if (outcome) return outcome;
    }
  }

  private async callModel(
    r: AgentSessionRow,
    messages: ChatMessage[],
    now: () => number,
  ): Promise<AdvanceOutcome | null> {
    const snapshot = JSON.parse(r.provider) as ProviderConfig;
    const configured = r.provider_id ? this.providers.get(r.provider_id) : null;
    if (!configured) {
      this.move(
        r.id,
        {
          type: "failed",
          error: "the session's provider is no longer configured",
        },
        now(),
      );
      return { kind: "stopped" };
    }
    const provider: ProviderConfig = { ...snapshot, baseUrl: configured.baseUrl };
    // Every vault value of the tenant is known here, so whatever the model says (text, tool
    // arguments, streamed deltas, errors) is masked before it is stored, shown or executed.
    const vault = await this.ports.vault.open(this.uses.recorder(r.run_id, null, now));
    let apiKey: string;
    try {
      apiKey = await vault.resolveFor(configured.keySecret, configured.baseUrl, {
        kind: "provider",
        id: configured.id,
      });
      await vault.rememberAll();
    } catch (e) {
      vault.close();
      if (!(e instanceof VaultError)) throw e;
      this.move(r.id, { type: "failed", error: providerKeyProblem(configured, e) }, now());
      return { kind: "stopped" };
    }
    // Taken before the vault closes, so no path (errors included) is left without it.
    const matcher = vault.matcher();
    vault.close();
    const mask = (text: string) => matcher.mask(text);
    const tools = [...BUILTIN_TOOLS.values()].map((t) => t.spec);
    // Whatever the history holds (a value pasted by a person, say), no vault value is sent.
    const outgoing = messages.map((m) =>
      mapJsonStrings(m as unknown as JsonObject, mask),
    ) as unknown as ChatMessage[];
    const deltas = new StreamMasker(matcher);
    const sendDelta = (text: string) => {
      if (text !== "") this.broadcast(r.id, { type: "model_delta", text });
    };
    const result = await this.ports.model.call(
      provider,
      apiKey,
      { system: mask(r.system), messages: outgoing, tools },
      {
        stream: true,
        timeoutMs: MODEL_TIMEOUT_MS,
        onText: (delta) => sendDelta(deltas.push(delta)),
      },
    );
    sendDelta(deltas.end());
    if (!result.ok) {
      const { error } = result;
      const message = mask(error.message);
      const failed: LifecycleEvent = {
        type: "model_failed",
        retryable: RETRYABLE.has(error.kind),
        message,
        retryAfterSeconds: error.retry_after_seconds ?? null,
        now: now(),
      };
      const moved = this.move(r.id, failed, now(), (step) => {
        const at = wakeAt(step);
        this.emit(
          r.id,
          at === null
            ? { type: "model_error", kind: error.kind, message }
            : { type: "model_error", kind: error.kind, message, retry_at: iso(at) },
          now(),
        );
      });
      const at = moved.ok ? wakeAt(moved) : null;
      return at === null ? { kind: "stopped" } : { kind: "retry_at", at };
    }
    // Stored with the answer below; a session cancelled meanwhile refuses it and stops next turn.
    this.move(r.id, { type: "model_answered" }, now());
    const response = {
      ...result.response,
      text: mask(result.response.text),
      tool_calls: result.response.tool_calls.map((c) => ({
        ...c,
        input: mapJsonStrings(c.input as JsonObject, mask),
      })),
    };
    const message: ChatMessage = {
      role: "assistant",
      content: response.text,
      tool_calls: response.tool_calls,
    };
    this.addMessage(r.id, message, now());
    this.emit(
      r.id,
      {
        type: "model_message",
        text: response.text,
        tool_calls: response.tool_calls.map((c) => ({
          id: c.id,
          name: c.name,
          input: c.input as JsonObject,
        })),
        stop_reason: response.stop_reason,
      },
      now(),
    );
    return null;
  }

  /** Returns true when the session must now wait for a person's approval. */
  private async handleToolCall(
    r: AgentSessionRow,
    call: ModelToolCall,
    now: number,
  ): Promise<boolean> {
    const tool = BUILTIN_TOOLS.get(call.name);
    const args = (call.input ?? {}) as JsonObject;
    // Read fresh: an earlier call of the same turn may have advanced it.
    const anomalyState = JSON.parse(
      this.row(r.id)?.anomaly_state ?? r.anomaly_state,
    ) as AnomalyState;
    let state = anomalyState;
    const anomalies = [];
    for (const event of classifyToolCall({ tool: call.name, args, at: now })) {
      const step = advanceAnomalies(state, event);
      state = step.state;
      anomalies.push(...step.anomalies);
    }
    anomalies.push(...this.uses.unseen(call.name, args, now));
    const proposed = this.runs.propose(
      r.run_id,
      {
        tool: call.name,
        args,
        declared: (tool?.declared(args) ?? { reversible: false, has_shadow: false }) as JsonObject,
        idempotency_key: call.id,
        context_extra: {
          anomalies: anomalies.map((a) => a.kind),
          injection_score: state.injectionScore ?? 0,
        },
      },
      { actor: { kind: "agent", id: r.id }, channel: "hosted" },
      now,
    );
    if (!proposed.ok) {
      this.finishCall(r, call, toolError(`not run: ${proposed.message}`), null, now);
      return false;
    }
    const step = proposed.value;
    if (!step.replay) {
      this.sql.exec(
        "UPDATE agent_sessions SET anomaly_state = ? WHERE id = ?",
        JSON.stringify(state),
        r.id,
      );
      for (const a of anomalies) {
        this.audit.atomically(() =>
          this.audit.append({
            type: "anomaly.detected",
            runId: r.run_id,
            stepId: step.step_id,
            actor: { kind: "system", id: "gatehouse" },
            data: { kind: a.kind, detail: a.detail },
            now,
          }),
        );
        this.emit(r.id, { type: "anomaly", kind: a.kind, detail: a.detail }, now);
      }
      this.emit(
        r.id,
        {
          type: "tool_call",
          step_id: step.step_id,
          tool: call.name,
          args,
          verdict: step.verdict,
          rule_id: step.rule_id,
          reason: step.reason,
        },
        now,
      );
    }
    switch (step.status) {
      case "awaiting_approval":
        this.move(r.id, { type: "approval_requested" }, now);
        this.emit(
          r.id,
          {
            type: "approval_needed",
            step_id: step.step_id,
            approval_id: step.approval_id!,
            tool: call.name,
          },
          now,
        );
        return true;
      case "denied":
        this.finishCall(
          r,
          call,
          toolError(`Denied by policy${step.rule_id ? ` (${step.rule_id})` : ""}: ${step.reason}`),
          step,
          now,
        );
        return false;
      case "dry_run":
        this.finishCall(
          r,
          call,
          {
            content: `Dry run only, not executed. Would run ${call.name} with ${JSON.stringify(step.exec_args)}.`,
            isError: false,
            record: null,
            warnings: [],
          },
          step,
          now,
        );
        return false;
      case "cancelled":
        this.finishCall(r, call, toolError("cancelled"), step, now);
        return false;
      case "succeeded":
      case "failed":
        // Reported before an eviction but the tool message was not stored: impossible, since
        // both commit together; kept so a replay never runs the tool again.
        this.finishCall(
          r,
          call,
          toolError("already completed; the result was recorded earlier"),
          step,
          now,
        );
        return false;
      case "executing": {
        const execArgs = (step.exec_args ?? args) as Record<string, unknown>;
        const started =
          this.sql.exec("SELECT 1 FROM tool_starts WHERE step_id = ?", step.step_id).toArray()
            .length > 0;
        if (started && tool && !tool.safeToRepeat(execArgs)) {
          this.finishCall(
            r,
            call,
            toolError(
              "interrupted before its result was recorded; not repeated, to avoid a second side effect",
            ),
            step,
            now,
          );
          return false;
        }
        // Committed before the side effect: after a crash, a started step is not run again blindly.
        this.sql.exec(
          "INSERT OR IGNORE INTO tool_starts (step_id, at) VALUES (?, ?)",
          step.step_id,
          now,
        );
        const outcome = tool
          ? await this.execute(r, tool, execArgs, step.step_id, now)
          : toolError(`unknown tool ${call.name}`);
        for (const w of outcome.warnings)
          this.emit(r.id, { type: "warning", step_id: step.step_id, message: w }, now);
        if (outcome.injectionScore !== undefined) {
          const seen = advanceAnomalies(state, {
            type: "untrusted_content",
            at: now,
            tool: call.name,
            score: outcome.injectionScore,
          });
          this.sql.exec(
            "UPDATE agent_sessions SET anomaly_state = ? WHERE id = ?",
            JSON.stringify(seen.state),
            r.id,
          );
        }
        this.finishCall(r, call, outcome, step, now);
        return false;
      }
    }
  }

  private async execute(
    r: AgentSessionRow,
    tool: NonNullable<ReturnType<typeof BUILTIN_TOOLS.get>>,
    args: Record<string, unknown>,
    stepId: string,
    now: number,
  ): Promise<ToolOutcome> {
    const vault = await this.ports.vault.open(this.uses.recorder(r.run_id, stepId, () => now));
    try {
      const outcome: ToolOutcome = await tool.execute(
        {
          ports: this.ports.tools,
          tenantId: this.tenantId(),
          sessionId: r.id,
          sql: this.sql,
          vault,
          now,
        },
        args,
      );
      await vault.rememberAll();
      const mask = (t: string) => vault.mask(t);
      return {
        ...outcome,
        content: mask(outcome.content),
        record: mapJsonStrings(outcome.record, mask),
        warnings: outcome.warnings.map(mask),
      };
    } catch (e) {
      if (e instanceof VaultError) return toolError(e.message);
      return toolError(`${tool.spec.name} failed: ${e instanceof Error ? e.name : "error"}`);
    } finally {
      vault.close();
    }
  }

  /** Stores the tool result for the model and, for an executed step, its report, together. */
  private finishCall(
    r: AgentSessionRow,
    call: ModelToolCall,
    outcome: ToolOutcome,
    step: StepView | null,
    now: number,
  ) {
    const message: ChatMessage = {
      role: "tool",
      tool_call_id: call.id,
      name: call.name,
      content: outcome.content,
      is_error: outcome.isError,
    };
    const store = () => this.addMessage(r.id, message, now);
    if (step && step.status === "executing") {
      const reported = this.runs.report(
        r.run_id,
        step.step_id,
        { status: outcome.isError ? "error" : "ok", output: outcome.record },
        { kind: "agent", id: r.id },
        now,
        store,
      );
      if (!reported.ok) store();
    } else {
      store();
    }
    this.emit(
      r.id,
      {
        type: "tool_result",
        tool: call.name,
        tool_call_id: call.id,
        step_id: step?.step_id ?? null,
        is_error: outcome.isError,
        summary: outcome.content.slice(0, 500),
      },
      now,
    );
  }
}

/** Tool calls of the last assistant message that have no tool result yet. */
export function pendingToolCalls(messages: ChatMessage[]): ModelToolCall[] {
  let i = messages.length - 1;
  while (i >= 0 && messages[i]!.role === "tool") i--;
  const assistant = messages[i];
  if (!assistant || assistant.role !== "assistant") return [];
  const answered = new Set(
    messages.slice(i + 1).flatMap((m) => (m.role === "tool" ? [m.tool_call_id] : [])),
  );
  return assistant.tool_calls.filter((c) => !answered.has(c.id));
}

/** When the lifecycle asked for the loop to run again (the next model attempt), if it did. */
function wakeAt(step: Accepted): number | null {
  for (const e of step.effects) if (e.type === "wake_at") return e.at;
  return null;
}

function providerKeyProblem(p: TenantProvider, e: VaultError): string {
  if (e.code === "secret_not_found") return `the provider key ${p.keySecret} is not in the vault`;
  return e.message;
}
