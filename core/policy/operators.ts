/**
 * One closure per match leaf. Semantics (as Lynx, with no type coercion):
 * - A missing value is null; every operator is false on null except plain equality with null.
 * - Equality (`eq`, `in`, list membership) is strict structural equality: different types are
 *   simply unequal, as in Python.
 * - Ordering (`gt` `ge` `lt` `le` `between` `not_between`) and substring / key containment need
 *   matching types; a mismatch throws a TypeError RuleFault (the rule is skipped and marked).
 */
import { compareStrings, isJsonObject, jsonEqual } from "./json-values";
import type { Getter, Operator } from "./paths";
import { translatePythonRegex } from "./python-regex";
import { TYPE_FAULT } from "./rule-fault";
import type { JsonValue, ToolCall } from "./types";

export type Matcher = (call: ToolCall) => boolean;

export type OperatorResult =
  { readonly ok: true; readonly test: Matcher } | { readonly ok: false; readonly message: string };

const ok = (test: Matcher): OperatorResult => ({ ok: true, test });
const bad = (message: string): OperatorResult => ({ ok: false, message });

function describe(v: JsonValue): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}

export function compileOperator(op: Operator, get: Getter, rhs: JsonValue): OperatorResult {
  switch (op) {
    case "eq":
      return ok(equality(get, rhs));
    case "matches": {
      if (typeof rhs !== "string") return bad(`matches needs a regex string, got ${describe(rhs)}`);
      const translated = translatePythonRegex(rhs);
      if (!translated.ok) return bad(`invalid regex for matches: ${translated.message}`);
      const re = translated.regex;
      return ok((c) => {
        const v = get(c);
        return typeof v === "string" && re.test(v);
      });
    }
    case "in":
      if (!Array.isArray(rhs))
        return bad(`in needs a list on the right-hand side, got ${describe(rhs)}`);
      return ok(membership(get, rhs));
    case "contains":
      return ok((c) => {
        const v = get(c);
        return v !== null && containsOne(v, rhs);
      });
    case "contains_any":
    case "contains_all": {
      if (!Array.isArray(rhs))
        return bad(`${op} needs a list on the right-hand side, got ${describe(rhs)}`);
      const items = rhs;
      if (op === "contains_any") {
        return ok((c) => {
          const v = get(c);
          if (v === null) return false;
          for (let i = 0; i < items.length; i++) if (containsOne(v, items[i]!)) return true;
          return false;
        });
      }
      return ok((c) => {
        const v = get(c);
        if (v === null) return false;
        for (let i = 0; i < items.length; i++) if (!containsOne(v, items[i]!)) return false;
        return true;
      });
    }
    case "gt":
    case "ge":
    case "lt":
    case "le":
      if (typeof rhs !== "number" && typeof rhs !== "string") {
        return bad(`${op} needs a number or a string, got ${describe(rhs)}`);
      }
      return ok(ordering(op, get, rhs));
    case "between":
    case "not_between": {
      if (!Array.isArray(rhs) || rhs.length !== 2) {
        return bad(`${op} needs a two-element list [lo, hi], got ${describe(rhs)}`);
      }
      const [lo, hi] = rhs as [JsonValue, JsonValue];
      const bothNumbers = typeof lo === "number" && typeof hi === "number";
      const bothStrings = typeof lo === "string" && typeof hi === "string";
      if (!bothNumbers && !bothStrings) {
        return bad(
          `${op} needs [lo, hi] as two numbers or two strings, got [${describe(lo)}, ${describe(hi)}]`,
        );
      }
      if (compare(lo as number | string, hi as number | string) > 0) {
        return bad(
          `${op}: lo ${JSON.stringify(lo)} is greater than hi ${JSON.stringify(hi)}; the range is empty`,
        );
      }
      return ok(range(get, lo as number | string, hi as number | string, op === "between"));
    }
  }
}

function equality(get: Getter, rhs: JsonValue): Matcher {
  if (rhs === null || typeof rhs !== "object") return (c) => get(c) === rhs;
  return (c) => jsonEqual(get(c), rhs);
}

function membership(get: Getter, rhs: readonly JsonValue[]): Matcher {
  if (rhs.every((x) => x === null || typeof x !== "object")) {
    // Hashable right-hand side (Python builds a frozenset): an unhashable value is a TypeError.
    const set = new Set<JsonValue>(rhs);
    return (c) => {
      const v = get(c);
      if (v === null) return false;
      if (typeof v === "object") throw TYPE_FAULT;
      return set.has(v);
    };
  }
  return (c) => {
    const v = get(c);
    if (v === null) return false;
    for (let i = 0; i < rhs.length; i++) if (jsonEqual(v, rhs[i]!)) return true;
    return false;
  };
}

/** Python's `needle in v` for a non-null value. */
function containsOne(v: JsonValue, needle: JsonValue): boolean {
  if (typeof v === "string") {
    if (typeof needle !== "string") throw TYPE_FAULT;
    return v.includes(needle);
  }
  if (Array.isArray(v)) {
    if (needle === null || typeof needle !== "object") {
      for (let i = 0; i < v.length; i++) if (v[i] === needle) return true;
      return false;
    }
    for (let i = 0; i < v.length; i++) if (jsonEqual(v[i]!, needle)) return true;
    return false;
  }
  if (isJsonObject(v)) {
    if (typeof needle === "string") return Object.prototype.hasOwnProperty.call(v, needle);
    if (needle !== null && typeof needle === "object") throw TYPE_FAULT; // unhashable key
    return false;
  }
  throw TYPE_FAULT; // numbers and booleans are not containers
}

function compare(a: number | string, b: number | string): number {
  if (typeof a === "number") return a - (b as number);
  return compareStrings(a, b as string);
}

function ordering(op: "gt" | "ge" | "lt" | "le", get: Getter, rhs: number | string): Matcher {
  if (typeof rhs === "number") {
    const typed = (c: ToolCall): number | null => {
      const v = get(c);
      if (typeof v === "number") return v;
      if (v === null) return null;
      throw TYPE_FAULT;
    };
    switch (op) {
      case "gt":
        return (c) => {
          const v = typed(c);
          return v !== null && v > rhs;
        };
      case "ge":
        return (c) => {
          const v = typed(c);
          return v !== null && v >= rhs;
        };
      case "lt":
        return (c) => {
          const v = typed(c);
          return v !== null && v < rhs;
        };
      case "le":
        return (c) => {
          const v = typed(c);
          return v !== null && v <= rhs;
        };
    }
  }
  const cmp = (c: ToolCall): number | null => {
    const v = get(c);
    if (typeof v === "string") return compareStrings(v, rhs);
    if (v === null) return null;
    throw TYPE_FAULT;
  };
  switch (op) {
    case "gt":
      return (c) => (cmp(c) ?? 0) > 0;
    case "ge":
      return (c) => {
        const r = cmp(c);
        return r !== null && r >= 0;
      };
    case "lt":
      return (c) => (cmp(c) ?? 0) < 0;
    case "le":
      return (c) => {
        const r = cmp(c);
        return r !== null && r <= 0;
      };
  }
}

/** between (inside = true) or not_between (inside = false); false when the value is missing. */
function range(get: Getter, lo: number | string, hi: number | string, inside: boolean): Matcher {
  if (typeof lo === "number") {
    const l = lo;
    const h = hi as number;
    return (c) => {
      const v = get(c);
      if (v === null) return false;
      if (typeof v !== "number") throw TYPE_FAULT;
      return (l <= v && v <= h) === inside;
    };
  }
  return (c) => {
    const v = get(c);
    if (v === null) return false;
    if (typeof v !== "string") throw TYPE_FAULT;
    return (compareStrings(lo, v) <= 0 && compareStrings(v, hi as string) <= 0) === inside;
  };
}
