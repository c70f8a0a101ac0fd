/**
 * Layered bundles: named layers and a combiner (strictest-wins by default; the platform layer
 * always uses it).
 */
import {
  STRICTEST_WINS,
  type Combiner,
  type CompiledPolicy,
  type PolicyBundle,
  type PolicyDefaults,
  type PolicyLayer,
} from "./model";
import { VERDICT_SEVERITY, type DefaultVerdict } from "./types";

const LAYER_NAME = /^[a-z][a-z0-9_-]{0,62}$/;

function strictest(a: DefaultVerdict, b: DefaultVerdict): DefaultVerdict {
  return VERDICT_SEVERITY[b] > VERDICT_SEVERITY[a] ? b : a;
}

/** Throws on an empty list, a bad or repeated layer name: these are programming errors. */
export function bundleFor(
  layers: readonly PolicyLayer[],
  combiner: Combiner = STRICTEST_WINS,
): PolicyBundle {
  if (layers.length === 0) throw new Error("a policy bundle needs at least one layer");
  const names = new Set<string>();
  for (const layer of layers) {
    if (!LAYER_NAME.test(layer.name))
      throw new Error(`invalid layer name ${JSON.stringify(layer.name)}`);
    if (names.has(layer.name))
      throw new Error(`duplicate layer name ${JSON.stringify(layer.name)}`);
    names.add(layer.name);
  }
  const defaults: PolicyDefaults = layers.slice(1).reduce<PolicyDefaults>(
    (acc, { policy }) => ({
      on_no_match: strictest(acc.on_no_match, policy.defaults.on_no_match),
      on_missing_shadow: strictest(acc.on_missing_shadow, policy.defaults.on_missing_shadow),
    }),
    layers[0]!.policy.defaults,
  );
  return { kind: "bundle", layers: [...layers], defaults, combiner };
}

export function layer(name: string, policy: CompiledPolicy): PolicyLayer {
  return { name, policy };
}
