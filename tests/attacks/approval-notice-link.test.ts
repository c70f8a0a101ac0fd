import { SELF } from "cloudflare:test";
import { afterEach, expect, it } from "vitest";
import { call, eventually, ORIGIN } from "../helpers/client";
import { mockSlack } from "../helpers/slack-mock";
import { bearer, ownerWithTenant } from "../helpers/tenant";
import { POLICY } from "../helpers/tenant-do";

// Everyone who can read the Slack channel sees the approval notice. Its link must open the
// approval page and nothing more: deciding takes a sign-in of a member who may decide.
const SLACK = "https://hooks.slack.test";
let slack: ReturnType<typeof mockSlack> | null = null;
afterEach(() => {
  slack?.restore();
  slack = null;
});

it("a channel reader cannot decide an approval with the link from its Slack notice", async () => {
  const owner = await ownerWithTenant();
  const base = `/api/tenants/${owner.tenantId}`;
  const created = await call(`${base}/policies`, {
    body: { source: POLICY },
    cookie: owner.cookie,
  });
  const { policy } = (await created.json()) as { policy: { version: number } };
  await call(`${base}/policies/${policy.version}/activate`, {
    method: "POST",
    cookie: owner.cookie,
  });
  slack = mockSlack(SLACK);
  const put = await call(`${base}/approvals/webhook`, {
    method: "PUT",
    cookie: owner.cookie,
    body: { url: `${SLACK}/services/T1/B2/xyz` },
  });
  expect(put.status).toBe(200);
  const opened = (await (
    await call(`${base}/runs`, { body: { agent: "bot" }, cookie: owner.cookie })
  ).json()) as { run: { id: string }; run_token: string };
  const step = (await (
    await call(`${base}/runs/${opened.run.id}/steps`, {
      origin: null,
      headers: bearer(opened.run_token),
      body: { tool: "pay", args: { amount: 900 }, idempotency_key: "x" },
    })
  ).json()) as { approval_id: string };

  const message = await eventually(async () => slack!.accepted[0] ?? null, 1000);
  const button = (
    message.payload.blocks!.find((b) => b.type === "actions") as {
      elements: { url: string }[];
    }
  ).elements[0]!.url;
  const link = new URL(button);
  const token = link.searchParams.get("token")!;

  // The attacker (no session) follows the link, then tries it as a decision link.
  const page = await SELF.fetch(link.toString(), { redirect: "manual" });
  expect(page.status).toBe(302);
  const asForm = await SELF.fetch(`${ORIGIN}/auth/approval?token=${encodeURIComponent(token)}`);
  expect(asForm.status).toBe(400);
  // Whatever page the button names, its token posted as a decision decides nothing.
  const decidedAtLink = await SELF.fetch(`${ORIGIN}/auth/approval`, {
    method: "POST",
    headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      token,
      decision: "approve",
      reason: "from the channel",
    }).toString(),
  });
  expect(decidedAtLink.status).not.toBe(200);

  const { approvals } = (await (
    await call(`${base}/approvals?status=all`, { cookie: owner.cookie })
  ).json()) as { approvals: { id: string; status: string }[] };
  expect(approvals.find((a) => a.id === step.approval_id)?.status).toBe("pending");
});
