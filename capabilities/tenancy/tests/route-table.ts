import { env } from "cloudflare:test";
import { toBase64 } from "../../../core/encoding";
import type { Env } from "../../../platform/env";
import type { Action, Role } from "../../../core/permissions";
import type { StepUpOperationName } from "../../../core/step-up";
import { ed25519Cosigner } from "../../../core/audit/c2sp-cosignature";
import { call, freshEmail } from "../../../tests/helpers/client";
import { putSecret } from "./helpers";

/**
 * Every `/api/tenants/{t}…` route, with the action it needs and how to give it a valid request
 * in a given tenant. The cross-tenant and role-matrix tests run over this table, and a test fails
 * if the OpenAPI document lists a tenant route that is missing here, so new routes get covered.
 */
export interface TenantRoute {
  action: Action;
  /** `step_up`: a person with a recent sign-in; `person`: any signed-in person (no token). */
  needs?: "step_up" | "person";
  /** Run each case in a tenant of its own (the route deletes it or removes the caller). */
  fresh?: boolean;
  /** Status of a successful call. */
  success: 200 | 201 | 202;
  /**
   * Mutating routes: the audit event types a successful call appends, in order (the audit test
   * fails for a POST/PUT/PATCH/DELETE route without this), or why it appends none.
   */
  audit?: readonly string[] | { none: string };
  /** Bindings the audit test overrides for the call (e.g. a rotated KEK ring for rewrap). */
  auditEnv?: Partial<Env>;
  /** Creates what the call acts on in `tenantId`; returns the path parameters, query and body. */
  prepare: Prepare;
  /**
   * A conditional entry of the step-up list (core/step-up.ts): how to make this call the
   * sensitive kind (`prepare` above stays the ordinary kind, which needs no step-up).
   */
  stepUp?: { operation: StepUpOperationName; prepare: Prepare; success?: 200 };
}

/** Who will make the call (the role matrix passes it; the owner's session otherwise). */
export type Caller = { cookie: string } | { token: string };

type Prepare = (
  tenantId: string,
  ownerCookie: string,
  caller?: Caller,
) => Promise<{ params?: Record<string, string>; query?: string; body?: unknown }>;

let counter = 0;
const unique = () => `${Date.now().toString(36)}_${++counter}`.toUpperCase();
const none = async () => ({});

async function targetMember(tenantId: string, role: Role): Promise<string> {
  const id = crypto.randomUUID();
  await env.DB.batch([
    env.DB.prepare("INSERT INTO users (id, email, created_at) VALUES (?1, ?2, ?3)").bind(
      id,
      freshEmail("target"),
      Date.now(),
    ),
    env.DB.prepare(
      "INSERT INTO memberships (tenant_id, user_id, role, created_at) VALUES (?1, ?2, ?3, ?4)",
    ).bind(tenantId, id, role, Date.now()),
  ]);
  return id;
}

async function ownerOf(tenantId: string): Promise<string> {
  const row = await env.DB.prepare(
    "SELECT user_id FROM memberships WHERE tenant_id = ?1 AND role = 'owner' ORDER BY created_at LIMIT 1",
  )
    .bind(tenantId)
    .first<{ user_id: string }>();
  return row!.user_id;
}

async function targetInvite(tenantId: string): Promise<string> {
  const id = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO invites (id, tenant_id, email, role, token_hash, invited_by, created_at, expires_at)
     VALUES (?1, ?2, ?3, 'viewer', ?4, ?5, ?6, ?7)`,
  )
    .bind(
      id,
      tenantId,
      freshEmail("invitee"),
      crypto.randomUUID(),
      await ownerOf(tenantId),
      Date.now(),
      Date.now() + 86_400_000,
    )
    .run();
  return id;
}

async function targetToken(tenantId: string): Promise<string> {
  const id = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO api_tokens (id, tenant_id, name, role, token_hash, created_by, created_at)
     VALUES (?1, ?2, 'target', 'viewer', ?3, ?4, ?5)`,
  )
    .bind(id, tenantId, crypto.randomUUID(), await ownerOf(tenantId), Date.now())
    .run();
  return id;
}

/** A connected MCP client of another member (issue 13), straight into D1. */
async function targetGrant(tenantId: string): Promise<string> {
  const id = `mcpg_${crypto.randomUUID()}`;
  await env.DB.prepare(
    `INSERT INTO mcp_grants (id, tenant_id, user_id, client_id, client_name, redirect_host, scopes, created_at)
     VALUES (?1, ?2, ?3, 'client-1', 'Some client', '127.0.0.1', 'mcp', ?4)`,
  )
    .bind(id, tenantId, await targetMember(tenantId, "operator"), Date.now())
    .run();
  return id;
}

/** An upstream MCP server that cannot be reached (registering one still succeeds). */
const UNREACHABLE_UPSTREAM = { url: "https://mcp.unreachable.invalid/mcp", timeout_ms: 1000 };

async function witnessKey(): Promise<string> {
  // A witness's name is unique in a tenant, so each fixture gets its own.
  const cosigner = await ed25519Cosigner(
    `witness.example/${unique()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")}`,
    crypto.getRandomValues(new Uint8Array(32)),
  );
  return cosigner.vkey;
}

async function created(res: Response, what: string): Promise<string> {
  if (res.status !== 201) throw new Error(`fixture ${what}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function targetWitness(tenantId: string, ownerCookie: string): Promise<string> {
  return created(
    await call(`/api/tenants/${tenantId}/audit/witnesses`, {
      cookie: ownerCookie,
      body: { url: "https://witness.example", vkey: await witnessKey() },
    }),
    "witness",
  );
}

const APPROVAL_HOOK = { url: "https://hooks.slack.example/services/T1/B2/abcd" } as const;

async function configuredApprovalWebhook(tenantId: string, ownerCookie: string): Promise<void> {
  const res = await call(`/api/tenants/${tenantId}/approvals/webhook`, {
    method: "PUT",
    cookie: ownerCookie,
    body: APPROVAL_HOOK,
  });
  if (res.status !== 200)
    throw new Error(`fixture approval webhook: ${res.status} ${await res.text()}`);
}

const SINK = { kind: "webhook", url: "https://siem.example/ingest", secret: "SIEM_KEY" } as const;

async function targetSink(tenantId: string, ownerCookie: string): Promise<string> {
  return created(
    await call(`/api/tenants/${tenantId}/audit/sinks`, {
      cookie: ownerCookie,
      body: { sink: SINK, from_seq: 0 },
    }),
    "sink",
  );
}

async function targetServer(tenantId: string): Promise<string> {
  const name = `s${unique()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")}`.slice(0, 30);
  const stub = env.TENANT.get(env.TENANT.idFromName(tenantId));
  const put = await stub.mcpPutServer(
    { name, url: UNREACHABLE_UPSTREAM.url, credential_secret: null, timeout_ms: 1000 },
    { kind: "system", id: "fixture" },
  );
  if (!put.ok) throw new Error(`fixture server: ${put.message}`);
  return name;
}

async function targetSecret(tenantId: string, ownerCookie: string): Promise<string> {
  const name = `S_${unique()}`;
  const res = await putSecret(ownerCookie, tenantId, name, `value-of-${name}`);
  if (res.status !== 201) throw new Error(`fixture secret: ${res.status} ${await res.text()}`);
  return name;
}

async function targetRequest(tenantId: string, name = `ASKED_${unique()}`): Promise<string> {
  const id = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO secret_requests (id, tenant_id, name, description, requested_by, status, created_at, expires_at)
     VALUES (?1, ?2, ?3, 'fixture', 'run:fixture', 'pending', ?4, ?5)`,
  )
    .bind(id, tenantId, name, Date.now(), Date.now() + 3_600_000)
    .run();
  return id;
}

const stub = (tenantId: string) => env.TENANT.get(env.TENANT.idFromName(tenantId));
const FIXTURE_ACTOR = { kind: "system" as const, id: "fixture" };

async function targetRun(tenantId: string): Promise<string> {
  const opened = await stub(tenantId).openRun({ agent: "fixture", metadata: {} }, FIXTURE_ACTOR);
  if (!opened.ok) throw new Error(opened.message);
  return opened.value.id;
}

/** A run opened over HTTP by `caller` (creator-only routes); a fixture run if it may not. */
async function callersRun(tenantId: string, caller: Caller): Promise<string> {
  const res = await call(`/api/tenants/${tenantId}/runs`, {
    body: { agent: "table" },
    ...("cookie" in caller
      ? { cookie: caller.cookie }
      : { origin: null, headers: { authorization: `Bearer ${caller.token}` } }),
  });
  if (res.status !== 201) return targetRun(tenantId);
  return ((await res.json()) as { run: { id: string } }).run.id;
}

/** A step of a new run: `executing` (allowed by the default policy) or awaiting approval. */
async function targetStep(tenantId: string, kind: "executing" | "approval") {
  const run = await targetRun(tenantId);
  const call: { tool: string; args: Record<string, string | number> } =
    kind === "executing"
      ? { tool: "http_fetch", args: { url: "https://example.com/" } }
      : { tool: "pay", args: { amount: 1 } };
  const step = await stub(tenantId).proposeStep(
    run,
    { ...call, declared: {}, idempotency_key: unique() },
    FIXTURE_ACTOR,
    "api",
  );
  if (!step.ok) throw new Error(step.message);
  return { r: run, s: step.value.step_id, a: step.value.approval_id ?? "" };
}

/** A provider configured straight in the tenant's object (its key need not exist). */
async function targetProvider(tenantId: string): Promise<string> {
  const id = `fixture-${unique().toLowerCase()}`.replace(/[^a-z0-9-]/g, "-");
  const put = await stub(tenantId).putProvider(
    {
      id,
      kind: "anthropic",
      baseUrl: "https://api.anthropic.com",
      models: ["fixture"],
      keySecret: "NOT_IN_VAULT",
    },
    FIXTURE_ACTOR,
  );
  if (!put.ok) throw new Error("provider fixture");
  return id;
}

async function targetSession(tenantId: string): Promise<string> {
  const created = await stub(tenantId).createAgentSession(
    {
      provider_id: await targetProvider(tenantId),
      max_tokens: 64,
      system: "fixture",
      title: "fixture",
    },
    FIXTURE_ACTOR,
  );
  if (!created.ok) throw new Error(created.message);
  return created.value.id;
}

/** The test ring with a new KEK first: the tenant's DEK (under k1) then needs a rewrap. */
const ROTATED_RING = `k2:${toBase64(Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + 3) & 255))},${env.VAULT_KEKS}`;

const POLICY_SOURCE =
  "version: 1\nrules:\n  - id: r\n    match: { tool: t }\n    decision: allow\n";

export const TENANT_ROUTES: Record<string, TenantRoute> = {
  "GET /api/tenants/{t}/policies": { action: "policies.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/policies": {
    audit: ["policy.created"],
    action: "policies.write",
    success: 201,
    prepare: async () => ({ body: { source: POLICY_SOURCE } }),
  },
  "GET /api/tenants/{t}/policies/{v}": {
    action: "policies.read",
    success: 200,
    prepare: async () => ({ params: { v: "1" } }),
  },
  "POST /api/tenants/{t}/policies/{v}/activate": {
    audit: ["policy.activated"],
    action: "policies.activate",
    needs: "step_up",
    success: 200,
    prepare: async () => ({ params: { v: "1" } }),
  },
  "GET /api/tenants/{t}/runs": { action: "runs.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/runs": {
    audit: ["run.opened"],
    action: "runs.create",
    success: 201,
    prepare: async () => ({ body: { agent: "table" } }),
  },
  "GET /api/tenants/{t}/runs/{r}": {
    action: "runs.read",
    success: 200,
    prepare: async (t) => ({ params: { r: await targetRun(t) } }),
  },
  "POST /api/tenants/{t}/runs/{r}/token": {
    audit: ["run.token_reissued"],
    action: "runs.create",
    success: 200,
    prepare: async (t, owner, caller = { cookie: owner }) => ({
      params: { r: await callersRun(t, caller) },
      body: {},
    }),
  },
  "POST /api/tenants/{t}/runs/{r}/complete": {
    audit: ["run.completed"],
    action: "runs.complete",
    success: 200,
    prepare: async (t) => ({ params: { r: await targetRun(t) }, body: {} }),
  },
  "POST /api/tenants/{t}/runs/{r}/cancel": {
    audit: ["run.cancelled"],
    action: "runs.cancel",
    success: 200,
    prepare: async (t) => ({ params: { r: await targetRun(t) }, body: {} }),
  },
  "POST /api/tenants/{t}/runs/{r}/steps": {
    audit: ["step.proposed", "step.decided", "approval.requested"],
    action: "steps.propose",
    success: 200,
    prepare: async (t) => ({
      params: { r: await targetRun(t) },
      body: { tool: "lookup", args: {}, idempotency_key: "k" },
    }),
  },
  "GET /api/tenants/{t}/runs/{r}/steps/{s}": {
    action: "runs.read",
    success: 200,
    prepare: async (t) => ({ params: await targetStep(t, "executing") }),
  },
  "POST /api/tenants/{t}/runs/{r}/steps/{s}/result": {
    audit: ["step.completed"],
    action: "steps.report",
    success: 200,
    prepare: async (t) => ({
      params: await targetStep(t, "executing"),
      body: { status: "ok", output: { n: 1 } },
    }),
  },
  "GET /api/tenants/{t}/approvals": { action: "approvals.read", success: 200, prepare: none },
  "GET /api/tenants/{t}/approvals/webhook": {
    action: "approvals.configure",
    success: 200,
    prepare: none,
  },
  "PUT /api/tenants/{t}/approvals/webhook": {
    action: "approvals.configure",
    success: 200,
    audit: ["approval_webhook.configured"],
    prepare: async () => ({ body: APPROVAL_HOOK }),
  },
  "DELETE /api/tenants/{t}/approvals/webhook": {
    action: "approvals.configure",
    success: 200,
    audit: ["approval_webhook.removed"],
    prepare: async (t, cookie) => {
      await configuredApprovalWebhook(t, cookie);
      return {};
    },
  },
  "POST /api/tenants/{t}/approvals/{a}/decision": {
    audit: ["approval.denied"],
    action: "approvals.decide",
    // Unless the tenant's tokens_may_approve setting is on (tests/attacks/authz-approvals.test.ts).
    needs: "person",
    success: 200,
    prepare: async (t) => ({
      params: await targetStep(t, "approval"),
      body: { decision: "deny", reason: "table" },
    }),
  },
  "POST /api/tenants/{t}/approvals/{a}/link": {
    audit: ["approval.link_created"],
    action: "approvals.decide",
    needs: "person",
    success: 200,
    prepare: async (t) => ({ params: await targetStep(t, "approval") }),
  },
  "GET /api/tenants/{t}/audit/events": { action: "audit.read", success: 200, prepare: none },
  "GET /api/tenants/{t}/audit/head": { action: "audit.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/audit/checkpoints": {
    audit: { none: "a signed head signs the log; it is not a change to record in it" },
    action: "audit.read",
    success: 200,
    prepare: none,
  },
  "GET /api/tenants/{t}/audit/proofs/inclusion": {
    action: "audit.read",
    success: 200,
    prepare: async () => ({ query: "seq=1" }),
  },
  "GET /api/tenants/{t}/audit/proofs/consistency": {
    action: "audit.read",
    success: 200,
    prepare: async () => ({ query: "from=1" }),
  },
  "GET /api/tenants/{t}/audit/checkpoint": { action: "audit.read", success: 200, prepare: none },
  "GET /api/tenants/{t}/audit/proofs/{seq}/tlog-proof": {
    action: "audit.read",
    success: 200,
    prepare: async () => ({ params: { seq: "1" } }),
  },
  "GET /api/tenants/{t}/audit/log-keys": { action: "audit.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/audit/log-keys/rotate": {
    action: "audit.rotate_log_key",
    needs: "step_up",
    success: 200,
    audit: ["audit.log_key_rotated"],
    prepare: none,
  },
  "GET /api/tenants/{t}/audit/transparency": {
    action: "audit.read",
    success: 200,
    prepare: none,
  },
  "PUT /api/tenants/{t}/audit/transparency/public": {
    action: "audit.configure",
    success: 200,
    audit: ["audit.public_changed"],
    prepare: async () => ({ body: { enabled: true } }),
  },
  "POST /api/tenants/{t}/audit/witnesses": {
    action: "audit.configure",
    success: 201,
    audit: ["audit.witness_added"],
    prepare: async () => ({ body: { url: "https://witness.example", vkey: await witnessKey() } }),
  },
  "DELETE /api/tenants/{t}/audit/witnesses/{id}": {
    action: "audit.configure",
    success: 200,
    audit: ["audit.witness_removed"],
    prepare: async (t, cookie) => ({ params: { id: await targetWitness(t, cookie) } }),
  },
  "GET /api/tenants/{t}/audit/sinks": { action: "audit.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/audit/sinks": {
    action: "audit.configure",
    success: 201,
    audit: ["audit.sink_added"],
    prepare: async () => ({ body: { sink: SINK, from_seq: 0 } }),
  },
  "POST /api/tenants/{t}/audit/sinks/{id}/test": {
    action: "audit.configure",
    success: 200,
    audit: { none: "delivers (or resends) events already in the log; it changes no setting" },
    prepare: async (t, cookie) => ({ params: { id: await targetSink(t, cookie) } }),
  },
  "DELETE /api/tenants/{t}/audit/sinks/{id}": {
    action: "audit.configure",
    success: 200,
    audit: ["audit.sink_removed"],
    prepare: async (t, cookie) => ({ params: { id: await targetSink(t, cookie) } }),
  },
  "GET /api/tenants/{t}/audit/export": { action: "audit.export", success: 200, prepare: none },
  "GET /api/tenants/{t}/agent-sessions": {
    action: "agent_sessions.read",
    success: 200,
    prepare: none,
  },
  "POST /api/tenants/{t}/agent-sessions": {
    audit: ["run.opened", "session.created"],
    action: "agent_sessions.create",
    success: 201,
    prepare: async (t) => ({ body: { provider_id: await targetProvider(t) } }),
  },
  "GET /api/tenants/{t}/providers": { action: "providers.read", success: 200, prepare: none },
  "PUT /api/tenants/{t}/providers/{id}": {
    action: "providers.configure",
    needs: "step_up",
    success: 201,
    audit: ["provider.configured", "secret.destinations_changed"],
    prepare: async (t, cookie) => ({
      params: { id: `p-${unique().toLowerCase()}`.replace(/[^a-z0-9-]/g, "-") },
      body: { kind: "anthropic", models: ["m"], key_secret: await targetSecret(t, cookie) },
    }),
  },
  "DELETE /api/tenants/{t}/providers/{id}": {
    action: "providers.configure",
    needs: "step_up",
    success: 200,
    audit: ["provider.removed"],
    prepare: async (t) => ({ params: { id: await targetProvider(t) } }),
  },
  "GET /api/tenants/{t}/agent-sessions/{s}": {
    action: "agent_sessions.read",
    success: 200,
    prepare: async (t) => ({ params: { s: await targetSession(t) } }),
  },
  "GET /api/tenants/{t}/agent-sessions/{s}/events": {
    action: "agent_sessions.read",
    success: 200,
    prepare: async (t) => ({ params: { s: await targetSession(t) } }),
  },
  "POST /api/tenants/{t}/agent-sessions/{s}/messages": {
    audit: ["session.message_sent"],
    action: "agent_sessions.create",
    success: 202,
    prepare: async (t) => ({ params: { s: await targetSession(t) }, body: { content: "hello" } }),
  },
  "POST /api/tenants/{t}/agent-sessions/{s}/cancel": {
    audit: ["run.cancelled", "session.cancelled"],
    action: "agent_sessions.create",
    success: 200,
    prepare: async (t) => ({ params: { s: await targetSession(t) } }),
  },
  "GET /api/tenants/{t}": { action: "tenant.read", success: 200, prepare: none },
  "PATCH /api/tenants/{t}": {
    audit: ["tenant.renamed"],
    action: "tenant.rename",
    success: 200,
    prepare: async () => ({ body: { name: `Renamed ${unique()}` } }),
  },
  "DELETE /api/tenants/{t}": {
    audit: ["tenant.deleted"],
    action: "tenant.delete",
    needs: "step_up",
    fresh: true,
    success: 200,
    prepare: none,
  },
  "GET /api/tenants/{t}/transfer": { action: "tenant.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/transfer": {
    audit: ["ownership.offered"],
    action: "tenant.transfer",
    needs: "step_up",
    success: 201,
    prepare: async (t) => ({ body: { user_id: await targetMember(t, "admin") } }),
  },
  "DELETE /api/tenants/{t}/transfer": {
    audit: ["ownership.withdrawn"],
    action: "tenant.transfer",
    needs: "step_up",
    success: 200,
    prepare: async (t) => {
      const now = Date.now();
      await env.DB.prepare(
        `INSERT INTO ownership_transfers (id, tenant_id, from_user_id, to_user_id, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)`,
      )
        .bind(
          `otr_${unique()}`,
          t,
          await ownerOf(t),
          await targetMember(t, "viewer"),
          now,
          now + 60_000,
        )
        .run();
      return {};
    },
  },
  "POST /api/tenants/{t}/leave": {
    audit: ["member.left"],
    action: "tenant.read",
    needs: "person",
    fresh: true,
    success: 200,
    // A second owner, so that an owner may leave too.
    prepare: async (t) => (await targetMember(t, "owner"), {}),
  },
  "GET /api/tenants/{t}/members": { action: "members.read", success: 200, prepare: none },
  "PATCH /api/tenants/{t}/members/{user_id}": {
    audit: ["member.role_changed"],
    action: "members.change_role",
    success: 200,
    prepare: async (t) => ({
      params: { user_id: await targetMember(t, "viewer") },
      body: { role: "auditor" },
    }),
    stepUp: {
      operation: "members.change_role",
      prepare: async (t) => ({
        params: { user_id: await targetMember(t, "viewer") },
        body: { role: "admin" },
      }),
    },
  },
  "DELETE /api/tenants/{t}/members/{user_id}": {
    audit: ["member.removed"],
    action: "members.remove",
    needs: "step_up",
    success: 200,
    prepare: async (t) => ({ params: { user_id: await targetMember(t, "viewer") } }),
  },
  "GET /api/tenants/{t}/invites": { action: "members.invite", success: 200, prepare: none },
  "POST /api/tenants/{t}/invites": {
    audit: ["member.invited"],
    action: "members.invite",
    success: 201,
    prepare: async () => ({ body: { email: freshEmail("invited"), role: "viewer" } }),
    stepUp: {
      operation: "members.invite",
      prepare: async () => ({ body: { email: freshEmail("invited"), role: "admin" } }),
    },
  },
  "DELETE /api/tenants/{t}/invites/{id}": {
    audit: ["invite.revoked"],
    action: "members.invite",
    success: 200,
    prepare: async (t) => ({ params: { id: await targetInvite(t) } }),
  },
  "GET /api/tenants/{t}/tokens": { action: "tokens.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/tokens": {
    audit: ["token.created"],
    action: "tokens.create",
    success: 201,
    prepare: async () => ({ body: { name: "ci", role: "viewer" } }),
    stepUp: {
      operation: "tokens.create",
      prepare: async () => ({ body: { name: "ci", role: "owner" } }),
    },
  },
  "DELETE /api/tenants/{t}/tokens/{id}": {
    audit: ["token.revoked"],
    action: "tokens.revoke",
    success: 200,
    prepare: async (t) => ({ params: { id: await targetToken(t) } }),
  },
  "GET /api/tenants/{t}/secrets": { action: "secrets.read_metadata", success: 200, prepare: none },
  "GET /api/tenants/{t}/secrets/{name}": {
    action: "secrets.read_metadata",
    success: 200,
    prepare: async (t, cookie) => ({ params: { name: await targetSecret(t, cookie) } }),
  },
  "PUT /api/tenants/{t}/secrets/{name}": {
    audit: ["secret.stored"],
    action: "secrets.write",
    success: 201,
    prepare: async () => ({ params: { name: `NEW_${unique()}` }, body: { value: "v-123456" } }),
    stepUp: {
      operation: "secrets.write",
      success: 200,
      prepare: async (t, cookie) => ({
        params: { name: await targetSecret(t, cookie) },
        body: { value: "v-overwritten" },
      }),
    },
  },
  "PUT /api/tenants/{t}/secrets/{name}/destinations": {
    action: "secrets.bind",
    needs: "step_up",
    success: 200,
    audit: ["secret.destinations_changed"],
    prepare: async (t, cookie) => ({
      params: { name: await targetSecret(t, cookie) },
      body: {
        destinations: [
          { origin: "https://api.example.com", via: { kind: "header", name: "authorization" } },
        ],
      },
    }),
  },
  "DELETE /api/tenants/{t}/secrets/{name}": {
    audit: ["secret.deleted"],
    action: "secrets.delete",
    needs: "step_up",
    success: 200,
    prepare: async (t, cookie) => ({ params: { name: await targetSecret(t, cookie) } }),
  },
  "GET /api/tenants/{t}/secret-requests": {
    action: "secrets.read_metadata",
    success: 200,
    prepare: none,
  },
  "POST /api/tenants/{t}/secret-requests": {
    audit: ["secret_request.created"],
    action: "steps.propose",
    success: 201,
    prepare: async () => ({
      body: {
        name: "DEPLOY_KEY",
        description: "to deploy the site",
        destination: { origin: "https://api.example.com" },
      },
    }),
  },
  "GET /api/tenants/{t}/secret-requests/{id}": {
    action: "secrets.read_metadata",
    success: 200,
    prepare: async (t) => ({ params: { id: await targetRequest(t) } }),
  },
  "POST /api/tenants/{t}/secret-requests/{id}/answer": {
    audit: ["secret.stored"],
    action: "secrets.write",
    success: 200,
    prepare: async (t) => ({ params: { id: await targetRequest(t) }, body: { value: "answer-1" } }),
    stepUp: {
      operation: "secrets.write",
      prepare: async (t, cookie) => ({
        params: { id: await targetRequest(t, await targetSecret(t, cookie)) },
        body: { value: "answer-overwrites" },
      }),
    },
  },
  "DELETE /api/tenants/{t}/secret-requests/{id}": {
    audit: ["secret_request.declined"],
    action: "secrets.write",
    success: 200,
    prepare: async (t) => ({ params: { id: await targetRequest(t) } }),
  },
  "GET /api/tenants/{t}/mcp/grants": { action: "tenant.read", success: 200, prepare: none },
  // Anyone may disconnect their own client; another member's needs tokens.revoke.
  "DELETE /api/tenants/{t}/mcp/grants/{id}": {
    action: "tokens.revoke",
    success: 200,
    audit: ["mcp.grant_revoked"],
    prepare: async (t) => ({ params: { id: await targetGrant(t) } }),
  },
  "GET /api/tenants/{t}/mcp/servers": { action: "policies.read", success: 200, prepare: none },
  "PUT /api/tenants/{t}/mcp/servers/{name}": {
    action: "policies.write",
    success: 200,
    audit: ["mcp.server_added"],
    prepare: async () => ({
      params: { name: `n${Date.now().toString(36)}` },
      body: UNREACHABLE_UPSTREAM,
    }),
  },
  "POST /api/tenants/{t}/mcp/servers/{name}/test": {
    action: "policies.write",
    success: 200,
    audit: { none: "reconnects and re-reads the upstream's tool list; it changes no setting" },
    prepare: async (t) => ({ params: { name: await targetServer(t) } }),
  },
  "DELETE /api/tenants/{t}/mcp/servers/{name}": {
    action: "policies.write",
    success: 200,
    audit: ["mcp.server_removed"],
    prepare: async (t) => ({ params: { name: await targetServer(t) } }),
  },
  "GET /api/tenants/{t}/keys": { action: "keys.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/keys/rotate": {
    audit: ["dek.rotated"],
    action: "keys.rotate_dek",
    needs: "step_up",
    success: 200,
    prepare: async () => ({ body: {} }),
  },
  "POST /api/tenants/{t}/keys/rewrap": {
    audit: ["kek.rewrapped"],
    auditEnv: { VAULT_KEKS: ROTATED_RING },
    action: "keys.rewrap",
    needs: "step_up",
    success: 200,
    // A secret, so the tenant has a DEK (wrapped by the test ring's k1).
    prepare: async (t, cookie) => (await targetSecret(t, cookie), { body: {} }),
  },
};

/** `"PATCH /api/tenants/{t}/members/{user_id}"` → method and concrete path. */
export function resolveRoute(
  key: string,
  tenantId: string,
  params: Record<string, string> = {},
  query?: string,
): { method: string; path: string } {
  const [method, template] = key.split(" ") as [string, string];
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(name === "t" ? tenantId : (params[name] ?? `missing-${name}`)),
  );
  return { method, path: query ? `${path}?${query}` : path };
}

/**
 * Everything of a tenant in D1, to prove a refused call changed nothing (a token's last-use time
 * is left out: using a token is not changing the tenant).
 */
export async function tenantSnapshot(tenantId: string): Promise<string> {
  const parts: unknown[] = [];
  for (const table of [
    "memberships",
    "invites",
    "api_tokens",
    "secrets",
    "secret_requests",
    "tenant_keys",
    "mcp_grants",
  ]) {
    const { results } = await env.DB.prepare(
      `SELECT * FROM ${table} WHERE tenant_id = ?1 ORDER BY rowid`,
    )
      .bind(tenantId)
      .all();
    parts.push(results.map((r) => ({ ...r, last_used_at: undefined })));
  }
  parts.push(await env.DB.prepare("SELECT * FROM tenants WHERE id = ?1").bind(tenantId).first());
  return JSON.stringify(parts);
}
