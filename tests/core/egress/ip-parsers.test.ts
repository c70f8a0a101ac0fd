import { describe, expect, it } from "vitest";
import { formatIpv4, parseDottedQuad, parseIpv4 } from "../../../core/egress/ipv4";
import { formatIpv6, parseIpv6 } from "../../../core/egress/ipv6";

// The URL parser already canonicalises hosts; these parsers are the second line of defence for
// runtimes or callers that hand over a host that was not canonicalised.
describe("parseIpv4 (WHATWG number forms)", () => {
  const loopback = 0x7f000001;
  it.each([
    "127.0.0.1",
    "2130706433",
    "0x7f000001",
    "0X7F000001",
    "0x7f.0.0.1",
    "0177.0.0.1",
    "017700000001",
    "127.1",
    "127.0.1",
    "0x7f.1",
    "127.0.0.1.",
    "0x00000000007f000001",
  ])("reads %s as 127.0.0.1", (host) => {
    expect(parseIpv4(host)).toEqual({ kind: "ipv4", value: loopback });
  });

  it("reads 0x as zero and a lone 0 as 0.0.0.0", () => {
    expect(parseIpv4("0x.0.0.1")).toEqual({ kind: "ipv4", value: 1 });
    expect(parseIpv4("0")).toEqual({ kind: "ipv4", value: 0 });
  });

  it.each(["256.0.0.1", "1.2.3.4.5", "08.0.0.1", "0x1g.0.0.1", "4294967296", "1..1", "a.0x"])(
    "marks %s as an invalid numeric host",
    (host) => expect(parseIpv4(host)).toEqual({ kind: "invalid" }),
  );

  it.each(["example.com", "10.example.com", "1.2.3.4.example", "localhost"])(
    "leaves the name %s alone",
    (host) => expect(parseIpv4(host)).toEqual({ kind: "not_ipv4" }),
  );

  it("formats and strictly parses dotted quads", () => {
    expect(formatIpv4(0xc0a80101)).toBe("192.168.1.1");
    expect(parseDottedQuad("192.168.1.1")).toBe(0xc0a80101);
    expect(parseDottedQuad("192.168.1")).toBeNull();
    expect(parseDottedQuad("192.168.1.256")).toBeNull();
    expect(parseDottedQuad("0x7f.0.0.1")).toBeNull();
  });
});

describe("parseIpv6", () => {
  it("expands :: and embedded dotted tails", () => {
    expect(parseIpv6("::1")).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6("::")).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6("::ffff:127.0.0.1")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIpv6("fe80::1:2")).toEqual([0xfe80, 0, 0, 0, 0, 0, 1, 2]);
    expect(parseIpv6("1:2:3:4:5:6:7:8")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(formatIpv6(parseIpv6("FD00:EC2::254")!)).toBe("fd00:ec2:0:0:0:0:0:254");
  });
  it.each([
    "",
    "1::2::3",
    "1:2:3:4:5:6:7:8:9",
    "12345::",
    "::1.2.3",
    "1.2.3.4::",
    "g::1",
    "1:2:3:4:5:6:7::8",
  ])("rejects %s", (text) => expect(parseIpv6(text)).toBeNull());
});
