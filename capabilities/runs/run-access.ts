import { createMiddleware } from "hono/factory";
import type { Context } from "hono";
import type { Action } from "../../core/permissions";
import type { Actor, Channel } from "../../platform/tenant-types";
import { ApiError, errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { authorize } from "../tenancy/access";
import { verifyRunToken } from "./run-token";
import { tenantStub, unwrap, type TenantStub } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { RunsRpc } from "./tenant-do/rpc";

const JWT_SHAPE = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;

/** Recognises a run token (`Authorization: Bearer <JWS>`) and puts it in `c.var.run`. */
export const authenticateRunToken = createMiddleware<AppEnv>(async (c, next) => {
  const match = JWT_SHAPE.exec(c.req.header("authorization") ?? "");
  if (match) {
    const run = await verifyRunToken(c.var.config.authPepper, match[1]!);
    if (!run) throw new ApiError(401, "invalid_token", "The run token is invalid or has expired.");
    c.set("run", run);
  }
  await next();
});

/** What a run token may do: work on its own run's steps, read it, and close it. */
const RUN_TOKEN_ACTIONS: ReadonlySet<Action> = new Set([
  "runs.read",
  "runs.cancel",
  "runs.complete",
  "steps.propose",
  "steps.report",
]);

export interface RunCaller {
  tenantId: string;
  actor: Actor;
  channel: Channel;
  stub<Slice>(): TenantStub<Slice>;
}

/**
 * A member (or API token) allowed `action`, or the run token of exactly this run. A run token is
 * no principal, so `resolveTenant` let it through: its tenant is checked here.
 */
export async function requireRunAccess(
  c: Context<AppEnv>,
  action: Action,
  runId: string,
): Promise<RunCaller> {
  const run = c.var.run;
  if (run) {
    if (run.tenantId !== c.req.param("t") || run.runId !== runId) throw errors.notFound("Run");
    if (!RUN_TOKEN_ACTIONS.has(action)) throw errors.forbidden("A run token cannot do this.");
    // Live authority: the opener's membership and role, or the opening API token, right now.
    const stub = <Slice>() => tenantStub<Slice>(c.env, run.tenantId);
    unwrap(await stub<RunsRpc>().checkRunToken(runId, action, run.generation));
    return {
      tenantId: run.tenantId,
      actor: { kind: "agent", id: run.runId },
      channel: "agent",
      stub,
    };
  }
  const access = authorize(c, action);
  return {
    tenantId: access.tenantId,
    actor: actorOf(access),
    channel: access.channel,
    stub: access.stub,
  };
}
