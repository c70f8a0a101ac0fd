import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { TenantDO } from "../../../durable-objects/tenant";
import type { AuditLog } from "../tenant-do/audit-log";
import { call, expectError } from "../../../tests/helpers/client";
import { ownerWithTenant } from "../../../tests/helpers/tenant";
import {
  leafHash,
  readCheckpoint,
  rootFromInclusion,
  TileReader,
  tileUrlPath,
  toHexString,
} from "../../../tests/helpers/tile-reader";

const EVENTS = 700; // level-0 tiles 0 and 1 full, tile 2 partial; level-1 tile 0 partial (2)

async function publicTenantWithEvents(count: number) {
  const owner = await ownerWithTenant();
  const base = `/api/tenants/${owner.tenantId}`;
  const on = await call(`${base}/audit/transparency/public`, {
    method: "PUT",
    cookie: owner.cookie,
    body: { enabled: true },
  });
  expect(on.status).toBe(200);
  const stub = env.TENANT.get(env.TENANT.idFromName(owner.tenantId));
  await runInDurableObject(stub, (instance: TenantDO) => {
    const audit = (instance as unknown as { audit: AuditLog }).audit;
    audit.atomically(() => {
      for (let i = 0; i < count; i++)
        audit.append({
          type: "test.event",
          runId: null,
          stepId: null,
          actor: { kind: "system", id: "test" },
          data: { i, note: "tiles ü" },
          now: Date.UTC(2026, 0, 1) + i,
        });
    });
  });
  return { owner, base, pub: `/audit/${owner.tenantId}` };
}

/** Leaf data = an export line minus its `"hash"` member (the bytes the log hashed). */
function entryOf(line: string): Uint8Array {
  const { hash } = JSON.parse(line) as { hash: string };
  return new TextEncoder().encode(line.replace(`,"hash":"${hash}"`, ""));
}

const fetchPublic = (url: string) => call(url, { origin: null });

describe("C2SP tlog-tiles, read by an independent client", () => {
  it("serves a checkpoint and hash tiles from which the reader rebuilds the signed root and proofs", async () => {
    const { owner, base, pub } = await publicTenantWithEvents(EVENTS);
    const keys = (await (await fetchPublic(`${pub}/log-keys`)).json()) as {
      keys: { vkey: string; to_size: number | null }[];
    };
    const vkey = keys.keys.find((k) => k.to_size === null)!.vkey;
    const cp = await readCheckpoint(await (await fetchPublic(`${pub}/checkpoint`)).text(), vkey);
    expect(cp.origin).toMatch(new RegExp(`/audit/${owner.tenantId}$`));
    expect(cp.size).toBeGreaterThanOrEqual(EVENTS);

    const reader = new TileReader(fetchPublic, pub, cp.size);
    expect(toHexString(await reader.hash(0, cp.size))).toBe(toHexString(cp.root));
    expect(reader.fetched).toContain("tile/1/000.p/2");
    expect(reader.fetched.some((p) => p.startsWith("tile/0/002.p/"))).toBe(true);

    // Leaves: the level-0 tile is SHA-256(0x00 ‖ event bytes) of each exported event.
    const exported = (await (await call(`${base}/audit/export`, { cookie: owner.cookie })).text())
      .trimEnd()
      .split("\n");
    for (const seq of [1, 256, 257, 513, cp.size]) {
      const leaf = await leafHash(entryOf(exported[seq - 1]!));
      expect(toHexString(await reader.stored(0, seq - 1))).toBe(toHexString(leaf));
      const path = await reader.inclusionPath(seq - 1);
      expect(toHexString(await rootFromInclusion(seq - 1, cp.size, leaf, path))).toBe(
        toHexString(cp.root),
      );
      const api = (await (
        await call(`${base}/audit/proofs/inclusion?seq=${seq}&size=${cp.size}`, {
          cookie: owner.cookie,
        })
      ).json()) as { proof: string[] };
      expect(api.proof).toEqual(path.map(toHexString));
    }
  });

  it("answers tiles as immutable, and 404 for what does not exist or is not public", async () => {
    const { owner, base, pub } = await publicTenantWithEvents(300);
    const full = await fetchPublic(`${pub}/${tileUrlPath(0, 0, 256)}`);
    expect(full.status).toBe(200);
    expect(full.headers.get("content-type")).toBe("application/octet-stream");
    expect(full.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(full.headers.get("access-control-allow-origin")).toBe("*");
    const bytes = new Uint8Array(await full.arrayBuffer());
    expect(bytes.length).toBe(256 * 32);
    // A partial tile is a prefix of the full one.
    const part = new Uint8Array(await (await fetchPublic(`${pub}/tile/0/000.p/5`)).arrayBuffer());
    expect(toHexString(part)).toBe(toHexString(bytes.subarray(0, 5 * 32)));

    const size = (
      (await (await call(`${base}/audit/head`, { cookie: owner.cookie })).json()) as {
        size: number;
      }
    ).size;
    const open = size - 256; // leaves in tile 0/001
    expect((await fetchPublic(`${pub}/tile/0/001.p/${open}`)).status).toBe(200);
    for (const path of [
      `tile/0/001.p/${open + 1}`, // wider than the tree
      "tile/0/001", // not full yet
      "tile/2/000.p/1", // no level 2 yet
      "tile/0/0", // not three digits
      "tile/0/x000/001", // not the shortest spelling
      "tile/0/000.p/256",
      "tile/0/000.p/0",
      "tile/entries/000.p/5", // entry bundles are not published
    ])
      await expectError(await fetchPublic(`${pub}/${path}`), 404, "not_found");

    const off = await call(`${base}/audit/transparency/public`, {
      method: "PUT",
      cookie: owner.cookie,
      body: { enabled: false },
    });
    expect(off.status).toBe(200);
    await expectError(await fetchPublic(`${pub}/tile/0/000`), 404, "not_found");
    await expectError(await fetchPublic(`/audit/no-such-tenant/tile/0/000`), 404, "not_found");
  });
});
