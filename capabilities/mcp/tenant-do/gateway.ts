import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { deniedForEveryCall } from "../../../core/mcp/tool-visibility";
import { wrapUntrusted } from "../../../core/untrusted";
import type { ClockPort, FetchPort, TenantSettings } from "../../../platform/ports";
import { VaultError } from "../../vault/errors";
import type { VaultSession } from "../../vault/resolve";
import type { VaultPort } from "../../vault/vault-port";
import type { AuditLog } from "../../audit/tenant-do/audit-log";
import type { PolicyStore } from "../../policy/tenant-do/policies";
import { redactJson } from "../../../platform/redact";
import { fail, ok, type Result } from "../../../platform/result";
import type { RunEngine } from "../../runs/tenant-do/runs";
import { BUILTIN_TOOLS } from "../../agent-sessions/tenant-do/tools";
import type {
  BuiltinTool,
  ToolOutcome,
  ToolPorts,
} from "../../agent-sessions/tenant-do/tools/types";
import type { Actor, JsonObject } from "../../../platform/tenant-types";
import type { StepView } from "../../runs/contract";
import {
  annotationsFromDeclared,
  declaredFromAnnotations,
  type ToolAnnotations,
} from "./annotations";
import { UpstreamRegistry, type ServerInput, type UpstreamServer } from "./servers";
import {
  callUpstreamTool,
  connectUpstream,
  describeUpstreamFailure,
  listUpstreamTools,
  type UpstreamTool,
} from "./upstream-client";

/** Who is on the other end of an MCP session, as the Worker authenticated them. */
export interface McpCaller {
  /** `grant:<id>` or `token:<id>`: a session is only ever used by the credential that opened it. */
  key: string;
  actor: Actor;
  /** Added to the policy's `context.principal` (the OAuth client and the person). */
  principal: JsonObject;
}

export interface McpToolListing {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
  annotations: ToolAnnotations;
}

export type McpCallOutcome =
  | { kind: "result"; text: string; isError: boolean; step_id: string | null }
  | { kind: "awaiting"; step_id: string; run_id: string; approval_id: string; expires_at: string }
  | { kind: "unknown_tool" };

type SessionRow = { id: string; run_id: string; principal_key: string; closed_at: number | null };

type ResolvedTool =
  | { kind: "builtin"; name: string; tool: BuiltinTool }
  | { kind: "upstream"; name: string; server: UpstreamServer; tool: UpstreamTool };

const SERVER_NAME = /^[a-z][a-z0-9_-]{0,31}$/;
const MAX_RESULT_CHARS = 60_000;

const text = (t: string, isError: boolean, stepId: string | null): McpCallOutcome => ({
  kind: "result",
  text: t,
  isError,
  step_id: stepId,
});

/**
 * The tenant's MCP gateway: one run per MCP session, every tools/call proposed as a step of it
 * (policy, checkpoint, approval, audit through the run engine), built-in tools executed here and
 * upstream tools forwarded with the official SDK's client.
 */
export class McpGateway {
  readonly servers: UpstreamRegistry;
  private readonly clients = new Map<
    string,
    { client: Client; url: string; bearer: string | null }
  >();

  constructor(
    private readonly sql: SqlStorage,
    private readonly ports: {
      vault: VaultPort;
      clock: ClockPort;
      fetch: FetchPort;
      tools: ToolPorts;
      settings: Pick<TenantSettings, "mcpUpstreamLoopback">;
    },
    private readonly tenantId: () => string,
    audit: AuditLog,
    private readonly policies: PolicyStore,
    private readonly runs: RunEngine,
  ) {
    this.servers = new UpstreamRegistry(sql, audit);
  }

  // ── sessions ─────────────────────────────────────────────────────────────────────────────
  openSession(
    caller: McpCaller,
    client: { name: string; version: string },
    protocolVersion: string,
    now: number,
  ): { session_id: string; run_id: string } {
    const run = this.runs.openRun(
      {
        agent: `mcp:${client.name}`.slice(0, 100),
        metadata: {
          environment: "mcp",
          extra: { mcp_client: client.name, mcp_client_version: client.version },
        },
      },
      caller.actor,
      now,
    );
    const id = `mcps_${crypto.randomUUID()}`;
    this.sql.exec(
      `INSERT INTO mcp_sessions (id, run_id, principal_key, principal, client, protocol_version, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      id,
      run.id,
      caller.key,
      JSON.stringify(caller.principal),
      JSON.stringify(client),
      protocolVersion,
      now,
    );
    return { session_id: id, run_id: run.id };
  }

  /** The caller's open session; another credential's session is "not found", never shared. */
  private session(id: string, caller: McpCaller): Result<SessionRow> {
    const row = this.sql
      .exec<SessionRow>(
        `SELECT id, run_id, principal_key, closed_at FROM mcp_sessions WHERE id = ?`,
        id,
      )
      .toArray()[0];
    if (!row || row.principal_key !== caller.key || row.closed_at !== null) {
      return fail("session_not_found", "No such MCP session; initialize a new one.");
    }
    return ok(row);
  }

  checkSession(id: string, caller: McpCaller): Result<{ run_id: string }> {
    const s = this.session(id, caller);
    return s.ok ? ok({ run_id: s.value.run_id }) : s;
  }

  closeSession(id: string, caller: McpCaller, now: number): Result<null> {
    const s = this.session(id, caller);
    if (!s.ok) return s;
    this.sql.exec(`UPDATE mcp_sessions SET closed_at = ? WHERE id = ?`, now, id);
    this.runs.completeRun(s.value.run_id, caller.actor, now);
    return ok(null);
  }

  // ── tools ────────────────────────────────────────────────────────────────────────────────
  private resolve(name: string): ResolvedTool | null {
    const builtin = BUILTIN_TOOLS.get(name);
    if (builtin) return { kind: "builtin", name, tool: builtin };
    const dot = name.indexOf(".");
    if (dot < 1) return null;
    const server = this.servers.get(name.slice(0, dot));
    const tool = server?.tools.find((t) => t.name === name.slice(dot + 1));
    return server && tool ? { kind: "upstream", name, server, tool } : null;
  }

  /** Built-in and upstream tools, minus those the active policy denies for every call. */
  listTools(sessionId: string, caller: McpCaller): Result<McpToolListing[]> {
    const s = this.session(sessionId, caller);
    if (!s.ok) return s;
    const { bundle } = this.policies.active();
    const all: McpToolListing[] = [
      ...[...BUILTIN_TOOLS.values()].map((t) => ({
        name: t.spec.name,
        description: t.spec.description,
        inputSchema: t.spec.input_schema as Record<string, unknown>,
        annotations: annotationsFromDeclared(t.declared({})),
      })),
      ...this.servers.all().flatMap((server) =>
        server.tools.map((t) => ({
          name: `${server.name}.${t.name}`,
          description: t.description,
          inputSchema: t.inputSchema,
          annotations: t.annotations,
        })),
      ),
    ];
    return ok(all.filter((t) => !deniedForEveryCall(bundle, t.name)));
  }

  /** A previous, unfinished proposal of the same call in this run, to resume on a retry. */
  private pendingKey(runId: string, tool: string, args: JsonObject): string | null {
    const row = this.sql
      .exec<{ idempotency_key: string }>(
        `SELECT s.idempotency_key FROM steps s
          WHERE s.run_id = ? AND s.tool = ? AND s.args = ?
            AND (s.status = 'awaiting_approval'
                 OR (s.status = 'executing' AND NOT EXISTS (SELECT 1 FROM tool_starts t WHERE t.step_id = s.id)))
          ORDER BY s.seq DESC LIMIT 1`,
        runId,
        tool,
        JSON.stringify(redactJson(args)),
      )
      .toArray()[0];
    return row?.idempotency_key ?? null;
  }

  async call(
    sessionId: string,
    caller: McpCaller,
    input: { name: string; args: JsonObject; idempotency_key?: string },
    now: number,
  ): Promise<Result<McpCallOutcome>> {
    const s = this.session(sessionId, caller);
    if (!s.ok) return s;
    const tool = this.resolve(input.name);
    if (!tool) return ok({ kind: "unknown_tool" });
    const runId = s.value.run_id;
    const declared =
      tool.kind === "builtin"
        ? (tool.tool.declared(input.args) as JsonObject)
        : declaredFromAnnotations(tool.server.name, tool.tool.annotations);
    const key =
      input.idempotency_key ??
      this.pendingKey(runId, input.name, input.args) ??
      `mcp:${crypto.randomUUID()}`;
    const proposed = this.runs.propose(
      runId,
      {
        tool: input.name,
        args: input.args,
        declared,
        idempotency_key: key,
        principal_extra: caller.principal,
      },
      { actor: caller.actor, channel: "mcp" },
      now,
    );
    if (!proposed.ok) return proposed;
    return ok(await this.settle(sessionId, tool, proposed.value, caller.actor, now));
  }

  /** After an approval wait: where the step stands now, executing it if it was approved. */
  async resume(
    sessionId: string,
    caller: McpCaller,
    stepId: string,
    now: number,
  ): Promise<Result<McpCallOutcome>> {
    const s = this.session(sessionId, caller);
    if (!s.ok) return s;
    const step = this.runs.getStep(s.value.run_id, stepId, now);
    if (!step.ok) return step;
    const tool = this.resolve(step.value.tool);
    if (!tool) return ok(text(`${step.value.tool} is no longer available.`, true, stepId));
    return ok(await this.settle(sessionId, tool, step.value, caller.actor, now));
  }

  private async settle(
    sessionId: string,
    tool: ResolvedTool,
    step: StepView,
    actor: Actor,
    now: number,
  ): Promise<McpCallOutcome> {
    switch (step.status) {
      case "awaiting_approval": {
        const approval = this.runs.getApproval(step.approval_id!, now);
        return {
          kind: "awaiting",
          step_id: step.step_id,
          run_id: step.run_id,
          approval_id: step.approval_id!,
          expires_at: approval.ok ? approval.value.expires_at : "",
        };
      }
      case "denied": {
        if (step.approval_id) {
          const a = this.runs.getApproval(step.approval_id, now);
          const how =
            a.ok && a.value.status === "expired" ? "expired without a decision" : "was denied";
          const why = a.ok && a.value.reason ? `: ${a.value.reason}` : "";
          return text(
            `Not run: the approval ${step.approval_id} ${how}${why}.`,
            true,
            step.step_id,
          );
        }
        return text(
          `Denied by policy${step.rule_id ? ` (${step.rule_id})` : ""}: ${step.reason}`,
          true,
          step.step_id,
        );
      }
      case "dry_run":
        return text(
          `Dry run only, not executed. Would run ${step.tool} with ${JSON.stringify(step.exec_args ?? step.args)}.`,
          false,
          step.step_id,
        );
      case "cancelled":
        return text("Not run: the call was cancelled.", true, step.step_id);
      case "succeeded":
      case "failed": {
        const out = step.output as { content?: unknown } | null;
        const recorded = typeof out?.content === "string" ? out.content : "(no recorded output)";
        return text(recorded, step.status === "failed", step.step_id);
      }
      case "executing":
        return this.execute(sessionId, tool, step, actor, now);
    }
  }

  private async execute(
    sessionId: string,
    tool: ResolvedTool,
    step: StepView,
    actor: Actor,
    now: number,
  ): Promise<McpCallOutcome> {
    const started =
      this.sql.exec(`SELECT 1 FROM tool_starts WHERE step_id = ?`, step.step_id).toArray().length >
      0;
    if (started) {
      return text(
        "This call was already started and its result is not recorded yet; it is not run twice.",
        true,
        step.step_id,
      );
    }
    // Committed before the side effect, so a retry never starts it a second time.
    this.sql.exec(`INSERT INTO tool_starts (step_id, at) VALUES (?, ?)`, step.step_id, now);
    const args = (step.exec_args ?? step.args) as Record<string, unknown>;
    const vault = await this.ports.vault.open();
    let outcome: ToolOutcome;
    try {
      outcome =
        tool.kind === "builtin"
          ? await this.runBuiltin(tool.tool, sessionId, vault, args, now)
          : await this.runUpstream(tool.server, tool.tool.name, vault, args);
      await vault.rememberAll();
      outcome = { ...outcome, content: vault.mask(outcome.content).slice(0, MAX_RESULT_CHARS) };
    } catch (e) {
      outcome = {
        content: e instanceof VaultError ? e.message : `${tool.name} failed`,
        isError: true,
        record: null,
        warnings: [],
      };
    } finally {
      vault.close();
    }
    this.runs.report(
      step.run_id,
      step.step_id,
      {
        status: outcome.isError ? "error" : "ok",
        output: { content: outcome.content, detail: outcome.record, warnings: outcome.warnings },
      },
      actor,
      this.ports.clock.now(),
    );
    return text(outcome.content, outcome.isError, step.step_id);
  }

  private runBuiltin(
    tool: BuiltinTool,
    sessionId: string,
    vault: VaultSession,
    args: Record<string, unknown>,
    now: number,
  ): Promise<ToolOutcome> {
    return tool.execute(
      { ports: this.ports.tools, tenantId: this.tenantId(), sessionId, sql: this.sql, vault, now },
      args,
    );
  }

  private async client(server: UpstreamServer, vault: VaultSession): Promise<Client> {
    // Through the resolver: the credential goes only where the secret's destinations allow.
    const bearer = server.credential_secret
      ? await vault.resolveFor(server.credential_secret, server.url, {
          kind: "header",
          name: "authorization",
        })
      : null;
    const cached = this.clients.get(server.name);
    if (cached && cached.url === server.url && cached.bearer === bearer) return cached.client;
    if (cached) await cached.client.close().catch(() => undefined);
    const client = await connectUpstream({
      url: server.url,
      bearer,
      timeoutMs: server.timeout_ms,
      allowLoopback: this.ports.settings.mcpUpstreamLoopback,
      fetch: this.ports.fetch,
    });
    this.clients.set(server.name, { client, url: server.url, bearer });
    return client;
  }

  private async dropClient(name: string): Promise<void> {
    const cached = this.clients.get(name);
    this.clients.delete(name);
    await cached?.client.close().catch(() => undefined);
  }

  private async runUpstream(
    server: UpstreamServer,
    toolName: string,
    vault: VaultSession,
    args: Record<string, unknown>,
  ): Promise<ToolOutcome> {
    try {
      const client = await this.client(server, vault);
      const result = await callUpstreamTool(client, toolName, args, server.timeout_ms);
      await vault.rememberAll();
      const wrapped = wrapUntrusted(vault.mask(result.texts.join("\n")), {
        source: `mcp:${server.name}.${toolName}`,
      });
      const omitted = result.omitted.length
        ? `\n[gatehouse: ${result.omitted.length} non-text item(s) omitted: ${result.omitted.join(", ")}]`
        : "";
      return {
        content: wrapped.text + omitted,
        isError: result.isError,
        record: { server: server.name, injection_findings: wrapped.findings.length },
        warnings: wrapped.findings.map((f) => `possible prompt injection (${f.kind})`),
      };
    } catch (e) {
      await this.dropClient(server.name);
      if (e instanceof VaultError) throw e;
      const message = vault.mask(describeUpstreamFailure(e));
      this.servers.recordError(server.name, message);
      return { content: `${server.name}: ${message}`, isError: true, record: null, warnings: [] };
    }
  }

  // ── upstream servers ─────────────────────────────────────────────────────────────────────
  async putServer(input: ServerInput, actor: Actor, now: number) {
    if (!SERVER_NAME.test(input.name)) {
      return fail("invalid_name", "Server names are lowercase letters, digits, _ and -.");
    }
    const put = this.servers.put(input, actor, now);
    if (!put.ok) return put;
    await this.dropClient(input.name);
    await this.refreshTools(input.name, now);
    const view = this.servers.viewOf(input.name);
    return view.ok ? ok({ server: view.value, created: put.value.created }) : view;
  }

  /** Connects, lists the server's tools and remembers them ("test connection"). */
  async refreshTools(name: string, now: number) {
    const server = this.servers.get(name);
    if (!server) return fail("not_found", "No such upstream server.");
    const vault = await this.ports.vault.open();
    try {
      const client = await this.client(server, vault);
      const tools = await listUpstreamTools(client, server.timeout_ms);
      this.servers.recordTools(name, tools, now);
    } catch (e) {
      await this.dropClient(name);
      await vault.rememberAll().catch(() => undefined);
      this.servers.recordError(
        name,
        e instanceof VaultError ? e.message : vault.mask(describeUpstreamFailure(e)),
      );
    } finally {
      vault.close();
    }
    return this.servers.viewOf(name);
  }

  async removeServer(name: string, actor: Actor, now: number) {
    await this.dropClient(name);
    return this.servers.remove(name, actor, now);
  }
}
