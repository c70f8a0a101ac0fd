import { env } from "cloudflare:test";
import type { Action, Role } from "../../../core/permissions";
import { freshEmail } from "../../helpers/client";
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
  /** Creates what the call acts on in `tenantId`; returns the path parameters, query and body. */
  prepare: (
    tenantId: string,
    ownerCookie: string,
  ) => Promise<{ params?: Record<string, string>; query?: string; body?: unknown }>;
}

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

async function targetSecret(tenantId: string, ownerCookie: string): Promise<string> {
  const name = `S_${unique()}`;
  const res = await putSecret(ownerCookie, tenantId, name, `value-of-${name}`);
  if (res.status !== 201) throw new Error(`fixture secret: ${res.status} ${await res.text()}`);
  return name;
}

async function targetRequest(tenantId: string): Promise<string> {
  const id = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO secret_requests (id, tenant_id, name, description, requested_by, status, created_at, expires_at)
     VALUES (?1, ?2, ?3, 'fixture', 'run:fixture', 'pending', ?4, ?5)`,
  )
    .bind(id, tenantId, `ASKED_${unique()}`, Date.now(), Date.now() + 3_600_000)
    .run();
  return id;
}

const stub = (tenantId: string) => env.TENANT.get(env.TENANT.idFromName(tenantId));
const FIXTURE_ACTOR = { kind: "system" as const, id: "fixture" };

async function targetRun(tenantId: string): Promise<string> {
  const opened = await stub(tenantId).openRun(
    tenantId,
    { agent: "fixture", metadata: {} },
    FIXTURE_ACTOR,
  );
  if (!opened.ok) throw new Error(opened.message);
  return opened.value.id;
}

/** A step of a new run: `executing` (allowed by the default policy) or awaiting approval. */
async function targetStep(tenantId: string, kind: "executing" | "approval") {
  const run = await targetRun(tenantId);
  const call: { tool: string; args: Record<string, string | number> } =
    kind === "executing"
      ? { tool: "http_fetch", args: { url: "https://example.com/" } }
      : { tool: "pay", args: { amount: 1 } };
  const step = await stub(tenantId).proposeStep(
    tenantId,
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
    tenantId,
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
  const created = await stub(tenantId).createSession(
    tenantId,
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

const POLICY_SOURCE =
  "version: 1\nrules:\n  - id: r\n    match: { tool: t }\n    decision: allow\n";

export const TENANT_ROUTES: Record<string, TenantRoute> = {
  "GET /api/tenants/{t}/policies": { action: "policies.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/policies": {
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
    action: "policies.activate",
    success: 200,
    prepare: async () => ({ params: { v: "1" } }),
  },
  "GET /api/tenants/{t}/runs": { action: "runs.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/runs": {
    action: "runs.create",
    success: 201,
    prepare: async () => ({ body: { agent: "table" } }),
  },
  "GET /api/tenants/{t}/runs/{r}": {
    action: "runs.read",
    success: 200,
    prepare: async (t) => ({ params: { r: await targetRun(t) } }),
  },
  "POST /api/tenants/{t}/runs/{r}/cancel": {
    action: "runs.cancel",
    success: 200,
    prepare: async (t) => ({ params: { r: await targetRun(t) }, body: {} }),
  },
  "POST /api/tenants/{t}/runs/{r}/steps": {
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
    action: "steps.report",
    success: 200,
    prepare: async (t) => ({
      params: await targetStep(t, "executing"),
      body: { status: "ok", output: { n: 1 } },
    }),
  },
  "GET /api/tenants/{t}/approvals": { action: "approvals.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/approvals/{a}/decision": {
    action: "approvals.decide",
    success: 200,
    prepare: async (t) => ({
      params: await targetStep(t, "approval"),
      body: { decision: "deny", reason: "table" },
    }),
  },
  "POST /api/tenants/{t}/approvals/{a}/link": {
    action: "approvals.decide",
    needs: "person",
    success: 200,
    prepare: async (t) => ({ params: await targetStep(t, "approval") }),
  },
  "GET /api/tenants/{t}/audit/events": { action: "audit.read", success: 200, prepare: none },
  "GET /api/tenants/{t}/audit/head": { action: "audit.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/audit/checkpoints": { action: "audit.read", success: 200, prepare: none },
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
  "GET /api/tenants/{t}/audit/export": { action: "audit.export", success: 200, prepare: none },
  "GET /api/tenants/{t}/sessions": { action: "sessions.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/sessions": {
    action: "sessions.create",
    success: 201,
    prepare: async (t) => ({ body: { provider_id: await targetProvider(t) } }),
  },
  "GET /api/tenants/{t}/providers": { action: "providers.read", success: 200, prepare: none },
  "PUT /api/tenants/{t}/providers/{id}": {
    action: "providers.configure",
    needs: "step_up",
    success: 201,
    prepare: async (t, cookie) => ({
      params: { id: `p-${unique().toLowerCase()}`.replace(/[^a-z0-9-]/g, "-") },
      body: { kind: "anthropic", models: ["m"], key_secret: await targetSecret(t, cookie) },
    }),
  },
  "DELETE /api/tenants/{t}/providers/{id}": {
    action: "providers.configure",
    needs: "step_up",
    success: 200,
    prepare: async (t) => ({ params: { id: await targetProvider(t) } }),
  },
  "GET /api/tenants/{t}/sessions/{s}": {
    action: "sessions.read",
    success: 200,
    prepare: async (t) => ({ params: { s: await targetSession(t) } }),
  },
  "GET /api/tenants/{t}/sessions/{s}/events": {
    action: "sessions.read",
    success: 200,
    prepare: async (t) => ({ params: { s: await targetSession(t) } }),
  },
  "POST /api/tenants/{t}/sessions/{s}/messages": {
    action: "sessions.create",
    success: 202,
    prepare: async (t) => ({ params: { s: await targetSession(t) }, body: { content: "hello" } }),
  },
  "POST /api/tenants/{t}/sessions/{s}/cancel": {
    action: "sessions.create",
    success: 200,
    prepare: async (t) => ({ params: { s: await targetSession(t) } }),
  },
  "GET /api/tenants/{t}": { action: "tenant.read", success: 200, prepare: none },
  "PATCH /api/tenants/{t}": {
    action: "tenant.rename",
    success: 200,
    prepare: async () => ({ body: { name: `Renamed ${unique()}` } }),
  },
  "DELETE /api/tenants/{t}": {
    action: "tenant.delete",
    needs: "step_up",
    fresh: true,
    success: 200,
    prepare: none,
  },
  "POST /api/tenants/{t}/leave": {
    action: "tenant.read",
    needs: "person",
    fresh: true,
    success: 200,
    // A second owner, so that an owner may leave too.
    prepare: async (t) => (await targetMember(t, "owner"), {}),
  },
  "GET /api/tenants/{t}/members": { action: "members.read", success: 200, prepare: none },
  "PATCH /api/tenants/{t}/members/{user_id}": {
    action: "members.change_role",
    success: 200,
    prepare: async (t) => ({
      params: { user_id: await targetMember(t, "viewer") },
      body: { role: "auditor" },
    }),
  },
  "DELETE /api/tenants/{t}/members/{user_id}": {
    action: "members.remove",
    needs: "step_up",
    success: 200,
    prepare: async (t) => ({ params: { user_id: await targetMember(t, "viewer") } }),
  },
  "GET /api/tenants/{t}/invites": { action: "members.invite", success: 200, prepare: none },
  "POST /api/tenants/{t}/invites": {
    action: "members.invite",
    success: 201,
    prepare: async () => ({ body: { email: freshEmail("invited"), role: "viewer" } }),
  },
  "DELETE /api/tenants/{t}/invites/{id}": {
    action: "members.invite",
    success: 200,
    prepare: async (t) => ({ params: { id: await targetInvite(t) } }),
  },
  "GET /api/tenants/{t}/tokens": { action: "tokens.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/tokens": {
    action: "tokens.create",
    success: 201,
    prepare: async () => ({ body: { name: "ci", role: "viewer" } }),
  },
  "DELETE /api/tenants/{t}/tokens/{id}": {
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
    action: "secrets.write",
    success: 201,
    prepare: async () => ({ params: { name: `NEW_${unique()}` }, body: { value: "v-123456" } }),
  },
  "PUT /api/tenants/{t}/secrets/{name}/destinations": {
    action: "secrets.bind",
    needs: "step_up",
    success: 200,
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
    action: "secrets.delete",
    success: 200,
    prepare: async (t, cookie) => ({ params: { name: await targetSecret(t, cookie) } }),
  },
  "GET /api/tenants/{t}/secret-requests": {
    action: "secrets.read_metadata",
    success: 200,
    prepare: none,
  },
  "POST /api/tenants/{t}/secret-requests": {
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
    action: "secrets.write",
    success: 200,
    prepare: async (t) => ({ params: { id: await targetRequest(t) }, body: { value: "answer-1" } }),
  },
  "DELETE /api/tenants/{t}/secret-requests/{id}": {
    action: "secrets.write",
    success: 200,
    prepare: async (t) => ({ params: { id: await targetRequest(t) } }),
  },
  "GET /api/tenants/{t}/keys": { action: "keys.read", success: 200, prepare: none },
  "POST /api/tenants/{t}/keys/rotate": {
    action: "keys.rotate_dek",
    needs: "step_up",
    success: 200,
    prepare: async () => ({ body: {} }),
  },
  "POST /api/tenants/{t}/keys/rewrap": {
    action: "keys.rewrap",
    needs: "step_up",
    success: 200,
    prepare: async () => ({ body: {} }),
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
