import { expect, it } from "vitest";
import { createDek } from "../../core/vault/dek";
import { DekCache } from "../../core/vault/dek-cache";
import { loadKekRing } from "../../core/vault/kek-ring";
import { unwrapDek } from "../../core/vault/dek";
import { decryptSecret, encryptSecret, reencryptSecret } from "../../core/vault/secret";
import type { EncryptedSecret } from "../../core/vault/secret";
import { report, summarize } from "../measure";

/*
 * Timing method. workerd may freeze performance.now()/Date.now() between I/O events (Spectre
 * mitigation), and WebCrypto calls complete without I/O, so timing one call measures nothing.
 * Each sample therefore times a whole batch between two awaited timer turns (setTimeout 0, an
 * I/O boundary at which the clock is brought up to date):
 *   boundary → t0 → batch of N operations → boundary → t1.
 * The cost of one boundary (median of empty batches) is subtracted and the rest divided by N.
 * With N = 1,000 a batch takes milliseconds, so the ~1 ms clock resolution costs < 1 µs/op. A
 * frozen clock would give all-zero samples; `timeBatches` refuses to report those.
 */
const boundary = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function elapsedMs(batch: () => Promise<void>): Promise<number> {
  await boundary();
  const t0 = performance.now();
  await batch();
  await boundary();
  return performance.now() - t0;
}

/** Returns per-batch samples in ms, net of the boundary overhead. */
async function timeBatches(batch: () => Promise<void>, samples: number): Promise<number[]> {
  const overheads: number[] = [];
  for (let i = 0; i < 20; i++) overheads.push(await elapsedMs(async () => {}));
  const overhead = summarize(overheads).medianMs;
  await batch(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < samples; i++) out.push(Math.max(0, (await elapsedMs(batch)) - overhead));
  if (out.every((ms) => ms === 0)) throw new Error("clock did not advance; samples are invalid");
  return out;
}

const TENANT = "t_bench";
const N = 1000;

async function setUp() {
  const loaded = await loadKekRing("k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
  if (!loaded.ok) throw new Error(loaded.error);
  const ring = loaded.ring;
  const v1 = await createDek({ ring, tenantId: TENANT, dekVersion: 1 });
  const v2 = await createDek({ ring, tenantId: TENANT, dekVersion: 2 });
  const secrets: { name: string; encrypted: EncryptedSecret }[] = [];
  for (let i = 0; i < N; i++) {
    const name = `SECRET_${i}`;
    const plaintext = `sk-live-${i.toString().padStart(8, "0")}-0123456789abcdefghijklmnop`;
    const encrypted = await encryptSecret({
      tenantId: TENANT,
      name,
      version: 1,
      dek: v1.dek,
      dekVersion: 1,
      plaintext,
    });
    secrets.push({ name, encrypted });
  }
  return { ring, v1, v2, secrets };
}

it("vault: secret decrypt with a cached DEK, DEK unwrap, DEK-rotation re-encryption", async () => {
  const { ring, v1, v2, secrets } = await setUp();

  const cache = new DekCache({ maxEntries: 1000, ttlMs: 300_000 });
  cache.set(TENANT, 1, v1.dek, 0);
  let checksum = 0;
  const decryptBatch = async () => {
    for (const { name, encrypted } of secrets) {
      const dek = cache.get(TENANT, 1, 1);
      if (dek === undefined) throw new Error("cache miss");
      const value = await decryptSecret({
        tenantId: TENANT,
        name,
        version: 1,
        dekVersion: 1,
        dek,
        encrypted,
      });
      checksum += value.length;
    }
  };
  const decrypts = (await timeBatches(decryptBatch, 30)).map((ms) => ms / N);
  const d = summarize(decrypts);
  report({
    name: "vault decrypt with a cached DEK",
    median: d.medianMs * 1000,
    p95: d.p95Ms * 1000,
    unit: "µs",
    budget: "≤ 100 µs median",
    samples: decrypts.length,
  });

  const unwrapBatch = async () => {
    for (let i = 0; i < N; i++) {
      await unwrapDek({ ring, tenantId: TENANT, dekVersion: 1, wrapped: v1.wrapped });
    }
  };
  const unwraps = (await timeBatches(unwrapBatch, 20)).map((ms) => ms / N);
  const u = summarize(unwraps);
  report({
    name: "vault DEK unwrap (cache miss)",
    median: u.medianMs * 1000,
    p95: u.p95Ms * 1000,
    unit: "µs",
    budget: "informational",
    samples: unwraps.length,
  });

  const reencryptBatch = async () => {
    for (const { name, encrypted } of secrets) {
      await reencryptSecret({
        tenantId: TENANT,
        name,
        version: 1,
        oldDek: v1.dek,
        oldDekVersion: 1,
        newDek: v2.dek,
        newDekVersion: 2,
        encrypted,
      });
    }
  };
  const rotations = await timeBatches(reencryptBatch, 15);
  const r = summarize(rotations);
  report({
    name: "vault re-encrypt 1,000 secrets DEK v1 → v2 (crypto only, no D1)",
    median: r.medianMs,
    p95: r.p95Ms,
    unit: "ms",
    budget: "informational (D1 part measured separately)",
    samples: rotations.length,
  });

  expect(checksum).toBeGreaterThan(0); // the decrypts really ran and produced values
});
