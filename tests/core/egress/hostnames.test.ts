import { describe, expect, it } from "vitest";
import { checkEgress } from "../../../core/egress";

/** Names that lead inside (embedded private addresses, loopback and rebinding domains). */
const REFUSED = [
  // dotted quads anywhere in the name
  "10.0.0.1.nip.io",
  "app.10.0.0.1.nip.io",
  "127.0.0.1.example.com",
  "www.169.254.169.254.x.example.net",
  "192.168.1.1.wildcard.example",
  "172.16.0.5.foo.example.org",
  "100.64.0.1.cgnat.example.com",
  "0.0.0.0.example.com",
  "169.254.170.2.example.com",
  "a.b.127.1.2.3.example.com",
  // dashed quads, alone or inside a label
  "127-0-0-1.example.com",
  "127-0-0-1-app.example.com",
  "app-127-0-0-1.example.com",
  "my-10-0-0-1-host.example.com",
  "192-168-0-1.example.org",
  "169-254-169-254.example.com",
  "172-31-255-255.example.com",
  "100-100-100-200.example.com",
  "10-1-2-3.internal-mirror.example.com",
  "0-0-0-0.example.com",
  // mixed dots and dashes
  "10-0.0-1.example.com",
  "127.0-0.1.example.com",
  // hex and decimal forms
  "7f000001.example.com",
  "0a000001.example.com",
  "c0a80001.example.com",
  "a9fea9fe.example.com",
  "app-7f000001.example.com",
  "7f000001-app.example.com",
  "2130706433.example.com",
  "167772161.example.com",
  "3232235777.example.com",
  "08080808.example.com", // as a decimal, 0.123.77.168 (0.0.0.0/8): ambiguous, so refused
  // dashed IPv6 (sslip.io style)
  "--1.example.com",
  "0--1.example.com",
  "fe80--1.example.com",
  "fd00-ec2--254.example.com",
  "fc00--1.example.com",
  "app-fe80--1.example.com",
  // wildcard-DNS, rebinding and loopback domains, whatever they spell
  "nip.io",
  "anything.nip.io",
  "8.8.8.8.nip.io",
  "sslip.io",
  "1-1-1-1.sslip.io",
  "xip.io",
  "app.xip.io",
  "traefik.me",
  "foo.traefik.me",
  "rbndr.us",
  "7f000001.08080808.rbndr.us",
  "1u.ms",
  "make-1.2.3.4-rebind-127.0.0.1-rr.1u.ms",
  "localtest.me",
  "readme.localtest.me",
  "localho.st",
  "app.localho.st",
  "lvh.me",
  "sub.lvh.me",
  "vcap.me",
  "x.vcap.me",
  "lacolhost.com",
  "local.gd",
  "api.local.gd",
  "fuf.me",
  "backname.io",
  "nip.direct",
  "rebind.it",
  "s-1.2.3.4-127.0.0.1-1-rr-e.d.rebind.it",
  "rebind.network",
  "lock.cmpxchg8b.com",
  // localhost names
  "localhost",
  "api.localhost",
  "a.b.localhost",
  "localhost.localdomain",
  "localhost6.localdomain6",
  "host.localdomain",
  "ip6-localhost",
  "ip6-loopback",
  "localhost4",
  // metadata and local suffixes
  "metadata.google.internal",
  "metadata",
  "instance-data",
  "printer.local",
  "nas.lan",
  "router.home.arpa",
  "db.corp",
  "wiki.intranet",
  "server.internal",
];

/** Public names, including ones that only look like the above. */
const ALLOWED = [
  "example.com",
  "api.github.com",
  "raw.githubusercontent.com",
  "api.anthropic.com",
  "api.openai.com",
  "openrouter.ai",
  "api.groq.com",
  "api.mistral.ai",
  "en.wikipedia.org",
  "news.ycombinator.com",
  "1-2-3-4.example.com", // public address
  "8-8-8-8.example.com",
  "8.8.8.8.example.com",
  "1.1.1.1.example.com",
  "app-1-1-1-1.example.com",
  "deadbeef.example.com", // 222.173.190.239, public
  "cafebabe.example.com",
  "134744072.example.com", // 8.8.8.8 as decimal
  "1234.example.com",
  "v1-2-3.example.com",
  "release-2024-10-01.example.com",
  "10.example.com",
  "127.example.com",
  "10-0.example.com",
  "ip-10.example.com",
  "localhost.example.com",
  "my-localhost.example.com",
  "notlocalhost.com",
  "localhost-docs.example.com",
  "nip.io.example.com",
  "example-nip.io",
  "sslip.io.example.org",
  "mylvh.me",
  "xip.iox.example.com",
  "internal.example.com",
  "corp.example.com",
  "local.example.com",
  "metadata.example.com",
  "home.example.com",
  "lan.example.net",
  "256-1-1-1.example.com", // not an address
  "999.0.0.1.example.com",
  "fe80.example.com",
  "a--b.example.com", // double dash but no address
  "xn--bcher-kva.example", // punycode
  "api.stripe.com",
  "hooks.slack.com",
  "s3.amazonaws.com",
  "storage.googleapis.com",
];

describe("hostname rules", () => {
  it("has a table of at least 100 names, both ways", () => {
    expect(REFUSED.length + ALLOWED.length).toBeGreaterThanOrEqual(100);
    expect(REFUSED.length).toBeGreaterThanOrEqual(50);
    expect(ALLOWED.length).toBeGreaterThanOrEqual(40);
  });

  it.each(REFUSED)("refuses %s", (host) => {
    const decision = checkEgress(`https://${host}/`);
    expect(decision.allowed).toBe(false);
  });

  it.each(ALLOWED)("allows %s", (host) => {
    expect(checkEgress(`https://${host}/`)).toMatchObject({ allowed: true });
  });
});
