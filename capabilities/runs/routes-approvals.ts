import { clock } from "../../platform/clock";
import { database } from "../../platform/db/client";
import { tokensMayApprove as tenantTokensMayApprove } from "../tenancy/tenant-repository";
import { OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import type { Context } from "hono";
import type { ApprovalView } from "./contract";
import type { ApprovalLinkClaim } from "./approval-link";
import { can, isRole } from "../../core/permissions";
import { escapeHtml } from "../../core/html";
import { sha256Hex } from "../../core/crypto/hash";
import { auditedQuery } from "../audit/outbox";
import { memberById } from "../tenancy/member-repository";
import { ApiError } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { htmlPage } from "../../platform/http/html-page";
import { validationHook } from "../../platform/http/validation";
import { checkApprovalLink, signApprovalLink } from "./approval-link";
import { approvalLinkMail } from "../../platform/mail/templates";
import { mailTransport } from "../../platform/mail/transport";
import { tenantStub, unwrap } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { RunsRpc } from "./tenant-do/rpc";

import { listApprovals, decideApproval, createApprovalLink } from "./contract";
import { requirePerson, authorize } from "../tenancy/access";

export const approvalRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

async function tokensMayApprove(d1: D1Database, tenantId: string): Promise<boolean> {
  return tenantTokensMayApprove(database(d1), tenantId);
}

approvalRoutes.openapi(listApprovals, async (c) => {
  const access = authorize(c, "approvals.read");
  const { status } = c.req.valid("query");
  const approvals = unwrap(await access.stub<RunsRpc>().listApprovals(status));
  return c.json({ approvals }, 200);
});

approvalRoutes.openapi(decideApproval, async (c) => {
  const access = authorize(c, "approvals.decide");
  if (access.principal.kind === "token" && !(await tokensMayApprove(c.env.DB, access.tenantId))) {
    throw new ApiError(
      403,
      "session_required",
      "In this tenant only people signed in decide approvals (the tokens_may_approve setting).",
    );
  }
  const { a } = c.req.valid("param");
  const { decision, reason } = c.req.valid("json");
  const approval = unwrap(
    await access
      .stub<RunsRpc>()
      .decideApproval(a, { approve: decision === "approve", reason }, actorOf(access)),
  );
  return c.json({ approval }, 200);
});

approvalRoutes.openapi(createApprovalLink, async (c) => {
  const access = authorize(c, "approvals.decide");
  const person = requirePerson(access);
  const { a } = c.req.valid("param");
  const approval = unwrap(await access.stub<RunsRpc>().getApproval(a));
  if (approval.status !== "pending") {
    throw new ApiError(409, "approval_closed", `This approval is already ${approval.status}.`);
  }
  const ttl = Math.floor((Date.parse(approval.expires_at) - clock.now()) / 1000);
  const token = await signApprovalLink(
    c.var.config.authPepper,
    { tenantId: access.tenantId, approvalId: a, userId: person.userId },
    ttl,
  );
  const url = `${c.var.config.origins[0]}/auth/approval?token=${encodeURIComponent(token)}`;
  const expiresAt = new Date(clock.now() + Math.min(ttl, 86_400) * 1000).toISOString();
  // Who can decide from outside the console, and until when (never the link itself).
  await auditedQuery(c, database(c.env.DB), access, "approval.link_created", {
    approval_id: a,
    user_id: person.userId,
    expires_at: expiresAt,
  }).run();
  // Also mailed to the member, to open on a phone; the answer carries the link either way.
  await mailTransport(c.var.config, c.env.DB)
    .send({
      to: person.email,
      ...approvalLinkMail({ tool: approval.tool, expiresAt, url }),
      idempotencyKey: `approval-link:${a}:${await sha256Hex(token)}`,
    })
    .catch(() => null);
  return c.json({ url, expires_at: expiresAt }, 200);
});

/** The pages behind an approval link: GET shows the call, the form POSTs the decision. */
export const approvalLinkRoutes = new Hono<AppEnv>();

const invalidLink = () =>
  htmlPage(
    "This link is not valid",
    "<p>The link was altered or is incomplete. Open it again from the email, or decide in the console.</p>",
    400,
  );

const expiredLink = () =>
  htmlPage(
    "This link has expired",
    "<p>Approval links expire with the approval they are for. Open the console to see where it stands.</p>",
    410,
  );

const alreadyDecided = (status: string, by: string | null) =>
  htmlPage(
    "This approval was already decided",
    `<p>This approval is already ${escapeHtml(status)}${by ? ` (by ${escapeHtml(by)})` : ""}. An approval link works once.</p>`,
    409,
  );

/** The member who asked for the link must still belong to the tenant with a role that may decide. */
async function memberActor(db: D1Database, tenantId: string, userId: string) {
  const row = await memberById(database(db), tenantId, userId);
  if (!row || !isRole(row.role) || !can(row.role, "approvals.decide")) return null;
  return { kind: "user" as const, id: userId, role: row.role, email: row.email };
}

type OpenedLink =
  { ok: true; claim: ApprovalLinkClaim; approval: ApprovalView } | { ok: false; page: Response };

/** The pending approval a link stands for, or the page that says why it cannot be used. */
async function openLink(c: Context<AppEnv>, token: string): Promise<OpenedLink> {
  const checked = await checkApprovalLink(c.var.config.authPepper, token);
  if (checked.status !== "valid") {
    return { ok: false, page: checked.status === "expired" ? expiredLink() : invalidLink() };
  }
  const { claim } = checked;
  const result = await tenantStub<RunsRpc>(c.env, claim.tenantId).getApproval(claim.approvalId);
  if (!result.ok) return { ok: false, page: invalidLink() };
  const approval = result.value;
  if (approval.status === "expired") return { ok: false, page: expiredLink() };
  if (approval.status !== "pending") {
    const by = approval.decided_by?.email ?? approval.decided_by?.id ?? null;
    return { ok: false, page: alreadyDecided(approval.status, by) };
  }
  return { ok: true, claim, approval };
}

const UTC_TIME = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** "in 29 minutes (1 Dec 2026, 16:33 UTC)": the page runs no script, so no local time zone. */
export function readableExpiry(iso: string, now: number): string {
  const at = Date.parse(iso);
  const minutes = Math.max(0, Math.round((at - now) / 60_000));
  const left =
    minutes < 1
      ? "in under a minute"
      : minutes < 120
        ? `in ${minutes} minute${minutes === 1 ? "" : "s"}`
        : `in ${Math.round(minutes / 60)} hours`;
  return `${left} (${UTC_TIME.format(at)} UTC)`;
}

approvalLinkRoutes.get("/auth/approval", async (c) => {
  const opened = await openLink(c, c.req.query("token") ?? "");
  if (!opened.ok) return opened.page;
  const a = opened.approval;
  const token = c.req.query("token") ?? "";
  return htmlPage(
    "Approve this action?",
    `<p>${a.agent ? `The agent <strong>${escapeHtml(a.agent)}</strong>` : "An agent"} wants to run <strong>${escapeHtml(a.tool)}</strong>.</p>
<pre>${escapeHtml(JSON.stringify(a.args, null, 2))}</pre>
<p>Asked by the rule <code>${escapeHtml(a.rule_id ?? "default")}</code>${a.policy_reason ? `: ${escapeHtml(a.policy_reason)}` : ""}</p>
<p class="meta">Expires ${escapeHtml(readableExpiry(a.expires_at, clock.now()))}</p>
<form method="post" action="/auth/approval"><input type="hidden" name="token" value="${escapeHtml(token)}">
<label for="reason">Reason</label><input id="reason" name="reason" type="text" required maxlength="500">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny" class="danger">Deny</button></form>`,
  );
});

approvalLinkRoutes.post("/auth/approval", async (c) => {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const token = typeof form.token === "string" ? form.token : "";
  const reason = typeof form.reason === "string" ? form.reason.trim().slice(0, 500) : "";
  const decision = form.decision;
  const opened = await openLink(c, token);
  if (!opened.ok) return opened.page;
  if (decision !== "approve" && decision !== "deny") return invalidLink();
  if (!reason) return htmlPage("A reason is needed", "<p>Go back and say why.</p>", 400);
  const { claim } = opened;
  const actor = await memberActor(c.env.DB, claim.tenantId, claim.userId);
  if (!actor)
    return htmlPage(
      "Not allowed",
      "<p>You can no longer decide approvals in this tenant.</p>",
      403,
    );
  const result = await tenantStub<RunsRpc>(c.env, claim.tenantId).decideApproval(
    claim.approvalId,
    { approve: decision === "approve", reason },
    actor,
  );
  if (!result.ok) {
    // Lost a race with another decision (or the expiry): say where it stands now.
    const again = await openLink(c, token);
    return again.ok
      ? htmlPage("Not decided", `<p>${escapeHtml(result.message)}</p>`, 409)
      : again.page;
  }
  return htmlPage(
    decision === "approve" ? "Approved" : "Denied",
    "<p>The agent has been told.</p>",
  );
});
