import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  formatLegacyTrailerLine,
  importHeadSigner,
  verifyAuditExport,
  verifyConsistency,
  verifyInclusion,
} from "../../../core/audit";
import { fromHex } from "../../../core/encoding";
import { AGENT, ALICE, freshTenant, POLICY, value } from "../../../tests/helpers/tenant-do";

async function jwks() {
  const signer = await importHeadSigner(env.SIGNING_KEY);
  return { keys: [signer.publicJwk] };
}

describe("tenant policies in the Durable Object", () => {
  it("starts every tenant on a safe default policy, version 1, authored by the system", async () => {
    const { tenantId, stub } = freshTenant();
    const versions = value(await stub.listPolicies());
    expect(versions).toEqual([
      expect.objectContaining({ version: 1, active: true, author: "system:gatehouse" }),
    ]);
    const runId = value(await stub.openRun({ agent: "a", metadata: {} }, ALICE)).id;
    const step = value(
      await stub.proposeStep(
        runId,
        { tool: "anything", args: {}, declared: {}, idempotency_key: "k" },
        AGENT,
        "agent",
      ),
    );
    expect(step.verdict).toBe("approve_required");
  });

  it("refuses a policy with errors, giving line and column, and stores nothing", async () => {
    const { tenantId, stub } = freshTenant();
    const bad = await stub.createPolicy(
      "version: 1\nrules:\n  - id: x\n    match: { tool.bogus: 1 }\n    decision: maybe\n",
      ALICE,
    );
    expect(bad).toMatchObject({ ok: false, code: "policy_invalid" });
    if (bad.ok) return;
    expect(bad.issues!.length).toBeGreaterThan(0);
    expect(bad.issues![0]!.path).toMatch(/^\d+:\d+$/);
    expect(value(await stub.listPolicies())).toHaveLength(1);
  });

  it("versions policies with author and bundle id and audits activation", async () => {
    const { tenantId, stub } = freshTenant();
    const v2 = value(await stub.createPolicy(POLICY, ALICE));
    expect(v2).toMatchObject({ version: 2, author: "user:user-alice", active: false });
    expect(v2.bundle_id).toMatch(/^[0-9a-f]{64}$/);
    const reformatted = value(
      await stub.createPolicy(`# same rules\n${POLICY.replace(/\n/g, "\n\n")}`, ALICE),
    );
    expect(reformatted.bundle_id).toBe(v2.bundle_id);
    value(await stub.activatePolicy(2, ALICE));
    const { events } = value(await stub.auditEvents(0, 100, { type: "policy.activated" }));
    expect(events.at(-1)).toMatchObject({
      data: { version: 2, bundle_id: v2.bundle_id, previous_version: 1 },
      actor: { id: "user-alice" },
    });
    expect(await stub.activatePolicy(99, ALICE)).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(value(await stub.getPolicy(2)).source).toBe(POLICY);
  });
});

describe("the audit log", () => {
  async function busyTenant(steps: number) {
    const { tenantId, stub } = freshTenant();
    const runId = value(await stub.openRun({ agent: "a", metadata: {} }, ALICE)).id;
    for (let i = 0; i < steps; i++) {
      value(
        await stub.proposeStep(
          runId,
          { tool: "t", args: { i }, declared: {}, idempotency_key: `k${i}` },
          AGENT,
          "agent",
        ),
      );
    }
    return { tenantId, stub };
  }

  it("exports JSONL that verifies offline, with a signed head", async () => {
    const { tenantId, stub } = await busyTenant(5);
    const head = value(await stub.auditHead());
    const signed = value(await stub.signHead());
    expect(signed).toMatchObject({ size: head.size, root: head.root });
    const { lines } = value(await stub.exportChunk(0, 1000));
    const text = [...lines, formatLegacyTrailerLine(signed.jws)].join("\n") + "\n";
    const result = await verifyAuditExport(text, { jwks: await jwks() });
    expect(result).toMatchObject({ ok: true, events: head.size, root: head.root });

    const tampered = text.replace('"i":3', '"i":4');
    const bad = await verifyAuditExport(tampered, { jwks: await jwks() });
    expect(bad.ok).toBe(false);
  });

  it("serves inclusion and consistency proofs that verify against the roots", async () => {
    const { tenantId, stub } = await busyTenant(6);
    const small = value(await stub.auditHead());
    value(
      await stub.proposeStep(
        value(await stub.listRuns({ limit: 1 })).runs[0]!.id,
        { tool: "t", args: {}, declared: {}, idempotency_key: "extra" },
        AGENT,
        "agent",
      ),
    );
    const big = value(await stub.auditHead());
    for (let seq = 1; seq <= big.size; seq++) {
      const p = value(await stub.inclusionProof(seq));
      expect(
        verifyInclusion({
          index: seq - 1,
          size: big.size,
          leafHash: fromHex(p.leaf_hash),
          proof: p.proof.map(fromHex),
          root: fromHex(big.root),
        }),
      ).toBe(true);
    }
    const c = value(await stub.consistencyProof(small.size, big.size));
    expect(
      verifyConsistency({
        oldSize: small.size,
        newSize: big.size,
        oldRoot: fromHex(small.root),
        newRoot: fromHex(big.root),
        proof: c.proof.map(fromHex),
      }),
    ).toBe(true);
    expect(await stub.inclusionProof(big.size + 1)).toMatchObject({
      ok: false,
      code: "invalid_range",
    });
    expect(await stub.consistencyProof(0, big.size)).toMatchObject({
      ok: false,
      code: "invalid_range",
    });
  });

  it("signs a head by itself at least every 100 events", async () => {
    const { tenantId, stub } = await busyTenant(40);
    const head = value(await stub.auditHead());
    expect(head.size).toBeGreaterThanOrEqual(100);
    expect(head.checkpoint).not.toBeNull();
    expect(head.size - head.checkpoint!.size).toBeLessThan(100);
  });
});
