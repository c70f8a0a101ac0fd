import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { requireRunAccess } from "./run-access";
import { signRunToken } from "./run-token";
import { unwrap } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { RunsRpc } from "./tenant-do/rpc";

import { canonicalJson } from "../../core/canonical-json";
import { toHex, utf8 } from "../../core/encoding";
import {
  openRun,
  reissueRunToken,
  listRuns,
  getRun,
  cancelRun,
  completeRun,
  proposeStep,
  getStep,
  reportStepResult,
} from "./contract";
import { authorize } from "../tenancy/access";
import { errors } from "../../platform/http/errors";

/** The "wrap any agent" API: runs, proposed steps, verdicts and results. */
export const runRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const sha256Hex = async (text: string) =>
  toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", utf8.encode(text))));

const expiresAt = (ttlSeconds: number) => new Date(clock.now() + ttlSeconds * 1000).toISOString();

runRoutes.openapi(openRun, async (c) => {
  const access = authorize(c, "runs.create");
  const body = c.req.valid("json");
  const key = c.req.valid("header")["idempotency-key"];
  const stub = access.stub<RunsRpc>();
  const opened = unwrap(
    await stub.openRemoteRun(
      {
        agent: body.agent,
        metadata: body.metadata,
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
});

runRoutes.openapi(reissueRunToken, async (c) => {
  // A run token cannot renew itself: a leaked one must not outlive its re-issue.
  if (c.var.run) throw errors.forbidden("A run token cannot re-issue itself.");
  const { r } = c.req.valid("param");
  const { token_ttl_seconds: ttl } = c.req.valid("json");
  const access = authorize(c, "runs.create");
  const issued = unwrap(await access.stub<RunsRpc>().reissueRunToken(r, actorOf(access)));
  const token = await signRunToken(
    c.var.config.authPepper,
    access.tenantId,
    r,
    issued.tokenGeneration,
    ttl,
  );
  return c.json({ run_token: token, run_token_expires_at: expiresAt(ttl) }, 200);
});

runRoutes.openapi(listRuns, async (c) => {
  const access = authorize(c, "runs.read");
  const { limit, cursor } = c.req.valid("query");
  const page = unwrap(
    await access.stub<RunsRpc>().listRuns({
      limit,
      ...(cursor ? { before: Number(cursor) } : {}),
    }),
  );
  return c.json(page, 200);
});

runRoutes.openapi(getRun, async (c) => {
  const { r } = c.req.valid("param");
  const { limit, cursor } = c.req.valid("query");
  const caller = await requireRunAccess(c, "runs.read", r);
  const run = unwrap(
    await caller.stub<RunsRpc>().getRun(r, {
      after: cursor ? Number(cursor) : 0,
      limit,
    }),
  );
  return c.json({ run }, 200);
});

runRoutes.openapi(cancelRun, async (c) => {
  const { r } = c.req.valid("param");
  const { reason } = c.req.valid("json");
  const caller = await requireRunAccess(c, "runs.cancel", r);
  const run = unwrap(await caller.stub<RunsRpc>().cancelRun(r, caller.actor, reason));
  return c.json({ run }, 200);
});

runRoutes.openapi(completeRun, async (c) => {
  const { r } = c.req.valid("param");
  const { reason } = c.req.valid("json");
  const caller = await requireRunAccess(c, "runs.complete", r);
  const run = unwrap(await caller.stub<RunsRpc>().completeRun(r, caller.actor, reason));
  return c.json({ run }, 200);
});

runRoutes.openapi(proposeStep, async (c) => {
  const { r } = c.req.valid("param");
  const body = c.req.valid("json");
  const caller = await requireRunAccess(c, "steps.propose", r);
  const step = unwrap(
    await caller.stub<RunsRpc>().proposeStep(r, body, caller.actor, caller.channel),
  );
  return c.json(step, 200);
});

runRoutes.openapi(getStep, async (c) => {
  const { r, s } = c.req.valid("param");
  const { wait } = c.req.valid("query");
  const caller = await requireRunAccess(c, "runs.read", r);
  const step = unwrap(await caller.stub<RunsRpc>().getStep(r, s, wait * 1000));
  return c.json(step, 200);
});

runRoutes.openapi(reportStepResult, async (c) => {
  const { r, s } = c.req.valid("param");
  const body = c.req.valid("json");
  const caller = await requireRunAccess(c, "steps.report", r);
  const step = unwrap(
    await caller
      .stub<RunsRpc>()
      .reportStep(r, s, { status: body.status, output: body.output }, caller.actor),
  );
  return c.json(step, 200);
});
