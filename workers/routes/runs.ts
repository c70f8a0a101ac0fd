import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../http/context";
import { validationHook } from "../http/validation";
import { requireRunAccess } from "../runtime/run-access";
import { signRunToken } from "../runtime/run-token";
import { actorOf, tenantStub, unwrap } from "../runtime/tenant-client";
import { errorResponses, json, jsonBody } from "../schemas/common";
import {
  CancelBody,
  ListQuery,
  OpenRunBody,
  OpenRunResponse,
  ProposeBody,
  ReportBody,
  Run,
  RunParams,
  Step,
  StepParams,
  TenantParam,
} from "../schemas/runtime";
import { requireTenantAccess } from "../tenancy/access";

/** The "wrap any agent" API: runs, proposed steps, verdicts and results. */
export const runRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

runRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/runs",
    tags: ["runs"],
    summary: "Open a run; returns a short-lived run token for a remote agent",
    request: { params: TenantParam, body: jsonBody(OpenRunBody) },
    responses: { 201: json(OpenRunResponse), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "runs.create");
    const body = c.req.valid("json");
    const stub = tenantStub(c.env, access.tenantId);
    const run = unwrap(
      await stub.openRun(
        access.tenantId,
        { agent: body.agent, metadata: body.metadata as never },
        actorOf(access),
      ),
    );
    const token = await signRunToken(
      c.var.config.authPepper,
      access.tenantId,
      run.id,
      body.token_ttl_seconds,
    );
    return c.json(
      {
        run,
        run_token: token,
        run_token_expires_at: new Date(Date.now() + body.token_ttl_seconds * 1000).toISOString(),
      },
      201,
    );
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
      await tenantStub(c.env, access.tenantId).listRuns(access.tenantId, {
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
    summary: "A run with its step trace and where it resumes",
    request: { params: RunParams },
    responses: {
      200: json(
        z.object({ run: Run.extend({ steps: z.array(Step), resume_at: z.number().nullable() }) }),
      ),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { r } = c.req.valid("param");
    const caller = await requireRunAccess(c, "runs.read", r);
    const run = unwrap(await tenantStub(c.env, caller.tenantId).getRun(caller.tenantId, r));
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
      await tenantStub(c.env, caller.tenantId).cancelRun(caller.tenantId, r, caller.actor, reason),
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
      await tenantStub(c.env, caller.tenantId).proposeStep(
        caller.tenantId,
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
      await tenantStub(c.env, caller.tenantId).getStep(caller.tenantId, r, s, wait * 1000),
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
      await tenantStub(c.env, caller.tenantId).reportStep(
        caller.tenantId,
        r,
        s,
        { status: body.status, output: (body.output ?? null) as never },
        caller.actor,
      ),
    );
    return c.json(step, 200);
  },
);
