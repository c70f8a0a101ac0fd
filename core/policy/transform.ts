/**
 * Transform rules rewrite the call's arguments. As Lynx, `jsonpath: "$.args.a.b"` names the
 * flat key "a.b"; the `path: [a, b]` extension names the nested value args.a.b. Both are kept
 * as a list of keys (a flat key is a one-element path). The call is never mutated.
 */
import { isJsonObject, pythonStr } from "./json-values";
import { TYPE_FAULT } from "./rule-fault";
import type { JsonObject, JsonValue } from "./types";

export type TransformAction =
  | { readonly kind: "set"; readonly value: JsonValue }
  | { readonly kind: "append"; readonly suffix: string }
  | { readonly kind: "delete" };

export interface TransformSpec {
  readonly path: readonly [string, ...string[]];
  readonly action: TransformAction;
}

export function canonicalTransform(spec: TransformSpec): JsonValue {
  const path = [...spec.path];
  switch (spec.action.kind) {
    case "set":
      return { path, set: spec.action.value };
    case "append":
      return { path, append: spec.action.suffix };
    case "delete":
      return { path, delete: true };
  }
}

function define(target: JsonObject, key: string, value: JsonValue): void {
  // defineProperty, not assignment: a "__proto__" key must stay an ordinary own property.
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function cloneJson(value: JsonValue): JsonValue {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(cloneJson);
  const out: JsonObject = {};
  for (const key of Object.keys(value)) define(out, key, cloneJson(value[key]!));
  return out;
}

function copy(source: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(source)) define(out, key, source[key]!);
  return out;
}

/**
 * New arguments after the transform. Walking through a value that is not a mapping is a
 * type mismatch (TypeError RuleFault); a missing intermediate is created for set/append and
 * makes delete a no-op.
 */
export function applyTransform(spec: TransformSpec, args: JsonObject): JsonObject {
  const root = copy(args);
  let parent = root;
  const last = spec.path.length - 1;
  for (let i = 0; i < last; i++) {
    const key = spec.path[i]!;
    const child = Object.prototype.hasOwnProperty.call(parent, key) ? parent[key] : undefined;
    if (child === undefined || child === null) {
      if (spec.action.kind === "delete") return root;
      const fresh: JsonObject = {};
      define(parent, key, fresh);
      parent = fresh;
      continue;
    }
    if (!isJsonObject(child)) throw TYPE_FAULT;
    const next = copy(child);
    define(parent, key, next);
    parent = next;
  }
  const key = spec.path[last]!;
  const present = Object.prototype.hasOwnProperty.call(parent, key);
  switch (spec.action.kind) {
    case "set":
      define(parent, key, cloneJson(spec.action.value));
      break;
    case "append":
      define(parent, key, (present ? pythonStr(parent[key]!) : "") + spec.action.suffix);
      break;
    case "delete":
      if (present) delete parent[key];
      break;
  }
  return root;
}
