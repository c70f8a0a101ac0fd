/**
 * One closure per match leaf, with Lynx's semantics (Python's `==`, ordering and `in`; see
 * python-values.ts):
 * - A missing value is null: every operator is false on null except equality with null (and
 *   `in` a list that holds null).
 * - Ordering (`gt` `ge` `lt` `le` `between` `not_between`) and containment between types Python
 *   cannot compare throw a TypeError RuleFault (the rule is skipped and marked).
 * Leaves that only compare a string with literals also describe themselves (`literal`), so the
 * evaluator can index them instead of running each one.
 */
import type { Getter, Operator } from "./paths";
import { plainLiteral, translatePythonRegex, type LiteralShape } from "./python-regex";
import { isHashable, pyEq, pyIn, pyOrder, type Ordering } from "./python-values";
import { TYPE_FAULT } from "./rule-fault";
import type { JsonValue, ToolCall } from "./types";

export type Matcher = (call: ToolCall) => boolean;

/**
 * For a string value v, the test is exactly "v is one of `equals` or starts with one of
 * `prefixes`"; for any other value it is false or throws (so the evaluator falls back to it).
 */
export interface LiteralTest {
  readonly equals: readonly string[];
  readonly prefixes: readonly string[];
}

/**
 * What a `matches` test runs, decided once when the policy is compiled (translating a Python
 * pattern is most of a compile): a literal shape, or a translated JavaScript pattern.
 */
export type RegexPlan =
  { readonly literal: LiteralShape } | { readonly source: string; readonly flags: string };

export type OperatorResult =
  | {
      readonly ok: true;
      readonly test: Matcher;
      readonly literal: LiteralTest | null;
      /** For `matches`: the plan to store, so a stored policy is built without translating. */
      readonly regex: RegexPlan | null;
      /** Lint notes: Lynx accepts this, and so do we, but it is probably not what was meant. */
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

const ok = (
  test: Matcher,
  literal: LiteralTest | null = null,
  warnings: string[] = [],
  regex: RegexPlan | null = null,
) => ({ ok: true, test, literal, warnings, regex }) as const;
const bad = (message: string): OperatorResult => ({ ok: false, message });

function describe(v: JsonValue): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** `regex`: the stored plan of a `matches` test (see RegexPlan); without it, it is made here. */
export function compileOperator(
  op: Operator,
  get: Getter,
  rhs: JsonValue,
  regex?: RegexPlan,
): OperatorResult {
  switch (op) {
    case "eq":
      if (typeof rhs === "string") {
        return ok((c) => get(c) === rhs, literalTest(op, rhs, null));
      }
      if (rhs === null) return ok((c) => get(c) === null);
      return ok((c) => pyEq(get(c), rhs));
    case "matches":
      return matches(get, rhs, regex);
    case "in":
      if (!Array.isArray(rhs))
        return bad(`in needs a list on the right-hand side, got ${describe(rhs)}`);
      return membership(get, rhs);
    case "contains":
      return ok((c) => {
        const v = get(c);
        return v !== null && pyIn(rhs, v);
      });
    case "contains_any":
    case "contains_all": {
      if (!Array.isArray(rhs)) {
        const lynx =
          typeof rhs === "string"
            ? "Lynx would test each character of the string"
            : rhs !== null && typeof rhs === "object"
              ? "Lynx would test each key of the mapping"
              : "Lynx would fail with a TypeError on every call that has the value";
        return bad(`${op} needs a list on the right-hand side, got ${describe(rhs)} (${lynx})`);
      }
      const items = rhs;
      if (op === "contains_any") {
        return ok((c) => {
          const v = get(c);
          if (v === null) return false;
          for (let i = 0; i < items.length; i++) if (pyIn(items[i]!, v)) return true;
          return false;
        });
      }
      return ok((c) => {
        const v = get(c);
        if (v === null) return false;
        for (let i = 0; i < items.length; i++) if (!pyIn(items[i]!, v)) return false;
        return true;
      });
    }
    case "gt":
    case "ge":
    case "lt":
    case "le":
      return ordering(op, get, rhs);
    case "between":
    case "not_between":
      return range(op, get, rhs);
  }
}

function matches(get: Getter, rhs: JsonValue, stored?: RegexPlan): OperatorResult {
  if (typeof rhs !== "string") return bad(`matches needs a regex string, got ${describe(rhs)}`);
  const plan = stored ?? planRegex(rhs);
  if (typeof plan === "string") return bad(`invalid regex for matches: ${plan}`);
  if ("literal" in plan) return literalMatch(get, plan);
  const re = new RegExp(plan.source, plan.flags);
  return ok(
    (c) => {
      const v = get(c);
      return typeof v === "string" && re.test(v);
    },
    null,
    [],
    plan,
  );
}

/**
 * The literal test of a leaf, or null: `eq` a string, `in` a list of strings, a `matches`
 * whose plan is an anchored literal. Known without building the leaf (a stored policy's
 * plans index rules by it before their tests are built).
 */
export function literalTest(
  op: Operator,
  rhs: JsonValue,
  regex: RegexPlan | null,
): LiteralTest | null {
  switch (op) {
    case "eq":
      return typeof rhs === "string" ? { equals: [rhs], prefixes: [] } : null;
    case "in":
      return Array.isArray(rhs) && rhs.every((x) => typeof x === "string")
        ? { equals: rhs as string[], prefixes: [] }
        : null;
    case "matches": {
      const shape = regex && "literal" in regex ? regex.literal : null;
      if (!shape?.start) return null;
      if (shape.end === "none") return { equals: [], prefixes: [shape.text] };
      // Python's `$` also matches before a final newline; `\Z` only at the very end.
      const text = shape.text;
      return { equals: shape.end === "dollar" ? [text, `${text}\n`] : [text], prefixes: [] };
    }
    default:
      return null;
  }
}

/** The plan of a pattern, or why it cannot be run. */
function planRegex(pattern: string): RegexPlan | string {
  const plain = plainPlan(pattern);
  if (plain) return plain;
  const translated = translatePythonRegex(pattern);
  if (!translated.ok) return translated.message;
  const shape = translated.literal;
  if (shape && (shape.start || shape.end === "none")) return { literal: shape };
  return { source: translated.regex.source, flags: translated.regex.flags };
}

/**
 * The plan of a plain prefix, equality or substring (no regex at all), found without
 * translating: a stored policy need not store it.
 */
export function plainPlan(pattern: string): RegexPlan | null {
  const plain = plainLiteral(pattern);
  return plain && (plain.start || plain.end === "none") ? { literal: plain } : null;
}

/** `^text` (prefix), `^text$` / `^text\Z` (equality) or an unanchored `text` (substring). */
function literalMatch(get: Getter, plan: { readonly literal: LiteralShape }): OperatorResult {
  const shape = plan.literal;
  const text = shape.text;
  if (!shape.start) {
    return ok(
      (c) => {
        const v = get(c);
        return typeof v === "string" && v.includes(text);
      },
      null,
      [],
      plan,
    );
  }
  if (shape.end === "none") {
    return ok(
      (c) => {
        const v = get(c);
        return typeof v === "string" && v.startsWith(text);
      },
      literalTest("matches", null, plan),
      [],
      plan,
    );
  }
  // Python's `$` also matches before a final newline; `\Z` only at the very end.
  const equals = shape.end === "dollar" ? [text, `${text}\n`] : [text];
  const other = equals[equals.length - 1]!;
  return ok(
    (c) => {
      const v = get(c);
      return v === text || v === other;
    },
    literalTest("matches", null, plan),
    [],
    plan,
  );
}

/**
 * Lynx builds a frozenset when every item is a string, number or boolean (an unhashable value
 * is then a TypeError, and null is never in it), else a tuple (plain `==` scan).
 */
function membership(get: Getter, rhs: readonly JsonValue[]): OperatorResult {
  if (rhs.every((x) => x !== null && typeof x !== "object")) {
    if (rhs.every((x) => typeof x === "string")) {
      const set = new Set<JsonValue>(rhs);
      return ok(
        (c) => {
          const v = get(c);
          if (typeof v === "string") return set.has(v);
          if (v === null || isHashable(v)) return false;
          throw TYPE_FAULT;
        },
        literalTest("in", rhs as JsonValue[], null),
      );
    }
    return ok((c) => {
      const v = get(c);
      if (v === null) return false;
      if (!isHashable(v)) throw TYPE_FAULT;
      for (let i = 0; i < rhs.length; i++) if (pyEq(v, rhs[i]!)) return true;
      return false;
    });
  }
  return ok((c) => {
    const v = get(c);
    for (let i = 0; i < rhs.length; i++) if (pyEq(v, rhs[i]!)) return true;
    return false;
  });
}

function neverComparable(rhs: JsonValue): string[] {
  return rhs === null || (typeof rhs === "object" && !Array.isArray(rhs))
    ? [
        `${describe(rhs)} cannot be ordered: every call that has the value is a rule error (as Lynx)`,
      ]
    : [];
}

function ordering(op: Ordering, get: Getter, rhs: JsonValue): OperatorResult {
  const warnings = neverComparable(rhs);
  if (typeof rhs === "number") {
    // The common case, without the generic comparison.
    return ok((c) => {
      const v = get(c);
      if (typeof v === "number") {
        return op === "gt" ? v > rhs : op === "ge" ? v >= rhs : op === "lt" ? v < rhs : v <= rhs;
      }
      return v !== null && pyOrder(op, v, rhs);
    });
  }
  return ok(
    (c) => {
      const v = get(c);
      return v !== null && pyOrder(op, v, rhs);
    },
    null,
    warnings,
  );
}

/** `lo <= v <= hi` as Python chains it: `lo <= v and v <= hi`. */
function range(op: "between" | "not_between", get: Getter, rhs: JsonValue): OperatorResult {
  if (!Array.isArray(rhs) || rhs.length !== 2) {
    return bad(`${op} needs a two-element list [lo, hi], got ${describe(rhs)}`);
  }
  const [lo, hi] = rhs as [JsonValue, JsonValue];
  const warnings: string[] = [];
  let empty: boolean;
  try {
    empty = pyOrder("gt", lo, hi);
  } catch {
    // Lynx compares lo > hi for between and fails; not_between never checks.
    if (op === "between") {
      return bad(
        `between needs [lo, hi] that can be compared, got [${describe(lo)}, ${describe(hi)}]`,
      );
    }
    empty = false;
    warnings.push(
      `[${describe(lo)}, ${describe(hi)}] cannot be compared: every call that has the value is a rule error (as Lynx)`,
    );
  }
  if (empty) {
    if (op === "between") {
      return bad(
        `between: lo ${JSON.stringify(lo)} is greater than hi ${JSON.stringify(hi)}; the range is empty`,
      );
    }
    warnings.push(
      `not_between: lo ${JSON.stringify(lo)} is greater than hi ${JSON.stringify(hi)}, so every value is outside (as Lynx)`,
    );
  }
  const inside = op === "between";
  if (typeof lo === "number" && typeof hi === "number") {
    return ok(
      (c) => {
        const v = get(c);
        if (v === null) return false;
        if (typeof v === "number") return (lo <= v && v <= hi) === inside;
        return (pyOrder("le", lo, v) && pyOrder("le", v, hi)) === inside;
      },
      null,
      warnings,
    );
  }
  return ok(
    (c) => {
      const v = get(c);
      if (v === null) return false;
      return (pyOrder("le", lo, v) && pyOrder("le", v, hi)) === inside;
    },
    null,
    warnings,
  );
}
