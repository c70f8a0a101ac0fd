import type { JsonValue, PolicyBundle } from "../policy";

/** Whether a canonical `match` tests the tool name alone and covers `tool`. */
function matchesToolOnly(match: JsonValue, tool: string): boolean {
  if (!match || typeof match !== "object" || Array.isArray(match)) return false;
  const keys = Object.keys(match);
  if (keys.length !== 1) return false;
  const value = match[keys[0]!];
  if (keys[0] === "tool") return value === tool;
  if (keys[0] === "tool.in") return Array.isArray(value) && value.includes(tool);
  return false;
}

/** Whether a canonical `match` names other tools only, so it can never apply to `tool`. */
function namesOtherTool(match: JsonValue, tool: string): boolean {
  if (!match || typeof match !== "object" || Array.isArray(match)) return false;
  const only = match["tool"];
  if (typeof only === "string") return only !== tool;
  const any = match["tool.in"];
  return Array.isArray(any) && !any.includes(tool);
}

/**
 * True when `bundle` denies every possible call of `tool`, whatever its arguments, declared
 * metadata or context: some layer's first rule that could apply with a verdict other than deny
 * does not exist before an unconditional deny for the tool. Conservative: a tool is hidden only
 * when no call of it could ever be allowed (so tools/list never hides a usable tool).
 */
export function deniedForEveryCall(bundle: PolicyBundle, tool: string): boolean {
  let everyLayerAbstainsOrDenies = true;
  for (const { policy } of bundle.layers) {
    for (const rule of policy.canonical.rules) {
      if (namesOtherTool(rule.match, tool)) continue;
      const unconditional = matchesToolOnly(rule.match, tool);
      if (rule.decision === "deny" && unconditional) return true;
      if (rule.decision !== "deny") {
        // This rule may decide some call; the layer does not deny them all.
        everyLayerAbstainsOrDenies = false;
        break;
      }
    }
  }
  // Only conditional denies (or nothing) anywhere: a call none of them matches gets the default.
  return everyLayerAbstainsOrDenies && bundle.defaults.on_no_match === "deny";
}
