import type { Role } from "../../core/permissions";
import { id, request, requestText } from "./api";
import type { Sink, SinkConfig } from "./sinks";
import type { OwnershipTransfer, TenantInfo } from "./api";

/** Shapes of the `/api/tenants/{t}/…` answers (see workers/schemas/{tenancy,vault,runtime}.ts). */

export type JsonObject = { [key: string]: unknown };

export interface Member {
  user_id: string;
  email: string;
  role: Role;
  joined_at: string;
}

export type InviteStatus = "pending" | "accepted" | "revoked" | "expired";

export interface Invite {
  id: string;
  email: string;
  role: Role;
  invited_by: string;
  created_at: string;
  expires_at: string;
  status: InviteStatus;
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  status: "active" | "expired" | "revoked";
}

export interface SecretMeta {
  name: string;
  version: number;
  /** `***` and the value's last four characters: all the API ever reveals. */
  masked: string;
  dek_version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
  /** Where the value may be sent (capabilities/vault/contract.ts); empty: nowhere. */
  destinations: SecretDestination[];
  unbound: boolean;
}

export interface SecretDestination {
  origin: string;
  via: { kind: "header"; name: string } | { kind: "provider"; id: string };
}

/** A tenant's model provider (capabilities/providers/contract.ts). */
export interface Provider {
  id: string;
  kind: string;
  base_url: string;
  models: string[];
  key_secret: string;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

export interface ProviderInput {
  kind: string;
  base_url?: string;
  models: string[];
  key_secret: string;
}

export interface SecretRequest {
  id: string;
  name: string;
  description: string;
  requested_by: string;
  status: "pending" | "fulfilled" | "cancelled" | "expired";
  created_at: string;
  expires_at: string;
  fulfilled_at: string | null;
  notice: string;
}

export interface DekInfo {
  version: number;
  state: "active" | "retired" | "destroyed";
  kek_id: string | null;
  created_at: string;
  rewrapped_at: string | null;
  destroyed_at: string | null;
  secrets: number;
}

export interface KeyStatus {
  active_kek: string;
  active_dek_version: number | null;
  deks: DekInfo[];
  rotation: { in_progress: boolean; remaining: number };
  rewrap: { needed: number };
}

export interface RotationProgress {
  started: boolean;
  status: "complete" | "in_progress";
  active_version: number;
  reencrypted: number;
  remaining: number;
}

export interface RewrapResult {
  status: "complete" | "in_progress";
  active_kek: string;
  rewrapped: number;
  remaining: number;
  failed: { tenant_id: string; version: number; kek_id: string | null; reason: string }[];
}

export interface PolicyVersion {
  version: number;
  bundle_id: string;
  author: string;
  created_at: string;
  activated_at: string | null;
  active: boolean;
}

export type Verdict = "allow" | "deny" | "dry_run" | "approve_required" | "transform";

export type StepStatus =
  "executing" | "awaiting_approval" | "dry_run" | "denied" | "succeeded" | "failed" | "cancelled";

export type RunStatus = "open" | "cancelled" | "completed";

export interface Actor {
  kind: string;
  id: string;
  role?: string;
  email?: string;
}

export interface Run {
  id: string;
  agent: string;
  metadata: JsonObject;
  status: RunStatus;
  created_by: Actor;
  created_at: string;
  closed_at: string | null;
  close_reason?: "cancelled" | "completed" | "idle_timeout" | "session_ended" | null;
  step_count: number;
}

export interface Step {
  step_id: string;
  run_id: string;
  seq: number;
  tool: string;
  args?: JsonObject;
  verdict: Verdict;
  rule_id: string | null;
  reason: string;
  matched_rules?: string[];
  status: StepStatus;
  exec_args: JsonObject | null;
  preview: JsonObject | null;
  approval_id: string | null;
  output?: unknown;
  created_at?: string;
}

export interface RunDetail extends Run {
  steps: Step[];
  resume_at: number | null;
}

/** One page of a run's trace, as `GET …/runs/{r}` serves it. */
interface RunPage extends RunDetail {
  next_cursor: string | null;
}

/** Steps per page when the console reads a run's trace. */
const STEP_PAGE = 200;

export type ApprovalStatus = "pending" | "approved" | "denied" | "expired" | "cancelled";

export interface Approval {
  id: string;
  step_id: string;
  run_id: string;
  tool: string;
  args?: JsonObject;
  /** The rule that asked for a person and its reason; the run's agent and who opened it. */
  rule_id?: string | null;
  policy_reason?: string;
  agent?: string | null;
  requested_by?: Actor | null;
  status: ApprovalStatus;
  approvers: string[];
  /** The decider's reason, once decided. */
  reason: string | null;
  decided_by?: Actor | null;
  decided_at?: string | null;
  created_at?: string;
  expires_at: string;
}

export interface AuditEvent {
  seq: number;
  ts: string;
  type: string;
  run_id: string | null;
  step_id: string | null;
  actor: { kind: string; id: string };
  data: unknown;
  prev: string;
  hash: string;
}

/** A page of the audit log: oldest first after `after`, or newest first before `before`. */
export interface AuditQuery {
  after?: number;
  limit: number;
  order?: "asc" | "desc";
  before?: number;
  type?: string;
  actor?: string;
  run?: string;
  /** ISO times: from (inclusive) and to (exclusive). */
  since?: string;
  until?: string;
  q?: string;
}

export function auditSearch(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params.toString();
}

/** Every call of one tenant, with its id escaped into the paths. */
export function tenantApi(tenantId: string) {
  const base = `/api/tenants/${id(tenantId)}`;
  return {
    members: () => request<{ members: Member[] }>("GET", `${base}/members`),
    changeRole: (userId: string, role: Role) =>
      request<{ member: Member }>("PATCH", `${base}/members/${id(userId)}`, { role }),
    removeMember: (userId: string) =>
      request<{ ok: true }>("DELETE", `${base}/members/${id(userId)}`),
    leave: () => request<{ ok: true }>("POST", `${base}/leave`, {}),
    rename: (name: string) => request<{ tenant: TenantInfo }>("PATCH", base, { name }),
    deleteTenant: () => request<{ ok: true }>("DELETE", base),
    transfer: () => request<{ transfer: OwnershipTransfer | null }>("GET", `${base}/transfer`),
    offerOwnership: (userId: string) =>
      request<{ transfer: OwnershipTransfer }>("POST", `${base}/transfer`, { user_id: userId }),
    withdrawOwnership: () => request<{ ok: true }>("DELETE", `${base}/transfer`),

    invites: () => request<{ invites: Invite[] }>("GET", `${base}/invites`),
    invite: (email: string, role: Role) =>
      request<{ invite: Invite }>("POST", `${base}/invites`, { email, role }),
    cancelInvite: (inviteId: string) =>
      request<{ ok: true }>("DELETE", `${base}/invites/${id(inviteId)}`),

    tokens: () => request<{ tokens: ApiToken[] }>("GET", `${base}/tokens`),
    createToken: (body: { name: string; role: Role; expires_at?: string }) =>
      request<{ token: string; api_token: ApiToken }>("POST", `${base}/tokens`, body),
    revokeToken: (tokenId: string) =>
      request<{ ok: true }>("DELETE", `${base}/tokens/${id(tokenId)}`),

    secrets: (cursor: string | null, limit = 100) =>
      request<{ secrets: SecretMeta[]; next_cursor: string | null }>(
        "GET",
        `${base}/secrets?limit=${limit}${cursor ? `&cursor=${id(cursor)}` : ""}`,
      ),
    /** Stores the value (write-only) and answers with metadata only. */
    /** `destinations` binds a new secret as it is created (admin and owner). */
    putSecret: (name: string, value: string, destinations?: SecretDestination[]) =>
      request<{ secret: SecretMeta }>(
        "PUT",
        `${base}/secrets/${id(name)}`,
        destinations ? { value, destinations } : { value },
      ),
    deleteSecret: (name: string) => request<{ ok: true }>("DELETE", `${base}/secrets/${id(name)}`),
    putDestinations: (name: string, destinations: SecretDestination[]) =>
      request<{ secret: SecretMeta }>("PUT", `${base}/secrets/${id(name)}/destinations`, {
        destinations,
      }),
    providers: () => request<{ providers: Provider[] }>("GET", `${base}/providers`),
    putProvider: (providerId: string, body: ProviderInput) =>
      request<{ provider: Provider }>("PUT", `${base}/providers/${id(providerId)}`, body),
    secretRequests: () => request<{ requests: SecretRequest[] }>("GET", `${base}/secret-requests`),
    answerSecretRequest: (requestId: string, value: string) =>
      request<{ result: "secret saved" }>(
        "POST",
        `${base}/secret-requests/${id(requestId)}/answer`,
        { value },
      ),
    declineSecretRequest: (requestId: string) =>
      request<{ ok: true }>("DELETE", `${base}/secret-requests/${id(requestId)}`),

    keys: () => request<KeyStatus>("GET", `${base}/keys`),
    rotateDek: () => request<RotationProgress>("POST", `${base}/keys/rotate`, {}),
    rewrapDeks: () => request<RewrapResult>("POST", `${base}/keys/rewrap`, {}),

    policies: () => request<{ policies: PolicyVersion[] }>("GET", `${base}/policies`),
    policy: (version: number) =>
      request<{ policy: PolicyVersion & { source: string } }>("GET", `${base}/policies/${version}`),
    createPolicy: (source: string) =>
      request<{ policy: PolicyVersion }>("POST", `${base}/policies`, { source }),
    activatePolicy: (version: number) =>
      request<{ policy: PolicyVersion }>("POST", `${base}/policies/${version}/activate`, {}),

    runs: (cursor: string | null, limit = 25) =>
      request<{ runs: Run[]; next_cursor: string | null }>(
        "GET",
        `${base}/runs?limit=${limit}${cursor ? `&cursor=${id(cursor)}` : ""}`,
      ),
    /** The run with its whole trace: follows `next_cursor` page by page. */
    run: async (runId: string): Promise<{ run: RunDetail }> => {
      const path = `${base}/runs/${id(runId)}?limit=${STEP_PAGE}`;
      const first = (await request<{ run: RunPage }>("GET", path)).run;
      const steps = [...first.steps];
      for (let cursor = first.next_cursor; cursor !== null;) {
        const page = (await request<{ run: RunPage }>("GET", `${path}&cursor=${id(cursor)}`)).run;
        steps.push(...page.steps);
        cursor = page.next_cursor;
      }
      const { next_cursor: _, ...run } = first;
      return { run: { ...run, steps } };
    },
    cancelRun: (runId: string, reason?: string) =>
      request<{ run: Run }>("POST", `${base}/runs/${id(runId)}/cancel`, reason ? { reason } : {}),

    approvals: (status: ApprovalStatus | "all" = "pending") =>
      request<{ approvals: Approval[] }>("GET", `${base}/approvals?status=${status}`),
    decide: (approvalId: string, decision: "approve" | "deny", reason: string) =>
      request<{ approval: Approval }>("POST", `${base}/approvals/${id(approvalId)}/decision`, {
        decision,
        reason,
      }),

    auditEvents: (query: AuditQuery) =>
      request<{ events: AuditEvent[]; size: number; next_cursor: number | null }>(
        "GET",
        `${base}/audit/events?${auditSearch(query)}`,
      ),
    auditExport: () => requestText(`${base}/audit/export`),
    auditTlogProof: (seq: number) => requestText(`${base}/audit/proofs/${seq}/tlog-proof`),
    sinks: () => request<{ sinks: Sink[] }>("GET", `${base}/audit/sinks`),
    addSink: (sink: SinkConfig) => request<Sink>("POST", `${base}/audit/sinks`, { sink }),
    testSink: (sinkId: string) =>
      request<{ delivered: boolean; sink: Sink }>("POST", `${base}/audit/sinks/${id(sinkId)}/test`),
    removeSink: (sinkId: string) => request("DELETE", `${base}/audit/sinks/${id(sinkId)}`),
  };
}

export type TenantApi = ReturnType<typeof tenantApi>;

/** The public keys that sign audit checkpoints. */
export const fetchJwks = () => request<unknown>("GET", "/.well-known/jwks.json");
