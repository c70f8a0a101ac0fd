import { describe, expect, it } from "vitest";
import { formatEventLine } from "../../../core/audit/export-format";
import { verifyAuditExport, verifyAuditExportBytes } from "../../../core/audit/verify-export";
import { ijsonProblem } from "../../../core/ijson";
import { buildSignedExport, joinLines } from "./export-helpers";

const N = 6;
const ex = await buildSignedExport(N);
const utf8 = (text: string) => new TextEncoder().encode(text);

function withLine(lineNo: number, text: string): string {
  const lines = [...ex.lines];
  lines[lineNo - 1] = text;
  return joinLines(lines);
}

describe("I-JSON input (RFC 8785 §3.1)", () => {
  it("names duplicate members, escaped or not, and lone surrogates, with their path", () => {
    expect(ijsonProblem('{"a":1,"a":2}')).toEqual({
      path: "a",
      message: 'duplicate member name "a"',
    });
    expect(ijsonProblem('{"a":1,"\\u0061":2}')?.message).toBe('duplicate member name "a"');
    expect(ijsonProblem('{"x":[{"c":"\\ud800"}]}')).toEqual({
      path: "x.0.c",
      message: "a string holds a lone UTF-16 surrogate",
    });
    expect(ijsonProblem('{"\\udc00":1}')?.message).toBe("a string holds a lone UTF-16 surrogate");
    expect(ijsonProblem(JSON.stringify({ a: "\ud800x" }))?.message).toBe(
      "a string holds a lone UTF-16 surrogate",
    );
    // Valid: pairs (escaped and raw), the same name in different objects, nested depth.
    expect(ijsonProblem('{"e":"\\ud83d\\ude00","r":"😀","o":{"e":1},"l":[{"e":2}]}')).toBeNull();
    expect(ijsonProblem("[".repeat(300) + "]".repeat(300))?.message).toBe(
      "nested deeper than 256 levels",
    );
    expect(ijsonProblem("{")?.message).toBe("not valid JSON");
  });
});

describe("the verifier refuses what is not I-JSON, at the exact line", () => {
  it("a duplicate member name in an event line (even one whose hash checks out)", async () => {
    // The duplicate repeats a value that is there, so a lenient parser would see the same event.
    const line = ex.lines[2]!.replace('"type":', '"run_id":null,"type":');
    const dup = withLine(3, ex.lines[2]!.replace('{"actor"', '{"seq":3,"actor"'));
    expect(await verifyAuditExport(dup, { jwks: ex.jwks })).toMatchObject({
      ok: false,
      seq: 3,
      line: 3,
      code: "malformed-line",
      reason: 'malformed line 3: not I-JSON: duplicate member name "seq" at seq',
    });
    expect(line).not.toBe(ex.lines[2]);
  });

  it("a lone surrogate, escaped or raw", async () => {
    const event = JSON.parse(ex.lines[1]!);
    const escaped = formatEventLine(event).replace('"i":2', '"i":2,"s":"\\udfff"');
    expect(await verifyAuditExport(withLine(2, escaped))).toMatchObject({
      ok: false,
      seq: 2,
      line: 2,
      code: "malformed-line",
      reason: "malformed line 2: not I-JSON: a string holds a lone UTF-16 surrogate at data.s",
    });
    const raw = ex.lines[1]!.replace('"i":2', '"i":2,"s":"\ud800"');
    expect(await verifyAuditExport(withLine(2, raw))).toMatchObject({ ok: false, seq: 2, line: 2 });
  });

  it("a line that is not well-formed UTF-8", async () => {
    for (const bad of [[0xff], [0xc3], [0xed, 0xa0, 0x80] /* an encoded surrogate */]) {
      const bytes = utf8(ex.text);
      const start = utf8(joinLines(ex.lines.slice(0, 3))).length; // line 4 begins here
      const broken = new Uint8Array([
        ...bytes.subarray(0, start + 2),
        ...bad,
        ...bytes.subarray(start + 2),
      ]);
      expect(await verifyAuditExportBytes(broken, { jwks: ex.jwks })).toMatchObject({
        ok: false,
        seq: 4,
        line: 4,
        code: "malformed-line",
        reason: "malformed line 4: not valid UTF-8",
      });
    }
    expect(await verifyAuditExportBytes(utf8(ex.text), { jwks: ex.jwks })).toMatchObject({
      ok: true,
      events: N,
    });
  });
});

describe("binding to a tenant and to an earlier head", () => {
  it("accepts the tenant the checkpoint is signed for and refuses another tenant's export", async () => {
    expect(await verifyAuditExport(ex.text, { jwks: ex.jwks, tenant: "acme" })).toMatchObject({
      ok: true,
    });
    expect(await verifyAuditExport(ex.text, { jwks: ex.jwks, tenant: "globex" })).toMatchObject({
      ok: false,
      seq: 1,
      code: "wrong-tenant",
      reason: "wrong tenant: the export is signed for tenant acme, not globex",
    });
    // Without a checkpoint nothing says whose log it is.
    const unsigned = joinLines(ex.lines.slice(0, N));
    expect(await verifyAuditExport(unsigned, { tenant: "acme" })).toMatchObject({
      ok: false,
      seq: N + 1,
      code: "missing-signed-head",
    });
  });

  it("proves the log only grew since a trusted head", async () => {
    const small = await buildSignedExport(3);
    const head = { size: 3, root: small.root };
    // The same writer's first three events: a longer export of the same log extends the head.
    expect(await verifyAuditExport(ex.text, { jwks: ex.jwks, since: head })).toMatchObject({
      ok: true,
      events: N,
    });
    expect(
      await verifyAuditExport(ex.text, { since: { size: 3, root: "ab".repeat(32) } }),
    ).toMatchObject({
      ok: false,
      seq: 1,
      line: 3,
      code: "not-grown",
    });
    expect(
      await verifyAuditExport(small.text, { since: { size: N, root: ex.root } }),
    ).toMatchObject({
      ok: false,
      seq: 4,
      code: "not-grown",
      reason: `the log shrank: the trusted head has ${N} events, this export 3`,
    });
  });
});
