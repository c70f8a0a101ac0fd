import type { z } from "zod";
import type { CallInput, CallOutput } from "../../core/contract/client";
import type { Role } from "../../core/permissions";
import {
  createAuditSink,
  deleteAuditSink,
  exportAudit,
  getAuditTlogProof,
  getJwks,
  listAuditEvents,
  listAuditSinks,
  testAuditSink,
} from "../../capabilities/audit/contract";
import type * as policy from "../../capabilities/policy/contract";
import {
  activatePolicyVersion,
  createPolicyVersion,
  getPolicyVersion,
  listPolicyVersions,
} from "../../capabilities/policy/contract";
import type * as providers from "../../capabilities/providers/contract";
import { listProviders, putProvider } from "../../capabilities/providers/contract";
import type * as runs from "../../capabilities/runs/contract";
import {
  cancelRun,
  decideApproval,
  getRun,
  listApprovals,
  listRuns,
} from "../../capabilities/runs/contract";
import type * as tenancy from "../../capabilities/tenancy/contract";
import {
  cancelOwnershipTransfer,
  changeMemberRole,
  createInvite,
  deleteInvite,
  deleteTenantRoute,
  getOwnershipTransfer,
  leaveTenant,
  listInvites,
  listMembersRoute,
  removeMemberRoute,
  startOwnershipTransfer,
  updateTenant,
} from "../../capabilities/tenancy/contract";
import type * as tokens from "../../capabilities/tokens/contract";
import { createApiToken, listApiTokens, revokeApiToken } from "../../capabilities/tokens/contract";
import type * as vault from "../../capabilities/vault/contract";
import {
  answerSecretRequest,
  deleteSecretRequest,
  deleteSecretRoute,
  getKeyStatus,
  listSecretRequestsRoute,
  listSecretsRoute,
  putSecretDestinations,
  putSecretRoute,
  rewrapSecrets,
  rotateKey,
} from "../../capabilities/vault/contract";
import { publicApi, sessionApi, textOf } from "./api";
import type { SinkConfig } from "./sinks";

/** The `/api/tenants/{t}/…` answers' types, as the contracts define them. */
export type JsonObject = { [key: string]: unknown };
export type Member = z.output<typeof tenancy.Member>;
export type Invite = z.output<typeof tenancy.Invite>;
export type InviteStatus = Invite["status"];
export type ApiToken = z.output<typeof tokens.ApiToken>;
export type SecretMeta = z.output<typeof vault.SecretMeta>;
export type SecretDestination = z.input<typeof vault.Destination>;
export type Provider = z.output<typeof providers.Provider>;
export type ProviderInput = z.input<typeof providers.PutProviderBody>;
export type SecretRequest = z.output<typeof vault.SecretRequest>;
export type DekInfo = z.output<typeof vault.DekInfo>;
export type KeyStatus = z.output<typeof vault.KeyStatus>;
export type RotationProgress = z.output<typeof vault.RotationProgress>;
export type RewrapResult = z.output<typeof vault.RewrapResult>;
export type PolicyVersion = z.output<typeof policy.PolicyVersion>;
export type Run = z.output<typeof runs.Run>;
export type Step = z.output<typeof runs.Step>;
export type Verdict = Step["verdict"];
export type StepStatus = Step["status"];
export type RunStatus = Run["status"];
export type Actor = Run["created_by"];
export type Approval = z.output<typeof runs.Approval>;
export type ApprovalStatus = Approval["status"];
type RunPage = CallOutput<typeof getRun>["run"];
/** A run with its whole trace (every page of steps). */
export type RunDetail = Omit<RunPage, "next_cursor">;
export type AuditEvent = CallOutput<typeof listAuditEvents>["events"][number];
/** A page of the audit log: oldest first after `after`, or newest first before `before`. */
export type AuditQuery = NonNullable<CallInput<typeof listAuditEvents>["query"]>;

/** Steps per page when the console reads a run's trace. */
const STEP_PAGE = 200;

/** The audit browser's query without its empty members (an empty filter field means no filter). */
export const auditSearch = (query: AuditQuery): AuditQuery =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ""));

/** Every call of one tenant. */
export function tenantApi(tenantId: string) {
  const t = { t: tenantId };
  const call = sessionApi.call;
  return {
    members: () => call(listMembersRoute, { params: t }),
    changeRole: (userId: string, role: Role) =>
      call(changeMemberRole, { params: { ...t, user_id: userId }, body: { role } }),
    removeMember: (userId: string) =>
      call(removeMemberRoute, { params: { ...t, user_id: userId } }),
    leave: () => call(leaveTenant, { params: t }),
    rename: (name: string) => call(updateTenant, { params: t, body: { name } }),
    deleteTenant: () => call(deleteTenantRoute, { params: t }),
    transfer: () => call(getOwnershipTransfer, { params: t }),
    offerOwnership: (userId: string) =>
      call(startOwnershipTransfer, { params: t, body: { user_id: userId } }),
    withdrawOwnership: () => call(cancelOwnershipTransfer, { params: t }),

    invites: () => call(listInvites, { params: t }),
    invite: (email: string, role: Role) => call(createInvite, { params: t, body: { email, role } }),
    cancelInvite: (inviteId: string) => call(deleteInvite, { params: { ...t, id: inviteId } }),

    tokens: () => call(listApiTokens, { params: t }),
    createToken: (body: z.input<typeof tokens.CreateTokenBody>) =>
      call(createApiToken, { params: t, body }),
    revokeToken: (tokenId: string) => call(revokeApiToken, { params: { ...t, id: tokenId } }),

    secrets: (cursor: string | null, limit = 100) =>
      call(listSecretsRoute, { params: t, query: { limit, cursor: cursor ?? undefined } }),
    /** Stores the value (write-only) and answers with metadata only. */
    /** `destinations` binds a new secret as it is created (admin and owner). */
    putSecret: (name: string, value: string, destinations?: SecretDestination[]) =>
      call(putSecretRoute, {
        params: { ...t, name },
        body: destinations ? { value, destinations } : { value },
      }),
    deleteSecret: (name: string) => call(deleteSecretRoute, { params: { ...t, name } }),
    putDestinations: (name: string, destinations: SecretDestination[]) =>
      call(putSecretDestinations, { params: { ...t, name }, body: { destinations } }),
    providers: () => call(listProviders, { params: t }),
    putProvider: (providerId: string, body: ProviderInput) =>
      call(putProvider, { params: { ...t, id: providerId }, body }),
    secretRequests: () => call(listSecretRequestsRoute, { params: t }),
    answerSecretRequest: (requestId: string, value: string) =>
      call(answerSecretRequest, { params: { ...t, id: requestId }, body: { value } }),
    declineSecretRequest: (requestId: string) =>
      call(deleteSecretRequest, { params: { ...t, id: requestId } }),

    keys: () => call(getKeyStatus, { params: t }),
    rotateDek: () => call(rotateKey, { params: t, body: {} }),
    rewrapDeks: () => call(rewrapSecrets, { params: t, body: {} }),

    policies: () => call(listPolicyVersions, { params: t }),
    policy: (version: number) => call(getPolicyVersion, { params: { ...t, v: version } }),
    createPolicy: (source: string) => call(createPolicyVersion, { params: t, body: { source } }),
    activatePolicy: (version: number) =>
      call(activatePolicyVersion, { params: { ...t, v: version } }),

    runs: (cursor: string | null, limit = 25) =>
      call(listRuns, { params: t, query: { limit, cursor: cursor ?? undefined } }),
    /** The run with its whole trace: follows `next_cursor` page by page. */
    run: async (runId: string): Promise<{ run: RunDetail }> => {
      const params = { ...t, r: runId };
      const page = (cursor?: string) =>
        call(getRun, { params, query: { limit: STEP_PAGE, cursor } }).then((a) => a.run);
      const first = await page();
      const steps = [...first.steps];
      for (let cursor = first.next_cursor; cursor !== null;) {
        const next = await page(cursor);
        steps.push(...next.steps);
        cursor = next.next_cursor;
      }
      const { next_cursor: _, ...run } = first;
      return { run: { ...run, steps } };
    },
    cancelRun: (runId: string, reason?: string) =>
      call(cancelRun, { params: { ...t, r: runId }, body: reason ? { reason } : {} }),

    approvals: (status: ApprovalStatus | "all" = "pending") =>
      call(listApprovals, { params: t, query: { status } }),
    decide: (approvalId: string, decision: "approve" | "deny", reason: string) =>
      call(decideApproval, { params: { ...t, a: approvalId }, body: { decision, reason } }),

    auditEvents: (query: AuditQuery) =>
      call(listAuditEvents, { params: t, query: auditSearch(query) }),
    auditExport: () => sessionApi.send(exportAudit, { params: t }, { accept: "*/*" }).then(textOf),
    auditTlogProof: (seq: number) =>
      sessionApi.send(getAuditTlogProof, { params: { ...t, seq } }, { accept: "*/*" }).then(textOf),
    sinks: () => call(listAuditSinks, { params: t }),
    addSink: (sink: SinkConfig) => call(createAuditSink, { params: t, body: { sink } }),
    testSink: (sinkId: string) => call(testAuditSink, { params: { ...t, id: sinkId } }),
    removeSink: (sinkId: string) => call(deleteAuditSink, { params: { ...t, id: sinkId } }),
  };
}

export type TenantApi = ReturnType<typeof tenantApi>;

/** The public keys that sign the audit log's heads. */
export const fetchJwks = () => publicApi.call(getJwks);
