import { classifyIpv4, classifyIpv6, parseIpLiteral } from "./address-policy";
import type { AddressCategory, AddressRefusal } from "./address-policy";
import { classifyHostname } from "./hostname-policy";
import { parseIpv4 } from "./ipv4";
import { parseIpv6 } from "./ipv6";

export type EgressRefusalCode = "invalid_url" | "scheme" | "credentials" | "port" | AddressCategory;

export type EgressDecision =
  | { allowed: true; host: string; port: number }
  | { allowed: false; code: EgressRefusalCode; reason: string };

export type AddressDecision =
  { allowed: true } | { allowed: false; code: AddressCategory | "invalid_address"; reason: string };

export interface EgressOptions {
  /** Refuse plain http:// (default false: http and https are both allowed). */
  httpsOnly?: boolean;
  /** When set, only these ports are allowed (after applying the scheme's default port). */
  allowedPorts?: readonly number[];
}

const DEFAULT_PORTS: Record<string, number> = { "http:": 80, "https:": 443 };

const refuse = (code: EgressRefusalCode, reason: string): EgressDecision => ({
  allowed: false,
  code,
  reason,
});

const fromAddress = (r: AddressRefusal): EgressDecision => refuse(r.category, r.reason);

/**
 * Decides whether an outbound request to `rawUrl` may be made. The URL is parsed the WHATWG way
 * (as `fetch` will), which canonicalises decimal, hex, octal and short IPv4 spellings,
 * percent-encoded and full-width hosts; the canonical host is then checked again with this
 * module's own parsers so a non-canonicalising runtime cannot smuggle a numeric host through.
 *
 * URLs with credentials (`user:pass@host`) are refused: they are a classic parser-confusion
 * vector (`http://127.0.0.1:80@evil.example`) and would send a secret outside the vault's
 * `secret:NAME` mechanism, where it is neither masked nor audited as a reference.
 *
 * This is a check on the URL only: after DNS resolution and on every redirect hop the caller
 * must also run `checkResolvedAddress` / `checkRedirect`.
 */
export function checkEgress(rawUrl: string, opts: EgressOptions = {}): EgressDecision {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return refuse("invalid_url", "not a valid absolute URL");
  }
  const defaultPort = DEFAULT_PORTS[url.protocol];
  if (defaultPort === undefined) {
    return refuse("scheme", `scheme ${url.protocol} is not allowed (only http and https)`);
  }
  if (opts.httpsOnly && url.protocol !== "https:") {
    return refuse("scheme", "plain http is not allowed (https only)");
  }
  if (url.username !== "" || url.password !== "") {
    return refuse("credentials", "URLs with embedded credentials are not allowed");
  }
  const port = url.port === "" ? defaultPort : Number(url.port);
  if (port === 0) return refuse("port", "port 0 is not a valid destination");
  if (opts.allowedPorts && !opts.allowedPorts.includes(port)) {
    return refuse("port", `port ${port} is not in the allowed list`);
  }
  const host = url.hostname;
  const refusal = classifyHost(host);
  if (refusal) return refusal;
  return { allowed: true, host, port };
}

function classifyHost(host: string): EgressDecision | null {
  if (host.startsWith("[")) {
    const words = parseIpv6(host.slice(1, -1));
    if (!words) return refuse("invalid_url", `unparseable IPv6 host ${host}`);
    const r = classifyIpv6(words);
    return r ? fromAddress(r) : null;
  }
  const name = host.endsWith(".") ? host.slice(0, -1) : host;
  if (name === "" || name.includes("..") || name.endsWith(".")) {
    return refuse("invalid_url", "empty label in host name");
  }
  const v4 = parseIpv4(name);
  if (v4.kind === "invalid") return refuse("invalid_url", `ambiguous numeric host ${host}`);
  if (v4.kind === "ipv4") {
    const r = classifyIpv4(v4.value);
    return r ? fromAddress(r) : null;
  }
  const r = classifyHostname(name);
  return r ? fromAddress(r) : null;
}

/** Checks a redirect target, resolved against the URL that answered with it. */
export function checkRedirect(
  fromUrl: string,
  location: string,
  opts: EgressOptions = {},
): EgressDecision {
  let target: string;
  try {
    target = new URL(location, fromUrl).href;
  } catch {
    return refuse("invalid_url", "redirect location is not a valid URL");
  }
  return checkEgress(target, opts);
}

/** Checks an address the resolver (or the socket) actually produced for a request. */
export function checkResolvedAddress(ip: string): AddressDecision {
  const parsed = parseIpLiteral(ip);
  if (!parsed) return { allowed: false, code: "invalid_address", reason: "not an IP address" };
  const r = "v4" in parsed ? classifyIpv4(parsed.v4) : classifyIpv6(parsed.v6);
  return r ? { allowed: false, code: r.category, reason: r.reason } : { allowed: true };
}

/**
 * True for every address that is not public unicast: private, loopback, link-local, metadata,
 * multicast, reserved… and for input that is not an IP literal at all, so callers fail closed.
 */
export function isPrivateAddress(ip: string): boolean {
  return !checkResolvedAddress(ip).allowed;
}
