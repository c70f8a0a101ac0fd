import { describe, expect, it } from "vitest";
import { verifyCheckpointNote } from "../../core/audit/c2sp-log-keys";
import { call } from "../helpers/client";
import { ownerWithTenant } from "../helpers/tenant";
import { refParseVkey } from "../core/audit/c2sp-reference/reference";

type Keys = { origin: string; keys: { vkey: string; from_size: number; to_size: number | null }[] };

async function tenant() {
  const owner = await ownerWithTenant();
  const base = `/api/tenants/${owner.tenantId}`;
  await call(`${base}/runs`, { body: { agent: "bot" }, cookie: owner.cookie });
  const keys = (await (
    await call(`${base}/audit/log-keys`, { cookie: owner.cookie })
  ).json()) as Keys;
  const note = await (await call(`${base}/audit/checkpoint`, { cookie: owner.cookie })).text();
  return { owner, base, keys, note };
}

describe("attack: one tenant's checkpoint key vouching for another tenant's log", () => {
  it("each tenant signs with a key of its own, not one operator-wide key", async () => {
    const a = await tenant();
    const b = await tenant();
    const pa = (await refParseVkey(a.keys.keys[0]!.vkey)).pub;
    const pb = (await refParseVkey(b.keys.keys[0]!.vkey)).pub;
    expect(Array.from(pa)).not.toEqual(Array.from(pb));
    // B's checkpoint presented as A's, under A's published keys: refused.
    expect(await verifyCheckpointNote(b.note, { logKeys: a.keys.keys })).toMatchObject({
      ok: false,
      code: "wrong-origin",
    });
    // Even when the verifier is told B's origin, A's key does not sign it.
    expect(
      await verifyCheckpointNote(b.note, { logKeys: a.keys.keys, origin: b.keys.origin }),
    ).toMatchObject({ ok: false, code: "log-signature" });
    // B's signature line grafted onto A's checkpoint text does not verify under B's key either.
    const aText = a.note.slice(0, a.note.lastIndexOf("\n\n") + 1);
    const bLine = b.note.slice(b.note.lastIndexOf("\n\n") + 2);
    expect(
      (
        await verifyCheckpointNote(`${aText}\n${bLine}`, {
          logKeys: b.keys.keys,
          origin: a.keys.origin,
        })
      ).ok,
    ).toBe(false);
  });

  it("rotating one tenant's key leaves every other tenant's key untouched", async () => {
    const a = await tenant();
    const b = await tenant();
    const rotated = await call(`${b.base}/audit/log-keys/rotate`, {
      cookie: b.owner.cookie,
      body: {},
    });
    expect(rotated.status).toBe(200);
    const after = (await (
      await call(`${a.base}/audit/log-keys`, { cookie: a.owner.cookie })
    ).json()) as Keys;
    expect(after).toEqual(a.keys);
    const note = await (
      await call(`${a.base}/audit/checkpoint`, { cookie: a.owner.cookie })
    ).text();
    expect((await verifyCheckpointNote(note, { logKeys: [a.keys.keys[0]!.vkey] })).ok).toBe(true);
  });
});
