import { env } from "cloudflare:test";
import { expect, it } from "vitest";
import { encryptSecret, maskLast4 } from "../../core/vault";
import { activeDek, openVault } from "../../capabilities/vault/deks";
import { readSecretValue } from "../../capabilities/vault/secrets";
import { rotateDek } from "../../capabilities/vault/rotate-dek";
import { report, summarize } from "../measure";

/*
 * The vault through the real D1 code path (workers/vault). D1 calls are I/O, so workerd's clock
 * advances across each measured call and performance.now() differences are meaningful.
 */
const N = 1000;
const ROTATIONS = 7;
const READ_SAMPLES = 20;
const READS_PER_SAMPLE = 50;

async function tenantWithSecrets(): Promise<string> {
  const tenantId = crypto.randomUUID();
  await env.DB.prepare("INSERT INTO tenants (id, name, created_at) VALUES (?1, 'bench', ?2)")
    .bind(tenantId, Date.now())
    .run();
  const vault = await openVault(env.DB, env.VAULT_KEKS!);
  const dek = await activeDek(vault, tenantId);
  for (let start = 0; start < N; start += 100) {
    const statements: D1PreparedStatement[] = [];
    for (let i = start; i < start + 100; i++) {
      const name = `SECRET_${String(i).padStart(4, "0")}`;
      const value = `sk-live-${String(i).padStart(8, "0")}-0123456789abcdefghijklmnop`;
      const enc = await encryptSecret({
        tenantId,
        name,
        version: 1,
        dek: dek.key,
        dekVersion: dek.version,
        plaintext: value,
      });
      statements.push(
        env.DB.prepare(
          `INSERT INTO secrets (tenant_id, name, version, dek_version, iv, ciphertext, masked,
             created_at, updated_at, updated_by) VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?7, 'bench')`,
        ).bind(tenantId, name, dek.version, enc.iv, enc.ciphertext, maskLast4(value), Date.now()),
      );
    }
    await env.DB.batch(statements);
  }
  return tenantId;
}

it("vault in D1: full DEK rotation of 1,000 secrets, secret read with a cached DEK", async () => {
  const tenantId = await tenantWithSecrets();
  const vault = await openVault(env.DB, env.VAULT_KEKS!);

  await rotateDek(vault, tenantId, { maxSecrets: N }); // warm-up
  const rotations: number[] = [];
  for (let i = 0; i < ROTATIONS; i++) {
    const t0 = performance.now();
    const progress = await rotateDek(vault, tenantId, { maxSecrets: N });
    rotations.push(performance.now() - t0);
    expect(progress).toMatchObject({ status: "complete", reencrypted: N, remaining: 0 });
  }
  const r = summarize(rotations);
  report({
    name: "vault DEK rotation, 1,000 secrets through D1 (new DEK + re-encrypt + batched writes)",
    median: r.medianMs,
    p95: r.p95Ms,
    unit: "ms",
    budget: "informational",
    samples: rotations.length,
  });

  let checksum = 0;
  await readSecretValue(vault, tenantId, "SECRET_0000"); // warms the DEK cache
  // The clock ticks in whole milliseconds here, so each sample times a batch of reads.
  const reads: number[] = [];
  for (let b = 0; b < READ_SAMPLES; b++) {
    const t0 = performance.now();
    for (let i = 0; i < READS_PER_SAMPLE; i++) {
      const name = `SECRET_${String((b * READS_PER_SAMPLE + i) % N).padStart(4, "0")}`;
      checksum += (await readSecretValue(vault, tenantId, name)).length;
    }
    reads.push((performance.now() - t0) / READS_PER_SAMPLE);
  }
  const s = summarize(reads);
  report({
    name: "vault secret read through D1 with a cached DEK (one D1 query + AES-GCM decrypt)",
    median: s.medianMs * 1000,
    p95: s.p95Ms * 1000,
    unit: "µs",
    budget: "informational (crypto-only decrypt: see vault.bench)",
    samples: reads.length,
  });
  expect(checksum).toBeGreaterThan(0);
});
