import { describe, expect, it } from "vitest";
import { emptySinkForm, sinkConfigOf, sinkDestination } from "../../web/src/sinks";

describe("the console's sink form", () => {
  it("builds each kind's request body, trimming fields and leaving out an empty index", () => {
    const base = emptySinkForm();
    expect(sinkConfigOf({ ...base, url: " https://siem.example/in ", secret: "SIEM_KEY" })).toEqual(
      {
        ok: true,
        sink: { kind: "webhook", url: "https://siem.example/in", secret: "SIEM_KEY" },
      },
    );
    expect(
      sinkConfigOf({
        ...base,
        kind: "splunk_hec",
        url: "https://hec:8088",
        secret: "HEC",
        index: " ",
      }),
    ).toEqual({
      ok: true,
      sink: { kind: "splunk_hec", url: "https://hec:8088", token_secret: "HEC" },
    });
    expect(
      sinkConfigOf({ ...base, kind: "syslog", host: "siem.example", port: "514", tls: false }),
    ).toEqual({ ok: true, sink: { kind: "syslog", host: "siem.example", port: 514, tls: false } });
  });

  it("names the field at fault", () => {
    const base = emptySinkForm();
    expect(sinkConfigOf({ ...base, kind: "syslog", host: "h", port: "70000" })).toMatchObject({
      ok: false,
      path: "sink.port",
    });
    expect(sinkConfigOf({ ...base, kind: "syslog", host: " " })).toMatchObject({
      path: "sink.host",
    });
    expect(sinkConfigOf({ ...base, url: "https://x.example", secret: "lower" })).toMatchObject({
      path: "sink.secret",
    });
    expect(
      sinkConfigOf({ ...base, kind: "splunk_hec", url: "https://x.example", secret: "" }),
    ).toMatchObject({ path: "sink.token_secret" });
    expect(sinkConfigOf({ ...base, secret: "K" })).toMatchObject({ path: "sink.url" });
  });

  it("shows where a sink sends", () => {
    expect(sinkDestination({ kind: "syslog", host: "h.example", port: 6514, tls: true })).toBe(
      "tls://h.example:6514",
    );
    expect(sinkDestination({ kind: "webhook", url: "https://a.example/x", secret: "K" })).toBe(
      "https://a.example/x",
    );
  });
});
