import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database } from "../../../platform/db/client";
import { tenants } from "../../../platform/db/schema";
import { auditQuery } from "../outbox";

// The drizzle outbox statement keeps the raw one's rule: with `ifChanged` it records an event only
// when the write before it in the same batch changed a row.
describe("auditQuery in a drizzle batch", () => {
  const actor = { kind: "user", id: "usr_outbox_q" } as const;
  const rows = (tenantId: string) =>
    env.DB.prepare("SELECT type, actor, data FROM audit_outbox WHERE tenant_id = ?1")
      .bind(tenantId)
      .all<{ type: string; actor: string; data: string }>();

  it("writes the event with the change, and only when the change happened", async () => {
    const db = database(env.DB);
    const id = `t_outbox_${crypto.randomUUID().slice(0, 8)}`;
    await env.DB.prepare("INSERT INTO tenants (id, name, created_at) VALUES (?1, 'Before', 1)")
      .bind(id)
      .run();
    const rename = (name: string, from: string) =>
      db
        .update(tenants)
        .set({ name })
        .where(and(eq(tenants.id, id), eq(tenants.name, from)));
    await db.batch([
      rename("After", "Before"),
      auditQuery(db, { tenantId: id, type: "tenant.renamed", actor, data: { name: "After" } }, 5, {
        ifChanged: true,
      }),
    ]);
    // The second rename loses (the name is no longer "Before"): nothing is recorded.
    await db.batch([
      rename("Again", "Before"),
      auditQuery(db, { tenantId: id, type: "tenant.renamed", actor, data: { name: "Again" } }, 6, {
        ifChanged: true,
      }),
    ]);
    const { results } = await rows(id);
    expect(results).toEqual([
      {
        type: "tenant.renamed",
        actor: '{"kind":"user","id":"usr_outbox_q"}',
        data: '{"name":"After"}',
      },
    ]);
  });
});
