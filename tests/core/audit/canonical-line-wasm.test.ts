/**
 * The WebAssembly line scanner against the JavaScript one (`scanCanonicalEventLine`, whose own
 * tests check it against JSON.parse and canonicalJson): where it answers, it answers the same;
 * it answers for every line a realistic export holds.
 */
import { describe, expect, it } from "vitest";
import { nodeSha256 } from "../../../cli/commands/audit";
import { wasmLineScanner } from "../../../core/audit/canonical-line-wasm";
import { scanCanonicalEventLine } from "../../../core/audit/canonical-line";
import { AuditLogWriter } from "../../../core/audit/log-writer";
import { AuditExportVerifier, verifyAuditExport } from "../../../core/audit/verify-export";
import { realisticEvent } from "../../../bench/node/audit-events";
import { buildSignedExport, forgedLine, joinLines, trickyEvent } from "./export-helpers";

const encoder = new TextEncoder();
const scanner = wasmLineScanner(1 << 16)!;
const memory = scanner.bytes;

/** Both scanners on `line` put at `offset` of the scanner's memory, up to `limit` bytes. */
function both(line: Uint8Array, offset = 5, limit = line.length) {
  memory.fill(0x41, 0, offset + line.length + 16); // what lies around the line must not matter
  memory.set(line, offset);
  return {
    js: scanCanonicalEventLine(memory, offset, offset + limit, true),
    wasm: scanner.scan(offset, offset + limit),
  };
}

const writer = AuditLogWriter.empty(nodeSha256);
const lines = [
  ...Array.from({ length: 64 }, (_, i) => writer.append(realisticEvent(i)).line),
  writer.append(trickyEvent).line,
  writer.append({ ...trickyEvent, run_id: null, step_id: "s", actor: { kind: "user", id: "u" } })
    .line,
].map((line) => encoder.encode(`${line}\n${line}`));

describe("wasmLineScanner", () => {
  it("reads every line of a realistic export and of a trickyEvent one as the JavaScript scanner does", () => {
    for (const line of lines) {
      const { js, wasm } = both(line);
      expect(js).not.toBeNull();
      expect(wasm).toEqual(js);
    }
  });

  it("where it answers, answers as the JavaScript scanner, for 100,000 random edits", () => {
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = encoder.encode('{}[]":,.-+eE0123456789\\u0aftrnlTZ "ü\t\x7f\n');
    const raw = [0x80, 0xc3, 0xed, 0xa0, 0xf4, 0x90, 0xe0, 0xc2, 0xff, 0x00, 0x1f];
    let answered = 0;
    let accepted = 0;
    for (let n = 0; n < 100_000; n++) {
      let bytes = Uint8Array.from(lines[Math.floor(random() * lines.length)]!);
      for (let e = Math.floor(random() * 3); e > 0; e--) {
        const at = Math.floor(random() * bytes.length);
        const byte =
          random() < 0.85
            ? alphabet[Math.floor(random() * alphabet.length)]!
            : raw[Math.floor(random() * raw.length)]!;
        const r = random();
        if (r < 0.6) bytes[at] = byte;
        else if (r < 0.8)
          bytes = Uint8Array.from([...bytes.subarray(0, at), byte, ...bytes.subarray(at)]);
        else bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + 1)]);
      }
      const limit = random() < 0.8 ? bytes.length : Math.floor(random() * (bytes.length + 1));
      const { js, wasm } = both(bytes, 1 + Math.floor(random() * 7), limit);
      if (js !== null) accepted++;
      if (wasm === null) continue;
      answered++;
      expect(wasm).toEqual(js);
    }
    // Every line the JavaScript scanner accepts here has a seq below 10^9: all are answered.
    expect(answered).toBe(accepted);
    expect(accepted).toBeGreaterThan(10_000);
  });

  it("spells numbers as the JavaScript scanner does, at the edges of its short-integer path", () => {
    const line = new TextDecoder().decode(lines[0]!).split("\n")[0]!;
    const spellings: [string, boolean][] = [
      ["123456789012345", true], // 15 digits: decided in the module
      ["-123456789012345", true],
      ["1234567890123456", true], // 16: by the call back
      ["9007199254740993", false], // 2^53 + 1 prints as ...992
      ["12345678901234567890", false], // prints as 12345678901234567000
      ["12345678901234567000", true],
      ["0", true],
      ["-0", false],
      ["00", false],
      ["01", false],
      ["1.50", false],
      ["1.5", true],
      ["1e21", false],
      ["1e+21", true],
      ["-", false],
      ["1-", false],
    ];
    for (const [spelling, canonical] of spellings) {
      const bytes = encoder.encode(`${line.replace('{"agent":', `{"a":${spelling},"agent":`)}\n`);
      const { js, wasm } = both(bytes);
      expect([spelling, js !== null]).toEqual([spelling, canonical]);
      expect([spelling, wasm]).toEqual([spelling, js]);
    }
  });

  it("leaves what it cannot decide to the JavaScript scanner: a seq of 10 digits", () => {
    const line = new TextDecoder()
      .decode(lines[0]!)
      .split("\n")[0]!
      .replace('"seq":1,', '"seq":1234567890,');
    const { js, wasm } = both(encoder.encode(`${line}\n`));
    expect(js).toMatchObject({ seq: 1234567890 });
    expect(wasm).toBeNull();
  });
});

describe("wasmLineScanner.read", () => {
  it("reads a line whose prev is the one expected, and copies its event's bytes", () => {
    for (const line of lines) {
      const offset = 3;
      const { js } = both(line, offset); // positions in `memory`
      scanner.expected.set(memory.slice(js!.prev, js!.prev + 64));
      expect(scanner.read(offset, offset + line.length)).toBe(js!.end);
      expect(scanner.line).toMatchObject(js!);
      const text = new TextDecoder().decode(line).split("\n")[0]!;
      const at = text.lastIndexOf(',"hash":"');
      const event = encoder.encode(text.slice(0, at) + text.slice(at + 74));
      const { body, leaf } = scanner.views(scanner.line.length);
      expect(body).toEqual(event);
      expect(leaf).toEqual(new Uint8Array([0, ...event]));
      // Another prev: refused (and left to the JavaScript scanner).
      scanner.expected[10]! ^= 1;
      expect(scanner.read(offset, offset + line.length)).toBe(-1);
    }
  });
});

describe("the verifier with the WebAssembly scanner = the reference", () => {
  it("for a good export and for tampered ones", async () => {
    const ex = await buildSignedExport(9, (i) => (i % 3 === 0 ? trickyEvent : realisticEvent(i)));
    const { hash: _hash, ...third } = ex.events[2]!;
    const exports = [
      ex.lines,
      ex.lines.map((l, i) => (i === 2 ? l.replace('"c":3.25', '"c":3.26') : l)),
      ex.lines.map((l, i) => (i === 2 ? l.replace('"c":3.25', '"c":3.250') : l)),
      ex.lines.map((l, i) => (i === 2 ? forgedLine({ ...third, data: { forged: true } }) : l)),
      [...ex.lines.slice(0, 2), ex.lines[3]!, ex.lines[2]!, ...ex.lines.slice(4)],
      [...ex.lines.slice(0, 3), ex.lines[2]!, ...ex.lines.slice(3)],
      ex.lines.slice(0, -1),
    ];
    for (const lines of exports) {
      const text = joinLines(lines);
      const bytes = encoder.encode(text);
      const verifier = new AuditExportVerifier({
        jwks: ex.jwks,
        sha256: nodeSha256,
        lineScanner: scanner,
      });
      memory.set(bytes);
      const rest = verifier.pushLines(memory, 0, bytes.length);
      if (rest >= 0 && rest < bytes.length) verifier.pushBytes(memory.slice(rest, bytes.length));
      expect(await verifier.finish()).toEqual(await verifyAuditExport(text, { jwks: ex.jwks }));
    }
  });
});
