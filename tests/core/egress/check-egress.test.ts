import { describe, expect, it } from "vitest";
import {
  checkEgress,
  checkRedirect,
  checkResolvedAddress,
  isPrivateAddress,
} from "../../../core/egress";
import type { EgressRefusalCode } from "../../../core/egress";

/** [url, expected refusal code] — every spelling of a non-public destination. */
const REFUSED: ReadonlyArray<readonly [string, EgressRefusalCode]> = [
  // loopback, in every IPv4 spelling
  ["http://127.0.0.1/", "loopback"],
  ["http://127.0.0.1:8080/admin", "loopback"],
  ["http://2130706433/", "loopback"],
  ["http://0x7f000001/", "loopback"],
  ["http://0x7F.0.0.1/", "loopback"],
  ["http://0x7f.0x0.0x0.0x1/", "loopback"],
  ["http://0177.0.0.1/", "loopback"],
  ["http://0177.0000.0000.0001/", "loopback"],
  ["http://017700000001/", "loopback"],
  ["http://127.1/", "loopback"],
  ["http://127.0.1/", "loopback"],
  ["http://0x7f.1/", "loopback"],
  ["http://0177.1/", "loopback"],
  ["http://0177.0x0.0.1/", "loopback"],
  ["http://0x7f.0.0.0x1/", "loopback"],
  ["http://127.000.000.001/", "loopback"],
  ["http://127.0.0.1./", "loopback"],
  ["http://%31%32%37.0.0.1/", "loopback"],
  ["http://%31%32%37%2e%30%2e%30%2e%31/", "loopback"],
  ["http://１２７.０.０.１/", "loopback"],
  ["http://127。0。0。1/", "loopback"],
  ["http://①②⑦.⓪.⓪.①/", "loopback"],
  ["http://0x00000000007f000001/", "loopback"],
  ["http://127.255.255.254/", "loopback"],
  ["HTTP://LOCALHOST/", "loopback"],
  ["http://localhost./", "loopback"],
  ["http://api.localhost/", "loopback"],
  ["http://[::1]/", "loopback"],
  ["http://[0:0:0:0:0:0:0:1]/", "loopback"],
  ["http://[::ffff:127.0.0.1]/", "loopback"],
  ["http://[::ffff:7f00:1]/", "loopback"],
  ["http://[0:0:0:0:0:ffff:7f00:0001]/", "loopback"],
  ["http://[::127.0.0.1]/", "loopback"],
  ["http://[::ffff:0:127.0.0.1]/", "loopback"],
  ["http://127.0.0.1.nip.io/", "loopback"],
  ["http://app-127-0-0-1.sslip.io/", "loopback"],
  ["http://foo.localtest.me/", "loopback"],
  ["http://lvh.me/", "loopback"],
  ["http://7f000001.nip.io/", "loopback"],
  ["http://--1.sslip.io/", "loopback"],
  ["http://fd00-ec2--254.sslip.io/", "metadata"],
  // unspecified
  ["http://0/", "unspecified"],
  ["http://0.0.0.0:80/", "unspecified"],
  ["http://[::]/", "unspecified"],
  // private networks and shared space
  ["http://10.0.0.1/", "private"],
  ["http://10.1/", "private"],
  ["http://167772161/", "private"],
  ["http://172.16.0.1/", "private"],
  ["http://172.31.255.255/", "private"],
  ["http://192.168.1.1/", "private"],
  ["http://0300.0250.0.1/", "private"],
  ["http://3232235777/", "private"],
  ["http://0xc0.0xa8.1.1/", "private"],
  ["http://0xc0a80101/", "private"],
  ["http://100.64.0.1/", "shared"],
  ["http://[fc00::1]/", "private"],
  ["http://[fd12:3456:789a::1]/", "private"],
  ["http://[fec0::1]/", "private"],
  ["http://[::ffff:10.0.0.1]/", "private"],
  ["http://[::ffff:c0a8:101]/", "private"],
  ["http://[64:ff9b::10.0.0.1]/", "private"],
  ["http://[64:ff9b::c0a8:1]/", "private"],
  ["http://[2002:c0a8:101::1]/", "private"],
  ["http://[2002:7f00:1::]/", "loopback"],
  ["http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/", "private"], // Teredo client 10.0.0.1
  ["http://printer/", "private"],
  ["http://db.internal/", "private"],
  ["http://nas.local/", "private"],
  ["http://router.home.arpa/", "private"],
  ["http://build.corp/", "private"],
  ["http://ip-10-0-0-1.ec2.internal/", "private"],
  ["http://10-0-0-5.nip.io/", "private"],
  // link-local and metadata
  ["http://169.254.1.1/", "link_local"],
  ["http://[fe80::1]/", "link_local"],
  ["http://[febf::1]/", "link_local"],
  ["http://169.254.169.254/latest/meta-data/", "metadata"],
  ["http://0xa9fea9fe/", "metadata"],
  ["http://2852039166/", "metadata"],
  ["http://0251.0376.0251.0376/", "metadata"],
  ["http://169.254.43518/", "metadata"],
  ["http://[::ffff:169.254.169.254]/", "metadata"],
  ["http://[::ffff:a9fe:a9fe]/", "metadata"],
  ["http://[64:ff9b::169.254.169.254]/", "metadata"],
  ["http://metadata.google.internal/computeMetadata/v1/", "metadata"],
  ["http://metadata/", "metadata"],
  ["http://metadata.google.internal./", "metadata"],
  ["http://100.100.100.200/latest/meta-data/", "metadata"],
  ["http://[fd00:ec2::254]/", "metadata"],
  ["http://169.254.170.2/v2/credentials", "metadata"],
  // multicast, broadcast, reserved, documentation
  ["http://224.0.0.1/", "multicast"],
  ["http://239.255.255.250:1900/", "multicast"],
  ["http://[ff02::1]/", "multicast"],
  ["http://255.255.255.255/", "broadcast"],
  ["http://4294967295/", "broadcast"],
  ["http://240.0.0.1/", "reserved"],
  ["http://198.18.0.1/", "reserved"],
  ["http://192.0.0.8/", "reserved"],
  ["http://192.0.2.1/", "documentation"],
  ["http://[2001:db8::1]/", "documentation"],
  ["http://[100::1]/", "reserved"],
  ["http://[::8.8.8.8]/", "reserved"],
  // schemes, credentials, ports, garbage
  ["file:///etc/passwd", "scheme"],
  ["gopher://127.0.0.1:6379/_INFO", "scheme"],
  ["ftp://example.com/", "scheme"],
  ["ws://example.com/", "scheme"],
  ["javascript:alert(1)", "scheme"],
  ["data:text/plain,hello", "scheme"],
  ["http://user:pass@example.com/", "credentials"],
  ["http://127.0.0.1:80@example.com/", "credentials"],
  ["http://example.com@127.0.0.1/", "credentials"],
  ["http://example.com:0/", "port"],
  ["not a url", "invalid_url"],
  ["//example.com/", "invalid_url"],
  ["http://", "invalid_url"],
  ["http://256.256.256.256/", "invalid_url"],
  ["http://1.2.3.4.5/", "invalid_url"],
  ["http://08.0.0.1/", "invalid_url"],
  ["http://[fe80::1%25eth0]/", "invalid_url"],
  // wildcard-DNS services are refused whatever address they spell (issue 9)
  ["https://8.8.8.8.nip.io/", "loopback"],
];

const ALLOWED: ReadonlyArray<readonly [string, string, number]> = [
  ["https://example.com/", "example.com", 443],
  ["http://example.com/", "example.com", 80],
  ["https://api.github.com/repos/o/r", "api.github.com", 443],
  ["https://EXAMPLE.com:8443/x", "example.com", 8443],
  ["https://example.com./", "example.com.", 443],
  ["http://8.8.8.8/", "8.8.8.8", 80],
  ["http://134744072/", "8.8.8.8", 80],
  ["http://0x08080808/", "8.8.8.8", 80],
  ["https://1.1.1.1/dns-query", "1.1.1.1", 443],
  ["http://172.32.0.1/", "172.32.0.1", 80],
  ["http://172.15.255.255/", "172.15.255.255", 80],
  ["http://100.128.0.1/", "100.128.0.1", 80],
  ["http://169.253.0.1/", "169.253.0.1", 80],
  ["http://11.0.0.1/", "11.0.0.1", 80],
  ["http://[2606:4700:4700::1111]/", "[2606:4700:4700::1111]", 80],
  ["https://[2001:4860:4860::8888]:8443/", "[2001:4860:4860::8888]", 8443],
  ["http://[::ffff:8.8.8.8]/", "[::ffff:808:808]", 80],
  ["http://[2002:808:808::1]/", "[2002:808:808::1]", 80],
  ["https://bücher.example/", "xn--bcher-kva.example", 443],
  ["https://localhost.example.com/", "localhost.example.com", 443],
  ["https://metadata.example.com/", "metadata.example.com", 443],
  ["https://example.com/#@127.0.0.1", "example.com", 443],
  ["https://example.com/?next=http://127.0.0.1/", "example.com", 443],
  ["https://10.example.com/", "10.example.com", 443],
];

describe("checkEgress", () => {
  it("has a battery of at least 50 refused and 15 allowed spellings", () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(50);
    expect(ALLOWED.length).toBeGreaterThanOrEqual(15);
  });

  it.each(REFUSED)("refuses %s (%s)", (url, code) => {
    const decision = checkEgress(url);
    expect(decision).toMatchObject({ allowed: false, code });
    if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(0);
  });

  it.each(ALLOWED)("allows %s as %s:%i", (url, host, port) => {
    expect(checkEgress(url)).toEqual({ allowed: true, host, port });
  });

  it("explains a metadata refusal by name", () => {
    const d = checkEgress("http://0xa9fea9fe/");
    expect(d.allowed).toBe(false);
    if (!d.allowed) expect(d.reason).toContain("169.254.169.254");
  });

  it("applies httpsOnly and allowedPorts", () => {
    expect(checkEgress("http://example.com/", { httpsOnly: true })).toMatchObject({
      allowed: false,
      code: "scheme",
    });
    expect(checkEgress("https://example.com/", { httpsOnly: true }).allowed).toBe(true);
    const ports = { allowedPorts: [443] };
    expect(checkEgress("https://example.com/", ports).allowed).toBe(true);
    expect(checkEgress("https://example.com:8443/", ports)).toMatchObject({ code: "port" });
    expect(checkEgress("http://example.com/", ports)).toMatchObject({ code: "port" });
  });
});

describe("checkRedirect", () => {
  it("resolves relative and absolute locations against the previous hop", () => {
    expect(checkRedirect("https://example.com/a", "/b")).toEqual({
      allowed: true,
      host: "example.com",
      port: 443,
    });
    expect(checkRedirect("https://example.com/a", "http://169.254.169.254/")).toMatchObject({
      allowed: false,
      code: "metadata",
    });
    expect(checkRedirect("https://example.com/a", "//2130706433/x")).toMatchObject({
      allowed: false,
      code: "loopback",
    });
    expect(checkRedirect("not a base", "/x")).toMatchObject({ code: "invalid_url" });
  });
});

describe("checkResolvedAddress / isPrivateAddress", () => {
  const privateIps = [
    "127.0.0.1",
    "10.2.3.4",
    "172.20.0.1",
    "192.168.0.10",
    "100.100.100.200",
    "169.254.169.254",
    "0.0.0.0",
    "::1",
    "[::1]",
    "::",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "fe80::1%eth0",
    "fd00:ec2::254",
    "fc00::5",
    "64:ff9b::a00:1",
    "2002:a00:1::",
    "ff05::2",
    "224.0.0.251",
    "203.0.113.9",
  ];
  it.each(privateIps)("refuses %s", (ip) => {
    expect(checkResolvedAddress(ip).allowed).toBe(false);
    expect(isPrivateAddress(ip)).toBe(true);
  });

  const publicIps = [
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "2606:4700::6810:84e5",
    "[2a00:1450::1]",
  ];
  it.each(publicIps)("allows %s", (ip) => {
    expect(checkResolvedAddress(ip)).toEqual({ allowed: true });
    expect(isPrivateAddress(ip)).toBe(false);
  });

  it("fails closed on input that is not an IP literal", () => {
    for (const bad of ["", "example.com", "2130706433", "0x7f.1", "1.2.3", "1::2::3", "12345::"]) {
      expect(checkResolvedAddress(bad)).toMatchObject({ allowed: false, code: "invalid_address" });
      expect(isPrivateAddress(bad)).toBe(true);
    }
  });

  it("names the metadata endpoint in the reason", () => {
    expect(checkResolvedAddress("169.254.169.254")).toMatchObject({ code: "metadata" });
    expect(checkResolvedAddress("fd00:ec2::254")).toMatchObject({ code: "metadata" });
  });
});
