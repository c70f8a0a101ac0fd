/**
 * Python's `==`, ordering and `in` over JSON values, as Lynx's operators apply them: booleans
 * are numbers (True == 1), lists compare element by element, and an ordering or containment
 * between types Python cannot compare throws a TypeError RuleFault.
 */
import { compareStrings } from "./json-values";
import { TYPE_FAULT } from "./rule-fault";
import type { JsonValue } from "./types";

type Numeric = number | boolean;
const isNumeric = (v: JsonValue): v is Numeric => typeof v === "number" || typeof v === "boolean";
const num = (v: Numeric): number => (v === true ? 1 : v === false ? 0 : v);

export function pyEq(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (isNumeric(a)) return isNumeric(b) && num(a) === num(b);
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!pyEq(a[i]!, b[i]!)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key) || !pyEq(a[key]!, b[key]!)) return false;
  }
  return true;
}

export type Ordering = "lt" | "le" | "gt" | "ge";

function apply(op: Ordering, x: number): boolean {
  switch (op) {
    case "lt":
      return x < 0;
    case "le":
      return x <= 0;
    case "gt":
      return x > 0;
    case "ge":
      return x >= 0;
  }
}

/** Python's `a < b` (and friends); throws a TypeError fault for unorderable types. */
export function pyOrder(op: Ordering, a: JsonValue, b: JsonValue): boolean {
  if (isNumeric(a) && isNumeric(b)) {
    const x = num(a);
    const y = num(b);
    // Direct comparisons, so NaN compares false as in Python.
    return op === "lt" ? x < y : op === "le" ? x <= y : op === "gt" ? x > y : x >= y;
  }
  if (typeof a === "string" && typeof b === "string") return apply(op, compareStrings(a, b));
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!pyEq(a[i]!, b[i]!)) return pyOrder(op, a[i]!, b[i]!);
    }
    return apply(op, a.length - b.length);
  }
  throw TYPE_FAULT;
}

export function isHashable(v: JsonValue): boolean {
  return v === null || typeof v !== "object";
}

/** Python's `needle in container` for a non-null container. */
export function pyIn(needle: JsonValue, container: JsonValue): boolean {
  if (typeof container === "string") {
    if (typeof needle !== "string") throw TYPE_FAULT;
    return container.includes(needle);
  }
  if (Array.isArray(container)) {
    if (typeof needle === "string") {
      for (let i = 0; i < container.length; i++) if (container[i] === needle) return true;
      return false;
    }
    for (let i = 0; i < container.length; i++) if (pyEq(container[i]!, needle)) return true;
    return false;
  }
  if (container !== null && typeof container === "object") {
    if (!isHashable(needle)) throw TYPE_FAULT; // unhashable key
    return typeof needle === "string" && Object.prototype.hasOwnProperty.call(container, needle);
  }
  throw TYPE_FAULT; // numbers, booleans and None are not containers
}
