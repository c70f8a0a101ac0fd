import { afterEach, describe, expect, it } from "vitest";
import { call, countRows, expectError } from "../helpers/client";
import { bearer, ownerWithTenant } from "../helpers/tenant";
import { mockWitness, WITNESS_BASE } from "../helpers/witness-mock";

let witness: Awaited<ReturnType<typeof mockWitness>> | null = null;
afterEach(() => witness?.restore());

describe("attack: rolling a witness back to an older checkpoint", () => {
  it("an old, validly signed checkpoint replayed to the witness is refused", async () => {
    const owner = await ownerWithTenant();
    const base = `/api/tenants/${owner.tenantId}`;
    witness = await mockWitness();
    const keys = (await (
      await call(`${base}/audit/log-keys`, { cookie: owner.cookie })
    ).json()) as {
      keys: { vkey: string }[];
    };
    witness.trust(keys.keys[0]!.vkey);
    await call(`${base}/audit/witnesses`, {
      cookie: owner.cookie,
      body: { url: WITNESS_BASE, vkey: witness.vkey },
    });
    const opened = (await (
      await call(`${base}/runs`, { body: { agent: "bot" }, cookie: owner.cookie })
    ).json()) as {
      run: { id: string };
      run_token: string;
    };
    const old = await (await call(`${base}/audit/checkpoint`, { cookie: owner.cookie })).text();
    const oldLog = old.split("\n").slice(0, 5).join("\n") + "\n"; // text, blank, log signature
    for (let i = 0; i < 3; i++)
      await call(`${base}/runs/${opened.run.id}/steps`, {
        origin: null,
        headers: bearer(opened.run_token),
        body: { tool: "lookup", args: { i }, idempotency_key: `k${i}` },
      });
    const now = await (await call(`${base}/audit/checkpoint`, { cookie: owner.cookie })).text();
    const size = Number(now.split("\n")[1]);
    expect(witness.state()[now.split("\n")[0]!]!.size).toBe(size);
    const oldSize = Number(old.split("\n")[1]);
    expect(oldSize).toBeLessThan(size);
    // The attacker replays the older checkpoint with each old size a witness might accept.
    for (const claimed of [0, oldSize, size]) {
      const r = await fetch(`${WITNESS_BASE}/add-checkpoint`, {
        method: "POST",
        body: `old ${claimed}\n\n${oldLog}`,
      });
      expect(r.status, `old ${claimed}`).not.toBe(200);
    }
    expect(witness.state()[now.split("\n")[0]!]!.size).toBe(size);
  });
});

describe("attack: reading a tenant's log without an account", () => {
  it("a tenant that did not opt in, or does not exist, is a 404 and creates nothing", async () => {
    const owner = await ownerWithTenant();
    await call(`/api/tenants/${owner.tenantId}/runs`, {
      body: { agent: "bot" },
      cookie: owner.cookie,
    });
    for (const path of ["checkpoint", "log-keys", "proofs/consistency?from=1"])
      await expectError(await call(`/audit/${owner.tenantId}/${path}`), 404, "not_found");
    const tenants = await countRows("tenants");
    await expectError(await call(`/audit/${crypto.randomUUID()}/checkpoint`), 404, "not_found");
    expect(await countRows("tenants")).toBe(tenants);
  });
});
