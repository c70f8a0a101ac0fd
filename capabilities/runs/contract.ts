import { MAX_POLICY_SOURCE_CHARS } from "../../core/policy/limits";
import { z, createRoute } from "@hono/zod-openapi";
import { IsoTime, errorResponses, json, jsonBody } from "../../core/contract/common";
import { Actor } from "../../core/contract/actor";
import { JsonObjectSchema, JsonValueSchema, asJsonObject } from "../../core/contract/json";
import { VERDICTS } from "../../core/policy/types";
import { TenantParam } from "../tenancy/contract";
import { DisplayName } from "../../core/contract/text";
import { SecretName } from "../vault/contract";

/** A JSON object (bodies are parsed JSON, bounded by the body limit). */
const JsonRecord = JsonObjectSchema;
export const RunParams = TenantParam.extend({
  r: z.string().regex(/^run_[0-9a-f-]{36}$/, "not a run id"),
});
export const StepParams = RunParams.extend({
  s: z.string().regex(/^step_[0-9a-f-]{36}$/, "not a step id"),
});
export const ApprovalParams = TenantParam.extend({
  a: z.string().regex(/^apr_[0-9a-f-]{36}$/, "not an approval id"),
});

export const OpenRunBody = z
  .strictObject({
    agent: DisplayName(128, "agent"),
    metadata: JsonRecord.default({}).describe(
      "Free-form; `environment`, `workspace` and `extra` feed the policy's context.",
    ),
    token_ttl_seconds: z.number().int().min(60).max(86_400).default(3600),
    idle_timeout_seconds: z
      .number()
      .int()
      .min(60)
      .max(7 * 86_400)
      .default(86_400)
      .describe(
        "The run closes as `completed` (close_reason `idle_timeout`) after this long without a step proposed, reported or decided.",
      ),
  })
  .openapi("OpenRunBody");

/** `Idempotency-Key` of `POST …/runs` (draft-ietf-httpapi-idempotency-key-header). */
export const OpenRunHeaders = z.object({
  "idempotency-key": z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, "1–255 visible ASCII characters")
    .optional()
    .describe(
      "Repeat the request with the same key and body to get the same run (24 h, per creator).",
    ),
});

export const ReissueTokenBody = z
  .strictObject({ token_ttl_seconds: z.number().int().min(60).max(86_400).default(3600) })
  .openapi("ReissueTokenBody");

export const RunTokenResponse = z
  .object({ run_token: z.string(), run_token_expires_at: IsoTime })
  .openapi("RunTokenResponse");

export const CompleteBody = z
  .strictObject({ reason: z.string().max(500).optional() })
  .openapi("CompleteBody");

export const StepPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, "invalid cursor")
    .optional()
    .describe("`next_cursor` of the previous page: steps after that seq."),
});

export const RunStatus = z.enum(["open", "cancelled", "completed"]);
export type RunStatus = z.output<typeof RunStatus>;

/** Why a run closed: cancelled, completed by a request, idle for too long, its session ended. */
export const CloseReason = z.enum(["cancelled", "completed", "idle_timeout", "session_ended"]);
export type CloseReason = z.output<typeof CloseReason>;

export const Run = z
  .object({
    id: z.string(),
    agent: z.string(),
    metadata: JsonRecord,
    status: RunStatus,
    created_by: Actor,
    created_at: IsoTime,
    closed_at: IsoTime.nullable(),
    close_reason: CloseReason.nullable(),
    /** Closed as `completed` after this long without a step proposed, reported or decided. */
    idle_timeout_seconds: z.number().int().nullable(),
    step_count: z.number().int(),
  })
  .openapi("Run");
export type RunView = z.output<typeof Run>;

export const OpenRunResponse = z
  .object({
    run: Run,
    run_token: z.string(),
    run_token_expires_at: IsoTime,
    replayed: z.boolean().describe("An earlier request with this Idempotency-Key opened the run."),
  })
  .openapi("OpenRunResponse");

export const ProposeBody = z
  .strictObject({
    tool: z.string().trim().min(1).max(128),
    args: JsonRecord.default({}),
    declared: asJsonObject(
      z
        .object({
          scope: z.array(z.string().max(128)).max(32).optional(),
          reversible: z.boolean().optional(),
          has_shadow: z.boolean().optional(),
          cost: z.string().max(64).optional(),
          blast_radius_hint: z.number().optional(),
        })
        .catchall(JsonValueSchema)
        .default({}),
    ),
    idempotency_key: z.string().min(1).max(200),
  })
  .openapi("ProposeBody");

/**
 * `executing`: handed out for its side effect (checkpointed); `awaiting_approval`: waits for a
 * person; `dry_run`: previewed, never executed; `denied`; `succeeded` / `failed`: reported.
 */
export const StepStatus = z.enum([
  "executing",
  "awaiting_approval",
  "dry_run",
  "denied",
  "succeeded",
  "failed",
  "cancelled",
]);
export type StepStatus = z.output<typeof StepStatus>;

export const Step = z
  .object({
    step_id: z.string(),
    run_id: z.string(),
    seq: z.number().int(),
    idempotency_key: z.string(),
    tool: z.string(),
    args: JsonRecord,
    declared: JsonRecord,
    verdict: z.enum(VERDICTS),
    rule_id: z.string().nullable(),
    reason: z.string(),
    matched_rules: z.array(z.string()),
    status: StepStatus,
    /** The arguments to execute with (transformed where a transform applied). */
    exec_args: JsonRecord.nullable(),
    preview: JsonRecord.nullable(),
    approval_id: z.string().nullable(),
    output: JsonValueSchema,
    policy_version: z.number().int().nullable(),
    created_at: IsoTime,
    updated_at: IsoTime,
  })
  .openapi("Step");
export type StepView = z.output<typeof Step>;

export const ProposeResult = Step.extend({
  /** True when this is an earlier proposal with the same idempotency key. */
  replay: z.boolean(),
});
export type ProposeResult = z.output<typeof ProposeResult>;

export const ReportBody = z
  .strictObject({ status: z.enum(["ok", "error"]), output: JsonValueSchema.default(null) })
  .openapi("ReportBody");

export const CancelBody = z
  .strictObject({ reason: z.string().max(500).optional() })
  .openapi("CancelBody");

export const DecisionBody = z
  .strictObject({
    decision: z.enum(["approve", "deny"]),
    reason: z.string().trim().min(1, "Give a reason.").max(500),
  })
  .openapi("DecisionBody");

export const ApprovalStatus = z.enum(["pending", "approved", "denied", "expired", "cancelled"]);
export type ApprovalStatus = z.output<typeof ApprovalStatus>;

export const Approval = z
  .object({
    id: z.string(),
    step_id: z.string(),
    run_id: z.string(),
    tool: z.string(),
    args: JsonRecord,
    /** The rule that asked for a person, and its reason (issue 17: context on the card). */
    rule_id: z.string().nullable(),
    policy_reason: z.string(),
    /** The run's agent and who opened the run. */
    agent: z.string().nullable(),
    requested_by: Actor.nullable(),
    status: ApprovalStatus,
    approvers: z.array(z.string()),
    reason: z.string().nullable(),
    decided_by: Actor.nullable(),
    /** Whether a person (a sign-in session) or an API token decided. */
    decided_via: z.enum(["person", "token"]).nullable(),
    created_at: IsoTime,
    expires_at: IsoTime,
    decided_at: IsoTime.nullable(),
  })
  .openapi("Approval");
export type ApprovalView = z.output<typeof Approval>;

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, "invalid cursor")
    .optional(),
});

export const PATH = "/api/tenants/{t}/approvals/webhook";

export const WebhookBody = z
  .object({
    url: z.string().url().max(2048),
    /** A vault secret bound to the URL's origin (header `x-gatehouse-signature`). */
    signing_secret: SecretName.optional(),
  })
  .strict();

/**
 * pending → delivered; retrying (with last_error) between; failed when the receiver refused the
 * message for good (a 4xx other than 408/429); closed when the approval was decided or expired
 * before a delivery got through (nobody needs to be asked any more).
 */
export const NoticeStatus = z.enum(["pending", "delivered", "failed", "closed"]);
export type NoticeStatus = z.output<typeof NoticeStatus>;

export const Webhook = z
  .object({
    url: z.string(),
    origin: z.string(),
    signing_secret: z.string().nullable(),
    updated_by: z.string(),
    updated_at: z.string(),
    deliveries: z.array(
      z.object({
        approval_id: z.string(),
        status: NoticeStatus,
        attempts: z.number().int(),
        last_error: z.string().nullable(),
        delivered_at: z.string().nullable(),
        next_attempt_at: z.string().nullable(),
      }),
    ),
  })
  .openapi("ApprovalWebhook");
/** The URL with its path masked: a Slack webhook URL is itself a credential. */
export type ApprovalWebhookView = z.output<typeof Webhook>;
export const getApprovalWebhook = createRoute({
  method: "get",
  path: PATH,
  tags: ["approvals"],
  summary: "The approval webhook (URL masked) and its recent deliveries",
  request: { params: TenantParam },
  responses: { 200: json(z.object({ webhook: Webhook.nullable() })), ...errorResponses },
});

export const putApprovalWebhook = createRoute({
  method: "put",
  path: PATH,
  tags: ["approvals"],
  summary: "Send approval requests to a webhook (Slack-compatible payload)",
  request: { params: TenantParam, body: jsonBody(WebhookBody) },
  responses: { 200: json(Webhook), ...errorResponses },
});

export const deleteApprovalWebhook = createRoute({
  method: "delete",
  path: PATH,
  tags: ["approvals"],
  summary: "Stop sending approval requests to the webhook",
  request: { params: TenantParam },
  responses: { 200: json(z.object({ ok: z.literal(true) })), ...errorResponses },
});

export const listApprovals = createRoute({
  method: "get",
  path: "/api/tenants/{t}/approvals",
  tags: ["approvals"],
  summary: "Approvals (pending by default)",
  request: {
    params: TenantParam,
    query: z.object({
      status: z.enum([...ApprovalStatus.options, "all"]).default("pending"),
    }),
  },
  responses: { 200: json(z.object({ approvals: z.array(Approval) })), ...errorResponses },
});

export const decideApproval = createRoute({
  method: "post",
  path: "/api/tenants/{t}/approvals/{a}/decision",
  tags: ["approvals"],
  summary: "Approve or deny, with a reason (the waiting agent is woken)",
  request: { params: ApprovalParams, body: jsonBody(DecisionBody) },
  responses: { 200: json(z.object({ approval: Approval })), ...errorResponses },
});

export const createApprovalLink = createRoute({
  method: "post",
  path: "/api/tenants/{t}/approvals/{a}/link",
  tags: ["approvals"],
  summary: "A signed one-time link to decide this approval as yourself (e.g. from a phone)",
  request: { params: ApprovalParams },
  responses: {
    200: json(z.object({ url: z.string(), expires_at: z.string() })),
    ...errorResponses,
  },
});

export const openRun = createRoute({
  method: "post",
  path: "/api/tenants/{t}/runs",
  tags: ["runs"],
  summary: "Open a run; returns a short-lived run token for a remote agent",
  description:
    "With `Idempotency-Key`, repeating the request (same caller, same body, within 24 h) returns the same run with `replayed: true` and a fresh token; the same key with another body is a 422 `idempotency_key_reused`.",
  request: { params: TenantParam, headers: OpenRunHeaders, body: jsonBody(OpenRunBody) },
  responses: { 201: json(OpenRunResponse), 200: json(OpenRunResponse), ...errorResponses },
});

export const reissueRunToken = createRoute({
  method: "post",
  path: "/api/tenants/{t}/runs/{r}/token",
  tags: ["runs"],
  summary: "Re-issue the run token (only whoever opened the run); earlier tokens stop working",
  request: { params: RunParams, body: jsonBody(ReissueTokenBody) },
  responses: { 200: json(RunTokenResponse), ...errorResponses },
});

export const listRuns = createRoute({
  method: "get",
  path: "/api/tenants/{t}/runs",
  tags: ["runs"],
  summary: "Runs, newest first",
  request: { params: TenantParam, query: ListQuery },
  responses: {
    200: json(z.object({ runs: z.array(Run), next_cursor: z.string().nullable() })),
    ...errorResponses,
  },
});

export const getRun = createRoute({
  method: "get",
  path: "/api/tenants/{t}/runs/{r}",
  tags: ["runs"],
  summary: "A run with one page of its step trace (in seq order) and where it resumes",
  request: { params: RunParams, query: StepPageQuery },
  responses: {
    200: json(
      z.object({
        run: Run.extend({
          steps: z.array(Step),
          next_cursor: z.string().nullable(),
          resume_at: z.number().nullable(),
        }),
      }),
    ),
    ...errorResponses,
  },
});

export const cancelRun = createRoute({
  method: "post",
  path: "/api/tenants/{t}/runs/{r}/cancel",
  tags: ["runs"],
  summary: "Cancel a run (pending approvals are cancelled with it)",
  request: { params: RunParams, body: jsonBody(CancelBody) },
  responses: { 200: json(z.object({ run: Run })), ...errorResponses },
});

export const completeRun = createRoute({
  method: "post",
  path: "/api/tenants/{t}/runs/{r}/complete",
  tags: ["runs"],
  summary: "Complete a run (refused while a step is executing; pending approvals are cancelled)",
  request: { params: RunParams, body: jsonBody(CompleteBody) },
  responses: { 200: json(z.object({ run: Run })), ...errorResponses },
});

export const proposeStep = createRoute({
  method: "post",
  path: "/api/tenants/{t}/runs/{r}/steps",
  tags: ["runs"],
  summary: "Propose a tool call and get the verdict (idempotent per idempotency_key)",
  description:
    "`executing` means: run it now (a checkpoint is already committed). A retried proposal returns the same step with `replay: true` and is never handed out twice.",
  request: { params: RunParams, body: jsonBody(ProposeBody) },
  responses: { 200: json(ProposeResult), ...errorResponses },
});

export const getStep = createRoute({
  method: "get",
  path: "/api/tenants/{t}/runs/{r}/steps/{s}",
  tags: ["runs"],
  summary: "A step; with ?wait=N (≤ 25 s) long-polls while it awaits approval",
  request: {
    params: StepParams,
    query: z.object({ wait: z.coerce.number().int().min(0).max(25).default(0) }),
  },
  responses: { 200: json(Step), ...errorResponses },
});

export const reportStepResult = createRoute({
  method: "post",
  path: "/api/tenants/{t}/runs/{r}/steps/{s}/result",
  tags: ["runs"],
  summary: "Report a step's result",
  request: { params: StepParams, body: jsonBody(ReportBody) },
  responses: { 200: json(Step), ...errorResponses },
});
