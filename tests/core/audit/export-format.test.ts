import { describe, expect, it } from "vitest";
import {
  AuditExportReader,
  formatLegacyTrailerLine,
  formatEventLine,
  parseAuditExport,
  serializeAuditExport,
} from "../../../core/audit/export-format";
import { buildSignedExport, joinLines } from "./export-helpers";

describe("export format", () => {
  it("writes one canonical event line each, then the trailer", async () => {
    const ex = await buildSignedExport(3);
    expect(ex.lines).toHaveLength(4);
    expect(ex.text.endsWith("\n")).toBe(true);
    expect(ex.lines[0]).toBe(formatEventLine(ex.events[0]!));
    expect(ex.lines[0]!.startsWith('{"actor":{"id":"actor_1","kind":"token"},"data":{')).toBe(true);
    expect(ex.lines[3]).toBe(`{"checkpoint":"${ex.jws}"}`);
    expect(formatLegacyTrailerLine(ex.jws)).toBe(ex.lines[3]);
    expect(serializeAuditExport([])).toBe("");
  });

  it("parses what it writes, with or without the final newline", async () => {
    const ex = await buildSignedExport(5);
    const parsed = parseAuditExport(ex.text);
    expect(parsed).toEqual({ ok: true, events: ex.events, headJws: ex.jws });
    expect(parseAuditExport(ex.text.slice(0, -1))).toEqual(parsed);
    expect(parseAuditExport("\uFEFF" + ex.text)).toEqual(parsed);
    expect(parseAuditExport(joinLines(ex.lines.slice(0, 5)))).toEqual({
      ok: true,
      events: ex.events,
      headJws: null,
    });
    expect(parseAuditExport("")).toEqual({ ok: true, events: [], headJws: null });
  });

  it("reports the first bad line by number", async () => {
    const ex = await buildSignedExport(4);
    const event = JSON.parse(ex.lines[2]!);
    const at3 = (value: unknown) => {
      const lines = [...ex.lines];
      lines[2] = typeof value === "string" ? value : JSON.stringify(value);
      return parseAuditExport(joinLines(lines));
    };
    const cases: [unknown, RegExp][] = [
      ["{not json", /not valid JSON/],
      ["", /empty line/],
      ["[1,2]", /JSON object/],
      [{ ...event, seq: "3" }, /"seq"/],
      [{ ...event, seq: 0 }, /"seq"/],
      [{ ...event, seq: 2.5 }, /"seq"/],
      [{ ...event, ts: "2025-02-01T00:00:00" }, /"ts"/],
      [{ ...event, type: 7 }, /"type"/],
      [{ ...event, run_id: undefined }, /"run_id"/],
      [{ ...event, step_id: 3 }, /"step_id"/],
      [{ ...event, actor: { kind: "admin", id: "x" } }, /"actor"/],
      [{ ...event, actor: "usr_1" }, /"actor"/],
      [{ ...event, data: undefined }, /"data"/],
      [{ ...event, prev: "00" }, /"prev"/],
      [{ ...event, hash: event.hash.toUpperCase() }, /"hash"/],
      [{ ...event, extra: true }, /unexpected field "extra"/],
      [{ checkpoint: 5 }, /a trailer is/],
      [{ checkpoint: "a.b.c", also: 1 }, /a trailer is/],
    ];
    for (const [value, problem] of cases) {
      const result = at3(value);
      expect(result, JSON.stringify(value)).toMatchObject({ ok: false, line: 3 });
      if (!result.ok) expect(result.problem).toMatch(problem);
    }
  });

  it("requires the trailer to be the last line", async () => {
    const ex = await buildSignedExport(3);
    const lines = [ex.lines[0]!, ex.lines[3]!, ex.lines[1]!, ex.lines[2]!];
    expect(parseAuditExport(joinLines(lines))).toEqual({
      ok: false,
      line: 3,
      problem: "the trailer on line 2 must be the last line",
    });
    const reader = new AuditExportReader();
    expect(reader.read(ex.lines[3]!).kind).toBe("trailer");
    expect(reader.read(ex.lines[3]!)).toMatchObject({ kind: "invalid", line: 2 });
  });
});
