import { MAX_POLICY_SOURCE_CHARS } from "../../core/policy/limits";
import { z, createRoute } from "@hono/zod-openapi";
import { IsoTime, Json, errorResponses, json, jsonBody } from "../../core/contract/common";
import { TenantParam } from "../tenancy/contract";
import { DisplayName } from "../../core/contract/text";
import { SecretName } from "../vault/contract";

/**
 * Any JSON value (bodies are parsed JSON, bounded by the body limit). Described rather than
 * modelled: a recursive schema overflows the OpenAPI generator.
 */
const JsonRecord = z.record(z.string(), Json);
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

export const Run = z
  .object({
    id: z.string(),
    agent: z.string(),
    metadata: JsonRecord,
    status: z.enum(["open", "cancelled", "completed"]),
    created_by: z.object({ kind: z.string(), id: z.string() }).passthrough(),
    created_at: IsoTime,
    closed_at: IsoTime.nullable(),
    close_reason: z.enum(["cancelled", "completed", "idle_timeout", "session_ended"]).nullable(),
    idle_timeout_seconds: z.number().int().nullable(),
    step_count: z.number().int(),
  })
  .openapi("Run");

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
    declared: z
      .object({
        scope: z.array(z.string().max(128)).max(32).optional(),
        reversible: z.boolean().optional(),
        has_shadow: z.boolean().optional(),
        cost: z.string().max(64).optional(),
        blast_radius_hint: z.number().optional(),
      })
      .catchall(Json)
      .default({}),
    idempotency_key: z.string().min(1).max(200),
  })
  .openapi("ProposeBody");

export const Step = z
  .object({
    step_id: z.string(),
    run_id: z.string(),
    seq: z.number().int(),
    idempotency_key: z.string(),
    tool: z.string(),
    args: JsonRecord,
    declared: JsonRecord,
    verdict: z.enum(["allow", "deny", "dry_run", "approve_required", "transform"]),
    rule_id: z.string().nullable(),
    reason: z.string(),
    matched_rules: z.array(z.string()),
    status: z.enum([
      "executing",
      "awaiting_approval",
      "dry_run",
      "denied",
      "succeeded",
      "failed",
      "cancelled",
    ]),
    exec_args: JsonRecord.nullable(),
    preview: JsonRecord.nullable(),
    approval_id: z.string().nullable(),
    output: Json,
    policy_version: z.number().int().nullable(),
    created_at: IsoTime,
    updated_at: IsoTime,
  })
  .openapi("Step");

export const ReportBody = z
  .strictObject({ status: z.enum(["ok", "error"]), output: Json.default(null) })
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

export const Approval = z
  .object({
    id: z.string(),
    step_id: z.string(),
    run_id: z.string(),
    tool: z.string(),
    args: JsonRecord,
    rule_id: z.string().nullable(),
    policy_reason: z.string(),
    agent: z.string().nullable(),
    requested_by: z.object({ kind: z.string(), id: z.string() }).passthrough().nullable(),
    status: z.enum(["pending", "approved", "denied", "expired", "cancelled"]),
    approvers: z.array(z.string()),
    reason: z.string().nullable(),
    decided_by: z.object({ kind: z.string(), id: z.string() }).passthrough().nullable(),
    decided_via: z.enum(["person", "token"]).nullable(),
    created_at: IsoTime,
    expires_at: IsoTime,
    decided_at: IsoTime.nullable(),
  })
  .openapi("Approval");

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
        status: z.enum(["pending", "delivered", "failed", "closed"]),
        attempts: z.number().int(),
        last_error: z.string().nullable(),
        delivered_at: z.string().nullable(),
        next_attempt_at: z.string().nullable(),
      }),
    ),
  })
  .openapi("ApprovalWebhook");
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
      status: z
        .enum(["pending", "approved", "denied", "expired", "cancelled", "all"])
        .default("pending"),
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
  responses: { 200: json(Step.extend({ replay: z.boolean() })), ...errorResponses },
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
