/**
 * A compiled policy as text, written when a policy is activated and loaded after a wake
 * without compiling: no YAML, no checks, no lints, no regex translation. The first line holds
 * the rules (as tuples, in evaluation order) and each rule's conjuncts as indexes into one
 * table of conjunct forms (equal forms stored once: a predicate or `tool: X` shared by many
 * rules is stored and built once); the second, the canonical form, parsed only when asked
 * for. Closures are built with the compiler's own builders, per conjunct, the first time a
 * plan needs the rule, so a load does no per-rule work beyond JSON.parse and a shape check.
 *
 * A value JSON cannot hold (`.inf`, `.nan`, `-0`) makes its line boxed: every object wrapped,
 * such numbers tagged, so nothing a policy writes can be mistaken for a tag. A form that does
 * not decode or has the wrong shape loads as null; the caller compiles the source instead.
 */
import { deepFreeze } from "./deep-freeze";
import { setOwn } from "./json-values";
import {
  anyConjunct,
  notConjunct,
  toolsOf,
  type AnalysedConjunct,
  type Conjunct,
  type LeafForm,
} from "./match-compiler";
import type { CanonicalPolicy, CompiledPolicy, CompiledRule, PolicyDefaults } from "./model";
import { compileOperator, literalTest, plainPlan, type Matcher, type RegexPlan } from "./operators";
import {
  compileGetter,
  isOperator,
  PATH_ROOTS,
  type Getter,
  type Operator,
  type PathRoot,
} from "./paths";
import { planner } from "./program";
import type { RuleCompilation } from "./rule-compiler";
import type { TransformSpec } from "./transform";
import type { JsonObject, JsonValue, Obligation } from "./types";

/** Bumped whenever the shape below changes: a form of another version is not loaded. */
export const STORED_FORM_VERSION = 2;

/**
 * A leaf: its path as an index into `paths`; the regex plan only when it is not a plain
 * pattern's (plainPlan).
 */
type StoredLeaf =
  | readonly [op: Operator, path: number, rhs: JsonValue]
  | readonly [op: Operator, path: number, rhs: JsonValue, regex: RegexPlan];

/** A leaf, or `not` / `any_of` over indexes of forms stored before it. */
type StoredConjunct =
  | StoredLeaf
  | { readonly not: readonly number[] }
  | { readonly any: readonly (readonly number[])[] };

type RuleHead = [
  id: string,
  priority: number,
  order: number,
  line: number,
  reason: string,
  obligations: readonly Obligation[],
];
type StoredRule =
  | readonly [...RuleHead, verdict: "allow" | "deny" | "dry_run"]
  | readonly [
      ...RuleHead,
      verdict: "approve_required",
      approvers: readonly string[],
      timeout: number,
    ]
  | readonly [...RuleHead, verdict: "transform", transform: TransformSpec];

interface StoredProgram {
  readonly defaults: PolicyDefaults;
  /** In evaluation order. */
  readonly rules: readonly StoredRule[];
  /** Per rule, its conjuncts as indexes into `conjuncts`. */
  readonly matches: readonly (readonly number[])[];
  readonly conjuncts: readonly StoredConjunct[];
  /** The distinct leaf paths, root first. */
  readonly paths: readonly LeafForm["path"][];
}

export function encodeStoredForm(
  defaults: PolicyDefaults,
  compiled: readonly RuleCompilation[],
  canonical: CanonicalPolicy,
): string {
  const conjuncts: StoredConjunct[] = [];
  const paths: LeafForm["path"][] = [];
  const pathIndex = new Map<string, number>();
  const storedLeaf = ({ op, path, rhs, regex }: LeafForm): StoredLeaf => {
    const key = path.join("\u0000");
    let at = pathIndex.get(key);
    if (at === undefined) pathIndex.set(key, (at = paths.push(path) - 1));
    const derivable = regex === null || (typeof rhs === "string" && plainPlan(rhs) !== null);
    return derivable ? [op, at, rhs] : [op, at, rhs, regex];
  };
  const byShape = new Map<string, number>();
  const byObject = new Map<AnalysedConjunct, number>();
  const ref = (a: AnalysedConjunct): number => {
    const known = byObject.get(a);
    if (known !== undefined) return known;
    const f = a.form;
    const form: StoredConjunct =
      "leaf" in f
        ? storedLeaf(f.leaf)
        : "not" in f
          ? { not: f.not.map(ref) }
          : { any: f.any.map((item) => item.map(ref)) };
    const shape = JSON.stringify(box(form));
    let at = byShape.get(shape);
    if (at === undefined) byShape.set(shape, (at = conjuncts.push(form) - 1));
    byObject.set(a, at);
    return at;
  };
  const program: StoredProgram = {
    defaults,
    rules: compiled.map((c) => storedRule(c.rule)),
    matches: compiled.map((c) => c.conjuncts.map(ref)),
    conjuncts,
    paths,
  };
  return `${jsonText(program)}\n${jsonText(canonical)}`;
}

function storedRule(r: CompiledRule): StoredRule {
  const head: RuleHead = [r.id, r.priority, r.order, r.line, r.reason, r.obligations];
  switch (r.verdict) {
    case "approve_required":
      return [...head, r.verdict, r.approvers, r.timeoutSeconds];
    case "transform":
      return [...head, r.verdict, r.transform];
    default:
      return [...head, r.verdict];
  }
}

/** As the rule compiler spells them: one object literal per shape. */
function ruleOf(t: StoredRule): CompiledRule {
  const [id, priority, order, line, reason, obligations] = t;
  // As compiled: obligations and transform values are frozen, so decisions can share them.
  for (const o of obligations) deepFreeze(o as unknown as JsonObject);
  switch (t[6]) {
    case "approve_required":
      return {
        id,
        priority,
        order,
        line,
        reason,
        obligations,
        verdict: t[6],
        approvers: t[7],
        timeoutSeconds: t[8],
      };
    case "transform": {
      const transform = t[7];
      if (transform.action.kind === "set") deepFreeze(transform.action.value);
      return { id, priority, order, line, reason, obligations, verdict: t[6], transform };
    }
    default:
      return { id, priority, order, line, reason, obligations, verdict: t[6] };
  }
}

export function loadStoredForm(text: string): CompiledPolicy | null {
  const cut = text.indexOf("\n");
  if (cut < 0) return null;
  const program = parseJsonText(text.slice(0, cut));
  if (!isProgram(program)) return null;
  const { defaults, matches, conjuncts: forms } = program;
  const rules = program.rules.map(ruleOf);
  const gates = matches.map((m) => {
    const first = m.length > 0 ? forms[m[0]!]! : null;
    return Array.isArray(first) ? toolsOf(program.paths[first[1]]![0], first[0], first[2]) : null;
  });
  const pathsSeen: (LoadedPath | undefined)[] = new Array(program.paths.length);
  const pathAt = (i: number) => (pathsSeen[i] ??= new LoadedPath(program.paths[i]!));
  const built: (Conjunct | undefined)[] = new Array(forms.length);
  const conjunct = (i: number): Conjunct => (built[i] ??= build(forms[i]!));
  const build = (form: StoredConjunct): Conjunct => {
    if ("not" in form) return notConjunct(form.not.map(conjunct));
    if ("any" in form) return anyConjunct(form.any.map((item) => item.map(conjunct)));
    return new LoadedLeaf(pathAt(form[1]), form);
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

/** A leaf path of a loaded policy: its key and getter, made once per distinct path. */
class LoadedPath {
  readonly root: PathRoot;
  readonly key: string;
  readonly get: Getter;
  constructor(steps: LeafForm["path"]) {
    this.root = steps[0];
    this.key = steps.join("\u0000");
    this.get = compileGetter({ root: steps[0], segments: steps.slice(1) });
  }
}

/** A leaf conjunct whose test is built when first asked for; tools and literal are known. */
class LoadedLeaf implements Conjunct {
  readonly tools: readonly string[] | null;
  readonly literal: Conjunct["literal"];
  private readonly regex: RegexPlan | null;
  private built: Matcher | null = null;

  constructor(
    private readonly path: LoadedPath,
    private readonly form: StoredLeaf,
  ) {
    const [op, , rhs, stored] = form;
    this.regex = stored ?? (op === "matches" && typeof rhs === "string" ? plainPlan(rhs) : null);
    this.tools = toolsOf(path.root, op, rhs);
    const literal = literalTest(op, rhs, this.regex);
    this.literal = literal && { path: path.key, get: path.get, test: literal };
  }

  get test(): Matcher {
    if (this.built) return this.built;
    const [op, , rhs] = this.form;
    const result = compileOperator(op, this.path.get, rhs, this.regex ?? undefined);
    if (!result.ok) throw new Error(`stored policy form does not build: ${result.message}`);
    return (this.built = result.test);
  }
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
const isIndexBelow = (n: number) => (r: unknown) =>
  Number.isInteger(r) && (r as number) >= 0 && (r as number) < n;
const DEFAULT_VERDICTS: readonly unknown[] = ["allow", "deny", "dry_run", "approve_required"];

function isProgram(p: unknown): p is StoredProgram {
  if (!isObject(p) || !isObject(p.defaults)) return false;
  const { rules, matches, conjuncts, paths } = p;
  if (!Array.isArray(rules) || !Array.isArray(matches) || !Array.isArray(conjuncts)) return false;
  if (!Array.isArray(paths) || !paths.every(isPath)) return false;
  const isRef = isIndexBelow(conjuncts.length);
  const isPathRef = isIndexBelow(paths.length);
  return (
    DEFAULT_VERDICTS.includes(p.defaults.on_no_match) &&
    DEFAULT_VERDICTS.includes(p.defaults.on_missing_shadow) &&
    matches.length === rules.length &&
    conjuncts.every((f, at) => isConjunctForm(f, at, isPathRef)) &&
    rules.every(isRule) &&
    matches.every((m) => Array.isArray(m) && m.every(isRef))
  );
}

function isRule(r: unknown): boolean {
  if (!Array.isArray(r)) return false;
  const [id, priority, order, line, reason, obligations, verdict] = r;
  if (!isString(id) || !isString(reason) || ![priority, order, line].every(Number.isInteger))
    return false;
  if (!Array.isArray(obligations) || !obligations.every(isObligation)) return false;
  switch (verdict) {
    case "allow":
    case "deny":
    case "dry_run":
      return r.length === 7;
    case "approve_required":
      return r.length === 9 && isStrings(r[7]) && Number.isInteger(r[8]);
    case "transform":
      return r.length === 8 && isTransform(r[7]);
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

function isPath(p: unknown): boolean {
  return isStrings(p) && (PATH_ROOTS as readonly string[]).includes(p[0]!);
}

/** A form whose indexes all point to forms before it (`at`), so building terminates. */
function isConjunctForm(f: unknown, at: number, isPathRef: (i: unknown) => boolean): boolean {
  const isAnd = (list: unknown) => Array.isArray(list) && list.every(isIndexBelow(at));
  if (!Array.isArray(f)) {
    if (!isObject(f)) return false;
    if ("not" in f) return isAnd(f.not);
    return Array.isArray(f.any) && f.any.every(isAnd);
  }
  const [op, path, , regex] = f;
  if (f.length !== 3 && f.length !== 4) return false;
  if (!isString(op) || !isOperator(op) || !isPathRef(path)) return false;
  if (f.length === 3) return true;
  if (!isObject(regex)) return false;
  if (isString(regex.source)) return isString(regex.flags);
  const lit = regex.literal;
  return (
    isObject(lit) &&
    isString(lit.text) &&
    typeof lit.start === "boolean" &&
    (lit.end === "none" || lit.end === "dollar" || lit.end === "absolute")
  );
}
