import { afterEach, describe, expect, it } from "vitest";
import { verifyCheckpointNote } from "../../core/audit/c2sp-log-keys";
import { call } from "../helpers/client";
import { ownerWithTenant } from "../helpers/tenant";
import { mockWitness, WITNESS_BASE } from "../helpers/witness-mock";

let witness: Awaited<ReturnType<typeof mockWitness>> | null = null;
afterEach(() => witness?.restore());

describe("attack: a forged witness cosignature", () => {
  it("a witness endpoint answering with a cosignature that does not verify gets nothing stored", async () => {
    const owner = await ownerWithTenant();
    const base = `/api/tenants/${owner.tenantId}`;
    witness = await mockWitness("witness.mock.test/forger");
    const keys = (await (
      await call(`${base}/audit/log-keys`, { cookie: owner.cookie })
    ).json()) as {
      keys: { vkey: string; from_size: number; to_size: number | null }[];
    };
    witness.trust(keys.keys[0]!.vkey);
    witness.forge();
    const added = await call(`${base}/audit/witnesses`, {
      cookie: owner.cookie,
      body: { url: WITNESS_BASE, vkey: witness.vkey },
    });
    expect(added.status).toBe(201);
    await call(`${base}/runs`, { body: { agent: "bot" }, cookie: owner.cookie });
    const note = await (await call(`${base}/audit/checkpoint`, { cookie: owner.cookie })).text();
    expect(witness.calls.at(-1)?.status).toBe(200);
    // The forged line is not carried: the checkpoint still verifies against the witness key
    // (no bad known signature), with zero cosignatures.
    expect(note).not.toContain("witness.mock.test/forger");
    const checked = await verifyCheckpointNote(note, {
      logKeys: keys.keys,
      witnesses: [witness.vkey],
    });
    expect(checked.ok && checked.witnesses).toEqual([]);
    const settings = (await (
      await call(`${base}/audit/transparency`, { cookie: owner.cookie })
    ).json()) as { witnesses: { last_error: string | null; last_size: number }[] };
    expect(settings.witnesses[0]).toMatchObject({
      last_error: "no valid cosignature in the witness's answer",
      last_size: 0,
    });
  });

  it("a cosignature pasted onto a downloaded proof's checkpoint is rejected offline", async () => {
    const owner = await ownerWithTenant();
    const base = `/api/tenants/${owner.tenantId}`;
    witness = await mockWitness("witness.mock.test/real");
    const keys = (await (
      await call(`${base}/audit/log-keys`, { cookie: owner.cookie })
    ).json()) as {
      keys: { vkey: string; from_size: number; to_size: number | null }[];
    };
    await call(`${base}/runs`, { body: { agent: "bot" }, cookie: owner.cookie });
    const note = await (await call(`${base}/audit/checkpoint`, { cookie: owner.cookie })).text();
    // The attacker knows the witness's name and key ID (both public) but not its private key.
    const idHex = witness.vkey.split("+")[1]!;
    const sig = new Uint8Array(4 + 8 + 64);
    for (let i = 0; i < 4; i++) sig[i] = parseInt(idHex.slice(2 * i, 2 * i + 2), 16);
    new DataView(sig.buffer).setBigUint64(4, BigInt(Math.floor(Date.now() / 1000)));
    const forged = `${note}— witness.mock.test/real ${btoa(String.fromCharCode(...sig))}\n`;
    expect(
      await verifyCheckpointNote(forged, {
        logKeys: keys.keys,
        witnesses: [witness.vkey],
        minWitnesses: 1,
      }),
    ).toMatchObject({ ok: false, code: "witness-signature" });
  });
});
