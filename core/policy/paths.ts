/**
 * Match keys: a dotted path into the call, optionally ending in an operator. Getters are
 * resolved once at compile time into straight-line closures.
 */
import type { JsonValue, ToolCall } from "./types";

export const OPERATORS = [
  "eq",
  "matches",
  "in",
  "contains",
  "contains_any",
  "contains_all",
  "gt",
  "ge",
  "lt",
  "le",
  "between",
  "not_between",
] as const;
export type Operator = (typeof OPERATORS)[number];
const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);

export function isOperator(word: string): word is Operator {
  return OPERATOR_SET.has(word);
}

export const PATH_ROOTS = ["tool", "args", "declared", "context"] as const;
export type PathRoot = (typeof PATH_ROOTS)[number];

/** Known fields, used only for "unknown field" warnings (unknown fields still resolve to null). */
export const DECLARED_FIELDS = ["scope", "reversible", "has_shadow", "cost", "blast_radius_hint"];
export const CONTEXT_FIELDS = [
  "environment",
  "workspace",
  "channel",
  "principal",
  "run_id",
  "correlation_id",
  "step_seq",
  "extra",
];
export const PRINCIPAL_FIELDS = ["kind", "id", "name"];

export interface Path {
  readonly root: PathRoot;
  readonly segments: readonly string[];
}

export type Getter = (call: ToolCall) => JsonValue;

const hasOwn = Object.prototype.hasOwnProperty;
const isArray = Array.isArray;

/** Which part of the call a walk starts from (a branch here is cheaper than a call). */
const ARGS = 0;
const DECLARED = 1;
const CONTEXT = 2;
type Root = typeof ARGS | typeof DECLARED | typeof CONTEXT;

function rootValue(c: ToolCall, root: Root): unknown {
  return root === ARGS ? c.args : root === DECLARED ? c.declared : c.context;
}

/** Own-property walk; needed only for keys that name something on Object.prototype. */
function safeWalk(start: unknown, segments: readonly string[]): JsonValue {
  let v = start;
  for (let i = 0; i < segments.length; i++) {
    const key = segments[i]!;
    if (typeof v !== "object" || v === null || isArray(v) || !hasOwn.call(v, key)) return null;
    v = (v as Record<string, unknown>)[key];
  }
  return v === undefined ? null : (v as JsonValue);
}

/**
 * A getter with the walk inlined (no per-step closures: this is the hot path). For keys that
 * do not exist on Object.prototype a plain read of a JSON object is exact; keys such as
 * "constructor" or "__proto__" take the own-property walk.
 */
function chain(root: Root, segments: readonly string[]): Getter {
  if (segments.some((key) => key in Object.prototype))
    return (c) => safeWalk(rootValue(c, root), segments);
  const [k1, k2, k3] = segments;
  switch (segments.length) {
    case 0:
      return (c) => {
        const v = rootValue(c, root);
        return v === undefined ? null : (v as JsonValue);
      };
    case 1:
      return (c) => {
        const r = rootValue(c, root) as Record<string, JsonValue | undefined>;
        if (typeof r !== "object" || r === null || isArray(r)) return null;
        const v = r[k1!];
        return v === undefined ? null : v;
      };
    case 2:
      return (c) => {
        const r = rootValue(c, root) as Record<string, JsonValue | undefined>;
        if (typeof r !== "object" || r === null || isArray(r)) return null;
        const a = r[k1!] as Record<string, JsonValue | undefined> | undefined;
        if (typeof a !== "object" || a === null || isArray(a)) return null;
        const v = a[k2!];
        return v === undefined ? null : v;
      };
    case 3:
      return (c) => {
        const r = rootValue(c, root) as Record<string, JsonValue | undefined>;
        if (typeof r !== "object" || r === null || isArray(r)) return null;
        const a = r[k1!] as Record<string, JsonValue | undefined> | undefined;
        if (typeof a !== "object" || a === null || isArray(a)) return null;
        const b = a[k2!] as Record<string, JsonValue | undefined> | undefined;
        if (typeof b !== "object" || b === null || isArray(b)) return null;
        const v = b[k3!];
        return v === undefined ? null : v;
      };
    default:
      return (c) => {
        let v: unknown = rootValue(c, root);
        for (let i = 0; i < segments.length; i++) {
          if (typeof v !== "object" || v === null || isArray(v)) return null;
          v = (v as Record<string, unknown>)[segments[i]!];
        }
        return v === undefined ? null : (v as JsonValue);
      };
  }
}

export function compileGetter(path: Path): Getter {
  const segs = path.segments;
  switch (path.root) {
    case "tool":
      return (c) => (typeof c.tool === "string" ? c.tool : null);
    case "args":
      return chain(ARGS, segs);
    case "declared":
      return chain(DECLARED, segs);
    case "context": {
      const [first, ...rest] = segs;
      // `run_id` and Lynx's `correlation_id` name the same thing.
      if (first === "run_id" || first === "correlation_id") {
        const own = chain(CONTEXT, [first]);
        const other = chain(CONTEXT, [first === "run_id" ? "correlation_id" : "run_id"]);
        return (c) => {
          const v = own(c);
          return safeWalk(v !== null ? v : other(c), rest);
        };
      }
      return chain(CONTEXT, segs);
    }
  }
}
