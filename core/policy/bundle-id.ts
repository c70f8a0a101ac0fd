/**
 * Bundle id: SHA-256 (hex) over the RFC 8785 canonical JSON of the compiled form. For a policy
 * that is {version, defaults, rules (evaluation order, predicates inlined, verdicts lower-case,
 * effective approvers/timeout)}; for a bundle {combiner, layers: [{id, name}]} where id is the
 * layer policy's own bundle id. Formatting, comments and key order cannot change it.
 */
import { canonicalJson } from "../canonical-json";
import { toHex, utf8 } from "../encoding";
import type { CompiledPolicy, PolicyBundle } from "./model";

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", utf8.encode(text));
  return toHex(new Uint8Array(digest));
}

export async function bundleId(target: CompiledPolicy | PolicyBundle): Promise<string> {
  if (target.kind === "policy") return sha256Hex(canonicalJson(target.canonical));
  const layers = await Promise.all(
    target.layers.map(async (layer) => ({ id: await bundleId(layer.policy), name: layer.name })),
  );
  return sha256Hex(canonicalJson({ combiner: target.combiner, layers }));
}
