import { formatIpv4, parseDottedQuad } from "./ipv4";
import { formatIpv6, parseIpv6 } from "./ipv6";

/** Why an address (or host) is not a public destination. */
export type AddressCategory =
  | "unspecified"
  | "loopback"
  | "private"
  | "shared" // carrier-grade NAT, 100.64.0.0/10
  | "link_local"
  | "metadata"
  | "multicast"
  | "broadcast"
  | "documentation"
  | "reserved";

export interface AddressRefusal {
  category: AddressCategory;
  reason: string;
}

interface V4Range {
  base: number;
  bits: number;
  category: AddressCategory;
  label: string;
}

const v4 = (cidr: string, category: AddressCategory, label: string): V4Range => {
  const [addr, bits] = cidr.split("/");
  return { base: parseDottedQuad(addr!)!, bits: Number(bits), category, label };
};

/** Instance metadata and platform endpoints; checked before the ranges that contain them. */
const V4_METADATA = new Map<number, string>(
  [
    ["169.254.169.254", "cloud instance metadata (AWS, GCP, Azure, OpenStack, …)"],
    ["169.254.170.2", "AWS ECS task metadata"],
    ["169.254.170.23", "AWS EKS pod identity"],
    ["100.100.100.200", "Alibaba Cloud metadata"],
    ["168.63.129.16", "Azure platform endpoint (WireServer)"],
    ["192.0.0.192", "Oracle Cloud metadata"],
  ].map(([ip, label]) => [parseDottedQuad(ip!)!, label!]),
);

const V4_RANGES: readonly V4Range[] = [
  v4("0.0.0.0/8", "unspecified", '"this network" (0.0.0.0/8)'),
  v4("10.0.0.0/8", "private", "private network (10.0.0.0/8)"),
  v4("100.64.0.0/10", "shared", "carrier-grade NAT shared space (100.64.0.0/10)"),
  v4("127.0.0.0/8", "loopback", "loopback (127.0.0.0/8)"),
  v4("169.254.0.0/16", "link_local", "link-local (169.254.0.0/16)"),
  v4("172.16.0.0/12", "private", "private network (172.16.0.0/12)"),
  v4("192.0.0.0/24", "reserved", "IETF protocol assignments (192.0.0.0/24)"),
  v4("192.0.2.0/24", "documentation", "documentation range (192.0.2.0/24)"),
  v4("192.88.99.0/24", "reserved", "deprecated 6to4 relay anycast (192.88.99.0/24)"),
  v4("192.168.0.0/16", "private", "private network (192.168.0.0/16)"),
  v4("198.18.0.0/15", "reserved", "benchmarking range (198.18.0.0/15)"),
  v4("198.51.100.0/24", "documentation", "documentation range (198.51.100.0/24)"),
  v4("203.0.113.0/24", "documentation", "documentation range (203.0.113.0/24)"),
  v4("224.0.0.0/4", "multicast", "multicast (224.0.0.0/4)"),
  v4("255.255.255.255/32", "broadcast", "broadcast (255.255.255.255)"),
  v4("240.0.0.0/4", "reserved", "reserved (240.0.0.0/4)"),
];

const inV4 = (value: number, r: V4Range): boolean =>
  r.bits === 0 || value >>> (32 - r.bits) === r.base >>> (32 - r.bits);

/** Null when `value` (a 32-bit IPv4 address) is public unicast. */
export function classifyIpv4(value: number): AddressRefusal | null {
  const ip = formatIpv4(value);
  const metadata = V4_METADATA.get(value);
  if (metadata) return { category: "metadata", reason: `${ip} is ${metadata}` };
  const range = V4_RANGES.find((r) => inV4(value, r));
  return range ? { category: range.category, reason: `${ip} is ${range.label}` } : null;
}

const V6_METADATA = new Map<string, string>([
  [formatIpv6(parseIpv6("fd00:ec2::254")!), "AWS instance metadata (IPv6)"],
  [formatIpv6(parseIpv6("fd00:ec2::23")!), "AWS EKS pod identity (IPv6)"],
]);

const word32 = (hi: number, lo: number): number => ((hi << 16) | lo) >>> 0;

/** The IPv4 address an IPv6 form embeds, refused if that address would be. */
function embedded(ip: string, form: string, candidates: readonly number[]): AddressRefusal | null {
  for (const candidate of candidates) {
    const inner = classifyIpv4(candidate);
    if (inner) return { category: inner.category, reason: `${ip} is ${form} of ${inner.reason}` };
  }
  return null;
}

/** Null when `words` (eight 16-bit words) is a public unicast IPv6 address. */
export function classifyIpv6(words: readonly number[]): AddressRefusal | null {
  const w = (i: number): number => words[i] ?? 0;
  const ip = formatIpv6(words);
  const zeroUpTo = (n: number): boolean => words.slice(0, n).every((x) => x === 0);
  const metadata = V6_METADATA.get(ip);
  if (metadata) return { category: "metadata", reason: `${ip} is ${metadata}` };
  const refuse = (category: AddressCategory, label: string): AddressRefusal => ({
    category,
    reason: `${ip} is ${label}`,
  });
  const tail = word32(w(6), w(7));

  if (zeroUpTo(8)) return refuse("unspecified", "the unspecified address (::)");
  if (zeroUpTo(7) && w(7) === 1) return refuse("loopback", "loopback (::1)");
  if (zeroUpTo(5) && w(5) === 0xffff) {
    return embedded(ip, "an IPv4-mapped address", [tail]);
  }
  if (zeroUpTo(4) && w(4) === 0xffff && w(5) === 0) {
    return embedded(ip, "an IPv4-translated address", [tail]);
  }
  if (zeroUpTo(6)) {
    return (
      embedded(ip, "an IPv4-compatible address", [tail]) ??
      refuse("reserved", "a deprecated IPv4-compatible address (::/96)")
    );
  }
  if (w(0) === 0x64 && w(1) === 0xff9b && w(2) === 0 && w(3) === 0 && w(4) === 0 && w(5) === 0) {
    return embedded(ip, "a NAT64 address", [tail]);
  }
  if (w(0) === 0x64 && w(1) === 0xff9b && w(2) === 1) {
    return refuse("reserved", "local-use NAT64 (64:ff9b:1::/48)");
  }
  if (w(0) === 0x2002) return embedded(ip, "a 6to4 address", [word32(w(1), w(2))]);
  if (w(0) === 0x2001 && w(1) === 0) {
    // Teredo: server address in words 2-3, client address obfuscated (inverted) in words 6-7.
    return embedded(ip, "a Teredo address", [word32(w(2), w(3)), ~tail >>> 0]);
  }
  if ((w(0) & 0xfe00) === 0xfc00) return refuse("private", "unique-local (fc00::/7)");
  if ((w(0) & 0xffc0) === 0xfe80) return refuse("link_local", "link-local (fe80::/10)");
  if ((w(0) & 0xffc0) === 0xfec0) return refuse("private", "deprecated site-local (fec0::/10)");
  if ((w(0) & 0xff00) === 0xff00) return refuse("multicast", "multicast (ff00::/8)");
  if (w(0) === 0x2001 && w(1) === 0xdb8)
    return refuse("documentation", "documentation (2001:db8::/32)");
  if (w(0) === 0x3fff && (w(1) & 0xf000) === 0) {
    return refuse("documentation", "documentation (3fff::/20)");
  }
  if (w(0) === 0x2001 && w(1) === 2 && w(2) === 0)
    return refuse("reserved", "benchmarking (2001:2::/48)");
  if (w(0) === 0x2001 && (w(1) & 0xfff0) === 0x0020)
    return refuse("reserved", "ORCHIDv2 (2001:20::/28)");
  if (w(0) === 0x2001 && (w(1) & 0xfff0) === 0x0010)
    return refuse("reserved", "ORCHID (2001:10::/28)");
  if (w(0) === 0x100 && w(1) === 0 && w(2) === 0 && w(3) === 0) {
    return refuse("reserved", "discard-only (100::/64)");
  }
  if ((w(0) & 0xe000) !== 0x2000) return refuse("reserved", "outside global unicast (2000::/3)");
  return null;
}

/** An IP literal as a resolver or socket reports it: dotted quad or IPv6, optional [ ] and zone. */
export function parseIpLiteral(text: string): { v4: number } | { v6: number[] } | null {
  const trimmed = text.trim().replace(/^\[(.*)\]$/, "$1");
  const quad = parseDottedQuad(trimmed);
  if (quad !== null) return { v4: quad };
  const words = parseIpv6(trimmed.replace(/%[^%]+$/, ""));
  return words ? { v6: words } : null;
}
