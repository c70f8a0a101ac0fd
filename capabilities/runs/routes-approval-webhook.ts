import { OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import { checkEgress } from "../../core/egress";
import type { AppEnv } from "../login-sessions/app-env";
import { ApiError } from "../../platform/http/errors";
import { htmlPage } from "../../platform/http/html-page";
import { validationHook } from "../../platform/http/validation";
import { checkApprovalNotice } from "./approval-link";
import { unwrap } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { RunsRpc } from "./tenant-do/rpc";

import { getApprovalWebhook, putApprovalWebhook, deleteApprovalWebhook } from "./contract";

import { authorize } from "../tenancy/access";

/**
 * Approval requests sent to a webhook as a Slack incoming-webhook message, so approvers are
 * reached where they work. The message links to the approval page; deciding needs a sign-in.
 */
export const approvalWebhookRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

function refusedDestination(url: string, development: boolean): string | null {
  if (development && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(url)) return null;
  const egress = checkEgress(url, { httpsOnly: true });
  return egress.allowed ? null : egress.reason;
}

approvalWebhookRoutes.openapi(getApprovalWebhook, async (c) => {
  const access = authorize(c, "approvals.configure");
  const webhook = unwrap(await access.stub<RunsRpc>().getApprovalWebhook());
  return c.json({ webhook }, 200);
});

approvalWebhookRoutes.openapi(putApprovalWebhook, async (c) => {
  const access = authorize(c, "approvals.configure");
  const body = c.req.valid("json");
  const refused = refusedDestination(body.url, c.env.ENVIRONMENT === "development");
  if (refused)
    throw new ApiError(400, "invalid_request", `Webhook destination refused: ${refused}.`, [
      { path: "url", message: refused },
    ]);
  const stub = access.stub<RunsRpc>();
  return c.json(unwrap(await stub.setApprovalWebhook(body, actorOf(access))), 200);
});

approvalWebhookRoutes.openapi(deleteApprovalWebhook, async (c) => {
  const access = authorize(c, "approvals.configure");
  const stub = access.stub<RunsRpc>();
  unwrap(await stub.removeApprovalWebhook(actorOf(access)));
  return c.json({ ok: true as const }, 200);
});

/** The link in an approval notice: checked, then on to the console's approvals screen. */
export const approvalNoticeRoutes = new Hono<AppEnv>();

approvalNoticeRoutes.get("/auth/approval-notice", async (c) => {
  const checked = await checkApprovalNotice(c.var.config.authPepper, c.req.query("token") ?? "");
  if (checked.status === "expired")
    return htmlPage(
      "This link has expired",
      "<p>The approval it was for has expired. Open the console to see where it stands.</p>",
      410,
    );
  if (checked.status !== "valid")
    return htmlPage(
      "This link is not valid",
      "<p>The link was altered or is incomplete. Open the console's approvals screen.</p>",
      400,
    );
  // The console's address of the approval, in its tenant (`/t/:tenant/approvals?id=`).
  const to = new URL(
    `/t/${encodeURIComponent(checked.tenantId)}/approvals`,
    c.var.config.origins[0],
  );
  to.searchParams.set("id", checked.approvalId);
  return c.redirect(to.toString(), 302);
});
