import { describe, expect, it } from "vitest";
import { octetFrame, splunkHecBatch, syslog5424 } from "../../../core/audit/siem-formats";

const event = {
  seq: 7,
  ts: "2025-01-31T12:00:01.250Z",
  type: "step.proposed",
  hash: "ab".repeat(32),
  data: { note: 'quote " and ] and \\' },
};

describe("SIEM wire formats", () => {
  it("RFC 5424: PRI 110 (log audit, info), version 1, structured data escaped", () => {
    const line = syslog5424(event, { hostname: "gatehouse.example.com" });
    expect(line).toBe(
      `<110>1 2025-01-31T12:00:01.250Z gatehouse.example.com gatehouse - step.proposed ` +
        `[gatehouse@32473 seq="7" hash="${"ab".repeat(32)}" tenant_event="step.proposed"] ` +
        JSON.stringify(event),
    );
    const odd = syslog5424({ ...event, type: 'a b"]' }, { hostname: "h" });
    expect(odd).toContain(' - a_b"] [gatehouse@32473 seq="7"');
    expect(odd).toContain('tenant_event="a b\\"\\]"]');
  });

  it("RFC 6587 octet counting counts bytes, not characters", () => {
    const framed = new TextDecoder().decode(octetFrame("é€x"));
    expect(framed).toBe("6 é€x");
  });

  it("Splunk HEC: one envelope per event with epoch seconds", () => {
    const body = splunkHecBatch([event, { ...event, seq: 8 }], { host: "h", index: "sec" });
    const lines = body.split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      time: 1738324801.25,
      host: "h",
      source: "gatehouse",
      sourcetype: "gatehouse:audit",
      index: "sec",
      event,
    });
  });
});
