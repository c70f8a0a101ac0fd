import { expect, test } from "vitest";
import { nodeSha256 } from "../../cli/commands/audit";
import { headJwks, generateHeadKeyPair, importHeadSigner } from "../../core/audit/checkpoint";
import { serializeAuditExport } from "../../core/audit/export-format";
import { AuditLogWriter } from "../../core/audit/log-writer";
import type { Sha256 } from "../../core/audit/sha256";
import { nobleSha256 } from "../../core/audit/sha256";
import { verifyAuditExport } from "../../core/audit/verify-export";
import { report, summarize } from "../measure";
import { realisticEvent } from "./audit-events";

const EVENTS = 100_000;

test(`audit export verification throughput, ${EVENTS} events`, async () => {
  const writer = AuditLogWriter.empty(nodeSha256);
  const events = Array.from({ length: EVENTS }, (_, i) => writer.append(realisticEvent(i)).event);
  const { privateJwk, publicJwk } = await generateHeadKeyPair();
  const signer = await importHeadSigner(privateJwk);
  const jws = await signer.sign(writer.head("acme", "2025-01-02T00:00:00.000Z"));
  const text = serializeAuditExport(events, jws);
  const jwks = headJwks([publicJwk]);
  console.log(`export: ${EVENTS} events, ${(text.length / EVENTS).toFixed(0)} bytes per line`);

  const runs: [string, Sha256, number][] = [
    ["node:crypto", nodeSha256, 9],
    ["@noble/hashes", nobleSha256, 5],
  ];
  for (const [name, sha256, iterations] of runs) {
    const samples: number[] = [];
    for (let i = 0; i < iterations + 1; i++) {
      const t0 = performance.now();
      const result = await verifyAuditExport(text, { jwks, sha256 });
      const ms = performance.now() - t0;
      expect(result).toMatchObject({ ok: true, events: EVENTS });
      if (i > 0) samples.push(ms); // the first run is warm-up
    }
    const { medianMs, p95Ms } = summarize(samples);
    report({
      name: `audit verify (hash chain + Merkle root + signed head), SHA-256 via ${name}`,
      // Throughput: "p95" is the rate of the p95 (slow) run, so it is the lower figure.
      median: Math.round(EVENTS / (medianMs / 1000)),
      p95: Math.round(EVENTS / (p95Ms / 1000)),
      unit: "events/s",
      budget: "≥ 200,000 events/s",
      samples: samples.length,
    });
  }
});
