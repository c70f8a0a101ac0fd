import { classifyIpv4, classifyIpv6 } from "./address-policy";
import type { AddressRefusal } from "./address-policy";
import { parseDottedQuad } from "./ipv4";
import { parseIpv6 } from "./ipv6";

/** Names that only ever mean "this machine" or "the local network". */
const LOCAL_SUFFIXES = [
  "local", // mDNS
  "internal", // ICANN private-use TLD; also metadata.google.internal, *.ec2.internal
  "localdomain", // localhost.localdomain (glibc / Red Hat /etc/hosts)
  "localdomain6", // localhost6.localdomain6 (same, IPv6)
  "home.arpa",
  "lan",
  "home",
  "corp",
  "intranet",
];

const METADATA_NAMES = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "instance-data",
  "instance-data.ec2.internal",
]);

/**
 * Public DNS names that resolve to loopback, to an address spelled inside the name, or to
 * whatever their owner decides per query (DNS rebinding). None is a legitimate destination for
 * an agent's request, so each is refused with every name under it. Reviewed list; sources:
 * - loopback: localtest.me (readme.localtest.me), localho.st, lvh.me, vcap.me (Cloud Foundry),
 *   lacolhost.com, local.gd (local.gd), fuf.me — each documented as "*.domain → 127.0.0.1".
 * - address echo ("wildcard DNS"): nip.io (nip.io), sslip.io (sslip.io, also dashed and hex
 *   forms), xip.io (basecamp/xip-pdns, retired but still delegated), traefik.me (traefik.me),
 *   backname.io, nip.direct, ip.addr.tools (addr.tools).
 * - rebinding: rbndr.us (github.com/taviso/rbndr), 1u.ms (github.com/neex/1u.ms),
 *   rebind.it and rebind.network (github.com/nccgroup/singularity, github.com/taviso/rbndr
 *   forks), lock.cmpxchg8b.com (taviso's rebinding demo).
 */
export const LOOPBACK_AND_REBINDING_DOMAINS: readonly string[] = [
  "localtest.me",
  "localho.st",
  "lvh.me",
  "vcap.me",
  "lacolhost.com",
  "local.gd",
  "fuf.me",
  "nip.io",
  "sslip.io",
  "xip.io",
  "traefik.me",
  "backname.io",
  "nip.direct",
  "ip.addr.tools",
  "rbndr.us",
  "1u.ms",
  "rebind.it",
  "rebind.network",
  "lock.cmpxchg8b.com",
];

const INSIDE = new Set(["loopback", "private", "link_local", "metadata", "unspecified", "shared"]);

const isUnder = (host: string, suffix: string): boolean =>
  host === suffix || host.endsWith(`.${suffix}`);

// Four decimal octets joined by dots or dashes, not glued to other digits.
const EMBEDDED_QUAD = /(?<![0-9])(\d{1,3})[.-](\d{1,3})[.-](\d{1,3})[.-](\d{1,3})(?![0-9])/g;

/**
 * A non-public IPv4 or IPv6 address spelled anywhere in the name: dotted or dashed quads
 * (`10.0.0.1.x`, `app-127-0-0-1.x`, `www.169.254.169.254.x`), eight hex digits
 * (`7f000001.x`), a 32-bit decimal (`2130706433.x`) or dashed IPv6 (`--1.x`, `fe80--1.x`).
 */
export function embeddedAddress(host: string): AddressRefusal | null {
  for (const m of host.matchAll(EMBEDDED_QUAD)) {
    const value = parseDottedQuad(`${m[1]}.${m[2]}.${m[3]}.${m[4]}`);
    const r = value === null ? null : classifyIpv4(value);
    if (r) return r;
  }
  for (const part of host.split(/[.-]/)) {
    if (/^[0-9a-f]{8}$/.test(part)) {
      const r = classifyIpv4(parseInt(part, 16));
      if (r) return r;
    }
    if (/^[0-9]{8,10}$/.test(part) && Number(part) <= 0xffffffff) {
      const r = classifyIpv4(Number(part));
      if (r) return r;
    }
  }
  for (const label of host.split(".")) {
    if (!label.includes("--")) continue;
    // sslip.io style: the address is the label, or its end after a name and a dash.
    const parts = label.split("-");
    for (let i = 0; i < parts.length; i++) {
      const words = parseIpv6(parts.slice(i).join(":"));
      const r = words ? classifyIpv6(words) : null;
      // Only ranges that lead inside: "a--b" also parses (as reserved space) and is a name.
      if (r && INSIDE.has(r.category)) return r;
    }
  }
  return null;
}

/**
 * Refuses a DNS name (lower case, no trailing dot, not an IP literal) that resolves, or is meant
 * to resolve, inside the local network. Names that merely happen to resolve to private addresses
 * can only be caught after resolution (see `checkResolvedAddress`; in production the Workers
 * runtime itself never connects to a private address).
 */
export function classifyHostname(host: string): AddressRefusal | null {
  if (METADATA_NAMES.has(host)) {
    return { category: "metadata", reason: `${host} is a cloud metadata host name` };
  }
  if (isUnder(host, "localhost")) {
    return { category: "loopback", reason: `${host} is a localhost name (resolves to loopback)` };
  }
  if (!host.includes(".")) {
    return {
      category: "private",
      reason: `${host} is a single-label name, resolved through local search domains`,
    };
  }
  const local = LOCAL_SUFFIXES.find((suffix) => isUnder(host, suffix));
  if (local) {
    return {
      category: "private",
      reason: `${host} is a local name (.${local})`,
    };
  }
  const inner = embeddedAddress(host);
  if (inner) return { category: inner.category, reason: `${host} embeds ${inner.reason}` };
  const listed = LOOPBACK_AND_REBINDING_DOMAINS.find((d) => isUnder(host, d));
  if (listed) {
    return {
      category: "loopback",
      reason: `${host} is under ${listed}, a loopback, wildcard-DNS or DNS-rebinding domain`,
    };
  }
  return null;
}
