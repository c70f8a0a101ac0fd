import { classifyIpv4, classifyIpv6 } from "./address-policy";
import type { AddressRefusal } from "./address-policy";
import { parseDottedQuad } from "./ipv4";
import { parseIpv6 } from "./ipv6";

/** Names that only ever mean "this machine" or "the local network". */
const LOCAL_SUFFIXES = [
  "local", // mDNS
  "internal", // ICANN private-use TLD; also metadata.google.internal, *.ec2.internal
  "localdomain",
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

/** Public DNS names that always resolve to loopback. */
const LOOPBACK_DOMAINS = ["localtest.me", "lvh.me", "vcap.me"];

/** Wildcard DNS services that resolve a name to the IP address spelled inside it. */
const IP_ECHO_DOMAINS = ["nip.io", "sslip.io", "xip.io", "traefik.me"];

const isUnder = (host: string, suffix: string): boolean =>
  host === suffix || host.endsWith(`.${suffix}`);

function embeddedInEchoName(labels: string[]): AddressRefusal | null {
  const quad = labels.length >= 4 ? parseDottedQuad(labels.slice(-4).join(".")) : null;
  if (quad !== null) return classifyIpv4(quad);
  for (const label of labels) {
    const dashed = /(?:^|-)(\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3})$/.exec(label);
    const dashedValue = dashed ? parseDottedQuad(dashed[1]!.replaceAll("-", ".")) : null;
    if (dashedValue !== null) return classifyIpv4(dashedValue);
    const hex = /(?:^|-)([0-9a-f]{8})$/.exec(label);
    if (hex) return classifyIpv4(parseInt(hex[1]!, 16));
    if (label.includes("--")) {
      const words = parseIpv6(label.replaceAll("-", ":"));
      if (words) return classifyIpv6(words);
    }
  }
  return null;
}

/**
 * Refuses a DNS name (lower case, no trailing dot, not an IP literal) that resolves, or is meant
 * to resolve, inside the local network. Names that merely happen to resolve to private addresses
 * can only be caught after resolution: see `checkResolvedAddress`.
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
  if (local) return { category: "private", reason: `${host} is a local name (.${local})` };
  const loopback = LOOPBACK_DOMAINS.find((d) => isUnder(host, d));
  if (loopback) {
    return { category: "loopback", reason: `${host} always resolves to loopback (${loopback})` };
  }
  const echo = IP_ECHO_DOMAINS.find((d) => host.endsWith(`.${d}`));
  if (echo) {
    const inner = embeddedInEchoName(host.slice(0, -(echo.length + 1)).split("."));
    if (inner) return { category: inner.category, reason: `${host} resolves to ${inner.reason}` };
  }
  return null;
}
