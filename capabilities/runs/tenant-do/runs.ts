import { iso, isoOrNull } from "../../../core/time";
import { evaluate, type Decision } from "../../../core/policy";
import type { AuditLog } from "../../audit/tenant-do/audit-log";
import type { PolicyStore } from "../../policy/tenant-do/policies";
import { RunOpenKeys, type OpenKey } from "./run-open-keys";
import { redactJson } from "../../../platform/redact";
import { fail, ok, type Result } from "../../../platform/result";
import type {
  Actor,
  Channel,
  JsonObject,
  JsonValue,
  StoredDecision,
} from "../../../platform/tenant-types";
import type {
  ApprovalStatus,
  ApprovalView,
  CloseReason,
  ProposeResult,
  RunStatus,
  RunView,
  StepStatus,
  StepView,
} from "../contract";

type RunRow = {
  id: string;
  agent: string;
  metadata: string;
  status: RunStatus;
  created_by: string;
  created_at: number;
  closed_at: number | null;
  step_count: number;
  token_generation: number;
  idle_timeout_ms: number | null;
  close_reason: CloseReason | null;
};

type StepRow = {
  id: string;
  run_id: string;
  seq: number;
  idempotency_key: string;
  tool: string;
  args: string;
  declared: string;
  decision: string;
  status: StepStatus;
  exec_args: string | null;
  output: string | null;
  approval_id: string | null;
  policy_version: number | null;
  created_at: number;
  updated_at: number;
};

type ApprovalRow = {
  id: string;
  step_id: string;
  run_id: string;
  status: ApprovalStatus;
  approvers: string;
  reason: string | null;
  decided_by: string | null;
  created_at: number;
  expires_at: number;
  decided_at: number | null;
};

export interface ProposeInput {
  tool: string;
  args: JsonObject;
  declared: JsonObject;
  idempotency_key: string;
  /** Server-computed facts for `context.extra` (e.g. anomalies); never taken from agents. */
  context_extra?: JsonObject;
  /** Server-computed facts about the caller for `context.principal` (e.g. the MCP client). */
  principal_extra?: JsonObject;
}

/** A person signed in (console or approval link) or an API token decided. */
const decidedVia = (actor: Actor | null): ApprovalView["decided_via"] =>
  actor === null ? null : actor.kind === "token" ? "token" : "person";

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));
const STEP_COLUMNS =
  "id, run_id, seq, idempotency_key, tool, args, declared, decision, status, exec_args, output, approval_id, policy_version, created_at, updated_at";
const STEP_INSERT = `INSERT INTO steps (${STEP_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`;
const APPROVAL_COLUMNS =
  "id, step_id, run_id, status, approvers, reason, decided_by, created_at, expires_at, decided_at";
/** A run's step count is derived (its highest `seq`, one index seek), so a step never rewrites its run. */
const stepCountOf = (run: string) =>
  `COALESCE((SELECT MAX(seq) FROM steps WHERE steps.run_id = ${run}.id), 0)`;
const RUN_COLUMNS = `id, agent, metadata, status, created_by, created_at, closed_at, ${stepCountOf("runs")} AS step_count, token_generation, idle_timeout_ms, close_reason`;
const MAX_OUTPUT_CHARS = 64 * 1024;
/** Steps handed out for execution kept in memory until their result comes (see `executing`). */
const EXECUTING_CACHED = 256;
/** A cached step was not executing in storage after all: the result is stored from a fresh read. */
const STALE_STEP = new Error("cached step is stale");

/** A run and the id of its step with a given idempotency key, if one exists (else null). */
type ProposalRow = {
  run_status: RunStatus;
  run_step_count: number;
  run_metadata: string;
  run_idle_timeout_ms: number | null;
  step_id: string | null;
};
const PROPOSAL_READ = `SELECT r.status AS run_status, ${stepCountOf("r")} AS run_step_count, r.metadata AS run_metadata,
  r.idle_timeout_ms AS run_idle_timeout_ms, s.id AS step_id
  FROM runs r LEFT JOIN steps s ON s.run_id = r.id AND s.idempotency_key = ?
  WHERE r.id = ?`;

export interface OpenRunInput {
  agent: string;
  metadata: JsonObject;
  /** Close the run as `completed` after this long without activity; none when absent. */
  idleTimeoutMs?: number;
}

/** A run opened for a remote agent: the generation its run token is signed for. */
export interface OpenedRun {
  run: RunView;
  tokenGeneration: number;
  /** An earlier request with the same idempotency key opened it. */
  replayed: boolean;
}

/** One page of a run's steps, in `seq` order; `next_cursor` is the last `seq` of the page. */
export interface RunPage extends RunView {
  steps: StepView[];
  next_cursor: string | null;
  resume_at: number | null;
}

/**
 * Runs, steps, checkpoints and approvals. Every state change and its audit events commit in one
 * transaction; a verdict that allows a side effect is returned only after its checkpoint row is
 * committed, and a step is handed out for execution at most once.
 */
export class RunEngine {
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly openKeys: RunOpenKeys;
  /**
   * The rows of the latest steps this object handed out for execution, as committed, so that
   * their result needs no read. Only a result changes an executing step; should an entry still
   * be stale (its proposal rolled back with an outer transaction), the result's conditional
   * UPDATE writes nothing, and the result is stored from a fresh read instead. `idles`: the
   * run has an idle timeout (fixed when it opens), so a result moves its deadline.
   */
  private readonly executing = new Map<
    string,
    { row: StepRow; decision: StoredDecision; idles: boolean }
  >();

  constructor(
    private readonly sql: SqlStorage,
    private readonly audit: AuditLog,
    private readonly policies: PolicyStore,
  ) {
    this.openKeys = new RunOpenKeys(sql);
  }

  // ── views ────────────────────────────────────────────────────────────────────────────────
  private runView(r: RunRow): RunView {
    return {
      id: r.id,
      agent: r.agent,
      metadata: JSON.parse(r.metadata) as JsonObject,
      status: r.status,
      created_by: JSON.parse(r.created_by) as Actor,
      created_at: iso(r.created_at),
      closed_at: isoOrNull(r.closed_at),
      close_reason: r.close_reason,
      idle_timeout_seconds: r.idle_timeout_ms === null ? null : r.idle_timeout_ms / 1000,
      step_count: r.step_count,
    };
  }

  /** `d`: the row's decision, when the caller has it parsed already. */
  private stepView(
    s: StepRow,
    d: StoredDecision = JSON.parse(s.decision) as StoredDecision,
  ): StepView {
    const execArgs = json<JsonObject>(s.exec_args);
    return {
      step_id: s.id,
      run_id: s.run_id,
      seq: s.seq,
      idempotency_key: s.idempotency_key,
      tool: s.tool,
      args: JSON.parse(s.args) as JsonObject,
      declared: JSON.parse(s.declared) as JsonObject,
      verdict: d.decision,
      rule_id: d.rule_id,
      reason: d.reason,
      matched_rules: [...d.matched_rules],
      status: s.status,
      exec_args: execArgs,
      preview:
        d.decision === "dry_run"
          ? { tool: s.tool, args: execArgs ?? (JSON.parse(s.args) as JsonObject), executed: false }
          : null,
      approval_id: s.approval_id,
      output: json<JsonValue>(s.output),
      policy_version: s.policy_version,
      created_at: iso(s.created_at),
      updated_at: iso(s.updated_at),
    };
  }

  private approvalView(a: ApprovalRow): ApprovalView {
    const step = this.stepRow(a.step_id)!;
    const decision = JSON.parse(step.decision) as StoredDecision;
    const run = this.runRow(a.run_id);
    return {
      id: a.id,
      step_id: a.step_id,
      run_id: a.run_id,
      tool: step.tool,
      args: JSON.parse(step.args) as JsonObject,
      rule_id: decision.rule_id,
      policy_reason: decision.reason,
      agent: run?.agent ?? null,
      requested_by: run ? (JSON.parse(run.created_by) as Actor) : null,
      status: a.status,
      approvers: JSON.parse(a.approvers) as string[],
      reason: a.reason,
      decided_by: json<Actor>(a.decided_by),
      decided_via: decidedVia(json<Actor>(a.decided_by)),
      created_at: iso(a.created_at),
      expires_at: iso(a.expires_at),
      decided_at: isoOrNull(a.decided_at),
    };
  }

  private runRow(id: string): RunRow | undefined {
    return this.sql.exec<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`, id).toArray()[0];
  }

  private stepRow(id: string): StepRow | undefined {
    return this.sql
      .exec<StepRow>(`SELECT ${STEP_COLUMNS} FROM steps WHERE id = ?`, id)
      .toArray()[0];
  }

  private approvalRow(id: string): ApprovalRow | undefined {
    return this.sql
      .exec<ApprovalRow>(`SELECT ${APPROVAL_COLUMNS} FROM approvals WHERE id = ?`, id)
      .toArray()[0];
  }

  // ── runs ─────────────────────────────────────────────────────────────────────────────────
  openRun(input: OpenRunInput, actor: Actor, now: number, alongside?: (id: string) => void) {
    const id = `run_${crypto.randomUUID()}`;
    const metadata = redactJson(input.metadata);
    const idle = input.idleTimeoutMs ?? null;
    this.audit.atomically(() => {
      this.sql.exec(
        `INSERT INTO runs (id, agent, metadata, status, created_by, created_at, idle_timeout_ms, idle_deadline)
         VALUES (?, ?, ?, 'open', ?, ?, ?, ?)`,
        id,
        input.agent,
        JSON.stringify(metadata),
        JSON.stringify(actor),
        now,
        idle,
        idle === null ? null : now + idle,
      );
      this.audit.append({
        type: "run.opened",
        runId: id,
        stepId: null,
        actor,
        data: {
          agent: input.agent,
          metadata,
          ...(idle === null ? {} : { idle_timeout_seconds: idle / 1000 }),
        },
        now,
      });
      alongside?.(id);
    });
    return this.runView(this.runRow(id)!);
  }

  /**
   * Opens a run for a remote agent. With an idempotency key, a request its creator repeats with
   * the same body gets the run the first one opened (and a token of its current generation);
   * the same key with another body is refused.
   */
  openRemoteRun(
    input: OpenRunInput,
    actor: Actor,
    now: number,
    openKey: OpenKey | null,
  ): Result<OpenedRun> {
    if (openKey) {
      const earlier = this.openKeys.find(actor, openKey.key, now);
      if (earlier) {
        if (earlier.request_hash !== openKey.requestHash) {
          return fail(
            "idempotency_key_reused",
            "This Idempotency-Key was used for a different request.",
            [{ path: "Idempotency-Key", message: "used with another body" }],
          );
        }
        const run = this.runRow(earlier.run_id);
        if (run) {
          this.audit.atomically(() =>
            this.audit.append({
              type: "run.open_replayed",
              runId: run.id,
              stepId: null,
              actor,
              data: { idempotency_key: openKey.key, token_generation: run.token_generation },
              now,
            }),
          );
          return ok({
            run: this.runView(run),
            tokenGeneration: run.token_generation,
            replayed: true,
          });
        }
      }
    }
    const run = this.openRun(input, actor, now, (id) => {
      if (openKey) this.openKeys.remember(actor, openKey, id, now);
    });
    return ok({ run, tokenGeneration: 1, replayed: false });
  }

  /**
   * A new run token generation for the run's creator; tokens of earlier generations stop
   * working at once (a re-issue is how a leaked or lost token is replaced).
   */
  reissueToken(
    id: string,
    actor: Actor,
    now: number,
  ): Result<{ run: RunView; tokenGeneration: number }> {
    const run = this.runRow(id);
    if (!run) return fail("not_found", "Run not found.");
    const creator = JSON.parse(run.created_by) as Actor;
    if (creator.kind !== actor.kind || creator.id !== actor.id) {
      return fail("not_run_creator", "Only whoever opened this run can re-issue its token.");
    }
    if (run.status !== "open") return fail("run_closed", `The run is ${run.status}.`);
    const revoked = this.sql
      .exec<{ reason: string | null }>(
        `SELECT token_revoked_reason AS reason FROM runs WHERE id = ?`,
        id,
      )
      .one().reason;
    if (revoked)
      return fail("revoked_token_not_reissued", `The run's token was revoked (${revoked}).`);
    const generation = run.token_generation + 1;
    this.audit.atomically(() => {
      this.sql.exec(
        `UPDATE runs SET token_generation = ?, idle_deadline = ? + idle_timeout_ms WHERE id = ?`,
        generation,
        now,
        id,
      );
      this.audit.append({
        type: "run.token_reissued",
        runId: id,
        stepId: null,
        actor,
        data: { token_generation: generation, revoked_generations_below: generation },
        now,
      });
    });
    return ok({ run: this.runView(this.runRow(id)!), tokenGeneration: generation });
  }

  getRun(id: string, now: number, page = { after: 0, limit: 100 }): Result<RunPage> {
    this.expireApprovals(now);
    const run = this.runRow(id);
    if (!run) return fail("not_found", "Run not found.");
    const rows = this.sql
      .exec<StepRow>(
        `SELECT ${STEP_COLUMNS} FROM steps WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
        id,
        page.after,
        page.limit + 1,
      )
      .toArray();
    const steps = rows.slice(0, page.limit).map((s) => this.stepView(s));
    const resume = this.sql
      .exec<{ seq: number | null }>(
        `SELECT MIN(seq) AS seq FROM steps WHERE run_id = ? AND status IN ('executing', 'awaiting_approval')`,
        id,
      )
      .one().seq;
    return ok({
      ...this.runView(run),
      steps,
      next_cursor: rows.length > page.limit ? String(steps.at(-1)!.seq) : null,
      resume_at: resume,
    });
  }

  listRuns(opts: { before?: number; limit: number }): {
    runs: RunView[];
    next_cursor: string | null;
  } {
    const rows = this.sql
      .exec<RunRow>(
        `SELECT ${RUN_COLUMNS} FROM runs WHERE created_at < ? ORDER BY created_at DESC, id LIMIT ?`,
        opts.before ?? Number.MAX_SAFE_INTEGER,
        opts.limit + 1,
      )
      .toArray();
    const page = rows.slice(0, opts.limit);
    return {
      runs: page.map((r) => this.runView(r)),
      next_cursor: rows.length > opts.limit ? String(page.at(-1)!.created_at) : null,
    };
  }

  cancelRun(id: string, actor: Actor, reason: string | undefined, now: number): Result<RunView> {
    const run = this.runRow(id);
    if (!run) return fail("not_found", "Run not found.");
    if (run.status !== "open") return fail("run_closed", `The run is already ${run.status}.`);
    this.close(id, "cancelled", "cancelled", actor, { reason: reason ?? null }, now);
    return ok(this.runView(this.runRow(id)!));
  }

  /**
   * The agent (or a member) says the run is done. Refused while a step is handed out for
   * execution and not reported; steps waiting for approval are cancelled with it.
   */
  finishRun(id: string, actor: Actor, reason: string | undefined, now: number): Result<RunView> {
    const run = this.runRow(id);
    if (!run) return fail("not_found", "Run not found.");
    if (run.status !== "open") return fail("run_closed", `The run is already ${run.status}.`);
    const inFlight = this.sql
      .exec<{ seq: number }>(
        `SELECT seq FROM steps WHERE run_id = ? AND status = 'executing' ORDER BY seq`,
        id,
      )
      .toArray();
    if (inFlight.length > 0) {
      return fail(
        "steps_in_flight",
        "Report the result of every executing step before completing the run.",
        inFlight.map((s) => ({ path: `steps.${s.seq}`, message: "executing" })),
      );
    }
    this.close(id, "completed", "completed", actor, { reason: reason ?? null }, now);
    return ok(this.runView(this.runRow(id)!));
  }

  /** Closes an open run normally (an MCP session ended); a closed run stays as it is. */
  completeRun(id: string, actor: Actor, now: number): void {
    const run = this.runRow(id);
    if (!run || run.status !== "open") return;
    this.close(id, "completed", "session_ended", actor, {}, now);
  }

  /**
   * Closes idle runs as `completed` (reason `idle_timeout`); returns the next idle deadline. A
   * run waiting for an approval is not idle: its deadline moves past the approval's expiry.
   */
  closeIdleRuns(now: number): number | null {
    const due = this.sql
      .exec<{ id: string; idle_timeout_ms: number; pending_until: number | null }>(
        `SELECT id, idle_timeout_ms,
                (SELECT MAX(expires_at) FROM approvals a WHERE a.run_id = runs.id AND a.status = 'pending') AS pending_until
           FROM runs WHERE status = 'open' AND idle_deadline <= ?`,
        now,
      )
      .toArray();
    const system: Actor = { kind: "system", id: "gatehouse" };
    for (const r of due) {
      if (r.pending_until !== null) {
        this.sql.exec(
          `UPDATE runs SET idle_deadline = ? WHERE id = ?`,
          r.pending_until + r.idle_timeout_ms,
          r.id,
        );
        continue;
      }
      this.close(
        r.id,
        "completed",
        "idle_timeout",
        system,
        { idle_timeout_seconds: r.idle_timeout_ms / 1000 },
        now,
      );
    }
    return this.nextIdleDeadline();
  }

  /** When the next open run goes idle, or null. */
  nextIdleDeadline(): number | null {
    return this.sql
      .exec<{ at: number | null }>(
        `SELECT MIN(idle_deadline) AS at FROM runs WHERE status = 'open' AND idle_deadline IS NOT NULL`,
      )
      .one().at;
  }

  /** Closes a run with its audit event; pending approvals are cancelled with it. */
  private close(
    id: string,
    status: "cancelled" | "completed",
    reason: CloseReason,
    actor: Actor,
    data: JsonObject,
    now: number,
  ): void {
    const pending = this.sql
      .exec<{ id: string; step_id: string }>(
        `SELECT id, step_id FROM approvals WHERE run_id = ? AND status = 'pending'`,
        id,
      )
      .toArray();
    this.audit.atomically(() => {
      this.sql.exec(
        `UPDATE runs SET status = ?, closed_at = ?, close_reason = ?, idle_deadline = NULL WHERE id = ?`,
        status,
        now,
        reason,
        id,
      );
      for (const a of pending) {
        this.sql.exec(
          `UPDATE approvals SET status = 'cancelled', decided_at = ? WHERE id = ?`,
          now,
          a.id,
        );
        this.sql.exec(
          `UPDATE steps SET status = 'cancelled', updated_at = ? WHERE id = ?`,
          now,
          a.step_id,
        );
      }
      this.audit.append({
        type: status === "cancelled" ? "run.cancelled" : "run.completed",
        runId: id,
        stepId: null,
        actor,
        data:
          status === "cancelled"
            ? { ...data, cancelled_approvals: pending.map((a) => a.id) }
            : { ...data, close_reason: reason, cancelled_approvals: pending.map((a) => a.id) },
        now,
      });
    });
    for (const a of pending) this.notify(a.step_id);
  }

  // ── steps ────────────────────────────────────────────────────────────────────────────────
  propose(
    runId: string,
    input: ProposeInput,
    who: { actor: Actor; channel: Channel },
    now: number,
  ): Result<ProposeResult> {
    // The run and whether a step has this key in one read (what a new proposal needs).
    const found = this.sql
      .exec<ProposalRow>(PROPOSAL_READ, input.idempotency_key, runId)
      .toArray()[0];
    if (!found) return fail("not_found", "Run not found.");
    if (found.step_id !== null) {
      const existing = this.stepRow(found.step_id)!;
      if (
        existing.tool !== input.tool ||
        existing.args !== JSON.stringify(redactJson(input.args))
      ) {
        return fail("idempotency_conflict", "This idempotency key was used for a different call.");
      }
      return ok({ ...this.stepView(existing), replay: true });
    }
    if (found.run_status !== "open") return fail("run_closed", `The run is ${found.run_status}.`);

    const seq = found.run_step_count + 1;
    const metadata = JSON.parse(found.run_metadata) as JsonObject;
    const { version, bundle } = this.policies.active();
    const decision: Decision = evaluate(bundle, {
      tool: input.tool,
      args: input.args,
      declared: input.declared,
      context: {
        channel: who.channel,
        principal: { ...input.principal_extra, kind: who.actor.kind, id: who.actor.id },
        run_id: runId,
        step_seq: seq,
        ...(typeof metadata.environment === "string" ? { environment: metadata.environment } : {}),
        ...(typeof metadata.workspace === "string" ? { workspace: metadata.workspace } : {}),
        extra: {
          ...(metadata.extra && typeof metadata.extra === "object" && !Array.isArray(metadata.extra)
            ? (metadata.extra as JsonObject)
            : {}),
          ...input.context_extra,
        },
      },
    });
    const stored: StoredDecision = {
      decision: decision.decision,
      rule_id: decision.rule_id,
      reason: decision.reason,
      matched_rules: decision.matched_rules,
      approvers: decision.approvers,
      timeout_seconds: decision.timeout_seconds,
      obligations: decision.obligations,
    };
    const stepId = `step_${crypto.randomUUID()}`;
    const args = redactJson(input.args);
    const execArgs = decision.decision === "transform" ? redactJson(decision.args) : args;
    const argsText = JSON.stringify(args);
    const execArgsText = execArgs === args ? argsText : JSON.stringify(execArgs);
    const storedText = JSON.stringify(stored);
    const declaredText = JSON.stringify(input.declared);
    const status: StepStatus = {
      allow: "executing",
      transform: "executing",
      deny: "denied",
      dry_run: "dry_run",
      approve_required: "awaiting_approval",
    }[decision.decision] as StepStatus;
    const approvalId =
      decision.decision === "approve_required" ? `apr_${crypto.randomUUID()}` : null;

    this.audit.atomically(() => {
      this.sql.exec(
        STEP_INSERT,
        stepId,
        runId,
        seq,
        input.idempotency_key,
        input.tool,
        argsText,
        declaredText,
        storedText,
        status,
        execArgsText,
        approvalId,
        version,
        now,
        now,
      );
      // Without an idle timeout the run's row is not written at all.
      if (found.run_idle_timeout_ms !== null) this.touch(runId, now);
      const base = { runId, stepId, actor: who.actor, now };
      this.audit.append({
        ...base,
        type: "step.proposed",
        data: {
          seq,
          tool: input.tool,
          args,
          declared: input.declared,
          idempotency_key: input.idempotency_key,
        },
      });
      this.audit.append({
        ...base,
        type: "step.decided",
        data: {
          verdict: decision.decision,
          rule_id: decision.rule_id,
          reason: decision.reason,
          matched_rules: [...decision.matched_rules],
          policy_version: version,
          ...(decision.decision === "transform" ? { exec_args: execArgs } : {}),
        },
      });
      if (status === "executing") this.auditCheckpoint(stepId, runId, seq, who.actor, now);
      if (approvalId) {
        const expiresAt = now + (decision.timeout_seconds ?? 1800) * 1000;
        this.sql.exec(
          `INSERT INTO approvals (${APPROVAL_COLUMNS}) VALUES (?, ?, ?, 'pending', ?, NULL, NULL, ?, ?, NULL)`,
          approvalId,
          stepId,
          runId,
          JSON.stringify(decision.approvers),
          now,
          expiresAt,
        );
        this.audit.append({
          ...base,
          type: "approval.requested",
          data: {
            approval_id: approvalId,
            approvers: [...decision.approvers],
            expires_at: iso(expiresAt),
          },
        });
      }
    });
    // The row as stored, without reading it back.
    const row: StepRow = {
      id: stepId,
      run_id: runId,
      seq,
      idempotency_key: input.idempotency_key,
      tool: input.tool,
      args: argsText,
      declared: declaredText,
      decision: storedText,
      status,
      exec_args: execArgsText,
      output: null,
      approval_id: approvalId,
      policy_version: version,
      created_at: now,
      updated_at: now,
    };
    const idles = found.run_idle_timeout_ms !== null;
    if (status === "executing") this.rememberExecuting({ row, decision: stored, idles });
    return ok({ ...this.stepView(row, stored), replay: false });
  }

  /**
   * The checkpoint, the durable record that a side effect may start, is the step's own row in
   * `status = 'executing'` with its `exec_args`, committed before the verdict is returned (its
   * time is the step's `created_at`, or its approval's `decided_at`). Called in that same
   * transaction, to audit it.
   */
  private auditCheckpoint(stepId: string, runId: string, seq: number, actor: Actor, now: number) {
    this.audit.append({ type: "step.checkpointed", runId, stepId, actor, data: { seq }, now });
  }

  getStep(runId: string, stepId: string, now: number): Result<StepView> {
    this.expireApprovals(now);
    const step = this.stepRow(stepId);
    if (!step || step.run_id !== runId) return fail("not_found", "Step not found.");
    return ok(this.stepView(step));
  }

  /** Resolves when the step leaves `awaiting_approval` or after `timeoutMs`. */
  async waitForStep(
    runId: string,
    stepId: string,
    timeoutMs: number,
    now: () => number,
  ): Promise<Result<StepView>> {
    const first = this.getStep(runId, stepId, now());
    if (!first.ok || first.value.status !== "awaiting_approval") return first;
    const expiresAt = this.approvalRow(first.value.approval_id!)!.expires_at;
    const wait = Math.max(0, Math.min(timeoutMs, expiresAt - now() + 5));
    await new Promise<void>((resolve) => {
      const set = this.waiters.get(stepId) ?? new Set();
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        resolve();
      };
      const timer = setTimeout(done, wait);
      set.add(done);
      this.waiters.set(stepId, set);
    });
    return this.getStep(runId, stepId, now());
  }

  private notify(stepId: string) {
    for (const done of this.waiters.get(stepId) ?? []) done();
    this.waiters.delete(stepId);
  }

  report(
    runId: string,
    stepId: string,
    input: { status: "ok" | "error"; output: JsonValue },
    actor: Actor,
    now: number,
    /** Further writes that must commit with the result (e.g. the session's tool message). */
    alongside?: () => void,
  ): Result<StepView> {
    const cached = this.executing.get(stepId);
    try {
      if (cached) return this.storeResult(cached.row, cached, runId, input, actor, now, alongside);
      return this.storeResult(this.stepRow(stepId), null, runId, input, actor, now, alongside);
    } catch (e) {
      if (e !== STALE_STEP) throw e;
      this.executing.delete(stepId);
      return this.storeResult(this.stepRow(stepId), null, runId, input, actor, now, alongside);
    } finally {
      if (cached) this.executing.delete(stepId);
    }
  }

  /** `known`: what the proposal left in memory about the step, if it is remembered. */
  private storeResult(
    step: StepRow | undefined,
    known: { decision: StoredDecision; idles: boolean } | null,
    runId: string,
    input: { status: "ok" | "error"; output: JsonValue },
    actor: Actor,
    now: number,
    alongside?: () => void,
  ): Result<StepView> {
    if (!step || step.run_id !== runId) return fail("not_found", "Step not found.");
    const stepId = step.id;
    const final: StepStatus = input.status === "ok" ? "succeeded" : "failed";
    let output = redactJson(input.output);
    let outputText = JSON.stringify(output);
    if (outputText.length > MAX_OUTPUT_CHARS) {
      output = { truncated: true, preview: outputText.slice(0, 2000) };
      outputText = JSON.stringify(output);
    }
    if (step.status === "succeeded" || step.status === "failed") {
      if (step.status === final) return ok(this.stepView(step));
      return fail("step_already_reported", `The step was already reported as ${step.status}.`);
    }
    if (step.status !== "executing") {
      return fail("step_not_executing", `A ${step.status} step has no result to report.`);
    }
    this.audit.atomically(() => {
      const updated = this.sql.exec(
        `UPDATE steps SET status = ?, output = ?, updated_at = ? WHERE id = ? AND status = 'executing'`,
        final,
        outputText,
        now,
        stepId,
      );
      if (updated.rowsWritten === 0) throw STALE_STEP;
      if (known?.idles !== false) this.touch(runId, now);
      this.audit.append({
        type: "step.completed",
        runId,
        stepId,
        actor,
        data: { status: final, output },
        now,
      });
      alongside?.();
    });
    // The row as updated, without reading it back.
    const stored = { ...step, status: final, output: outputText, updated_at: now };
    return ok(known ? this.stepView(stored, known.decision) : this.stepView(stored));
  }

  private rememberExecuting(step: { row: StepRow; decision: StoredDecision; idles: boolean }) {
    this.executing.set(step.row.id, step);
    if (this.executing.size > EXECUTING_CACHED)
      this.executing.delete(this.executing.keys().next().value!);
  }

  /** Activity on an open run moves its idle deadline. */
  private touch(runId: string, now: number): void {
    this.sql.exec(
      `UPDATE runs SET idle_deadline = ? + idle_timeout_ms WHERE id = ? AND status = 'open'`,
      now,
      runId,
    );
  }

  // ── approvals ────────────────────────────────────────────────────────────────────────────
  listApprovals(status: ApprovalStatus | "all", now: number): ApprovalView[] {
    this.expireApprovals(now);
    return this.sql
      .exec<ApprovalRow>(
        `SELECT ${APPROVAL_COLUMNS} FROM approvals WHERE (?1 = 'all' OR status = ?1) ORDER BY created_at DESC LIMIT 200`,
        status,
      )
      .toArray()
      .map((a) => this.approvalView(a));
  }

  getApproval(id: string, now: number): Result<ApprovalView> {
    this.expireApprovals(now);
    const a = this.approvalRow(id);
    return a ? ok(this.approvalView(a)) : fail("not_found", "Approval not found.");
  }

  decide(
    id: string,
    input: { approve: boolean; reason: string },
    actor: Actor,
    now: number,
  ): Result<ApprovalView> {
    this.expireApprovals(now);
    const a = this.approvalRow(id);
    if (!a) return fail("not_found", "Approval not found.");
    if (a.status !== "pending")
      return fail("approval_closed", `This approval is already ${a.status}.`);
    const approvers = JSON.parse(a.approvers) as string[];
    const allowed =
      approvers.length === 0 ||
      approvers.includes(actor.id) ||
      (actor.role !== undefined && approvers.includes(actor.role)) ||
      (actor.email !== undefined && approvers.includes(actor.email));
    if (!allowed) {
      return fail("not_an_approver", `Only ${approvers.join(", ")} may decide this approval.`);
    }
    const step = this.stepRow(a.step_id)!;
    this.audit.atomically(() => {
      this.sql.exec(
        `UPDATE approvals SET status = ?, reason = ?, decided_by = ?, decided_at = ? WHERE id = ?`,
        input.approve ? "approved" : "denied",
        input.reason,
        JSON.stringify(actor),
        now,
        id,
      );
      this.sql.exec(
        `UPDATE steps SET status = ?, updated_at = ? WHERE id = ?`,
        input.approve ? "executing" : "denied",
        now,
        step.id,
      );
      this.touch(a.run_id, now);
      this.audit.append({
        type: input.approve ? "approval.approved" : "approval.denied",
        runId: a.run_id,
        stepId: a.step_id,
        actor,
        data: { approval_id: id, reason: input.reason, decided_via: decidedVia(actor) },
        now,
      });
      if (input.approve) this.auditCheckpoint(step.id, step.run_id, step.seq, actor, now);
    });
    this.notify(a.step_id);
    return ok(this.approvalView(this.approvalRow(id)!));
  }

  /** Turns overdue approvals into denials; returns the earliest pending expiry, if any. */
  expireApprovals(now: number): number | null {
    const overdue = this.sql
      .exec<ApprovalRow>(
        `SELECT ${APPROVAL_COLUMNS} FROM approvals WHERE status = 'pending' AND expires_at <= ?`,
        now,
      )
      .toArray();
    if (overdue.length > 0) {
      this.audit.atomically(() => {
        for (const a of overdue) {
          this.sql.exec(
            `UPDATE approvals SET status = 'expired', decided_at = ? WHERE id = ?`,
            now,
            a.id,
          );
          this.sql.exec(
            `UPDATE steps SET status = 'denied', updated_at = ? WHERE id = ?`,
            now,
            a.step_id,
          );
          this.audit.append({
            type: "approval.expired",
            runId: a.run_id,
            stepId: a.step_id,
            actor: { kind: "system", id: "gatehouse" },
            data: { approval_id: a.id, expired_at: iso(a.expires_at) },
            now,
          });
        }
      });
      for (const a of overdue) this.notify(a.step_id);
    }
    return this.nextApprovalExpiry();
  }

  /** When the next pending approval expires, or null. */
  nextApprovalExpiry(): number | null {
    return this.sql
      .exec<{ at: number | null }>(
        `SELECT MIN(expires_at) AS at FROM approvals WHERE status = 'pending'`,
      )
      .one().at;
  }
}
