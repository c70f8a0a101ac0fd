import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { HashedAuditEvent } from "../../../core/audit";
import { CANARY, watch } from "../../../tests/helpers/canary-watch";
import { call, signUp } from "../../../tests/helpers/client";
import { fetchWith, runCron } from "../../../tests/helpers/worker";
import type { Env } from "../../../platform/env";
import { newTenant, putSecret } from "./helpers";
import { resolveRoute, TENANT_ROUTES } from "./route-table";
import type { TenantRoute } from "./route-table";

/**
 * Every mutating tenant route, driven from the route table: after one successful call the
 * tenant's audit export holds exactly the events the table names, by the caller, and none holds
 * a fixture's secret value. A new POST/PUT/PATCH/DELETE route must say which events it records.
 */
const stub = (t: string) => env.TENANT.get(env.TENANT.idFromName(t));

async function exportedEvents(t: string, after = 0): Promise<HashedAuditEvent[]> {
  const chunk = await stub(t).exportChunk(after, 10_000);
  if (!chunk.ok) throw new Error(chunk.message);
  return chunk.value.lines.map((l) => JSON.parse(l) as HashedAuditEvent);
}

async function logSize(t: string): Promise<number> {
  const head = await stub(t).auditHead();
  if (!head.ok) throw new Error(head.message);
  return head.value.size;
}

const MUTATING = Object.entries(TENANT_ROUTES).filter(([key]) => !key.startsWith("GET "));
const FIXTURE_VALUES = ["v-123456", "answer-1", "value-of-"];

describe("the audit trail of every mutating tenant route", () => {
  it("names the events of every mutating route in the route table", () => {
    const missing = MUTATING.filter(([, r]) => r.audit === undefined).map(([k]) => k);
    expect(missing).toEqual([]);
    expect(MUTATING.length).toBeGreaterThanOrEqual(28);
  });

  it.each(MUTATING)("%s", async (key, route: TenantRoute) => {
    const owner = await signUp();
    const t = await newTenant(owner, "Audited");
    const { params, body, query } = await route.prepare(t, owner.cookie);
    const before = await logSize(t);
    const { method, path } = resolveRoute(key, t, params, query);
    const res = await fetchWith(route.auditEnv ?? {}, path, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { cookie: owner.cookie },
    });
    expect(res.status, await res.clone().text()).toBe(route.success);

    if (key === "DELETE /api/tenants/{t}") {
      // The chain is wiped with the tenant: the deletion is kept in D1, with the final head.
      const kept = await env.DB.prepare(
        "SELECT type, actor, data, drained_at FROM audit_outbox WHERE tenant_id = ?1 ORDER BY id",
      )
        .bind(t)
        .all<{ type: string; actor: string; data: string; drained_at: number | null }>();
      expect(kept.results.map((r) => r.type)).toEqual(["tenant.deleted"]);
      const row = kept.results[0]!;
      expect(JSON.parse(row.actor)).toEqual({ kind: "user", id: owner.user.id });
      expect(JSON.parse(row.data)).toEqual({
        tenant_id: t,
        name: "Audited",
        final_head: { size: before, root: expect.stringMatching(/^[0-9a-f]{64}$/) },
      });
      expect(row.drained_at).not.toBeNull();
      return;
    }

    const events = await exportedEvents(t, before);
    const expected = Array.isArray(route.audit) ? route.audit : [];
    expect(events.map((e) => e.type)).toEqual(expected);
    for (const e of events) expect(e.actor).toEqual({ kind: "user", id: owner.user.id });
    const text = JSON.stringify(await exportedEvents(t));
    for (const value of FIXTURE_VALUES) expect(text).not.toContain(value);
  });
});

describe("event contents", () => {
  it("records ids, names, roles and expiry, and never a secret value (canary)", async () => {
    const owner = await signUp();
    const t = await newTenant(owner, "Contents");
    expect((await putSecret(owner.cookie, t, "DEPLOY_KEY", CANARY)).status).toBe(201);
    expect((await putSecret(owner.cookie, t, "DEPLOY_KEY", `${CANARY}-2`)).status).toBe(200);
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const token = await call(`/api/tenants/${t}/tokens`, {
      body: { name: "deploy bot", role: "operator", expires_at: expiresAt },
      cookie: owner.cookie,
    });
    const { api_token } = (await token.json()) as { api_token: { id: string } };
    const before = 2; // the default policy: policy.created, policy.activated
    const events = await exportedEvents(t, before);
    const text = JSON.stringify(await exportedEvents(t));
    watch("audit export", text);
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(CANARY.slice(-4)); // not even the masked last four
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ["secret.stored", { name: "DEPLOY_KEY", version: 1 }],
      ["secret.updated", { name: "DEPLOY_KEY", version: 2 }],
      [
        "token.created",
        {
          token_id: api_token.id,
          name: "deploy bot",
          role: "operator",
          expires_at: new Date(Date.parse(expiresAt)).toISOString(),
        },
      ],
    ]);
  });

  it("records an invitation accepted as member.joined, by the invitee", async () => {
    const owner = await signUp();
    const t = await newTenant(owner, "Joinable");
    const invitee = await signUp();
    const invite = await call(`/api/tenants/${t}/invites`, {
      body: { email: invitee.email, role: "operator" },
      cookie: owner.cookie,
    });
    expect(invite.status).toBe(201);
    const mail = await env.DB.prepare(
      "SELECT text FROM dev_outbox WHERE `to` = ?1 AND subject LIKE 'You''re invited%'",
    )
      .bind(invitee.email)
      .first<{ text: string }>();
    const token = new URL(/(http\S+\/invite\?token=\S+)/.exec(mail!.text)![1]!).searchParams.get(
      "token",
    )!;
    const before = await logSize(t);
    const accepted = await call("/api/invites/accept", { body: { token }, cookie: invitee.cookie });
    expect(accepted.status).toBe(200);
    const events = await exportedEvents(t, before);
    expect(events.map((e) => [e.type, e.actor, e.data])).toEqual([
      [
        "member.joined",
        { kind: "user", id: invitee.user.id },
        {
          user_id: invitee.user.id,
          email: invitee.email,
          role: "operator",
          invite_id: expect.any(String),
        },
      ],
    ]);
  });
});

/** A TENANT binding whose objects are unreachable, as during an outage of the DO. */
function unreachableTenants(): Env["TENANT"] {
  const real = env.TENANT;
  return {
    getByName: () =>
      ({
        drainAuditOutbox: async () => {
          throw new Error("Durable Object unavailable");
        },
      }) as unknown as ReturnType<typeof real.get>,
  } as unknown as Env["TENANT"];
}

describe("the outbox when the Durable Object is unavailable", () => {
  it("keeps the event pending, and the cron drains it once, in order, idempotently", async () => {
    const owner = await signUp();
    const t = await newTenant(owner, "Before");
    const before = await logSize(t);
    for (const name of ["First", "Second"]) {
      const res = await fetchWith({ TENANT: unreachableTenants() }, `/api/tenants/${t}`, {
        method: "PATCH",
        body: JSON.stringify({ name }),
        headers: { cookie: owner.cookie },
      });
      expect(res.status).toBe(200);
    }
    // The change is made and its events wait in D1; the chain has not seen them.
    const pending = await env.DB.prepare(
      "SELECT id FROM audit_outbox WHERE tenant_id = ?1 AND drained_at IS NULL ORDER BY id",
    )
      .bind(t)
      .all<{ id: number }>();
    expect(pending.results).toHaveLength(2);
    expect(await logSize(t)).toBe(before);

    await runCron({}, Date.now());
    const drained = await exportedEvents(t, before);
    expect(drained.map((e) => [e.type, e.data])).toEqual([
      ["tenant.renamed", { name: "First", previous_name: "Before" }],
      ["tenant.renamed", { name: "Second", previous_name: "First" }],
    ]);
    const left = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM audit_outbox WHERE tenant_id = ?1 AND drained_at IS NULL",
    )
      .bind(t)
      .first<{ n: number }>();
    expect(left!.n).toBe(0);

    // Marking drained in D1 lost (a crash after the DO committed): a second drain adds nothing.
    await env.DB.prepare("UPDATE audit_outbox SET drained_at = NULL WHERE tenant_id = ?1")
      .bind(t)
      .run();
    await runCron({}, Date.now());
    await stub(t).drainAuditOutbox();
    expect(await exportedEvents(t, before)).toHaveLength(2);
  });
});
