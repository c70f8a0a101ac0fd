import { runDurableObjectAlarm, SELF } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { call, eventually, expectError } from "../../../tests/helpers/client";
import { mockSlack } from "../../../tests/helpers/slack-mock";
import { bearer, memberOf, ownerWithTenant } from "../../../tests/helpers/tenant";
import { stubOf } from "../../../tests/helpers/sessions";
import { POLICY } from "../../../tests/helpers/tenant-do";

const SLACK = "https://hooks.slack.test";
const HOOK_URL = `${SLACK}/services/T0001/B0002/s3cretPathEFGH`;
const SIGNING_KEY = "slack-signing-0123456789abcdef0123456789";
/** A vault value an agent pastes into a call's arguments: it must not reach the channel. */
const PASTED = "pasted-vault-value-7d6c5b4a39281706wxyz";

type Owner = Awaited<ReturnType<typeof ownerWithTenant>>;
type Webhook = {
  url: string;
  origin: string;
  signing_secret: string | null;
  deliveries: {
    approval_id: string;
    status: string;
    attempts: number;
    last_error: string | null;
  }[];
};
let owner: Owner;
let base: string;
let slack: ReturnType<typeof mockSlack> | null = null;

async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function putSecret(name: string, value: string, origin: string, header: string) {
  await json(
    await call(`${base}/secrets/${name}`, {
      method: "PUT",
      cookie: owner.cookie,
      body: { value, destinations: [{ origin, via: { kind: "header", name: header } }] },
    }),
    201,
  );
}

/** A remote agent proposes `pay`, which the test policy sends to a person. */
async function requestApproval(args: Record<string, unknown>) {
  const opened = await json<{ run: { id: string }; run_token: string }>(
    await call(`${base}/runs`, { body: { agent: "ci-bot" }, cookie: owner.cookie }),
    201,
  );
  const step = await json<{ approval_id: string; status: string }>(
    await call(`${base}/runs/${opened.run.id}/steps`, {
      origin: null,
      headers: bearer(opened.run_token),
      body: { tool: "pay", args, idempotency_key: crypto.randomUUID() },
    }),
  );
  expect(step.status).toBe("awaiting_approval");
  return step.approval_id;
}

const webhook = async () =>
  (
    await json<{ webhook: Webhook | null }>(
      await call(`${base}/approvals/webhook`, { cookie: owner.cookie }),
    )
  ).webhook;

async function hmacHex(key: string, text: string) {
  const k = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", k, new TextEncoder().encode(text)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function auditTypes(): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const res = await call(`${base}/audit/events?limit=500`, { cookie: owner.cookie });
  return (await json<{ events: { type: string; data: Record<string, unknown> }[] }>(res)).events;
}

beforeEach(async () => {
  owner = await ownerWithTenant();
  base = `/api/tenants/${owner.tenantId}`;
  const { policy } = await json<{ policy: { version: number } }>(
    await call(`${base}/policies`, { body: { source: POLICY }, cookie: owner.cookie }),
    201,
  );
  await json(
    await call(`${base}/policies/${policy.version}/activate`, {
      method: "POST",
      cookie: owner.cookie,
    }),
  );
});
afterEach(() => {
  slack?.restore();
  slack = null;
});

describe("approval requests to a Slack-compatible webhook", () => {
  it("sends Slack's message shape with a signed link, retries while the receiver is down, masks vault values", async () => {
    slack = mockSlack(SLACK);
    await putSecret("SLACK_SIGNING", SIGNING_KEY, SLACK, "x-gatehouse-signature");
    await putSecret("PAY_NOTE", PASTED, "https://pay.example.com", "authorization");
    const configured = await json<Webhook>(
      await call(`${base}/approvals/webhook`, {
        method: "PUT",
        cookie: owner.cookie,
        body: { url: HOOK_URL, signing_secret: "SLACK_SIGNING" },
      }),
    );
    // The webhook URL is itself a credential: shown masked, never whole.
    expect(configured.url).toBe(`${SLACK}/***EFGH`);
    expect(JSON.stringify(await webhook())).not.toContain("s3cretPath");

    slack.down("refuse");
    const approvalId = await requestApproval({
      amount: 20,
      note: `ref ${PASTED}`,
      key: "secret:PAY_NOTE",
    });
    await eventually(async () => (slack!.refused() >= 2 ? true : null), 500);
    const during = (await webhook())!.deliveries.find((d) => d.approval_id === approvalId)!;
    expect(during.status).toBe("pending");
    expect(during.attempts).toBeGreaterThanOrEqual(2);
    expect(during.last_error).toMatch(/unreachable/);

    slack.up();
    const sent = await eventually(async () => slack!.accepted[0] ?? null, 1000);
    const state = (await webhook())!.deliveries.find((d) => d.approval_id === approvalId)!;
    expect(state).toMatchObject({ status: "delivered", last_error: null });
    expect(slack.rejected).toEqual([]);
    expect(sent.url).toBe(HOOK_URL);
    expect(sent.payload.text).toContain("pay");
    expect(sent.body).toContain(approvalId);
    expect(sent.body).not.toContain(PASTED);
    expect(sent.body).toContain("***wxyz");
    expect(sent.body).toContain("secret:PAY_NOTE"); // the reference, by name
    expect(sent.body).not.toContain(SIGNING_KEY);

    const sig = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sent.headers.get("x-gatehouse-signature") ?? "");
    expect(sig).not.toBeNull();
    expect(sig![2]).toBe(await hmacHex(SIGNING_KEY, `${sig![1]}.${sent.body}`));

    // The button opens the console's approvals screen; the link grants nothing by itself.
    const actions = sent.payload.blocks!.find((b) => b.type === "actions") as {
      elements: { url: string }[];
    };
    const link = new URL(actions.elements[0]!.url);
    expect(link.pathname).toBe("/auth/approval-notice");
    const opened = await SELF.fetch(link.toString(), { redirect: "manual" });
    expect(opened.status).toBe(302);
    const to = new URL(opened.headers.get("location")!);
    expect(to.pathname).toBe(`/t/${owner.tenantId}/approvals`);
    expect(to.searchParams.get("id")).toBe(approvalId);
    expect([...to.searchParams.keys()]).toEqual(["id"]);
    const token = link.searchParams.get("token")!;
    const altered = `${link.origin}${link.pathname}?token=${encodeURIComponent(token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA"))}`;
    expect((await SELF.fetch(altered, { redirect: "manual" })).status).toBe(400);
    // A notice link is not an approval link: it cannot decide anything.
    const asDecision = await SELF.fetch(
      `http://localhost:8787/auth/approval?token=${encodeURIComponent(token)}`,
    );
    expect(asDecision.status).toBe(400);

    const configuredEvent = (await auditTypes()).find(
      (e) => e.type === "approval_webhook.configured",
    );
    expect(configuredEvent?.data).toEqual({
      origin: SLACK,
      signing_secret: "SLACK_SIGNING",
      replaced: false,
    });
  });

  it("never signs with a secret that is not bound to the webhook's origin", async () => {
    slack = mockSlack(SLACK);
    await putSecret("ELSEWHERE", SIGNING_KEY, "https://other.example.com", "x-gatehouse-signature");
    await json(
      await call(`${base}/approvals/webhook`, {
        method: "PUT",
        cookie: owner.cookie,
        body: { url: HOOK_URL, signing_secret: "ELSEWHERE" },
      }),
    );
    const approvalId = await requestApproval({ amount: 5 });
    const failed = await eventually(async () => {
      const d = (await webhook())!.deliveries.find((x) => x.approval_id === approvalId);
      return d && d.attempts >= 1 ? d : null;
    }, 500);
    expect(failed.status).toBe("pending");
    expect(failed.last_error).toMatch(/ELSEWHERE/);
    expect(slack.accepted).toEqual([]);
  });

  it("removal is audited and stops notices; bad input and other roles are refused", async () => {
    slack = mockSlack(SLACK);
    await json(
      await call(`${base}/approvals/webhook`, {
        method: "PUT",
        cookie: owner.cookie,
        body: { url: HOOK_URL },
      }),
    );
    await expectError(
      await call(`${base}/approvals/webhook`, {
        method: "PUT",
        cookie: owner.cookie,
        body: { url: "https://10.0.0.1/hook" },
      }),
      400,
      "invalid_request",
    );
    await expectError(
      await call(`${base}/approvals/webhook`, {
        method: "PUT",
        cookie: owner.cookie,
        body: { url: HOOK_URL, signing_secret: "not a name" },
      }),
      400,
      "invalid_request",
    );
    await expectError(
      await call(`${base}/approvals/webhook`, {
        method: "PUT",
        cookie: owner.cookie,
        body: { url: HOOK_URL, extra: 1 },
      }),
      400,
      "invalid_request",
    );
    // The bad requests left the webhook as it was.
    expect((await webhook())!.url).toBe(`${SLACK}/***EFGH`);
    const operator = await memberOf(owner.tenantId, "operator");
    await expectError(
      await call(`${base}/approvals/webhook`, {
        method: "PUT",
        cookie: operator.cookie,
        body: { url: HOOK_URL },
      }),
      403,
      "forbidden",
    );
    await expectError(
      await call(`${base}/approvals/webhook`, { cookie: operator.cookie }),
      403,
      "forbidden",
    );

    await json(await call(`${base}/approvals/webhook`, { method: "DELETE", cookie: owner.cookie }));
    expect(await webhook()).toBeNull();
    await requestApproval({ amount: 7 });
    // Run the tenant's due work (what would post a notice) now instead of waiting 1.5 s for it.
    await runDurableObjectAlarm(stubOf(owner.tenantId));
    expect(slack.accepted).toEqual([]);
    const types = (await auditTypes()).map((e) => e.type);
    expect(types).toContain("approval_webhook.removed");
    await expectError(
      await call(`${base}/approvals/webhook`, { method: "DELETE", cookie: owner.cookie }),
      404,
      "not_found",
    );
  });
});
