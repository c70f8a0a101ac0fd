import { checkEgress } from "../egress/check-egress";

/**
 * Where a vault secret may be sent. A destination is an origin pattern — scheme, host and
 * optional port; the only wildcard is a leading `*.` (`https://*.example.com` matches every name
 * under example.com, not example.com itself) — and how the value travels there: in one named
 * header, or as the key of one configured model provider.
 */
export type DestinationVia = { kind: "header"; name: string } | { kind: "provider"; id: string };

export interface Destination {
  origin: string;
  via: DestinationVia;
}

interface OriginPattern {
  scheme: "https:" | "http:";
  /** Exact host, or the suffix after `*.`. */
  host: string;
  wildcard: boolean;
  port: number;
}

const DEFAULT_PORT = { "https:": 443, "http:": 80 } as const;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const ORIGIN = /^(https?):\/\/(\*\.)?([^/:?#@]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/;

/** Parses an origin pattern, or says why it is not one. */
export function parseOrigin(text: string): OriginPattern | string {
  const m = ORIGIN.exec(text.trim().toLowerCase());
  if (!m) return "an origin is scheme://host[:port], with no path, query or credentials";
  const scheme = `${m[1]}:` as "https:" | "http:";
  const host = m[3]!.replace(/\.$/, "");
  const wildcard = m[2] !== undefined;
  if (!host.startsWith("[") && !host.split(".").every((l) => LABEL.test(l))) {
    return "the host must be a DNS name (use *.example.com for subdomains)";
  }
  if (wildcard && host.split(".").length < 2) {
    return "a wildcard needs at least two labels after it (*.example.com, not *.com)";
  }
  const port = m[4] === undefined ? DEFAULT_PORT[scheme] : Number(m[4]);
  if (port < 1 || port > 65535) return "the port must be 1–65535";
  return { scheme, host, wildcard, port };
}

/** The canonical spelling of a valid origin pattern (lower case, default port dropped). */
export function canonicalOrigin(p: OriginPattern): string {
  const port = p.port === DEFAULT_PORT[p.scheme] ? "" : `:${p.port}`;
  return `${p.scheme}//${p.wildcard ? "*." : ""}${p.host}${port}`;
}

/** Validates and canonicalises a destination from outside (API, console, secret request). */
export function parseDestination(input: Destination): Destination | string {
  const origin = parseOrigin(input.origin);
  if (typeof origin === "string") return origin;
  if (input.via.kind === "header") {
    if (origin.scheme !== "https:") return "secrets travel in headers over https only";
    const name = input.via.name.trim().toLowerCase();
    if (!/^[a-z0-9!#$%&'*+.^_`|~-]{1,100}$/.test(name)) return "not a valid header name";
    if (name === "cookie" || name === "host") return `the ${name} header cannot carry a secret`;
    const probe = `${origin.scheme}//${origin.wildcard ? `x.${origin.host}` : origin.host}:${origin.port}/`;
    const egress = checkEgress(probe);
    if (!egress.allowed) return `not a public destination: ${egress.reason}`;
    return { origin: canonicalOrigin(origin), via: { kind: "header", name } };
  }
  return { origin: canonicalOrigin(origin), via: input.via };
}

/** The origin of a URL as `originOf` compares it (scheme://host:port, port always present). */
export function originOf(url: string): { scheme: string; host: string; port: number } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return null;
  return {
    scheme: u.protocol,
    host: u.hostname.replace(/\.$/, ""),
    port: u.port === "" ? DEFAULT_PORT[u.protocol] : Number(u.port),
  };
}

function originMatches(pattern: string, url: string): boolean {
  const p = parseOrigin(pattern);
  const o = originOf(url);
  if (typeof p === "string" || !o) return false;
  if (p.scheme !== o.scheme || p.port !== o.port) return false;
  return p.wildcard ? o.host.endsWith(`.${p.host}`) : o.host === p.host;
}

function viaMatches(allowed: DestinationVia, used: DestinationVia): boolean {
  if (allowed.kind === "header" && used.kind === "header") {
    return allowed.name === used.name.toLowerCase();
  }
  return allowed.kind === "provider" && used.kind === "provider" && allowed.id === used.id;
}

/** The destination of `list` that allows sending to `url` by `via`, if any. */
export function destinationAllows(
  list: readonly Destination[],
  url: string,
  via: DestinationVia,
): Destination | null {
  return list.find((d) => viaMatches(d.via, via) && originMatches(d.origin, url)) ?? null;
}
