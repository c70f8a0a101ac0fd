import { parseDestination } from "../../core/secrets/destinations";
import type { SecretDestination } from "./tenant-api";

/** A secret's destination as the console lists it. */
export function describeDestination(d: SecretDestination): string {
  return d.via.kind === "header"
    ? `${d.origin} (${d.via.name} header)`
    : `${d.origin} (key of provider ${d.via.id})`;
}

export const ORIGIN_RULE = "https://host[:port], no path; *.example.com for every subdomain.";

/**
 * Checks a typed header destination the way the server will (core/secrets/destinations.ts) and
 * returns it canonical (lower case, default port dropped), or says what is wrong with it.
 */
export function headerDestination(origin: string, header: string): SecretDestination | string {
  const typed = origin.trim();
  if (typed === "") return "Enter the origin the secret may be sent to.";
  if (header.trim() === "") return "Name the header that carries the secret.";
  const parsed = parseDestination({ origin: typed, via: { kind: "header", name: header } });
  if (typeof parsed === "string") return `${parsed[0]!.toUpperCase()}${parsed.slice(1)}.`;
  return parsed;
}

/** True when `list` already has the same origin and header. */
export const hasDestination = (list: readonly SecretDestination[], d: SecretDestination) =>
  list.some(
    (e) =>
      e.origin === d.origin &&
      e.via.kind === d.via.kind &&
      (e.via.kind === "header" && d.via.kind === "header"
        ? e.via.name === d.via.name
        : e.via.kind === "provider" && d.via.kind === "provider" && e.via.id === d.via.id),
  );
