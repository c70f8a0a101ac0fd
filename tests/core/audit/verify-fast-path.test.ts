/**
 * The CLI's fast path (lines scanned where they lie in one buffer, leaves hashed by node:crypto into
 * the SIMD subtree hasher's batches) against the slow reference (`verifyAuditExport` on text:
 * JSON.parse, re-canonicalising, @noble/hashes, one node hash per call) on good and bad exports.
 * Batches here are 4 leaves, so 11 events cross batch boundaries and end in a partial one.
 */
import { describe, expect, it } from "vitest";
import { nodeSha256 } from "../../../cli/commands/audit";
import { wasmLineScanner } from "../../../core/audit/canonical-line-wasm";
import { simdSubtreeHasher } from "../../../core/audit/subtree-hasher";
import {
  AuditExportVerifier,
  verifyAuditExport,
  type AuditVerifyOptions,
  type AuditVerifyResult,
} from "../../../core/audit/verify-export";
import { buildSignedExport, forgedLine, joinLines } from "./export-helpers";

const N = 11;
const ex = await buildSignedExport(N);
const encoder = new TextEncoder();

/** Every line of `bytes` through `pushLine` at its offset, as the CLI's read loop does. */
async function fast(bytes: Uint8Array, options: AuditVerifyOptions): Promise<AuditVerifyResult> {
  const verifier = new AuditExportVerifier({
    ...options,
    sha256: nodeSha256,
    subtrees: simdSubtreeHasher(2)!,
  });
  const input = bytes.slice();
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    if (!verifier.pushLine(bytes, start, end)) break;
    start = end + 1;
  }
  expect(bytes).toEqual(input); // pushLine leaves the caller's bytes alone
  return verifier.finish();
}

/**
 * As the CLI reads a file: `pushLines` on the line scanner's memory (or, `scanner` false, on a
 * plain buffer, as after a line longer than that memory), then the unended rest.
 */
async function cliLike(
  bytes: Uint8Array,
  options: AuditVerifyOptions,
  scanner = true,
): Promise<AuditVerifyResult> {
  const lineScanner = wasmLineScanner(bytes.length + 1)!;
  const verifier = new AuditExportVerifier({
    ...options,
    sha256: nodeSha256,
    subtrees: simdSubtreeHasher(2)!,
    lineScanner,
  });
  const buffer = scanner ? lineScanner.bytes : new Uint8Array(bytes.length + 1);
  buffer.set(bytes);
  const rest = verifier.pushLines(buffer, 0, bytes.length);
  if (rest >= 0 && rest < bytes.length) verifier.pushBytes(buffer.slice(rest, bytes.length));
  return verifier.finish();
}

const event = (seq: number) => {
  const { hash: _hash, ...rest } = ex.events[seq - 1]!;
  return rest;
};
const replace = (seq: number, line: string) => ex.lines.map((l, i) => (i === seq - 1 ? line : l));
const seqs = Array.from({ length: N }, (_, i) => i + 1);

/** Named exports, each a list of lines (the trailer last where there is one). */
const corpus: [string, string][] = [
  ["intact", joinLines(ex.lines)],
  ...seqs.map((s): [string, string] => [
    `data changed at seq ${s}`,
    joinLines(replace(s, ex.lines[s - 1]!.replace('"i":', '"i":1'))),
  ]),
  ...seqs.map((s): [string, string] => [
    `data changed, hash recomputed at seq ${s}`,
    joinLines(replace(s, forgedLine({ ...event(s), data: { forged: s } }))),
  ]),
  ...seqs.slice(0, -1).map((s): [string, string] => {
    const lines = [...ex.lines];
    [lines[s - 1], lines[s]] = [lines[s]!, lines[s - 1]!];
    return [`seq ${s} and ${s + 1} swapped`, joinLines(lines)];
  }),
  ...seqs.map((s): [string, string] => [
    `seq ${s} deleted`,
    joinLines(ex.lines.filter((_, i) => i !== s - 1)),
  ]),
  ...seqs.map((s): [string, string] => [
    `seq ${s} repeated`,
    joinLines(ex.lines.flatMap((l, i) => (i === s - 1 ? [l, l] : [l]))),
  ]),
  ...seqs.map((s): [string, string] => [
    `a forged event inserted after seq ${s}`,
    joinLines(ex.lines.flatMap((l, i) => (i === s - 1 ? [l, forgedLine({ ...event(s) })] : [l]))),
  ]),
  ["the trailer missing", joinLines(ex.lines.slice(0, -1))],
  ["the last event missing", joinLines([...ex.lines.slice(0, -2), ex.lines.at(-1)!])],
  ["cut inside the last event", joinLines(ex.lines).slice(0, ex.text.lastIndexOf('"seq":11'))],
  ["cut inside the trailer", ex.text.slice(0, ex.text.length - 20)],
  ["a line after the trailer", joinLines([...ex.lines, ex.lines[0]!])],
  ["not JSON at seq 5", joinLines(replace(5, ex.lines[4]!.slice(0, -1)))],
  ["an empty line at seq 6", joinLines(replace(6, ""))],
  ["a BOM", `\uFEFF${ex.text}`],
  ["CRLF line ends", ex.text.replaceAll("\n", "\r\n")],
  ["whitespace inside seq 4", joinLines(replace(4, ex.lines[3]!.replace('"data":', '"data": ')))],
  ["keys reordered in seq 9", joinLines(replace(9, JSON.stringify(ex.events[8])))],
  ["a bad prev at seq 8", joinLines(replace(8, ex.lines[7]!.replace('"prev":"', '"prev":"0')))],
  [
    "a duplicate member at seq 3",
    joinLines(replace(3, ex.lines[2]!.replace('{"actor"', '{"seq":3,"actor"'))),
  ],
  ["empty", ""],
];

describe("fast path (lines read where they lie, node:crypto, SIMD subtrees) = slow reference", () => {
  it.each(corpus)("%s", async (name, text) => {
    const bytes = encoder.encode(text);
    for (const options of [{}, { jwks: ex.jwks }, { tenant: "other" }]) {
      const reference = await verifyAuditExport(text, options);
      expect(await fast(bytes, options)).toEqual(reference);
      expect(await cliLike(bytes, options)).toEqual(reference);
      expect(await cliLike(bytes, options, false)).toEqual(reference);
    }
    const reference = await verifyAuditExport(text, { jwks: ex.jwks });
    if (name === "intact" || name === "CRLF line ends" || name.startsWith("keys reordered"))
      expect(reference).toMatchObject({ ok: true, events: N, root: ex.root });
    else if (name.startsWith("whitespace") || name === "a BOM") expect(reference.ok).toBe(true);
    else expect(reference.ok).toBe(false);
    if (name.startsWith("data changed at"))
      expect(reference).toMatchObject({ code: "bad-hash", seq: Number(name.split(" ").at(-1)) });
  });

  it("invalid UTF-8 inside an event", async () => {
    const bytes = encoder.encode(ex.text);
    const at = bytes.indexOf(0xc3); // the first "ü"
    bytes[at] = 0xff;
    const result = await fast(bytes, { jwks: ex.jwks });
    expect(result).toMatchObject({ ok: false, seq: 1, line: 1, code: "malformed-line" });
    expect(await cliLike(bytes, { jwks: ex.jwks })).toEqual(result);
    expect(result).toEqual(
      await (
        await import("../../../core/audit/verify-export")
      ).verifyAuditExportBytes(bytes, { jwks: ex.jwks }),
    );
  });

  it("extends a trusted head at any size, batch-aligned or not", async () => {
    for (const size of [1, 3, 4, 5, 8, 11]) {
      const since = { size, root: (await buildSignedExport(size)).root };
      const result = await fast(encoder.encode(ex.text), { jwks: ex.jwks, since });
      expect(result).toMatchObject({ ok: true, events: N, root: ex.root });
      const wrong = { size, root: ex.root.replace(/^./, (c) => (c === "0" ? "1" : "0")) };
      const refused = await fast(encoder.encode(ex.text), { since: wrong });
      expect(refused).toEqual(await verifyAuditExport(ex.text, { since: wrong }));
      expect(refused).toMatchObject({ ok: false, code: "not-grown" });
      expect(await cliLike(encoder.encode(ex.text), { jwks: ex.jwks, since })).toEqual(result);
      expect(await cliLike(encoder.encode(ex.text), { since: wrong })).toEqual(refused);
    }
  });

  it("never reads past the end of a line: a cut line followed by its own rest is refused", async () => {
    const line = encoder.encode(ex.lines[0]!);
    for (const cut of [1, 40, line.length - 80, line.length - 10, line.length - 1]) {
      const verifier = new AuditExportVerifier({
        sha256: nodeSha256,
        subtrees: simdSubtreeHasher(2)!,
      });
      // The bytes after `end` are the rest of the line: a scan that overran would accept it.
      const buffer = new Uint8Array([0x78, ...line, 0x0a]);
      expect(verifier.pushLine(buffer, 1, 1 + cut)).toBe(false);
      expect(await verifier.finish()).toMatchObject({
        ok: false,
        seq: 1,
        line: 1,
        code: "malformed-line",
      });
    }
  });
});
