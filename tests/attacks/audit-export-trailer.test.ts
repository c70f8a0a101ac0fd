import { describe, expect, it } from "vitest";
import { generateHeadKeyPair, parseJwks, signHead } from "../../core/audit/checkpoint";
import { verifyAuditExportBytes } from "../../core/audit/verify-export";
import { call } from "../helpers/client";
import { bearer, memberOf, ownerWithTenant } from "../helpers/tenant";

/**
 * Attacks on an audit export in transit: someone between the auditor and the server (or
 * holding the file) cuts history off the end. The export ends with a signed trailer, and the
 * offline verifier (what `gatehouse audit verify` runs) refuses a missing trailer or one that
 * does not cover the lines — even without the JWKS.
 */
const enc = new TextEncoder();
const bytesOf = (lines: string[]) => enc.encode(lines.map((l) => `${l}\n`).join(""));

async function exportedByAuditor() {
  const owner = await ownerWithTenant();
  const base = `/api/tenants/${owner.tenantId}`;
  const opened = (await (
    await call(`${base}/runs`, { body: { agent: "bot" }, cookie: owner.cookie })
  ).json()) as { run: { id: string }; run_token: string };
  for (let i = 0; i < 4; i++)
    await call(`${base}/runs/${opened.run.id}/steps`, {
      origin: null,
      headers: bearer(opened.run_token),
      body: { tool: "lookup", args: { i }, idempotency_key: `k${i}` },
    });
  const auditor = await memberOf(owner.tenantId, "auditor");
  const res = await call(`${base}/audit/export`, { cookie: auditor.cookie });
  expect(res.status).toBe(200);
  const lines = (await res.text()).trimEnd().split("\n");
  const jwks = parseJwks(await (await call("/.well-known/jwks.json")).json());
  return { lines, jwks, tenantId: owner.tenantId };
}

describe("a cut-short audit export", () => {
  it("is refused when the trailer is dropped, with or without the tail of events", async () => {
    const { lines, jwks } = await exportedByAuditor();
    const trailer = JSON.parse(lines.at(-1)!) as { checkpoint: string; size: number; root: string };
    expect(trailer.size).toBe(lines.length - 1);
    expect(await verifyAuditExportBytes(bytesOf(lines))).toMatchObject({ ok: true });

    const events = lines.slice(0, -1);
    for (const cut of [events, events.slice(0, 3)]) {
      const verdict = await verifyAuditExportBytes(bytesOf(cut));
      expect(verdict).toMatchObject({
        ok: false,
        code: "missing-signed-head",
        seq: cut.length + 1,
      });
      expect(await verifyAuditExportBytes(bytesOf(cut), { jwks })).toMatchObject({
        ok: false,
        code: "missing-signed-head",
      });
    }
  });

  it("is refused when events are cut but the real trailer is kept", async () => {
    const { lines } = await exportedByAuditor();
    const truncated = [...lines.slice(0, 3), lines.at(-1)!];
    expect(await verifyAuditExportBytes(bytesOf(truncated))).toMatchObject({
      ok: false,
      code: "size-mismatch",
      seq: 4,
    });
  });

  it("is refused with a forged trailer: restated size/root without the JWKS, a foreign signature with it", async () => {
    const { lines, jwks, tenantId } = await exportedByAuditor();
    const real = JSON.parse(lines.at(-1)!) as { checkpoint: string; size: number; root: string };
    const kept = lines.slice(0, 3);
    // 1. The real signed head with the clear-text size and root edited to the cut.
    const edited = JSON.stringify({ checkpoint: real.checkpoint, root: real.root, size: 3 });
    expect(await verifyAuditExportBytes(bytesOf([...kept, edited]))).toMatchObject({
      ok: false,
      code: "malformed-signed-head",
    });

    // 2. A head the attacker signs for the kept events: caught by the published keys.
    const attacker = await generateHeadKeyPair();
    const rootOfKept = await rootOf(kept);
    const forged = await signHead(
      { tenant: tenantId, size: 3, root: rootOfKept, ts: new Date().toISOString() },
      { ...attacker.privateJwk, kid: jwks.keys[0]!.kid },
    );
    const forgedLine = JSON.stringify({ checkpoint: forged, root: rootOfKept, size: 3 });
    expect(await verifyAuditExportBytes(bytesOf([...kept, forgedLine]), { jwks })).toMatchObject({
      ok: false,
      code: "bad-signature",
    });
    // Without keys nothing can tell a signature apart: the verdict says it was not checked.
    expect(await verifyAuditExportBytes(bytesOf([...kept, forgedLine]))).toMatchObject({
      ok: true,
      head: { signature: "unchecked" },
    });
  });
});

/** RFC 6962 root of export lines, as a forger computes it (WebCrypto, no product code). */
async function rootOf(lines: string[]): Promise<string> {
  const sha = async (...parts: Uint8Array[]) => {
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) all.set(p, (at += p.length) - p.length);
    return new Uint8Array(await crypto.subtle.digest("SHA-256", all));
  };
  const leaves = await Promise.all(
    lines.map((line) => {
      const { hash } = JSON.parse(line) as { hash: string };
      return sha(Uint8Array.of(0), enc.encode(line.replace(`,"hash":"${hash}"`, "")));
    }),
  );
  const mth = async (xs: Uint8Array[]): Promise<Uint8Array> => {
    if (xs.length === 1) return xs[0]!;
    let k = 1;
    while (k * 2 < xs.length) k *= 2;
    return sha(Uint8Array.of(1), await mth(xs.slice(0, k)), await mth(xs.slice(k)));
  };
  return [...(await mth(leaves))].map((b) => b.toString(16).padStart(2, "0")).join("");
}
