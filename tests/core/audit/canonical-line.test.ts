import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../../core/canonical-json";
import { scanCanonicalEventLine } from "../../../core/audit/canonical-line";
import { hashedAuditEventProblem } from "../../../core/audit/event";
import { AuditLogWriter } from "../../../core/audit/log-writer";
import { verifyAuditExport, verifyAuditExportBytes } from "../../../core/audit/verify-export";
import { buildSignedExport, forgedLine, joinLines, trickyEvent } from "./export-helpers";

const encoder = new TextEncoder();
const utf8 = (text: string) => encoder.encode(text);
const scan = (line: string | Uint8Array) =>
  scanCanonicalEventLine(typeof line === "string" ? utf8(line) : line);

const writer = AuditLogWriter.empty();
const plainLine = writer.append({
  ts: "2025-02-01T00:00:00.000Z",
  type: "t",
  run_id: null,
  step_id: "s",
  actor: { kind: "user", id: "u" },
  data: { a: 1, b: "x", c: 3.25, d: "ü", e: 1e21 },
}).line;
const trickyLine = writer.append(trickyEvent).line;

describe("scanCanonicalEventLine accepts what the log writer writes", () => {
  it("finds seq, prev and the hash member of canonical lines", () => {
    for (const [line, seq] of [
      [plainLine, 1],
      [trickyLine, 2],
    ] as const) {
      const scanned = scan(line);
      const hashAt = line.lastIndexOf(',"hash":"');
      const prevAt = line.indexOf('"prev":"') + '"prev":"'.length;
      const expected = {
        seq,
        hashMember: utf8(line.slice(0, hashAt)).length,
        prev: utf8(line.slice(0, prevAt)).length,
        end: utf8(line).length,
      };
      expect(scanned).toEqual(expected);
      // To the first "\n", with more bytes (even the line again) after it.
      const more = utf8(`${line}\n${line}`);
      expect(scanCanonicalEventLine(more, 0, more.length, true)).toEqual(expected);
    }
  });

  it("every line of a real export", async () => {
    const ex = await buildSignedExport(20);
    ex.lines.slice(0, -1).forEach((line, i) => expect(scan(line)?.seq).toBe(i + 1));
    expect(scan(ex.lines.at(-1)!)).toBeNull(); // the trailer
  });
});

describe("scanCanonicalEventLine refuses every other spelling", () => {
  const variants: [string, string][] = [
    ["whitespace after a colon", plainLine.replace('"data":', '"data": ')],
    ["a trailing space", `${plainLine} `],
    ["a trailing CR", `${plainLine}\r`],
    ["keys out of order", plainLine.replace('{"a":1,"b":"x"', '{"b":"x","a":1')],
    ["a duplicate key", plainLine.replace('{"a":1,', '{"a":1,"a":1,')],
    ["an escaped key", plainLine.replace('{"a":1,', '{"\\u0061":1,')],
    ["1.0", plainLine.replace('"a":1,', '"a":1.0,')],
    ["1e0", plainLine.replace('"a":1,', '"a":1e0,')],
    ["1E0", plainLine.replace('"a":1,', '"a":1E0,')],
    ["01", plainLine.replace('"a":1,', '"a":01,')],
    ["+1", plainLine.replace('"a":1,', '"a":+1,')],
    ["-0", plainLine.replace('"a":1,', '"a":-0,')],
    ["3.250", plainLine.replace("3.25", "3.250")],
    ["1e21 without +", plainLine.replace("1e+21", "1e21")],
    ["1E+21", plainLine.replace("1e+21", "1E+21")],
    ["an escaped letter", plainLine.replace('"b":"x"', '"b":"\\u0078"')],
    ["an escaped slash", plainLine.replace('"b":"x"', '"b":"\\/"')],
    ["an uppercase \\u escape", plainLine.replace('"b":"x"', '"b":"\\u001F"')],
    ["\\u000a for \\n", plainLine.replace('"b":"x"', '"b":"\\u000a"')],
    ["an escaped lone surrogate", plainLine.replace('"b":"x"', '"b":"\\ud800"')],
    ["an escaped surrogate pair", plainLine.replace('"b":"x"', '"b":"\\ud83d\\ude00"')],
    ["a raw tab", plainLine.replace('"b":"x"', '"b":"\t"')],
    ["an unknown escape", plainLine.replace('"b":"x"', '"b":"\\x"')],
    ["an unclosed string", plainLine.replace('"b":"x"', '"b":"x')],
    ["an extra top-level member", plainLine.replace(',"ts":', ',"tr":1,"ts":')],
    ["a missing member", plainLine.replace('"run_id":null,', "")],
    ["an extra actor member", plainLine.replace('"kind":"user"', '"kind":"user","x":1')],
    ["an unknown actor kind", plainLine.replace('"kind":"user"', '"kind":"robot"')],
    ["an empty actor id", plainLine.replace('"id":"u"', '"id":""')],
    ["an empty type", plainLine.replace('"type":"t"', '"type":""')],
    ["an empty step_id", plainLine.replace('"step_id":"s"', '"step_id":""')],
    ["a numeric run_id", plainLine.replace('"run_id":null', '"run_id":1')],
    ["month 13", plainLine.replace("2025-02-01T", "2025-13-01T")],
    ["hour 24", plainLine.replace("T00:00:00.000Z", "T24:00:00.000Z")],
    ["a 10-digit fraction", plainLine.replace(".000Z", ".0000000000Z")],
    ["no Z", plainLine.replace(".000Z", ".000")],
    ["a lowercase t", plainLine.replace("-01T", "-01t")],
    ["seq 0", plainLine.replace('"seq":1,', '"seq":0,')],
    ["seq 1.5", plainLine.replace('"seq":1,', '"seq":1.5,')],
    ["seq -1", plainLine.replace('"seq":1,', '"seq":-1,')],
    ["seq as a string", plainLine.replace('"seq":1,', '"seq":"1",')],
    ["a short prev", plainLine.replace(/"prev":"0{64}"/, `"prev":"${"0".repeat(63)}"`)],
    ["data missing", plainLine.replace(/"data":\{[^}]*\},/, "")],
    ["a BOM", `\uFEFF${plainLine}`],
    ["an array, not an object", `[${plainLine}]`],
    [
      "nesting deeper than 64",
      plainLine.replace('"a":1,', `"a":${"[".repeat(70)}${"]".repeat(70)},`),
    ],
  ];
  it.each(variants)("%s", (_, line) => {
    expect(line).not.toBe(plainLine);
    expect(scan(line)).toBeNull();
  });

  const bytesVariants: [string, number[]][] = [
    ["an overlong 2-byte sequence", [0xc1, 0xbc]],
    ["a UTF-8-encoded surrogate", [0xed, 0xa0, 0x80]],
    ["an overlong 3-byte sequence", [0xe0, 0x9f, 0xbf]],
    ["a 4-byte sequence above U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
    ["F5", [0xf5, 0x80, 0x80, 0x80]],
    ["a lone continuation byte", [0x80]],
    ["a truncated sequence", [0xc3]],
  ];
  it.each(bytesVariants)("%s inside a string", (_, bad) => {
    const line = utf8(plainLine);
    const u = utf8("ü"); // the value of "d", 2 bytes
    const at = line.findIndex((b, i) => b === u[0] && line[i + 1] === u[1]);
    const bytes = new Uint8Array([...line.subarray(0, at), ...bad, ...line.subarray(at + 2)]);
    expect(scan(bytes)).toBeNull();
  });
});

describe("soundness: a line the scanner accepts is canonical JSON of a valid event", () => {
  it("holds for 3,000 random byte edits of canonical lines", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = utf8('{}[]":,.-+eE0123456789\\u0aftrnl "ü\t');
    let accepted = 0;
    for (let n = 0; n < 3000; n++) {
      const bytes = utf8(n % 2 === 0 ? plainLine : trickyLine);
      const edits = 1 + Math.floor(random() * 2);
      for (let e = 0; e < edits; e++)
        bytes[Math.floor(random() * bytes.length)] =
          alphabet[Math.floor(random() * alphabet.length)]!;
      const scanned = scan(bytes);
      if (scanned === null) continue;
      // The scanner leaves the 64 bytes of prev and hash to the verifier's comparison with hex.
      const hex = (at: number) =>
        /^[0-9a-f]{64}$/.test(String.fromCharCode(...bytes.subarray(at, at + 64)));
      if (!hex(scanned.prev) || !hex(scanned.hashMember + ',"hash":"'.length)) continue;
      accepted++;
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      const value: unknown = JSON.parse(text);
      expect(canonicalJson(value)).toBe(text);
      expect(hashedAuditEventProblem(value)).toBeNull();
    }
    // Edits that keep a line canonical exist (a digit for a digit, a letter for a letter).
    expect(accepted).toBeGreaterThan(100);
  });

  it("reading to a newline is reading the line that ends there, for 3,000 edits", () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = utf8('{}[]":,\n0e"\n');
    let accepted = 0;
    for (let n = 0; n < 3000; n++) {
      const bytes = utf8(`${n % 2 === 0 ? plainLine : trickyLine}\n${plainLine}`);
      const edits = 1 + Math.floor(random() * 2);
      for (let e = 0; e < edits; e++)
        bytes[Math.floor(random() * bytes.length)] =
          alphabet[Math.floor(random() * alphabet.length)]!;
      const limit = Math.floor(random() * (bytes.length + 1)); // the scan's bound: anywhere
      const scanned = scanCanonicalEventLine(bytes, 0, limit, true);
      const newline = bytes.indexOf(0x0a);
      const line = newline >= 0 && newline < limit ? scan(bytes.subarray(0, newline)) : null;
      if (line !== null) expect(scanned).toEqual(line);
      if (scanned === null) continue;
      accepted++;
      // The line it read ends at a newline before the bound and is read alike on its own...
      expect(bytes[scanned.end]).toBe(0x0a);
      expect(scanned.end).toBeLessThan(limit);
      expect(scan(bytes.subarray(0, scanned.end))).toEqual(scanned);
      // ...and holds no other newline but in the 64 bytes of hash or prev, which the scan leaves
      // to the verifier's comparison with hex (where a newline never matches).
      const hash = scanned.hashMember + ',"hash":"'.length;
      for (let i = 0; i < scanned.end; i++)
        if (bytes[i] === 0x0a)
          expect((i >= hash && i < hash + 64) || (i >= scanned.prev && i < scanned.prev + 64)).toBe(
            true,
          );
    }
    expect(accepted).toBeGreaterThan(100);
  });
});

describe("the verifier gives the same verdict on bytes (fast path) as on text", () => {
  it("for a good export and for every kind of tampering", async () => {
    const ex = await buildSignedExport(8, (i) =>
      i === 3 ? trickyEvent : { ...trickyEvent, data: { i } },
    );
    const at = (n: number) => ex.events[n - 1]!;
    const { hash: _h, ...third } = at(3);
    const exports: string[][] = [
      ex.lines,
      ex.lines.map((l, i) => (i === 2 ? l.replace('"c":3.25', '"c":3.26') : l)),
      ex.lines.map((l, i) => (i === 2 ? l.replace('"c":3.25', '"c":3.250') : l)),
      ex.lines.map((l, i) => (i === 2 ? forgedLine({ ...third, data: { forged: true } }) : l)),
      ex.lines.map((l, i) => (i === 3 ? l.replace(/"seq":4,/, '"seq":5,') : l)),
      [...ex.lines.slice(0, 2), ex.lines[3]!, ex.lines[2]!, ...ex.lines.slice(4)],
      [...ex.lines.slice(0, 3), ex.lines[2]!, ...ex.lines.slice(3)],
      [...ex.lines.slice(0, 2), ...ex.lines.slice(3)],
      [...ex.lines.slice(0, 3), forgedLine({ ...third, seq: 3 }), ...ex.lines.slice(3)],
      [...ex.lines.slice(0, -2), ex.lines.at(-1)!],
      [...ex.lines, ex.lines[0]!],
      ex.lines.slice(0, -1),
    ];
    for (const [n, lines] of exports.entries()) {
      const text = joinLines(lines);
      for (const options of [{}, { jwks: ex.jwks }]) {
        const fromText = await verifyAuditExport(text, options);
        expect(await verifyAuditExportBytes(utf8(text), options)).toEqual(fromText);
        // Export 2 spells a number differently: readers accept any spelling of the same event.
        expect([n, fromText.ok]).toEqual([n, n === 0 || n === 2]);
      }
    }
  });
});
