import { afterEach, describe, expect, it } from "vitest";
import { parseCheckpointText } from "../../../core/audit/c2sp-checkpoint";
import { verifyCheckpointNote } from "../../../core/audit/c2sp-log-keys";
import { parseNote } from "../../../core/audit/c2sp-note";
import { verifyTlogProof } from "../../../core/audit/c2sp-proof";
import { call, expectError } from "../../../tests/helpers/client";
import { bearer, memberOf, ownerWithTenant } from "../../../tests/helpers/tenant";
import { mockWitness, WITNESS_BASE } from "../../../tests/helpers/witness-mock";
import { refParseVkey, refVerifyTlogProof } from "../../../tests/core/audit/c2sp-reference/reference";

async function busyTenant(steps: number) {
  const owner = await ownerWithTenant();
  const base = `/api/tenants/${owner.tenantId}`;
  const opened = (await (
    await call(`${base}/runs`, { body: { agent: "bot" }, cookie: owner.cookie })
  ).json()) as { run: { id: string }; run_token: string };
  const step = async (i: number) =>
    call(`${base}/runs/${opened.run.id}/steps`, {
      origin: null,
      headers: bearer(opened.run_token),
      body: { tool: "lookup", args: { i }, idempotency_key: `k${i}` },
    });
  for (let i = 0; i < steps; i++) await step(i);
  return { owner, base, step };
}

async function logKeys(base: string, cookie: string) {
  return (await (await call(`${base}/audit/log-keys`, { cookie })).json()) as {
    origin: string;
    keys: { vkey: string; from_size: number; to_size: number | null }[];
  };
}

const checkpoint = async (base: string, cookie: string) =>
  (await call(`${base}/audit/checkpoint`, { cookie })).text();

let witness: Awaited<ReturnType<typeof mockWitness>> | null = null;
afterEach(() => {
  witness?.restore();
  witness = null;
});

describe("C2SP checkpoints over HTTP", () => {
  it("serves a signed-note checkpoint under the tenant's own origin and key", async () => {
    const { owner, base } = await busyTenant(3);
    const keys = await logKeys(base, owner.cookie);
    expect(keys.origin).toBe(`localhost:8787/audit/${owner.tenantId}`);
    expect(keys.keys).toHaveLength(1);
    expect(keys.keys[0]).toMatchObject({ from_size: 0, to_size: null });
    const note = await checkpoint(base, owner.cookie);
    const head = (await (await call(`${base}/audit/head`, { cookie: owner.cookie })).json()) as {
      size: number;
      root: string;
    };
    const cp = parseCheckpointText(parseNote(note).text);
    expect(cp.origin).toBe(keys.origin);
    expect(cp.size).toBe(head.size);
    expect(Array.from(cp.rootHash, (b) => b.toString(16).padStart(2, "0")).join("")).toBe(
      head.root,
    );
    const checked = await verifyCheckpointNote(note, { logKeys: keys.keys });
    expect(checked.ok).toBe(true);
  });

  it("hands out a .tlog-proof that the independent reference verifies offline", async () => {
    const { owner, base } = await busyTenant(4);
    const res = await call(`${base}/audit/proofs/3/tlog-proof`, { cookie: owner.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(".tlog-proof");
    const file = await res.text();
    expect(file.startsWith("c2sp.org/tlog-proof@v1\nextra ")).toBe(true);
    const { keys } = await logKeys(base, owner.cookie);
    const ref = await refVerifyTlogProof(file, await refParseVkey(keys[0]!.vkey), [], 0);
    expect(ref.index).toBe(2);
    const extra = JSON.parse(atob(file.split("\n")[1]!.slice(6)));
    expect(extra.seq).toBe(3);
    expect((await verifyTlogProof(file, { logKeys: keys })).ok).toBe(true);
    // The same proof does not verify as another event.
    const other = file.replace(/^index 2$/m, "index 1");
    expect(await verifyTlogProof(other, { logKeys: keys })).toMatchObject({
      ok: false,
      code: "inclusion",
    });
    await expectError(
      await call(`${base}/audit/proofs/999/tlog-proof`, { cookie: owner.cookie }),
      400,
      "invalid_range",
    );
  });

  it("rotating a tenant's key retires the old one at the current size", async () => {
    const { owner, base, step } = await busyTenant(2);
    const before = await checkpoint(base, owner.cookie);
    const rotated = await call(`${base}/audit/log-keys/rotate`, { cookie: owner.cookie, body: {} });
    expect(rotated.status).toBe(200);
    await step(10);
    const keys = await logKeys(base, owner.cookie);
    expect(keys.keys).toHaveLength(2);
    const size = parseCheckpointText(parseNote(before).text).size;
    expect(keys.keys[0]!.to_size).toBeGreaterThanOrEqual(size);
    expect(keys.keys[1]!.to_size).toBeNull();
    expect((await verifyCheckpointNote(before, { logKeys: keys.keys })).ok).toBe(true);
    const after = await checkpoint(base, owner.cookie);
    expect((await verifyCheckpointNote(after, { logKeys: keys.keys })).ok).toBe(true);
    // The new checkpoint is not signed by the retired key.
    expect((await verifyCheckpointNote(after, { logKeys: [keys.keys[0]!.vkey] })).ok).toBe(false);
    const events = (await (
      await call(`${base}/audit/events?type=audit.log_key_rotated`, { cookie: owner.cookie })
    ).json()) as { events: unknown[] };
    expect(events.events).toHaveLength(1);
  });

  it("only owners and admins configure; auditors read; bad input is a 400", async () => {
    const { owner, base } = await busyTenant(1);
    const auditor = await memberOf(owner.tenantId, "auditor");
    expect((await call(`${base}/audit/checkpoint`, { cookie: auditor.cookie })).status).toBe(200);
    await expectError(
      await call(`${base}/audit/transparency/public`, {
        method: "PUT",
        cookie: auditor.cookie,
        body: { enabled: true },
      }),
      403,
      "forbidden",
    );
    await expectError(
      await call(`${base}/audit/witnesses`, {
        cookie: owner.cookie,
        body: { url: "https://w.example", vkey: "not a key" },
      }),
      400,
      "invalid_request",
    );
    const logKey = (await logKeys(base, owner.cookie)).keys[0]!.vkey;
    await expectError(
      await call(`${base}/audit/witnesses`, {
        cookie: owner.cookie,
        body: { url: "https://w.example", vkey: logKey },
      }),
      400,
      "invalid_request",
    );
    await expectError(
      await call(`${base}/audit/witnesses`, {
        cookie: owner.cookie,
        body: { url: "https://169.254.169.254/", vkey: (await mockWitness()).vkey },
      }),
      400,
      "invalid_request",
    );
  });
});

describe("witnesses", () => {
  it("sends each checkpoint with a consistency proof and stores the cosignatures", async () => {
    const { owner, base, step } = await busyTenant(2);
    witness = await mockWitness();
    const { keys } = await logKeys(base, owner.cookie);
    witness.trust(keys[0]!.vkey);
    const added = await call(`${base}/audit/witnesses`, {
      cookie: owner.cookie,
      body: { url: WITNESS_BASE, vkey: witness.vkey },
    });
    expect(added.status).toBe(201);
    const first = await checkpoint(base, owner.cookie);
    expect(witness.calls.at(-1)).toMatchObject({ status: 200 });
    expect(witness.calls.at(-1)!.body.startsWith("old 0\n\n")).toBe(true);
    const firstSize = parseCheckpointText(parseNote(first).text).size;
    const one = await verifyCheckpointNote(first, {
      logKeys: keys,
      witnesses: [witness.vkey],
      minWitnesses: 1,
    });
    expect(one.ok && one.witnesses.map((w) => w.name)).toEqual([witness.name]);

    await step(20);
    await step(21);
    const second = await checkpoint(base, owner.cookie);
    const body = witness.calls.at(-1)!.body;
    expect(body.startsWith(`old ${firstSize}\n`)).toBe(true);
    expect(body.split("\n\n")[0]!.split("\n").length).toBeGreaterThan(1); // proof lines
    expect(
      (
        await verifyCheckpointNote(second, {
          logKeys: keys,
          witnesses: [witness.vkey],
          minWitnesses: 1,
        })
      ).ok,
    ).toBe(true);
    const proof = await (
      await call(`${base}/audit/proofs/2/tlog-proof`, { cookie: owner.cookie })
    ).text();
    await expect(
      refVerifyTlogProof(
        proof,
        await refParseVkey(keys[0]!.vkey),
        [await refParseVkey(witness.vkey)],
        1,
      ),
    ).resolves.toMatchObject({ index: 1 });
  });

  it("a witness that is down never blocks the log, and catches up when it is back", async () => {
    const { owner, base, step } = await busyTenant(1);
    witness = await mockWitness();
    const { keys } = await logKeys(base, owner.cookie);
    witness.trust(keys[0]!.vkey);
    await call(`${base}/audit/witnesses`, {
      cookie: owner.cookie,
      body: { url: WITNESS_BASE, vkey: witness.vkey },
    });
    witness.down();
    await step(5);
    const res = await call(`${base}/audit/checkpoint`, { cookie: owner.cookie });
    expect(res.status).toBe(200);
    const unsigned = await res.text();
    expect(
      await verifyCheckpointNote(unsigned, {
        logKeys: keys,
        witnesses: [witness.vkey],
        minWitnesses: 1,
      }),
    ).toMatchObject({ ok: false, code: "quorum" });
    const settings = (await (
      await call(`${base}/audit/transparency`, { cookie: owner.cookie })
    ).json()) as { witnesses: { last_error: string | null; last_size: number }[] };
    expect(settings.witnesses[0]!.last_error).toMatch(/unreachable/);
    witness.up();
    await step(6);
    const back = await checkpoint(base, owner.cookie);
    expect(
      (
        await verifyCheckpointNote(back, {
          logKeys: keys,
          witnesses: [witness.vkey],
          minWitnesses: 1,
        })
      ).ok,
    ).toBe(true);
    const after = (await (
      await call(`${base}/audit/transparency`, { cookie: owner.cookie })
    ).json()) as { witnesses: { last_error: string | null; last_size: number }[] };
    expect(after.witnesses[0]!.last_error).toBeNull();
    expect(after.witnesses[0]!.last_size).toBe(parseCheckpointText(parseNote(back).text).size);
  });
});

describe("public verification data (opt-in)", () => {
  it("is 404 until the tenant opts in, then served without authentication", async () => {
    const { owner, base } = await busyTenant(2);
    const pub = `/audit/${owner.tenantId}`;
    await expectError(await call(`${pub}/checkpoint`), 404, "not_found");
    const on = await call(`${base}/audit/transparency/public`, {
      method: "PUT",
      cookie: owner.cookie,
      body: { enabled: true },
    });
    expect(on.status).toBe(200);
    const res = await call(`${pub}/checkpoint`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("public");
    const note = await res.text();
    const keys = (await (await call(`${pub}/log-keys`)).json()) as {
      keys: { vkey: string; from_size: number; to_size: number | null }[];
    };
    expect((await verifyCheckpointNote(note, { logKeys: keys.keys })).ok).toBe(true);
    const proof = (await (await call(`${pub}/proofs/consistency?from=1&to=2`)).json()) as {
      proof: string[];
    };
    expect(proof.proof.length).toBeGreaterThan(0);
    await expectError(await call(`${pub}/proofs/consistency?from=x`), 400, "invalid_request");
  });
});
