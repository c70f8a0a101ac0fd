import type { ApprovalWebhookInput, ApprovalWebhookView } from "./approval-webhook";
import type { OpenKey } from "./run-open-keys";
import type { OpenRunInput, OpenedRun, ProposeInput, RunPage } from "./runs";
import type { Action } from "../../../core/permissions";
import type { Result } from "../../../platform/result";
import type {
  Actor,
  ApprovalStatus,
  ApprovalView,
  Channel,
  JsonValue,
  ProposeResult,
  RunView,
  StepView,
} from "../../../platform/tenant-types";

/** The slice of the tenant Durable Object's RPC that runs calls; `TenantDO` implements it. */
export interface RunsRpc {
  openRun(tenantId: string, input: OpenRunInput, actor: Actor): Promise<Result<RunView>>;
  openRemoteRun(
    tenantId: string,
    input: OpenRunInput,
    actor: Actor,
    openKey: OpenKey | null,
  ): Promise<Result<OpenedRun>>;
  reissueRunToken(
    tenantId: string,
    runId: string,
    actor: Actor,
  ): Promise<Result<{ run: RunView; tokenGeneration: number }>>;
  listRuns(
    tenantId: string,
    opts: { before?: number; limit: number },
  ): Result<{ runs: RunView[]; next_cursor: string | null }>;
  getRun(tenantId: string, runId: string, page?: { after: number; limit: number }): Result<RunPage>;
  cancelRun(
    tenantId: string,
    runId: string,
    actor: Actor,
    reason?: string,
  ): Promise<Result<RunView>>;
  completeRun(
    tenantId: string,
    runId: string,
    actor: Actor,
    reason?: string,
  ): Promise<Result<RunView>>;
  proposeStep(
    tenantId: string,
    runId: string,
    input: ProposeInput,
    actor: Actor,
    channel: Channel,
  ): Promise<Result<ProposeResult>>;
  getStep(
    tenantId: string,
    runId: string,
    stepId: string,
    waitMs?: number,
  ): Promise<Result<StepView>>;
  reportStep(
    tenantId: string,
    runId: string,
    stepId: string,
    input: { status: "ok" | "error"; output: JsonValue },
    actor: Actor,
  ): Promise<Result<StepView>>;
  listApprovals(tenantId: string, status: ApprovalStatus | "all"): Result<ApprovalView[]>;
  getApproval(tenantId: string, approvalId: string): Result<ApprovalView>;
  decideApproval(
    tenantId: string,
    approvalId: string,
    input: { approve: boolean; reason: string },
    actor: Actor,
  ): Promise<Result<ApprovalView>>;
  checkRunToken(
    tenantId: string,
    runId: string,
    action: Action,
    generation: number,
  ): Promise<Result<null>>;
  forgetAuthority(tenantId: string): Result<null>;
  getApprovalWebhook(tenantId: string): Result<ApprovalWebhookView | null>;
  setApprovalWebhook(
    tenantId: string,
    input: ApprovalWebhookInput,
    actor: Actor,
  ): Promise<Result<ApprovalWebhookView>>;
  removeApprovalWebhook(tenantId: string, actor: Actor): Promise<Result<null>>;
}
