/**
 * The immutable platform layer: evaluated before every tenant layer and combined strictest-
 * wins, so no tenant rule can loosen it. Its rules only deny, and its defaults are allow so it
 * never tightens a tenant's own defaults (defaults combine strictest across layers).
 *
 * It is written in the policy language itself so it is linted, hashed and shown like any
 * other layer. Host checks here are deliberately simple spellings (dotted IPv4, bracketed IPv6,
 * names); decimal/hex/octal spellings, DNS answers and redirects are the egress module's job at
 * fetch time.
 */
import { compilePolicy } from "./compile";
import { bundleFor } from "./layers";
import type { CompiledPolicy, PolicyBundle, PolicyLayer } from "./model";

export const PLATFORM_LAYER_NAME = "platform";

export const PLATFORM_POLICY_SOURCE = String.raw`
version: 1
defaults:
  on_no_match: allow
  on_missing_shadow: allow

predicates:
  targets_cloud_metadata:
    any_of:
      - args.url.matches: &metadata_url '(?i)^\s*[a-z][a-z0-9+.-]*://(?:[^/?#@\s]*@)?(?:169\.254\.169\.254|169\.254\.170\.2|100\.100\.100\.200|metadata\.google\.internal|metadata\.goog|metadata|instance-data(?:\.ec2\.internal)?|\[fd00:ec2::254\])\.?(?::\d+)?(?:[/?#\\]|$)'
      - args.uri.matches: *metadata_url
      - args.endpoint.matches: *metadata_url
      - args.base_url.matches: *metadata_url
      - args.host.matches: &metadata_host '(?i)^\s*(?:169\.254\.169\.254|169\.254\.170\.2|100\.100\.100\.200|metadata\.google\.internal|metadata\.goog|metadata|instance-data(?:\.ec2\.internal)?|\[?fd00:ec2::254\]?)\.?(?::\d+)?\s*$'
      - args.hostname.matches: *metadata_host

  targets_private_network:
    any_of:
      - args.url.matches: &private_url '(?i)^\s*[a-z][a-z0-9+.-]*://(?:[^/?#@\s]*@)?(?:(?:[a-z0-9-]+\.)*localhost|127(?:\.\d{1,3}){3}|10(?:\.\d{1,3}){3}|0(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2}|169\.254(?:\.\d{1,3}){2}|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])(?:\.\d{1,3}){2}|\[(?:::1?|f[cd][0-9a-f]{0,2}:[0-9a-f:.]*|fe[89ab][0-9a-f]?:[0-9a-f:.]*|::ffff:[0-9a-f:.]+)\])\.?(?::\d+)?(?:[/?#\\]|$)'
      - args.uri.matches: *private_url
      - args.endpoint.matches: *private_url
      - args.base_url.matches: *private_url
      - args.host.matches: &private_host '(?i)^\s*(?:(?:[a-z0-9-]+\.)*localhost|127(?:\.\d{1,3}){3}|10(?:\.\d{1,3}){3}|0(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2}|169\.254(?:\.\d{1,3}){2}|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7])(?:\.\d{1,3}){2}|\[?(?:::1?|f[cd][0-9a-f]{0,2}:[0-9a-f:.]*|fe[89ab][0-9a-f]?:[0-9a-f:.]*|::ffff:[0-9a-f:.]+)\]?)\.?(?::\d+)?\s*$'
      - args.hostname.matches: *private_host

rules:
  - id: cloud-metadata
    priority: 1000
    match: targets_cloud_metadata
    decision: deny
    reason: "requests to cloud metadata endpoints are never allowed"

  - id: private-network
    priority: 1000
    match: targets_private_network
    decision: deny
    reason: "requests to private, loopback or link-local addresses are never allowed"

  - id: vault-reveal
    priority: 1000
    match:
      tool.matches: '(?i)^(?:vault_(?:read|get|reveal|export|dump|decrypt)|(?:get|read|reveal|export|dump|show|print|decrypt)_secrets?(?:_values?)?|secrets?_(?:read|get|reveal|value|values|export|dump|show|decrypt))$'
    decision: deny
    reason: "tools that reveal vault values are never allowed; pass secrets as secret:NAME references"
`;

function compilePlatform(): CompiledPolicy {
  const result = compilePolicy(PLATFORM_POLICY_SOURCE);
  if (!result.ok) {
    const first = result.diagnostics[0];
    throw new Error(
      `platform policy does not compile: ${first ? `${first.line}:${first.column} ${first.message}` : "?"}`,
    );
  }
  return result.policy;
}

export const platformPolicy: CompiledPolicy = compilePlatform();

export const platformLayer: PolicyLayer = { name: PLATFORM_LAYER_NAME, policy: platformPolicy };

/** The effective bundle of a tenant: the platform layer, then the tenant's layer(s). */
export function withPlatform(tenantLayers: readonly PolicyLayer[]): PolicyBundle {
  if (tenantLayers.some((l) => l.name === PLATFORM_LAYER_NAME)) {
    throw new Error(`the layer name "${PLATFORM_LAYER_NAME}" is reserved`);
  }
  return bundleFor([platformLayer, ...tenantLayers]);
}

export function tenantBundle(tenant: CompiledPolicy): PolicyBundle {
  return withPlatform([{ name: "tenant", policy: tenant }]);
}
