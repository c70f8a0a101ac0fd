import { checkEgress, type EgressDecision } from "../egress";

const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/;

/**
 * Whether Gatehouse may connect to an upstream MCP server at `url`: the egress rules, except
 * that `allowLoopback` (the explicit development/test setting) lets through a server on this
 * machine — a literal loopback host only. Private, link-local and metadata addresses, and
 * names that merely resolve to loopback, stay refused.
 */
export function checkUpstreamUrl(url: string, allowLoopback: boolean): EgressDecision {
  const decision = checkEgress(url);
  if (decision.allowed || !allowLoopback || decision.code !== "loopback") return decision;
  const parsed = new URL(url);
  if (!LOOPBACK_HOST.test(parsed.hostname)) return decision;
  const port = parsed.port === "" ? (parsed.protocol === "https:" ? 443 : 80) : Number(parsed.port);
  return { allowed: true, host: parsed.hostname, port };
}

/** The explicit setting, honoured only in development (local testing, the e2e suite). */
export const upstreamLoopbackAllowed = (env: {
  ENVIRONMENT?: string;
  MCP_UPSTREAM_ALLOW_LOOPBACK?: string;
}): boolean => env.ENVIRONMENT === "development" && env.MCP_UPSTREAM_ALLOW_LOOPBACK === "true";
