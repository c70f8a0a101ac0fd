import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { TenantDO } from "../../../durable-objects/tenant";
import type { AuditLog } from "../tenant-do/audit-log";
import { AuditTiles } from "../tenant-do/audit-tiles";
import { TiledTree } from "../../../core/audit/tiles";
import { WORKERD_SHA256 } from "../../../platform/sha256";
import { call } from "../../../tests/helpers/client";
import { ownerWithTenant } from "../../../tests/helpers/tenant";
import {
  leafHash,
  readCheckpoint,
  rootFromInclusion,
  TileReader,
  toHexString as hex,
  verifyConsistency,
  type ReadCheckpoint,
} from "../../../tests/helpers/tile-reader";

/*
 * Proofs come from the open tiles' rows kept in memory and from a bounded cache of full tiles.
 * Every expected value here is the independent tile reader's (tests/helpers/tile-reader.ts),
 * built from the public tiles and the signed checkpoint, or a leaf hashed from the export.
 */

type Parts = { audit: AuditLog; ctx: DurableObjectState };
const fetchPublic = (url: string) => call(url, { origin: null });

async function publicTenant() {
  const owner = await ownerWithTenant();
  const base = `/api/tenants/${owner.tenantId}`;
  const on = await call(`${base}/audit/transparency/public`, {
    method: "PUT",
    cookie: owner.cookie,
    body: { enabled: true },
  });
  expect(on.status).toBe(200);
  const pub = `/audit/${owner.tenantId}`;
  const keys = (await (await fetchPublic(`${pub}/log-keys`)).json()) as {
    keys: { vkey: string; to_size: number | null }[];
  };
  const vkey = keys.keys.find((k) => k.to_size === null)!.vkey;
  const stub = env.TENANT.get(env.TENANT.idFromName(owner.tenantId));
  return { owner, base, pub, vkey, stub };
}

function appendEvents(audit: AuditLog, count: number, tag: string): void {
  for (let i = 0; i < count; i++)
    audit.append({
      type: "test.event",
      runId: null,
      stepId: null,
      actor: { kind: "system", id: "test" },
      data: { i: audit.size, tag },
      now: Date.UTC(2026, 0, 1) + audit.size,
    });
}

const growTo = (stub: DurableObjectStub<TenantDO>, size: number, tag = "grown") =>
  runInDurableObject(stub, (instance: TenantDO) => {
    const { audit } = instance as unknown as Parts;
    audit.atomically(() => appendEvents(audit, size - audit.size, tag));
    return audit.size;
  });

async function signedReader(t: { pub: string; vkey: string }) {
  const cp = await readCheckpoint(await (await fetchPublic(`${t.pub}/checkpoint`)).text(), t.vkey);
  const reader = new TileReader(fetchPublic, t.pub, cp.size);
  expect(hex(await reader.hash(0, cp.size))).toBe(hex(cp.root));
  return { cp, reader };
}

async function apiProof(base: string, cookie: string, query: string): Promise<string[]> {
  const res = await call(`${base}/audit/proofs/${query}`, { cookie });
  expect(res.status, query).toBe(200);
  return ((await res.json()) as { proof: string[] }).proof;
}

const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!, (b) => parseInt(b, 16));

type Signed = { cp: ReadCheckpoint; reader: TileReader };

/** The API's inclusion proof is the reader's path and leads from the leaf to the signed root. */
async function checkInclusion(
  t: { base: string; owner: { cookie: string } },
  { cp, reader }: Signed,
  seq: number,
  leaf?: Uint8Array,
): Promise<void> {
  const proof = await apiProof(t.base, t.owner.cookie, `inclusion?seq=${seq}&size=${cp.size}`);
  expect(proof, `inclusion ${seq}/${cp.size}`).toEqual(
    (await reader.inclusionPath(seq - 1)).map(hex),
  );
  const from = leaf ?? (await reader.stored(0, seq - 1));
  const root = await rootFromInclusion(seq - 1, cp.size, from, proof.map(fromHex));
  expect(hex(root), `root from leaf ${seq}`).toBe(hex(cp.root));
}

/**
 * The API's (and the public route's) consistency proof is the reader's path; from a size that
 * was signed too, it proves that signed root a prefix of the new one.
 */
async function checkConsistency(
  t: { base: string; pub: string; owner: { cookie: string } },
  { cp, reader }: Signed,
  from: number,
  signedRoot?: Uint8Array,
): Promise<void> {
  const q = `consistency?from=${from}&to=${cp.size}`;
  const proof = await apiProof(t.base, t.owner.cookie, q);
  expect(proof, `${from}→${cp.size}`).toEqual((await reader.consistencyPath(from)).map(hex));
  const open = await fetchPublic(`${t.pub}/proofs/${q}`);
  expect(((await open.json()) as { proof: string[] }).proof).toEqual(proof);
  if (signedRoot)
    expect(
      await verifyConsistency(from, cp.size, signedRoot, cp.root, proof.map(fromHex)),
      `signed ${from}→${cp.size}`,
    ).toBe(true);
}

describe("audit proofs from the tiles kept in memory", () => {
  it(
    "match an independent reader at every fill of the open tiles",
    { timeout: 120_000 },
    async () => {
      const t = await publicTenant();
      const signed = new Map<number, Uint8Array>();
      // Open level-0 tile with 1, 128, 255 and 0 leaves; open level-1 tile with 3 or 4 hashes.
      for (const size of [769, 896, 1023, 1024, 1025]) {
        expect(await growTo(t.stub, size)).toBe(size);
        const at = await signedReader(t);
        expect(at.cp.size).toBe(size);
        for (const seq of [1, 256, 257, Math.floor(size / 2), size - 1, size])
          await checkInclusion(t, at, seq);
        for (const from of [1, 2, 255, 256, 257, 511, 512, 700, size - 1, size])
          await checkConsistency(t, at, from);
        for (const [from, root] of signed) await checkConsistency(t, at, from, root);
        signed.set(size, at.cp.root);
      }
    },
  );

  it(
    "reads right through a cache smaller than a proof's tiles, and after a rolled-back append",
    { timeout: 120_000 },
    async () => {
      const t = await publicTenant();
      await growTo(t.stub, 1300);
      // A transaction that fills tile 0/5 (leaves 1280…1535) and then fails leaves nothing behind.
      const after = await runInDurableObject(t.stub, (instance: TenantDO) => {
        const { audit } = instance as unknown as Parts;
        expect(() =>
          audit.atomically(() => {
            appendEvents(audit, 300, "rolled back");
            throw new Error("the change failed");
          }),
        ).toThrow("the change failed");
        return audit.size;
      });
      expect(after).toBe(1300);
      await growTo(t.stub, 1600, "kept"); // tile 0/5 full again, with other leaves
      const { cp, reader } = await signedReader(t);
      expect(cp.size).toBe(1600);

      const exported = (
        await (await call(`${t.base}/audit/export`, { cookie: t.owner.cookie })).text()
      )
        .trimEnd()
        .split("\n");
      const seqs = [1, 300, 600, 900, 1281, 1400, 1536, 1, 300, 1600];
      for (const seq of seqs) {
        const line = exported[seq - 1]!;
        const { hash } = JSON.parse(line) as { hash: string };
        const leaf = await leafHash(
          new TextEncoder().encode(line.replace(`,"hash":"${hash}"`, "")),
        );
        expect(hex(await reader.stored(0, seq - 1)), `leaf ${seq}`).toBe(hex(leaf));
        await checkInclusion(t, { cp, reader }, seq, leaf);
      }

      // A cache of two tiles, evicting on every proof that touches a third.
      const viaSmallCache = await runInDurableObject(t.stub, (instance: TenantDO) => {
        const tiles = AuditTiles.load((instance as unknown as Parts).ctx.storage.sql, 2);
        return seqs.map((seq) =>
          new TiledTree(tiles, WORKERD_SHA256).inclusionProof(seq - 1, 1600).map(hex),
        );
      });
      for (const [i, seq] of seqs.entries())
        expect(viaSmallCache[i], `small cache ${seq}`).toEqual(
          (await reader.inclusionPath(seq - 1)).map(hex),
        );
    },
  );

  it(
    "serves a tree with a full level-1 tile (65,536 leaves) from memory and cache alike",
    { timeout: 180_000 },
    async () => {
      const t = await publicTenant();
      const size = 65_536 + 700;
      for (let at = 10_000; at < 65_535; at += 10_000) await growTo(t.stub, at);
      const signed = new Map<number, Uint8Array>();
      for (const at of [65_535, 65_536, 65_537]) {
        await growTo(t.stub, at);
        const { cp } = await signedReader(t);
        expect(cp.size).toBe(at);
        signed.set(at, cp.root);
      }
      await growTo(t.stub, size);
      const { cp, reader } = await signedReader(t);
      expect(cp.size).toBe(size);
      const seqs = [1, 40_000, 65_536, 65_537, 66_000, size];
      for (const seq of seqs) await checkInclusion(t, { cp, reader }, seq);
      for (const from of [1, 66_000]) await checkConsistency(t, { cp, reader }, from);
      for (const [from, root] of signed) await checkConsistency(t, { cp, reader }, from, root);
      const viaSmallCache = await runInDurableObject(t.stub, (instance: TenantDO) => {
        const tiles = AuditTiles.load((instance as unknown as Parts).ctx.storage.sql, 2);
        return seqs.map((seq) =>
          new TiledTree(tiles, WORKERD_SHA256).inclusionProof(seq - 1, size).map(hex),
        );
      });
      for (const [i, seq] of seqs.entries())
        expect(viaSmallCache[i], `small cache ${seq}`).toEqual(
          (await reader.inclusionPath(seq - 1)).map(hex),
        );
    },
  );
});
