import { describe, expect, it } from "vitest";
import { MAX_POLICY_SOURCE_CHARS } from "../../../core/policy/limits";
import { call, expectError } from "../../../tests/helpers/client";
import { bearer, ownerWithTenant } from "../../../tests/helpers/tenant";

/** Issue 17: what the console's audit browser, approval cards and policy editor rely on. */
interface Event {
  seq: number;
  ts: string;
  type: string;
  run_id: string | null;
  actor: { kind: string; id: string };
}
interface Page {
  events: Event[];
  size: number;
  next_cursor: number | null;
}

async function tenantWithSteps(steps: number) {
  const owner = await ownerWithTenant();
  const base = `/api/tenants/${owner.tenantId}`;
  const opened = (await (
    await call(`${base}/runs`, { body: { agent: "Invoice bot" }, cookie: owner.cookie })
  ).json()) as { run: { id: string }; run_token: string };
  for (let i = 0; i < steps; i++) {
    const res = await call(`${base}/runs/${opened.run.id}/steps`, {
      origin: null,
      headers: bearer(opened.run_token),
      body: { tool: "pay_invoice", args: { i, key: "secret:BANK" }, idempotency_key: `k${i}` },
    });
    expect(res.status).toBe(200);
  }
  return { owner, base, runId: opened.run.id };
}

const page = async (base: string, cookie: string, query: string): Promise<Page> => {
  const res = await call(`${base}/audit/events?${query}`, { cookie });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Page;
};

describe("audit events for the browser", () => {
  it("pages newest first with a cursor until nothing is left", async () => {
    const { owner, base } = await tenantWithSteps(3);
    const all = await page(base, owner.cookie, "limit=500");
    const ascending = all.events.map((e) => e.seq);
    const seen: number[] = [];
    let cursor: number | null = null;
    do {
      const p: Page = await page(
        base,
        owner.cookie,
        `order=desc&limit=2${cursor ? `&before=${cursor}` : ""}`,
      );
      seen.push(...p.events.map((e) => e.seq));
      cursor = p.next_cursor;
    } while (cursor !== null);
    expect(seen).toEqual([...ascending].reverse());
    expect(seen.length).toBe(all.size);
  });

  it("filters by type, actor, run, time range and text", async () => {
    const { owner, base, runId } = await tenantWithSteps(2);
    const all = (await page(base, owner.cookie, "limit=500")).events;

    const proposed = await page(base, owner.cookie, "type=step.proposed&order=desc");
    expect(proposed.events.map((e) => e.type)).toEqual(["step.proposed", "step.proposed"]);

    const mine = await page(base, owner.cookie, `actor=${owner.user.id}&limit=500`);
    expect(mine.events.length).toBeGreaterThan(0);
    expect(mine.events.every((e) => e.actor.id === owner.user.id)).toBe(true);
    expect(mine.events.length).toBeLessThan(all.length);

    const ofRun = await page(base, owner.cookie, `run=${runId}&limit=500`);
    expect(ofRun.events.every((e) => e.run_id === runId)).toBe(true);

    const last = all.at(-1)!;
    const since = await page(base, owner.cookie, `since=${encodeURIComponent(last.ts)}&limit=500`);
    expect(since.events.every((e) => e.ts >= last.ts)).toBe(true);
    expect(since.events.map((e) => e.seq)).toContain(last.seq);
    const until = await page(base, owner.cookie, `until=${encodeURIComponent(all[0]!.ts)}`);
    expect(until.events.every((e) => e.ts < all[0]!.ts)).toBe(true);

    // Text anywhere in the event, case-insensitively: the argument `"i":1` is in one proposal.
    const found = await page(base, owner.cookie, `q=${encodeURIComponent('"I":1')}&limit=500`);
    expect(found.events.map((e) => e.type)).toContain("step.proposed");
    expect(found.events.length).toBeLessThan(all.length);
    const none = await page(base, owner.cookie, "q=no-such-text-anywhere");
    expect(none.events).toEqual([]);
    expect(none.next_cursor).toBeNull();
  });

  it("refuses malformed filters with a 400", async () => {
    const { owner, base } = await tenantWithSteps(0);
    for (const q of ["order=sideways", "before=0", "since=yesterday", "q="]) {
      await expectError(
        await call(`${base}/audit/events?${q}`, { cookie: owner.cookie }),
        400,
        "invalid_request",
      );
    }
  });
});

describe("approvals with context", () => {
  it("each approval names its rule, the policy's reason, the agent and who opened the run", async () => {
    const { owner, base, runId } = await tenantWithSteps(1);
    const res = await call(`${base}/approvals`, { cookie: owner.cookie });
    const { approvals } = (await res.json()) as { approvals: Record<string, unknown>[] };
    expect(approvals).toHaveLength(1);
    const a = approvals[0]!;
    expect(a).toMatchObject({
      run_id: runId,
      tool: "pay_invoice",
      args: { i: 0, key: "secret:BANK" },
      agent: "Invoice bot",
      requested_by: { kind: "user", id: owner.user.id },
    });
    expect(typeof a.rule_id === "string" || a.rule_id === null).toBe(true);
    expect(typeof a.policy_reason).toBe("string");
    expect((a.policy_reason as string).length).toBeGreaterThan(0);
  });
});

describe("policy size", () => {
  /** A policy of exactly `chars` characters whose comment is made of `filler`. */
  const policyOf = (chars: number, filler: string) => {
    const head = "version: 1\nrules:\n  - id: r\n    match: { tool: t }\n    decision: allow\n# ";
    return head + filler.repeat(chars).slice(0, chars - head.length);
  };

  it("stores the longest allowed policy even when its JSON body is far over 64 KiB", async () => {
    const owner = await ownerWithTenant();
    // "é" is 2 bytes of UTF-8; a tab is escaped as \t: the body is about 2 × 60 000 bytes.
    const source = policyOf(MAX_POLICY_SOURCE_CHARS, "é\t");
    expect(source.length).toBe(MAX_POLICY_SOURCE_CHARS);
    const body = JSON.stringify({ source });
    expect(new TextEncoder().encode(body).length).toBeGreaterThan(64 * 1024);
    const res = await call(`/api/tenants/${owner.tenantId}/policies`, {
      body: { source },
      cookie: owner.cookie,
    });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it("refuses one character more with a 400 naming the limit, not a 413", async () => {
    const owner = await ownerWithTenant();
    const res = await call(`/api/tenants/${owner.tenantId}/policies`, {
      body: { source: policyOf(MAX_POLICY_SOURCE_CHARS + 1, "x") },
      cookie: owner.cookie,
    });
    await expectError(res, 400, "invalid_request");
  });

  it("keeps the 64 KiB limit on other routes", async () => {
    const owner = await ownerWithTenant();
    const res = await call(`/api/tenants/${owner.tenantId}`, {
      method: "PATCH",
      body: { name: "x".repeat(70_000) },
      cookie: owner.cookie,
    });
    await expectError(res, 413, "payload_too_large");
  });
});
