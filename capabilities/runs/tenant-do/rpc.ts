import type { ApprovalWebhookInput, ApprovalWebhookView } from "./approval-webhook";
import type { OpenKey } from "./run-open-keys";
import type { OpenRunInput, OpenedRun, ProposeInput, RunPage } from "./runs";
import type { Action } from "../../../core/permissions";
import type { Result } from "../../../platform/result";
import type { Actor, Channel, JsonValue } from "../../../platform/tenant-types";
import type { ApprovalStatus, ApprovalView, ProposeResult, RunView, StepView } from "../contract";

/** The slice of the tenant Durable Object's RPC that runs calls; `TenantDO` implements it. */
export interface RunsRpc {
  openRun(input: OpenRunInput, actor: Actor): Promise<Result<RunView>>;
  openRemoteRun(
    input: OpenRunInput,
    actor: Actor,
    openKey: OpenKey | null,
  ): Promise<Result<OpenedRun>>;
  reissueRunToken(
    runId: string,
    actor: Actor,
  ): Promise<Result<{ run: RunView; tokenGeneration: number }>>;
  listRuns(opts: {
    before?: number;
    limit: number;
  }): Result<{ runs: RunView[]; next_cursor: string | null }>;
  getRun(runId: string, page?: { after: number; limit: number }): Result<RunPage>;
  cancelRun(runId: string, actor: Actor, reason?: string): Promise<Result<RunView>>;
  completeRun(runId: string, actor: Actor, reason?: string): Promise<Result<RunView>>;
  proposeStep(
    runId: string,
    input: ProposeInput,
    actor: Actor,
    channel: Channel,
  ): Promise<Result<ProposeResult>>;
  getStep(runId: string, stepId: string, waitMs?: number): Promise<Result<StepView>>;
  reportStep(
    runId: string,
    stepId: string,
    input: { status: "ok" | "error"; output: JsonValue },
    actor: Actor,
  ): Promise<Result<StepView>>;
  listApprovals(status: ApprovalStatus | "all"): Result<ApprovalView[]>;
  getApproval(approvalId: string): Result<ApprovalView>;
  decideApproval(
    approvalId: string,
    input: { approve: boolean; reason: string },
    actor: Actor,
  ): Promise<Result<ApprovalView>>;
  checkRunToken(runId: string, action: Action, generation: number): Promise<Result<null>>;
  forgetAuthority(): Result<null>;
  getApprovalWebhook(): Result<ApprovalWebhookView | null>;
  setApprovalWebhook(
    input: ApprovalWebhookInput,
    actor: Actor,
  ): Promise<Result<ApprovalWebhookView>>;
  removeApprovalWebhook(actor: Actor): Promise<Result<null>>;
}
