import { describe, expect, it } from "vitest";
import { call, outboxFor } from "../../../tests/helpers/client";
import { json, pendingApprovals } from "../../../tests/helpers/sessions";
import { callTool, request, sessionWith, textOf } from "./helpers";

/** Each verdict has its own rule, keyed on what an MCP call carries (channel, principal). */
const POLICY = `version: 1
defaults:
  on_no_match: deny
  on_missing_shadow: approve_required
rules:
  - id: memory-for-mcp-tokens
    match:
      tool.in: [memory_get, memory_put]
      context.channel: mcp
      context.principal.via: api_token
    decision: allow
  - id: sandbox-keys
    priority: 10
    match: { tool: memory_put, args.key: raw }
    decision: transform
    transform: { jsonpath: "$.args.key", set: sandboxed }
  - id: no-secret-requests
    match: { tool: ask_secret }
    decision: deny
    reason: "MCP clients may not ask for secrets"
  - id: preview-mail
    priority: 10
    match: { tool: send_email, args.to: preview@example.com }
    decision: dry_run
  - id: mail-needs-a-person
    match: { tool: send_email }
    decision: approve_required
    approvers: [owner]
    reason: "email needs a person"
`;

type Session = Awaited<ReturnType<typeof sessionWith>>;

async function trace(t: Session) {
  const { runs } = await json<{ runs: { id: string; agent: string }[] }>(
    await call(`/api/tenants/${t.tenantId}/runs`, { cookie: t.cookie }),
  );
  const run = runs.find((r) => r.agent.startsWith("mcp:"))!;
  const { run: full } = await json<{
    run: { steps: { tool: string; verdict: string; status: string; exec_args: unknown }[] };
  }>(await call(`/api/tenants/${t.tenantId}/runs/${run.id}`, { cookie: t.cookie }));
  const { events } = await json<{ events: { type: string }[] }>(
    await call(`/api/tenants/${t.tenantId}/audit/events?run=${run.id}&limit=500`, {
      cookie: t.cookie,
    }),
  );
  return { steps: full.steps, events: events.map((e) => e.type) };
}

describe("tools/call verdicts", () => {
  it("allow: checkpointed, executed, result returned and audited", async () => {
    const t = await sessionWith(POLICY);
    const put = await callTool(t, "memory_put", { key: "colour", value: "teal" });
    expect(put.reply.result!.isError).toBe(false);
    const got = await callTool(t, "memory_get", { key: "colour" });
    // Memory is untrusted content like any fetch (issue 9): wrapped, never bare.
    expect(textOf(got.reply)).toMatch(
      /^<untrusted_content source="memory_get" boundary="[0-9a-f]+">\s*teal\s*<\/untrusted_content/,
    );
    const { steps, events } = await trace(t);
    expect(steps.map((s) => [s.tool, s.verdict, s.status])).toEqual([
      ["memory_put", "allow", "succeeded"],
      ["memory_get", "allow", "succeeded"],
    ]);
    expect(events).toEqual([
      "run.opened",
      ...Array(2)
        .fill(["step.proposed", "step.decided", "step.checkpointed", "step.completed"])
        .flat(),
    ]);
  });

  it("deny: an MCP tool error naming the rule and its reason; nothing runs", async () => {
    const t = await sessionWith(POLICY);
    const denied = await callTool(t, "ask_secret", { name: "GITHUB_TOKEN", reason: "need it" });
    expect(denied.reply.error).toBeUndefined();
    expect(denied.reply.result!.isError).toBe(true);
    expect(textOf(denied.reply)).toContain("no-secret-requests");
    expect(textOf(denied.reply)).toContain("MCP clients may not ask for secrets");
    const { steps, events } = await trace(t);
    expect(steps[0]).toMatchObject({ verdict: "deny", status: "denied" });
    expect(events).not.toContain("step.checkpointed");
  });

  it("dry_run: a preview, and no email is sent", async () => {
    const t = await sessionWith(POLICY);
    const res = await callTool(t, "send_email", {
      to: "preview@example.com",
      subject: "hello",
      text: "just a preview",
    });
    expect(res.reply.result!.isError).toBe(false);
    expect(textOf(res.reply)).toMatch(/^Dry run only, not executed/);
    expect(textOf(res.reply)).toContain("preview@example.com");
    expect(await outboxFor("preview@example.com")).toHaveLength(0);
  });

  it("transform: the call runs with the rule's arguments", async () => {
    const t = await sessionWith(POLICY);
    await callTool(t, "memory_put", { key: "raw", value: "moved" });
    expect(textOf((await callTool(t, "memory_get", { key: "sandboxed" })).reply)).toMatch(
      /^<untrusted_content source="memory_get" boundary="[0-9a-f]+">\s*moved\s*<\/untrusted_content/,
    );
    expect(textOf((await callTool(t, "memory_get", { key: "raw" })).reply)).toContain(
      "no value stored",
    );
    const { steps } = await trace(t);
    expect(steps[0]).toMatchObject({
      verdict: "transform",
      exec_args: { key: "sandboxed", value: "moved" },
    });
  });

  it("approve_required: after the hold, a clear 'awaiting approval' error; the retry runs it once approved", async () => {
    const t = await sessionWith(POLICY);
    const to = `someone-${crypto.randomUUID()}@example.com`;
    const args = { to, subject: "report", text: "the weekly report" };
    const first = await callTool(t, "send_email", args);
    expect(first.reply.result!.isError).toBe(true);
    expect(textOf(first.reply)).toMatch(/^Awaiting approval apr_/);
    expect(textOf(first.reply)).toContain("same arguments");
    expect(await outboxFor(to)).toHaveLength(0);

    const [approval] = await pendingApprovals({
      base: `/api/tenants/${t.tenantId}`,
      cookie: t.cookie,
    });
    expect(approval).toMatchObject({ tool: "send_email" });
    await json(
      await call(`/api/tenants/${t.tenantId}/approvals/${approval!.id}/decision`, {
        body: { decision: "approve", reason: "fine" },
        cookie: t.cookie,
      }),
    );
    const retried = await callTool(t, "send_email", args);
    expect(retried.reply.result!.isError).toBe(false);
    expect(textOf(retried.reply)).toBe(`sent to ${to}`);
    expect(await outboxFor(to)).toHaveLength(1);
    const { steps } = await trace(t);
    expect(steps.map((s) => s.status)).toEqual(["succeeded"]);
    // The same call made again is a new call: it needs its own approval.
    const anew = await callTool(t, "send_email", args);
    expect(textOf(anew.reply)).toMatch(/^Awaiting approval apr_/);
    expect(await outboxFor(to)).toHaveLength(1);
  }, 20_000);

  it("a retry with the same idempotency key replays the recorded result and never re-runs", async () => {
    const t = await sessionWith(POLICY);
    const meta = { "io.gatehouse/idempotency_key": "write-1" };
    const first = await callTool(t, "memory_put", { key: "k", value: "one" }, meta);
    expect(textOf(first.reply)).toBe('saved "k"');
    const replay = await callTool(t, "memory_put", { key: "k", value: "one" }, meta);
    expect(textOf(replay.reply)).toBe('saved "k"');
    const conflict = await callTool(t, "memory_put", { key: "k", value: "two" }, meta);
    expect(conflict.reply.error?.code).toBe(-32602);
    expect(conflict.reply.error?.message).toMatch(/idempotency key/);
    const { steps } = await trace(t);
    expect(steps).toHaveLength(1);
  });

  it("approve_required: a held call resumes the moment a person approves, with progress", async () => {
    const t = await sessionWith(POLICY);
    const to = `held-${crypto.randomUUID()}@example.com`;
    const pending = callTool(
      t,
      "send_email",
      { to, subject: "s", text: "held until approved" },
      { progressToken: "p1" },
    );
    const base = `/api/tenants/${t.tenantId}`;
    let approvals: { id: string }[] = [];
    for (let i = 0; i < 50 && approvals.length === 0; i++) {
      approvals = await pendingApprovals({ base, cookie: t.cookie });
      if (approvals.length === 0) await new Promise((r) => setTimeout(r, 20));
    }
    await json(
      await call(`${base}/approvals/${approvals[0]!.id}/decision`, {
        body: { decision: "approve", reason: "go" },
        cookie: t.cookie,
      }),
    );
    const done = await pending;
    expect(textOf(done.reply)).toBe(`sent to ${to}`);
    const progress = done.messages.filter((m) => m.method === "notifications/progress");
    expect(progress[0]!.params).toMatchObject({ progressToken: "p1", progress: 1 });
  });

  it("a person's denial comes back as a tool error and nothing runs", async () => {
    const t = await sessionWith(POLICY);
    const to = `denied-${crypto.randomUUID()}@example.com`;
    const args = { to, subject: "s", text: "no" };
    const held = callTool(t, "send_email", args, { progressToken: 7 });
    const base = `/api/tenants/${t.tenantId}`;
    let approval: { id: string } | undefined;
    for (let i = 0; i < 50 && !approval; i++) {
      [approval] = await pendingApprovals({ base, cookie: t.cookie });
      if (!approval) await new Promise((r) => setTimeout(r, 20));
    }
    await json(
      await call(`${base}/approvals/${approval!.id}/decision`, {
        body: { decision: "deny", reason: "not today" },
        cookie: t.cookie,
      }),
    );
    const answer = await held;
    expect(answer.reply.result!.isError).toBe(true);
    expect(textOf(answer.reply)).toBe(
      `Not run: the approval ${approval!.id} was denied: not today.`,
    );
    const { steps } = await trace(t);
    expect(steps[0]).toMatchObject({ status: "denied" });
    expect(await outboxFor(to)).toHaveLength(0);
  });
});

describe("tools/list", () => {
  it("hides a tool the policy denies for every call, keeps conditionally allowed ones", async () => {
    const t = await sessionWith(POLICY);
    const { reply } = await request(t, "tools/list");
    const names = reply.result!.tools!.map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(["memory_get", "memory_put", "send_email"]));
    expect(names).not.toContain("ask_secret");
    // http_fetch has no rule: on_no_match is deny, so no call of it could ever run.
    expect(names).not.toContain("http_fetch");
    const email = reply.result!.tools!.find((x) => x.name === "send_email")!;
    expect(email.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
  });

  it("lists every built-in tool under the default policy", async () => {
    const t = await sessionWith();
    const { reply } = await request(t, "tools/list");
    expect(reply.result!.tools!.map((x) => x.name).sort()).toEqual(
      ["ask_secret", "http_fetch", "memory_get", "memory_put", "send_email"].sort(),
    );
  });
});
