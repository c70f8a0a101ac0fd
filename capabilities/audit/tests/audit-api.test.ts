import { describe, expect, it } from "vitest";
import { parseJwks, verifyAuditExport, verifyInclusion } from "../../../core/audit";
import { fromHex } from "../../../core/encoding";
import { call, expectError } from "../../../tests/helpers/client";
import { bearer, memberOf, ownerWithTenant } from "../../../tests/helpers/tenant";

async function busyTenant(steps: number) {
  const owner = await ownerWithTenant();
  const base = `/api/tenants/${owner.tenantId}`;
  const opened = (await (
    await call(`${base}/runs`, { body: { agent: "bot" }, cookie: owner.cookie })
  ).json()) as { run: { id: string }; run_token: string };
  for (let i = 0; i < steps; i++) {
    await call(`${base}/runs/${opened.run.id}/steps`, {
      origin: null,
      headers: bearer(opened.run_token),
      body: { tool: "lookup", args: { i }, idempotency_key: `k${i}` },
    });
  }
  return { owner, base };
}

describe("audit over HTTP", () => {
  it("exports JSONL that verifies offline against the published JWKS", async () => {
    const { owner, base } = await busyTenant(4);
    const res = await call(`${base}/audit/export`, { cookie: owner.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const text = await res.text();
    const lines = text.trimEnd().split("\n");
    expect(JSON.parse(lines.at(-1)!)).toHaveProperty("checkpoint");
    const jwks = parseJwks(await (await call("/.well-known/jwks.json")).json());
    expect(jwks.keys[0]).toMatchObject({ kid: "test-2026", kty: "OKP", crv: "Ed25519" });
    expect(JSON.stringify(jwks)).not.toContain('"d"');
    const result = await verifyAuditExport(text, { jwks });
    expect(result).toMatchObject({ ok: true, events: lines.length - 1 });

    const target = lines.findIndex((l) => l.includes('"i":1'));
    const forged = lines.map((l, i) => (i === target ? l.replace('"i":1', '"i":9') : l));
    const bad = await verifyAuditExport(forged.join("\n") + "\n", { jwks });
    expect(bad).toMatchObject({ ok: false, seq: target + 1 });
  });

  it("serves events in pages, the head, and inclusion proofs", async () => {
    const { owner, base } = await busyTenant(3);
    const head = (await (await call(`${base}/audit/head`, { cookie: owner.cookie })).json()) as {
      size: number;
      root: string;
    };
    const page = (await (
      await call(`${base}/audit/events?after=2&limit=3`, { cookie: owner.cookie })
    ).json()) as {
      events: { seq: number }[];
    };
    expect(page.events.map((e) => e.seq)).toEqual([3, 4, 5]);
    const proof = (await (
      await call(`${base}/audit/proofs/inclusion?seq=3&size=${head.size}`, { cookie: owner.cookie })
    ).json()) as { leaf_hash: string; proof: string[] };
    expect(
      verifyInclusion({
        index: 2,
        size: head.size,
        leafHash: fromHex(proof.leaf_hash),
        proof: proof.proof.map(fromHex),
        root: fromHex(head.root),
      }),
    ).toBe(true);
    await expectError(
      await call(`${base}/audit/proofs/inclusion?seq=${head.size + 5}`, { cookie: owner.cookie }),
      400,
      "invalid_range",
    );
    await expectError(
      await call(`${base}/audit/events?limit=9999`, { cookie: owner.cookie }),
      400,
      "invalid_request",
    );
  });

  it("lets an auditor export but not an operator", async () => {
    const { owner, base } = await busyTenant(1);
    const auditor = await memberOf(owner.tenantId, "auditor");
    const operator = await memberOf(owner.tenantId, "operator");
    expect((await call(`${base}/audit/export`, { cookie: auditor.cookie })).status).toBe(200);
    await expectError(
      await call(`${base}/audit/export`, { cookie: operator.cookie }),
      403,
      "forbidden",
    );
  });
});
