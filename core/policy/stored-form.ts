/**
 * A compiled policy as text, written when a policy is activated and loaded after a wake
 * without compiling: no YAML, no checks, no lints, no regex translation. It holds the rules
 * (plain data), each rule's tool gate and conjuncts (indexes into one table of conjunct forms,
 * so a predicate used by many rules is stored and built once), and, on a second line, the
 * canonical form (parsed only when asked for). Closures are built with the compiler's own
 * builders, per rule, the first time a plan needs the rule, so a load does no per-rule work
 * beyond JSON.parse and a shape check.
 *
 * A value JSON cannot hold (`.inf`, `.nan`, `-0`) makes its line boxed: every object wrapped,
 * such numbers tagged, so nothing a policy writes can be mistaken for a tag. A form that does
 * not decode or has the wrong shape loads as null; the caller compiles the source instead.
 */
import { deepFreeze } from "./deep-freeze";
import { setOwn } from "./json-values";
import {
  anyConjunct,
  leafConjunct,
  notConjunct,
  type AnalysedConjunct,
  type Conjunct,
  type ConjunctForm,
} from "./match-compiler";
import type { CanonicalPolicy, CompiledPolicy, CompiledRule, PolicyDefaults } from "./model";
import { compileOperator } from "./operators";
import { compileGetter, isOperator, PATH_ROOTS, type Getter } from "./paths";
import { planner } from "./program";
import type { RuleCompilation } from "./rule-compiler";
import type { JsonObject, JsonValue } from "./types";

/** Bumped whenever the shape below changes: a form of another version is not loaded. */
export const STORED_FORM_VERSION = 2;

interface StoredProgram {
  readonly defaults: PolicyDefaults;
  /** In evaluation order. */
  readonly rules: readonly CompiledRule[];
  readonly gates: readonly (readonly string[] | null)[];
  /** Per rule, its conjuncts as indexes into `conjuncts`. */
  readonly matches: readonly (readonly number[])[];
  /** Each form refers only to forms before it. */
  readonly conjuncts: readonly ConjunctForm<number>[];
}

export function encodeStoredForm(
  defaults: PolicyDefaults,
  compiled: readonly RuleCompilation[],
  canonical: CanonicalPolicy,
): string {
  const index = new Map<AnalysedConjunct, number>();
  const conjuncts: ConjunctForm<number>[] = [];
  const ref = (a: AnalysedConjunct): number => {
    const known = index.get(a);
    if (known !== undefined) return known;
    const f = a.form;
    const form: ConjunctForm<number> =
      "leaf" in f
        ? f
        : "not" in f
          ? { not: f.not.map(ref) }
          : { any: f.any.map((item) => item.map(ref)) };
    const at = conjuncts.push(form) - 1;
    index.set(a, at);
    return at;
  };
  const program: StoredProgram = {
    defaults,
    rules: compiled.map((c) => c.rule),
    gates: compiled.map((c) => c.conjuncts[0]?.conjunct.tools ?? null),
    matches: compiled.map((c) => c.conjuncts.map(ref)),
    conjuncts,
  };
  return `${jsonText(program)}\n${jsonText(canonical)}`;
}

export function loadStoredForm(text: string): CompiledPolicy | null {
  const cut = text.indexOf("\n");
  if (cut < 0) return null;
  const program = parseJsonText(text.slice(0, cut));
  if (!isProgram(program)) return null;
  const { defaults, rules, gates, matches, conjuncts: forms } = program;
  // As compiled: obligations and transform values are frozen, so decisions can share them.
  for (const rule of rules) {
    for (const o of rule.obligations) deepFreeze(o as unknown as JsonObject);
    if (rule.verdict === "transform" && rule.transform.action.kind === "set")
      deepFreeze(rule.transform.action.value);
  }
  const getters = new Map<string, Getter>();
  const built: (Conjunct | undefined)[] = new Array(forms.length);
  const conjunct = (i: number): Conjunct => (built[i] ??= build(forms[i]!));
  const build = (form: ConjunctForm<number>): Conjunct => {
    if ("not" in form) return notConjunct(form.not.map(conjunct));
    if ("any" in form) return anyConjunct(form.any.map((item) => item.map(conjunct)));
    const { path: steps, op, rhs, regex } = form.leaf;
    const [root, ...segments] = steps;
    const path = { root, segments };
    const key = steps.join("\u0000");
    let get = getters.get(key);
    if (get === undefined) getters.set(key, (get = compileGetter(path)));
    const result = compileOperator(op, get, rhs, regex ?? undefined);
    if (!result.ok) throw new Error(`stored policy form does not build: ${result.message}`);
    return leafConjunct(path, op, rhs, get, result);
  };
  const canonicalText = text.slice(cut + 1);
  let canonical: CanonicalPolicy | undefined;
  return {
    kind: "policy",
    version: 1,
    defaults,
    rules,
    get canonical() {
      return (canonical ??= parseJsonText(canonicalText) as unknown as CanonicalPolicy);
    },
    planFor: planner(rules, gates, (i) => matches[i]!.map(conjunct)),
  };
}

// ── JSON text, boxed when a value JSON cannot hold is present ─────────────────────────────

const BOXED = "!";

const unrepresentable = (v: unknown) =>
  typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0));

function jsonText(value: unknown): string {
  let plain = true;
  const text = JSON.stringify(value, (_, v: unknown) => {
    if (unrepresentable(v)) plain = false;
    return v;
  });
  return plain ? text : BOXED + JSON.stringify(box(value));
}

function parseJsonText(text: string): unknown {
  try {
    return text.startsWith(BOXED) ? unbox(JSON.parse(text.slice(BOXED.length))) : JSON.parse(text);
  } catch {
    return undefined;
  }
}

type Boxed = JsonValue | Boxed[] | { readonly o: [string, Boxed][] } | { readonly n: string };

function box(v: unknown): Boxed {
  if (typeof v === "number")
    return unrepresentable(v) ? { n: Object.is(v, -0) ? "-0" : String(v) } : v;
  if (v === null || typeof v !== "object") return v as JsonValue;
  if (Array.isArray(v)) return v.map(box);
  return {
    o: Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, box((v as Record<string, unknown>)[k])]),
  };
}

/** Throws on anything box() does not write (parseJsonText turns that into undefined). */
function unbox(v: unknown): JsonValue {
  if (v === null || typeof v !== "object") return v as JsonValue;
  if (Array.isArray(v)) return v.map(unbox);
  const boxed = v as { o?: unknown; n?: unknown };
  if (typeof boxed.n === "string") return boxed.n === "-0" ? -0 : Number(boxed.n);
  if (!Array.isArray(boxed.o)) throw new Error("not a boxed value");
  const out: JsonObject = {};
  for (const [k, x] of boxed.o as [string, unknown][]) setOwn(out, k, unbox(x));
  return out;
}

// ── The shape check: cheap, no closures ──────────────────────────────────────────────────

type Loose = Record<string, unknown>;
const isObject = (x: unknown): x is Loose => typeof x === "object" && x !== null;
const isString = (x: unknown): x is string => typeof x === "string";
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);
const DEFAULT_VERDICTS: readonly unknown[] = ["allow", "deny", "dry_run", "approve_required"];

function isProgram(p: unknown): p is StoredProgram {
  if (!isObject(p) || !isObject(p.defaults)) return false;
  const { rules, gates, matches, conjuncts } = p;
  if (!Array.isArray(rules) || !Array.isArray(gates) || !Array.isArray(matches)) return false;
  if (!Array.isArray(conjuncts) || !conjuncts.every(isConjunctForm)) return false;
  const n = rules.length;
  const isRef = (r: unknown) =>
    Number.isInteger(r) && (r as number) >= 0 && (r as number) < conjuncts.length;
  return (
    DEFAULT_VERDICTS.includes(p.defaults.on_no_match) &&
    DEFAULT_VERDICTS.includes(p.defaults.on_missing_shadow) &&
    gates.length === n &&
    matches.length === n &&
    rules.every(isRule) &&
    gates.every((g) => g === null || isStrings(g)) &&
    matches.every((m) => Array.isArray(m) && m.every(isRef))
  );
}

function isRule(r: unknown): boolean {
  if (!isObject(r)) return false;
  const ints = [r.priority, r.order, r.line].every(Number.isInteger);
  if (!ints || !isString(r.id) || !isString(r.reason)) return false;
  if (!Array.isArray(r.obligations) || !r.obligations.every(isObligation)) return false;
  switch (r.verdict) {
    case "allow":
    case "deny":
    case "dry_run":
      return true;
    case "approve_required":
      return isStrings(r.approvers) && Number.isInteger(r.timeoutSeconds);
    case "transform":
      return isTransform(r.transform);
    default:
      return false;
  }
}

function isObligation(o: unknown): boolean {
  return (
    isObject(o) && isString(o.id) && (o.phase === "pre" || o.phase === "post") && isObject(o.params)
  );
}

function isTransform(t: unknown): boolean {
  if (!isObject(t) || !isStrings(t.path) || t.path.length === 0 || !isObject(t.action))
    return false;
  const a = t.action;
  return (
    (a.kind === "set" && "value" in a) ||
    (a.kind === "append" && isString(a.suffix)) ||
    a.kind === "delete"
  );
}

/** A form whose references all point to forms before it (`at`), so building terminates. */
function isConjunctForm(f: unknown, at: number): boolean {
  if (!isObject(f)) return false;
  const isRef = (r: unknown) => Number.isInteger(r) && (r as number) >= 0 && (r as number) < at;
  const isAnd = (list: unknown) => Array.isArray(list) && list.every(isRef);
  if ("not" in f) return isAnd(f.not);
  if ("any" in f) return Array.isArray(f.any) && f.any.every(isAnd);
  const leaf = f.leaf;
  if (!isObject(leaf) || !isStrings(leaf.path) || !("rhs" in leaf)) return false;
  if (!(PATH_ROOTS as readonly string[]).includes(leaf.path[0]!)) return false;
  if (!isString(leaf.op) || !isOperator(leaf.op)) return false;
  const re = leaf.regex;
  if (re === null) return true;
  if (!isObject(re)) return false;
  if (isString(re.source)) return isString(re.flags);
  const lit = re.literal;
  return (
    isObject(lit) &&
    isString(lit.text) &&
    typeof lit.start === "boolean" &&
    (lit.end === "none" || lit.end === "dollar" || lit.end === "absolute")
  );
}
