import { MAX_POLICY_SOURCE_CHARS } from "../../core/policy/limits";
import { z } from "@hono/zod-openapi";
import { IsoTime } from "../../core/contract/common";
import { DisplayName } from "../../core/contract/text";

/**
 * Any JSON value (bodies are parsed JSON, bounded by the body limit). Described rather than
 * modelled: a recursive schema overflows the OpenAPI generator.
 */
const Json = z.unknown().openapi({ description: "any JSON value" });
const JsonRecord = z.record(z.string(), Json);

export const TenantParam = z.object({ t: z.string().min(1).max(128) });
export const RunParams = TenantParam.extend({
  r: z.string().regex(/^run_[0-9a-f-]{36}$/, "not a run id"),
});
export const StepParams = RunParams.extend({
  s: z.string().regex(/^step_[0-9a-f-]{36}$/, "not a step id"),
});
export const ApprovalParams = TenantParam.extend({
  a: z.string().regex(/^apr_[0-9a-f-]{36}$/, "not an approval id"),
});
export const VersionParams = TenantParam.extend({
  v: z.coerce.number().int().min(1).max(1_000_000),
});

export const PolicyBody = z
  .strictObject({ source: z.string().min(1).max(MAX_POLICY_SOURCE_CHARS) })
  .openapi("PolicyBody");

export const PolicyVersion = z
  .object({
    version: z.number().int(),
    bundle_id: z.string(),
    author: z.string(),
    created_at: IsoTime,
    activated_at: IsoTime.nullable(),
    active: z.boolean(),
  })
  .openapi("PolicyVersion");

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

export const AuditEvent = z
  .object({
    seq: z.number().int(),
    ts: IsoTime,
    type: z.string(),
    run_id: z.string().nullable(),
    step_id: z.string().nullable(),
    actor: z.object({ kind: z.string(), id: z.string() }),
    data: Json,
    prev: z.string(),
    hash: z.string(),
  })
  .openapi("AuditEvent");

export const SignedCheckpoint = z
  .object({ size: z.number().int(), root: z.string(), ts: IsoTime, jws: z.string() })
  .openapi("SignedCheckpoint");

export const Proof = z
  .object({ proof: z.array(z.string()) })
  .passthrough()
  .openapi("Proof");

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, "invalid cursor")
    .optional(),
});
