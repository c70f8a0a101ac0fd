import { expect, test } from "vitest";
import { nodeSha256 } from "../../cli/commands/audit";
import {
  checkpointJwks,
  generateCheckpointKeyPair,
  importCheckpointSigner,
} from "../../core/audit/checkpoint";
import type { AuditEventInput } from "../../core/audit/event";
import { serializeAuditExport } from "../../core/audit/export-format";
import { AuditLogWriter } from "../../core/audit/log-writer";
import type { Sha256 } from "../../core/audit/sha256";
import { nobleSha256 } from "../../core/audit/sha256";
import { verifyAuditExport } from "../../core/audit/verify-export";
import { report, summarize } from "../measure";

const EVENTS = 100_000;

/** A deterministic mix shaped like a tenant's real traffic: runs of propose/verdict/result. */
function realisticEvent(i: number): AuditEventInput {
  const ts = new Date(Date.UTC(2025, 0, 1) + i * 173).toISOString();
  const run = `run_01JH${String(Math.floor(i / 40)).padStart(8, "0")}`;
  const step = `stp_01JH${String(i).padStart(10, "0")}`;
  const agent = { kind: "agent" as const, id: "tok_agent_ci_deploy" };
  switch (i % 8) {
    case 0:
      return {
        ts,
        type: "run.started",
        run_id: run,
        step_id: null,
        actor: agent,
        data: {
          agent: "ci-deploy",
          policy_bundle: "9f2c1e".repeat(10) + "ab12",
          labels: { repo: "acme/web", branch: "main" },
        },
      };
    case 1:
    case 4:
      return {
        ts,
        type: "step.proposed",
        run_id: run,
        step_id: step,
        actor: agent,
        data: {
          tool: "http_fetch",
          args: { url: `https://api.github.com/repos/acme/web/pulls/${i % 997}`, method: "GET" },
          idempotency_key: `idem-${i}`,
        },
      };
    case 2:
    case 5:
      return {
        ts,
        type: "step.verdict",
        run_id: run,
        step_id: step,
        actor: { kind: "system", id: "policy" },
        data: {
          verdict: i % 10 === 5 ? "approve_required" : "allow",
          rule: "github-read-only",
          evaluation_us: 3.25,
        },
      };
    case 3:
    case 6:
      return {
        ts,
        type: "step.result",
        run_id: run,
        step_id: step,
        actor: agent,
        data: {
          status: "ok",
          http_status: 200,
          bytes: 18_432 + (i % 4096),
          duration_ms: 143,
          untrusted: true,
          warnings: [],
        },
      };
    default:
      return {
        ts,
        type: "approval.decided",
        run_id: run,
        step_id: step,
        actor: { kind: "user", id: "usr_01JH5Q0ZK8M" },
        data: {
          approval_id: `apr_${i}`,
          decision: "approved",
          reason: "Looks fine — ticket OPS-1234 😀",
        },
      };
  }
}

test(`audit export verification throughput, ${EVENTS} events`, async () => {
  const writer = AuditLogWriter.empty(nodeSha256);
  const events = Array.from({ length: EVENTS }, (_, i) => writer.append(realisticEvent(i)).event);
  const { privateJwk, publicJwk } = await generateCheckpointKeyPair();
  const signer = await importCheckpointSigner(privateJwk);
  const jws = await signer.sign(writer.checkpoint("acme", "2025-01-02T00:00:00.000Z"));
  const text = serializeAuditExport(events, jws);
  const jwks = checkpointJwks([publicJwk]);
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
      name: `audit verify (hash chain + Merkle root + checkpoint), SHA-256 via ${name}`,
      // Throughput: "p95" is the rate of the p95 (slow) run, so it is the lower figure.
      median: Math.round(EVENTS / (medianMs / 1000)),
      p95: Math.round(EVENTS / (p95Ms / 1000)),
      unit: "events/s",
      budget: "≥ 200,000 events/s",
      samples: samples.length,
    });
  }
});
