import { clock } from "../../platform/clock";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { requireRunAccess } from "./run-access";
import { signRunToken } from "./run-token";
import { tenantStub, unwrap } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { RunsRpc } from "./tenant-do/rpc";
import { errorResponses, json, jsonBody } from "../../core/contract/common";
import { canonicalJson } from "../../core/canonical-json";
import { toHex, utf8 } from "../../core/encoding";
import {
  CancelBody,
  CompleteBody,
  ListQuery,
  OpenRunBody,
  OpenRunHeaders,
  OpenRunResponse,
  ReissueTokenBody,
  RunTokenResponse,
  StepPageQuery,
  ProposeBody,
  ReportBody,
  Run,
  RunParams,
  Step,
  StepParams,
  TenantParam,
} from "./contract";
import { requireTenantAccess } from "../tenancy/access";
import { errors } from "../../platform/http/errors";

/** The "wrap any agent" API: runs, proposed steps, verdicts and results. */
export const runRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const sha256Hex = async (text: string) =>
  toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", utf8.encode(text))));

const expiresAt = (ttlSeconds: number) => new Date(clock.now() + ttlSeconds * 1000).toISOString();

runRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/runs",
    tags: ["runs"],
    summary: "Open a run; returns a short-lived run token for a remote agent",
    description:
      "With `Idempotency-Key`, repeating the request (same caller, same body, within 24 h) returns the same run with `replayed: true` and a fresh token; the same key with another body is a 422 `idempotency_key_reused`.",
    request: { params: TenantParam, headers: OpenRunHeaders, body: jsonBody(OpenRunBody) },
    responses: { 201: json(OpenRunResponse), 200: json(OpenRunResponse), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "runs.create");
    const body = c.req.valid("json");
    const key = c.req.valid("header")["idempotency-key"];
    const stub = tenantStub<RunsRpc>(c.env, access.tenantId);
    const opened = unwrap(
      await stub.openRemoteRun(
        {
          agent: body.agent,
          metadata: body.metadata as never,
          idleTimeoutMs: body.idle_timeout_seconds * 1000,
        },
        actorOf(access),
        key ? { key, requestHash: await sha256Hex(canonicalJson(body)) } : null,
      ),
    );
    const token = await signRunToken(
      c.var.config.authPepper,
      access.tenantId,
      opened.run.id,
      opened.tokenGeneration,
      body.token_ttl_seconds,
    );
    return c.json(
      {
        run: opened.run,
        run_token: token,
        run_token_expires_at: expiresAt(body.token_ttl_seconds),
        replayed: opened.replayed,
      },
      opened.replayed ? 200 : 201,
    );
  },
);

runRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/runs/{r}/token",
    tags: ["runs"],
    summary: "Re-issue the run token (only whoever opened the run); earlier tokens stop working",
    request: { params: RunParams, body: jsonBody(ReissueTokenBody) },
    responses: { 200: json(RunTokenResponse), ...errorResponses },
  }),
  async (c) => {
    // A run token cannot renew itself: a leaked one must not outlive its re-issue.
    if (c.var.run) throw errors.forbidden("A run token cannot re-issue itself.");
    const { r } = c.req.valid("param");
    const { token_ttl_seconds: ttl } = c.req.valid("json");
    const access = await requireTenantAccess(c, "runs.create");
    const issued = unwrap(
      await tenantStub<RunsRpc>(c.env, access.tenantId).reissueRunToken(r, actorOf(access)),
    );
    const token = await signRunToken(
      c.var.config.authPepper,
      access.tenantId,
      r,
      issued.tokenGeneration,
      ttl,
    );
    return c.json({ run_token: token, run_token_expires_at: expiresAt(ttl) }, 200);
  },
);

runRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/runs",
    tags: ["runs"],
    summary: "Runs, newest first",
    request: { params: TenantParam, query: ListQuery },
    responses: {
      200: json(z.object({ runs: z.array(Run), next_cursor: z.string().nullable() })),
      ...errorResponses,
    },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "runs.read");
    const { limit, cursor } = c.req.valid("query");
    const page = unwrap(
      await tenantStub<RunsRpc>(c.env, access.tenantId).listRuns({
        limit,
        ...(cursor ? { before: Number(cursor) } : {}),
      }),
    );
    return c.json(page, 200);
  },
);

runRoutes.openapi(
  createRoute({
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
  }),
  async (c) => {
    const { r } = c.req.valid("param");
    const { limit, cursor } = c.req.valid("query");
    const caller = await requireRunAccess(c, "runs.read", r);
    const run = unwrap(
      await tenantStub<RunsRpc>(c.env, caller.tenantId).getRun(r, {
        after: cursor ? Number(cursor) : 0,
        limit,
      }),
    );
    return c.json({ run }, 200);
  },
);

runRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/runs/{r}/cancel",
    tags: ["runs"],
    summary: "Cancel a run (pending approvals are cancelled with it)",
    request: { params: RunParams, body: jsonBody(CancelBody) },
    responses: { 200: json(z.object({ run: Run })), ...errorResponses },
  }),
  async (c) => {
    const { r } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    const caller = await requireRunAccess(c, "runs.cancel", r);
    const run = unwrap(
      await tenantStub<RunsRpc>(c.env, caller.tenantId).cancelRun(r, caller.actor, reason),
    );
    return c.json({ run }, 200);
  },
);

runRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/runs/{r}/complete",
    tags: ["runs"],
    summary: "Complete a run (refused while a step is executing; pending approvals are cancelled)",
    request: { params: RunParams, body: jsonBody(CompleteBody) },
    responses: { 200: json(z.object({ run: Run })), ...errorResponses },
  }),
  async (c) => {
    const { r } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    const caller = await requireRunAccess(c, "runs.complete", r);
    const run = unwrap(
      await tenantStub<RunsRpc>(c.env, caller.tenantId).completeRun(r, caller.actor, reason),
    );
    return c.json({ run }, 200);
  },
);

runRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/runs/{r}/steps",
    tags: ["runs"],
    summary: "Propose a tool call and get the verdict (idempotent per idempotency_key)",
    description:
      "`executing` means: run it now (a checkpoint is already committed). A retried proposal returns the same step with `replay: true` and is never handed out twice.",
    request: { params: RunParams, body: jsonBody(ProposeBody) },
    responses: { 200: json(Step.extend({ replay: z.boolean() })), ...errorResponses },
  }),
  async (c) => {
    const { r } = c.req.valid("param");
    const body = c.req.valid("json");
    const caller = await requireRunAccess(c, "steps.propose", r);
    const step = unwrap(
      await tenantStub<RunsRpc>(c.env, caller.tenantId).proposeStep(
        r,
        body as never,
        caller.actor,
        caller.channel,
      ),
    );
    return c.json(step, 200);
  },
);

runRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/runs/{r}/steps/{s}",
    tags: ["runs"],
    summary: "A step; with ?wait=N (≤ 25 s) long-polls while it awaits approval",
    request: {
      params: StepParams,
      query: z.object({ wait: z.coerce.number().int().min(0).max(25).default(0) }),
    },
    responses: { 200: json(Step), ...errorResponses },
  }),
  async (c) => {
    const { r, s } = c.req.valid("param");
    const { wait } = c.req.valid("query");
    const caller = await requireRunAccess(c, "runs.read", r);
    const step = unwrap(
      await tenantStub<RunsRpc>(c.env, caller.tenantId).getStep(r, s, wait * 1000),
    );
    return c.json(step, 200);
  },
);

runRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/runs/{r}/steps/{s}/result",
    tags: ["runs"],
    summary: "Report a step's result",
    request: { params: StepParams, body: jsonBody(ReportBody) },
    responses: { 200: json(Step), ...errorResponses },
  }),
  async (c) => {
    const { r, s } = c.req.valid("param");
    const body = c.req.valid("json");
    const caller = await requireRunAccess(c, "steps.report", r);
    const step = unwrap(
      await tenantStub<RunsRpc>(c.env, caller.tenantId).reportStep(
        r,
        s,
        { status: body.status, output: (body.output ?? null) as never },
        caller.actor,
      ),
    );
    return c.json(step, 200);
  },
);
