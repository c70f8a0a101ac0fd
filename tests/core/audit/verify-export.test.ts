import { describe, expect, it } from "vitest";
import { generateHeadKeyPair, signHead } from "../../../core/audit/checkpoint";
import type { HashedAuditEvent } from "../../../core/audit/event";
import { formatEventLine, serializeAuditExport } from "../../../core/audit/export-format";
import { AuditLogWriter } from "../../../core/audit/log-writer";
import { nobleSha256, sha256FromDigest } from "../../../core/audit/sha256";
import { AuditExportVerifier, verifyAuditExport } from "../../../core/audit/verify-export";
import { buildSignedExport, forgedLine, joinLines, sampleEvent } from "./export-helpers";

const N = 10;
const ex = await buildSignedExport(N);
const other = await generateHeadKeyPair();

/** The export with line `lineNo` (1-based) replaced. */
function withLine(lineNo: number, text: string): string {
  const lines = [...ex.lines];
  lines[lineNo - 1] = text;
  return joinLines(lines);
}

const eventAt = (seq: number): HashedAuditEvent => JSON.parse(ex.lines[seq - 1]!);

describe("verifyAuditExport", () => {
  it("accepts an intact export and reports count, root and the verified signed head", async () => {
    expect(await verifyAuditExport(ex.text, { jwks: ex.jwks })).toEqual({
      ok: true,
      events: N,
      root: ex.root,
      head: {
        tenant: "acme",
        size: N,
        root: ex.root,
        ts: "2025-03-01T00:00:00.000Z",
        kid: ex.publicJwk.kid,
        signature: "verified",
      },
    });
  });

  it("detects changed data (bad hash at that seq)", async () => {
    const line = ex.lines[3]!.replace('"i":4', '"i":40');
    expect(line).not.toBe(ex.lines[3]);
    expect(await verifyAuditExport(withLine(4, line), { jwks: ex.jwks })).toMatchObject({
      ok: false,
      seq: 4,
      line: 4,
      code: "bad-hash",
    });
  });

  it("detects changed data with a recomputed hash (broken link at the next seq)", async () => {
    const { hash: _, ...event } = eventAt(4);
    const forged = forgedLine({ ...event, data: { i: 40 } });
    expect(await verifyAuditExport(withLine(4, forged), { jwks: ex.jwks })).toMatchObject({
      ok: false,
      seq: 5,
      code: "broken-prev",
      reason: "broken prev link: prev is not the hash of seq 4",
    });
  });

  it("detects a rewritten, relinked tail through the signed root", async () => {
    const lines = ex.lines.slice(0, 3);
    let prev = eventAt(3).hash;
    for (let seq = 4; seq <= N; seq++) {
      const { hash: _, ...event } = eventAt(seq);
      const line = forgedLine({ ...event, prev, data: seq === 4 ? { i: 40 } : event.data });
      lines.push(line);
      prev = JSON.parse(line).hash;
    }
    lines.push(ex.lines[N]!);
    const text = joinLines(lines);
    expect(await verifyAuditExport(text, { jwks: ex.jwks })).toMatchObject({
      ok: false,
      seq: 1,
      line: N + 1,
      code: "root-mismatch",
    });
    // Without the trailer the chain alone is consistent, so such an export is refused outright.
    expect(await verifyAuditExport(joinLines(lines.slice(0, N)))).toMatchObject({
      ok: false,
      seq: N + 1,
      code: "missing-signed-head",
    });
  });

  it("detects reordered, deleted and inserted events", async () => {
    const swapped = [...ex.lines];
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(await verifyAuditExport(joinLines(swapped), { jwks: ex.jwks })).toMatchObject({
      ok: false,
      seq: 3,
      code: "seq-gap",
      reason: "seq gap: expected seq 3, found 4",
    });

    const deleted = ex.lines.filter((_, i) => i !== 4);
    expect(await verifyAuditExport(joinLines(deleted), { jwks: ex.jwks })).toMatchObject({
      ok: false,
      seq: 5,
      code: "seq-gap",
    });

    // A well-formed event slipped in after seq 5, correctly linked to it: the forged line is
    // the first bad event, reported at its own seq and line (not at the genuine line after it).
    const inserted = forgedLine({ ...sampleEvent(99), seq: 6, prev: eventAt(5).hash });
    const withInsert = [...ex.lines.slice(0, 5), inserted, ...ex.lines.slice(5)];
    expect(await verifyAuditExport(joinLines(withInsert), { jwks: ex.jwks })).toMatchObject({
      ok: false,
      seq: 6,
      line: 6,
      code: "forked-chain",
      reason:
        "forked chain: line 6 (seq 6) and line 7 both follow seq 5; line 6 is not part of the log",
    });
    // The same at the very start: a forged first event.
    const first = forgedLine({ ...sampleEvent(98), seq: 1, prev: "0".repeat(64) });
    expect(await verifyAuditExport(joinLines([first, ...ex.lines]))).toMatchObject({
      ok: false,
      seq: 1,
      line: 1,
      code: "forked-chain",
    });

    const duplicated = [...ex.lines.slice(0, 6), ex.lines[5]!, ...ex.lines.slice(6)];
    expect(await verifyAuditExport(joinLines(duplicated))).toMatchObject({ ok: false, seq: 7 });
  });

  it("detects a changed prev and a changed hash field", async () => {
    const event6 = eventAt(6);
    const changedPrev = formatEventLine({ ...event6, prev: eventAt(4).hash });
    expect(await verifyAuditExport(withLine(6, changedPrev))).toMatchObject({
      ok: false,
      seq: 6,
      code: "broken-prev",
    });
    const genesis = formatEventLine({ ...eventAt(1), prev: "1".repeat(64) });
    expect(await verifyAuditExport(withLine(1, genesis))).toMatchObject({
      ok: false,
      seq: 1,
      code: "broken-prev",
      reason: "broken prev link: the first event's prev is not the genesis value",
    });
    const changedHash = formatEventLine({ ...eventAt(7), hash: "f".repeat(64) });
    expect(await verifyAuditExport(withLine(7, changedHash))).toMatchObject({
      ok: false,
      seq: 7,
      code: "bad-hash",
    });
    const badHex = formatEventLine({ ...eventAt(7), hash: "F".repeat(64) });
    expect(await verifyAuditExport(withLine(7, badHex))).toMatchObject({
      ok: false,
      seq: 7,
      code: "malformed-line",
      reason: 'malformed line 7: field "hash" must be 64 lowercase hex characters',
    });
    const badPrev = formatEventLine({ ...eventAt(7), prev: "nope" });
    expect(await verifyAuditExport(withLine(7, badPrev))).toMatchObject({
      ok: false,
      seq: 7,
      code: "malformed-line",
    });
  });

  it("reports malformed lines with their line number and the seq expected there", async () => {
    expect(await verifyAuditExport(withLine(3, "{oops"))).toEqual({
      ok: false,
      seq: 3,
      line: 3,
      code: "malformed-line",
      reason: "malformed line 3: not valid JSON",
    });
    expect(await verifyAuditExport(withLine(5, ""))).toMatchObject({
      ok: false,
      seq: 5,
      line: 5,
      reason: "malformed line 5: empty line",
    });
    const after = joinLines([...ex.lines, ex.lines[0]!]);
    expect(await verifyAuditExport(after, { jwks: ex.jwks })).toMatchObject({
      ok: false,
      line: N + 2,
      code: "malformed-line",
    });
    expect(await verifyAuditExport(withLine(N + 1, '{"checkpoint":42}'))).toMatchObject({
      ok: false,
      seq: N + 1,
      line: N + 1,
      code: "malformed-line",
    });
  });

  it("checks the signed head's size against the events", async () => {
    const truncated = joinLines([...ex.lines.slice(0, N - 1), ex.lines[N]!]);
    expect(await verifyAuditExport(truncated, { jwks: ex.jwks })).toMatchObject({
      ok: false,
      seq: N,
      code: "size-mismatch",
      reason: `the signed head covers ${N} events but the export has ${N - 1}`,
    });
    const extra = forgedLine({ ...sampleEvent(11), seq: N + 1, prev: eventAt(N).hash });
    const unsignedTail = joinLines([...ex.lines.slice(0, N), extra, ex.lines[N]!]);
    expect(await verifyAuditExport(unsignedTail, { jwks: ex.jwks })).toMatchObject({
      ok: false,
      seq: N + 1,
      line: N + 2,
      code: "size-mismatch",
      reason: `seq ${N + 1} is not covered by the signed root ${ex.root} (signed head of size ${N}; the export has ${N + 1} events)`,
    });
  });

  it("checks the signature against the JWKS: missing, unknown kid, wrong key, malformed", async () => {
    const events = joinLines(ex.lines.slice(0, N));
    expect(await verifyAuditExport(events, { jwks: ex.jwks })).toMatchObject({
      ok: false,
      seq: N + 1,
      line: N + 1,
      code: "missing-signed-head",
    });
    expect(await verifyAuditExport(ex.text, { jwks: { keys: [other.publicJwk] } })).toMatchObject({
      ok: false,
      seq: N + 1,
      code: "unknown-kid",
    });
    const impostor = { keys: [{ ...other.publicJwk, kid: ex.publicJwk.kid }] };
    expect(await verifyAuditExport(ex.text, { jwks: impostor })).toMatchObject({
      ok: false,
      seq: N + 1,
      code: "bad-signature",
    });
    // Signed by a key that is not published, claiming the published kid.
    const writer = AuditLogWriter.empty();
    for (let i = 1; i <= N; i++) writer.append(sampleEvent(i));
    const foreign = await signHead(writer.head("acme", "2025-03-01T00:00:00Z"), {
      ...other.privateJwk,
      kid: ex.publicJwk.kid,
    });
    expect(
      await verifyAuditExport(events + `{"checkpoint":"${foreign}"}\n`, { jwks: ex.jwks }),
    ).toMatchObject({ ok: false, code: "bad-signature" });
    expect(
      await verifyAuditExport(events + '{"checkpoint":"x.y.z"}\n', { jwks: ex.jwks }),
    ).toMatchObject({ ok: false, seq: N + 1, code: "malformed-signed-head" });
  });

  it("verifies rotated keys: an old signed head against a JWKS that still lists the old key", async () => {
    const jwks = { keys: [other.publicJwk, ex.publicJwk] };
    expect(await verifyAuditExport(ex.text, { jwks })).toMatchObject({ ok: true, events: N });
  });

  it("without a JWKS still checks the signed head's size and root, and says the signature was not", async () => {
    expect(await verifyAuditExport(ex.text)).toMatchObject({
      ok: true,
      head: { size: N, root: ex.root, signature: "unchecked" },
    });
    expect(await verifyAuditExport(joinLines(ex.lines.slice(0, N)))).toMatchObject({
      ok: false,
      seq: N + 1,
      line: N + 1,
      code: "missing-signed-head",
    });
    const wrongRoot = await signHead(
      { tenant: "acme", size: N, root: "0".repeat(64), ts: "2025-03-01T00:00:00Z" },
      ex.privateJwk,
    );
    expect(await verifyAuditExport(withLine(N + 1, `{"checkpoint":"${wrongRoot}"}`))).toMatchObject(
      { ok: false, seq: 1, code: "root-mismatch" },
    );
    expect(await verifyAuditExport(withLine(N + 1, '{"checkpoint":"nope"}'))).toMatchObject({
      ok: false,
      code: "malformed-signed-head",
    });
  });

  it("handles the empty log", async () => {
    expect(await verifyAuditExport("")).toMatchObject({
      ok: false,
      seq: 1,
      code: "missing-signed-head",
    });
    expect(await verifyAuditExport("", { jwks: ex.jwks })).toMatchObject({
      ok: false,
      seq: 1,
      code: "missing-signed-head",
    });
    const jws = await signHead(
      AuditLogWriter.empty().head("acme", "2025-03-01T00:00:00Z"),
      ex.privateJwk,
    );
    expect(await verifyAuditExport(serializeAuditExport([], jws), { jwks: ex.jwks })).toMatchObject(
      { ok: true, events: 0, head: { size: 0 } },
    );
  });

  it("accepts other spellings of the same JSON: key order, whitespace, CRLF, BOM", async () => {
    const respelled = ex.lines.map((line, i) => {
      if (i === N) return line;
      const { seq, hash, ...rest } = JSON.parse(line);
      return JSON.stringify({ hash, seq, ...rest }, null, i % 2 ? 1 : undefined).replace(/\n/g, "");
    });
    expect(respelled[0]).not.toBe(ex.lines[0]);
    expect(await verifyAuditExport(joinLines(respelled), { jwks: ex.jwks })).toMatchObject({
      ok: true,
      events: N,
      root: ex.root,
    });
    const crlf = ex.text.replace(/\n/g, "\r\n");
    expect(await verifyAuditExport(crlf, { jwks: ex.jwks })).toMatchObject({ ok: true, events: N });
    expect(await verifyAuditExport("\uFEFF" + ex.text, { jwks: ex.jwks })).toMatchObject({
      ok: true,
    });
  });

  it("handles awkward content: nested hash keys, escapes, non-ASCII and astral characters", async () => {
    const awkward = await buildSignedExport(6, (i) => ({
      ...sampleEvent(i),
      type: `odd,"hash":"${"0".repeat(64)}".${i}`,
      data: {
        hash: "ab".repeat(32),
        z: { ',"hash":"': [1, 2.5, -0.001, 1e21] },
        text: 'line\nbreak\u2028tab\t quote" backslash\\ ü € 😀 \u0001',
      },
    }));
    expect(await verifyAuditExport(awkward.text, { jwks: awkward.jwks })).toMatchObject({
      ok: true,
      events: 6,
      root: awkward.root,
    });
    const tampered = awkward.text.replace("😀", "😁");
    expect(await verifyAuditExport(tampered, { jwks: awkward.jwks })).toMatchObject({
      ok: false,
      seq: 1,
      code: "bad-hash",
    });
  });

  it("uses the injected SHA-256", async () => {
    let calls = 0;
    const counting = sha256FromDigest((data) => {
      calls++;
      return nobleSha256.digest(data);
    });
    expect(await verifyAuditExport(ex.text, { jwks: ex.jwks, sha256: counting })).toMatchObject({
      ok: true,
    });
    expect(calls).toBeGreaterThanOrEqual(2 * N);
  });
});

describe("AuditExportVerifier (streaming)", () => {
  it("gives the same verdict line by line and ignores lines after a failure", async () => {
    const verifier = new AuditExportVerifier({ jwks: ex.jwks });
    for (const line of ex.lines) expect(verifier.push(line)).toBe(true);
    expect(await verifier.finish()).toEqual(await verifyAuditExport(ex.text, { jwks: ex.jwks }));

    const failing = new AuditExportVerifier();
    expect(failing.push(ex.lines[0]!)).toBe(true);
    expect(failing.push(ex.lines[2]!)).toBe(false);
    expect(failing.push(ex.lines[1]!)).toBe(false);
    expect(await failing.finish()).toMatchObject({ ok: false, seq: 2, line: 2, code: "seq-gap" });
  });
});
