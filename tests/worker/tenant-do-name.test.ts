import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { bindName } from "../../durable-objects/tenant-name";
import { value } from "../helpers/tenant-do";

const storedTenant = (state: DurableObjectState) =>
  state.storage.sql
    .exec<{ value: string }>(`SELECT value FROM meta WHERE key = 'tenant_id'`)
    .toArray()[0]?.value;

describe("the tenant Durable Object knows its tenant from its name", () => {
  it("reads the name the stub was created with (getByName and idFromName)", async () => {
    for (const [t, stub] of [
      ["by-name-" + crypto.randomUUID(), (t: string) => env.TENANT.getByName(t)],
      ["from-name-" + crypto.randomUUID(), (t: string) => env.TENANT.get(env.TENANT.idFromName(t))],
    ] as const) {
      const s = stub(t);
      // The log origin is derived from the tenant: no argument named it.
      expect(value(await s.tlogKeys()).origin.split("/audit/")[1]).toBe(t);
      await runInDurableObject(s, (_instance, state) => {
        expect(state.id.name).toBe(t);
        expect(storedTenant(state)).toBe(t);
      });
    }
  });

  it("an object started without a name (its alarm after an eviction) reads the stored one", async () => {
    const t = "unnamed-" + crypto.randomUUID();
    const stub = env.TENANT.getByName(t);
    expect(value(await stub.auditHead()).size).toBeGreaterThan(0);
    await runInDurableObject(stub, (_instance, state) => {
      expect(env.TENANT.idFromString(state.id.toString()).name).toBeUndefined();
      expect(bindName(state.storage.sql, undefined)).toBe(t);
    });
  });
});
