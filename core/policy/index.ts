/** Public API of the policy engine (pure: usable in the Worker, the DO, the CLI, the console). */
export { compilePolicy, type CompileResult } from "./compile";
export { loadStoredForm, STORED_FORM_VERSION } from "./stored-form";
export { parseYaml } from "./yaml-tree";
export { evaluate } from "./evaluate";
export { bundleFor, layer } from "./layers";
export { bundleId } from "./bundle-id";
export { parseToolCall, toolCallSchema, type ParsedCall } from "./call-schema";
export {
  PLATFORM_LAYER_NAME,
  PLATFORM_POLICY_SOURCE,
  platformLayer,
  platformPolicy,
  tenantBundle,
  withPlatform,
} from "./platform-layer";
export { DEFAULT_OBLIGATION_PHASE } from "./obligations";
export { translatePythonRegex, MAX_REGEX_LENGTH } from "./python-regex";
export {
  FIRST_LAYER_WINS,
  LAST_LAYER_WINS,
  LYNX_DEFAULTS,
  MERGE_MODES,
  STRICTEST_WINS,
  type Combiner,
  type CanonicalPolicy,
  type CanonicalRule,
  type CompiledPolicy,
  type CompiledRule,
  type PolicyBundle,
  type PolicyDefaults,
  type PolicyLayer,
} from "./model";
export * from "./types";
