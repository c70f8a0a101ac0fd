/**
 * `match` specs into closures. A mapping is an AND of its entries (evaluated in file order,
 * short-circuiting, as Lynx); `all_of` / `any_of` / `not` compose; a bare string in a
 * compositional position names a predicate, compiled once and shared. A spec compiles to its
 * flattened top-level conjuncts (used for the tool index, the plans and the unreachable-rule
 * check) and the canonical form (predicates inlined) that the bundle id hashes. Each conjunct
 * also has a stored form (ConjunctForm): what is left once the checks and the regex
 * translation are done, from which stored-form.ts builds the same closures with the same
 * builders (leafConjunct, notConjunct, anyConjunct).
 */
import { canonicalJson } from "../canonical-json";
import {
  compileOperator,
  type LiteralTest,
  type Matcher,
  type OperatorResult,
  type RegexPlan,
} from "./operators";
import {
  compileGetter,
  type Getter,
  CONTEXT_FIELDS,
  DECLARED_FIELDS,
  isOperator,
  OPERATORS,
  PATH_ROOTS,
  PRINCIPAL_FIELDS,
  type Operator,
  type Path,
  type PathRoot,
} from "./paths";
import { setOwn } from "./json-values";
import { closest, didYouMean } from "./suggest";
import type { Diagnostic, JsonValue } from "./types";
import {
  describeKind,
  toJson,
  type PEntry,
  type PMap,
  type PNode,
  type PScalar,
  type Pos,
} from "./yaml-tree";

/** One test of a rule's top-level AND, as the evaluator runs it. */
export interface Conjunct {
  /** Tool names this conjunct admits when it is a plain test of `tool`, else null. */
  readonly tools: readonly string[] | null;
  readonly test: Matcher;
  /** A string-literal test of one path (indexable by the evaluator), else null. */
  readonly literal: {
    readonly path: string;
    readonly get: Getter;
    readonly test: LiteralTest;
  } | null;
}

/** A match leaf after its checks: the path (root first), operator, value and regex plan. */
export interface LeafForm {
  readonly path: readonly [PathRoot, ...string[]];
  readonly op: Operator;
  readonly rhs: JsonValue;
  readonly regex: RegexPlan | null;
}

/**
 * A conjunct as stored: a leaf, `not` of an AND, or `any_of` of ANDs. `Ref` is the nested
 * conjunct itself while compiling, its index in the stored table (stored-form.ts).
 */
export type ConjunctForm<Ref> =
  | { readonly leaf: LeafForm }
  | { readonly not: readonly Ref[] }
  | { readonly any: readonly (readonly Ref[])[] };

/** A conjunct as the compiler keeps it: with its key (for lints) and its stored form. */
export interface AnalysedConjunct {
  /** Canonical JSON of the conjunct, for subset comparison. */
  readonly key: string;
  readonly conjunct: Conjunct;
  readonly form: ConjunctForm<AnalysedConjunct>;
}

export interface CompiledMatch {
  readonly canonical: JsonValue;
  /** The top-level AND, flattened through `all_of` and predicate names, in evaluation order. */
  readonly conjuncts: readonly AnalysedConjunct[];
}

const COMPOSITION_KEYS = new Set(["all_of", "any_of", "not"]);
const ALWAYS: Matcher = () => true;
const NEVER: Matcher = () => false;
const FAILED: CompiledMatch = { canonical: null, conjuncts: [] };

/** Typo guard for operator suffixes; the cutoff Lynx uses, so both reject the same keys. */
const OPERATOR_TYPO_CUTOFF = 0.75;

export class MatchCompiler {
  private readonly compiled = new Map<string, CompiledMatch>();
  private readonly compiling: string[] = [];
  readonly used = new Set<string>();
  private readonly keys = new Map<string, KeyAnalysis>();

  constructor(
    private readonly predicates: ReadonlyMap<string, PEntry>,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private error(pos: Pos, message: string): void {
    this.diagnostics.push({ severity: "error", ...pos, message });
  }

  private warn(pos: Pos, message: string): void {
    this.diagnostics.push({ severity: "warning", ...pos, message });
  }

  /** Compiles every declared predicate, so problems inside unused ones are reported too. */
  compileAllPredicates(): void {
    for (const [name, entry] of this.predicates) this.predicate(name, entry.keyPos);
  }

  /** A spec in a compositional position: a mapping or a predicate name. */
  spec(node: PNode, where: string): CompiledMatch {
    if (node.kind === "scalar" && typeof node.value === "string") {
      this.used.add(node.value);
      return this.predicate(node.value, node.pos);
    }
    if (node.kind === "map") return this.map(node);
    this.error(
      node.pos,
      `${where} must be a mapping or a predicate name, got ${describeKind(node)}`,
    );
    return FAILED;
  }

  private predicate(name: string, pos: Pos): CompiledMatch {
    const done = this.compiled.get(name);
    if (done) return done;
    const entry = this.predicates.get(name);
    if (!entry) {
      this.error(pos, `unknown predicate "${name}"${didYouMean(name, this.predicates.keys())}`);
      return FAILED;
    }
    if (this.compiling.includes(name)) {
      this.error(pos, `predicate cycle: ${[...this.compiling, name].join(" -> ")}`);
      return FAILED;
    }
    this.compiling.push(name);
    const result = this.spec(entry.value, `predicate "${name}"`);
    this.compiling.pop();
    this.compiled.set(name, result);
    return result;
  }

  private map(node: PMap): CompiledMatch {
    const canonical: { [key: string]: JsonValue } = {};
    const parts = node.entries.map((entry) => {
      const part = COMPOSITION_KEYS.has(entry.key) ? this.composition(entry) : this.leaf(entry);
      setOwn(canonical, entry.key, part.canonical);
      return part;
    });
    return { canonical, conjuncts: concat(parts) };
  }

  private composition(entry: PEntry): CompiledMatch {
    const { key, value } = entry;
    if (key === "not") {
      const inner = this.spec(value, "not");
      const canonical = inner.canonical;
      const analysed: AnalysedConjunct = {
        key: conjunctKey(key, canonical),
        conjunct: notConjunct(inner.conjuncts.map((a) => a.conjunct)),
        form: { not: inner.conjuncts },
      };
      return { canonical, conjuncts: [analysed] };
    }
    if (value.kind !== "seq") {
      this.error(value.pos, `${key} needs a list of predicates, got ${describeKind(value)}`);
      return FAILED;
    }
    const parts = value.items.map((item) => this.spec(item, `an item of ${key}`));
    const canonical = parts.map((p) => p.canonical);
    if (key === "all_of") return { canonical, conjuncts: concat(parts) };
    const analysed: AnalysedConjunct = {
      key: conjunctKey(key, canonical),
      conjunct: anyConjunct(parts.map((p) => p.conjuncts.map((a) => a.conjunct))),
      form: { any: parts.map((p) => p.conjuncts) },
    };
    return { canonical, conjuncts: [analysed] };
  }

  private leaf(entry: PEntry): CompiledMatch {
    const rhs = toJson(entry.value);
    const canonical = canonicalValue(rhs);
    const fail = { canonical, conjuncts: [] };
    const parsed = this.parseKey(entry.key, entry.keyPos);
    if (!parsed) return fail;
    const date = findTimestamp(entry.value);
    if (date) {
      this.error(
        date.pos,
        `unquoted timestamp ${String(date.value)}: Lynx reads a date, which never equals (and cannot be ordered against) a string in a call, so this test would never be true; quote it`,
      );
      return fail;
    }
    const named = literalStrings(rhs).find((text) => this.predicates.has(text));
    if (named !== undefined) {
      this.warn(
        entry.value.pos,
        `the literal "${named}" is also a predicate name: here it is a string, but Lynx's bundle id expands it as the predicate (and Lynx cannot compile the file when that expansion recurses)`,
      );
    }
    const result = compileOperator(parsed.op, parsed.get, rhs);
    if (!result.ok) {
      this.error(entry.value.pos, result.message);
      return fail;
    }
    for (const w of result.warnings) this.warn(entry.value.pos, `"${entry.key}": ${w}`);
    const scope = parsed.path.root === "declared" && parsed.path.segments.join(".") === "scope";
    if (
      scope &&
      ((parsed.op === "eq" && Array.isArray(rhs)) ||
        (parsed.op === "in" && Array.isArray(rhs) && rhs.some(Array.isArray)))
    ) {
      this.warn(
        entry.value.pos,
        `"${entry.key}": Lynx holds declared.scope as a tuple, which never equals a list, so there this test is never true; here it compares the lists`,
      );
    }
    const { path, op } = parsed;
    const analysed: AnalysedConjunct = {
      key: conjunctKey(entry.key, canonical),
      conjunct: leafConjunct(path, op, rhs, parsed.get, result),
      form: { leaf: { path: [path.root, ...path.segments], op, rhs, regex: result.regex } },
    };
    return { canonical, conjuncts: [analysed] };
  }

  /** A leaf key's path, operator and getter; analysed once per distinct key. */
  private parseKey(key: string, pos: Pos): ParsedKey | null {
    let analysis = this.keys.get(key);
    if (analysis === undefined) {
      analysis = analyseKey(key);
      this.keys.set(key, analysis);
    }
    for (const note of analysis.notes) {
      this.diagnostics.push({ severity: note.severity, ...pos, message: note.message });
    }
    return analysis.parsed;
  }
}

interface KeyNote {
  readonly severity: "error" | "warning";
  readonly message: string;
}

interface ParsedKey {
  readonly path: Path;
  readonly op: Operator;
  readonly get: Getter;
}

interface KeyAnalysis {
  readonly parsed: ParsedKey | null;
  readonly notes: readonly KeyNote[];
}

function analyseKey(key: string): KeyAnalysis {
  const notes: KeyNote[] = [];
  const error = (message: string): KeyAnalysis => {
    notes.push({ severity: "error", message });
    return { parsed: null, notes };
  };
  const found = (path: Path, op: Operator): KeyAnalysis => ({
    parsed: { path, op, get: compileGetter(path) },
    notes,
  });
  const parts = key.split(".");
  if (parts.some((p) => p === "")) {
    return error(
      `"${key}" has an empty path segment (Lynx would look up a key named "" and find nothing: null)`,
    );
  }
  let op: Operator = "eq";
  if (parts.length > 1) {
    const tail = parts[parts.length - 1]!;
    if (isOperator(tail)) {
      op = tail;
      parts.pop();
    } else {
      const typo = closest(tail, OPERATORS, OPERATOR_TYPO_CUTOFF);
      if (typo !== null) {
        return error(
          `unknown operator "${tail}" in "${key}" (did you mean "${typo}"?); operators: ${OPERATORS.join(", ")}`,
        );
      }
    }
  }
  const [root, ...segments] = parts as [string, ...string[]];
  if (!(PATH_ROOTS as readonly string[]).includes(root)) {
    return error(
      `unknown path "${key}": a path starts with ${PATH_ROOTS.join(", ")}${didYouMean(root, PATH_ROOTS)} (Lynx reads an unknown path as null, so this test would be false for every call, or true for every call against null)`,
    );
  }
  if (root === "tool" && segments.length > 0) {
    notes.push({
      severity: "warning",
      message: `"${key}": tool is a string and has no fields; read as "tool${op === "eq" ? "" : `.${op}`}", as Lynx (operators: ${OPERATORS.join(", ")})`,
    });
    return found({ root: "tool", segments: [] }, op);
  }
  for (const message of unknownFieldNotes(root as PathRoot, segments, key)) {
    notes.push({ severity: "warning", message });
  }
  return found({ root: root as PathRoot, segments }, op);
}

function unknownFieldNotes(root: PathRoot, segments: readonly string[], key: string): string[] {
  const [first, second] = segments;
  if (first === undefined) return [];
  const out: string[] = [];
  let known: readonly string[] | null = null;
  let name = first;
  if (root === "declared") known = DECLARED_FIELDS;
  if (root === "context") {
    known = CONTEXT_FIELDS;
    if (first === "principal" && second !== undefined) {
      known = PRINCIPAL_FIELDS;
      name = second;
    }
  }
  if (root === "context" && first === "run_id") {
    out.push(
      `"${key}": run_id is Gatehouse's name for correlation_id; Lynx has no context.run_id and reads null there (write context.correlation_id for both)`,
    );
  }
  if (known && !known.includes(name)) {
    out.push(
      `"${key}" names an unknown ${root} field "${name}" (always null)${didYouMean(name, known)}`,
    );
  }
  return out;
}

/** A leaf's conjunct, from its compiled operator. */
export function leafConjunct(
  path: Path,
  op: Operator,
  rhs: JsonValue,
  get: Getter,
  result: Extract<OperatorResult, { ok: true }>,
): Conjunct {
  const literal = result.literal ? { path: pathKey(path), get, test: result.literal } : null;
  return { tools: toolsOf(path.root, op, rhs), test: result.test, literal };
}

/** The tools a leaf admits when it is a plain test of `tool` (`eq` / `in` strings), else null. */
export function toolsOf(root: PathRoot, op: Operator, rhs: JsonValue): readonly string[] | null {
  if (root !== "tool") return null;
  if (op === "eq" && typeof rhs === "string") return [rhs];
  if (op === "in" && Array.isArray(rhs) && rhs.every((x) => typeof x === "string"))
    return rhs as string[];
  return null;
}

/** `not`: the negated AND of the inner spec's conjuncts. */
export function notConjunct(inner: readonly Conjunct[]): Conjunct {
  const test = and(inner.map((c) => c.test));
  return { tools: null, test: (c) => !test(c), literal: null };
}

/** `any_of`: the OR of its items, each the AND of its conjuncts. */
export function anyConjunct(items: readonly (readonly Conjunct[])[]): Conjunct {
  return {
    tools: null,
    test: or(items.map((item) => and(item.map((c) => c.test)))),
    literal: null,
  };
}

/** Equal exactly when key and canonical value are; a scalar's needs no canonicaliser. */
function conjunctKey(key: string, canonical: JsonValue): string {
  return canonical === null || typeof canonical !== "object"
    ? `${JSON.stringify(key)}:${JSON.stringify(canonical)}`
    : canonicalJson({ [key]: canonical });
}

function literalStrings(v: JsonValue): string[] {
  if (typeof v === "string") return [v];
  if (v === null || typeof v !== "object") return [];
  return (Array.isArray(v) ? v : Object.values(v)).flatMap(literalStrings);
}

function pathKey(path: Path): string {
  return [path.root, ...path.segments].join("\u0000");
}

function findTimestamp(node: PNode): PScalar | null {
  if (node.kind === "scalar") return node.timestamp ? node : null;
  const children = node.kind === "seq" ? node.items : node.entries.map((e) => e.value);
  for (const child of children) {
    const found = findTimestamp(child);
    if (found) return found;
  }
  return null;
}

/** JSON has no infinities or NaN (PyYAML's .inf / .nan); the hashed form spells them. */
function canonicalValue(v: JsonValue): JsonValue {
  if (typeof v === "number") return Number.isFinite(v) ? v : { $float: String(v) };
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(canonicalValue);
  const out: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(v)) {
    setOwn(out, key, canonicalValue(v[key]!));
  }
  return out;
}

/**
 * The parts' conjuncts in one array of exactly their number: the array is kept with the
 * compiled policy, and one grown by push would keep room for 17.
 */
function concat(parts: readonly CompiledMatch[]): readonly AnalysedConjunct[] {
  if (parts.length === 1) return parts[0]!.conjuncts;
  let total = 0;
  for (const p of parts) total += p.conjuncts.length;
  const out = new Array<AnalysedConjunct>(total);
  let at = 0;
  for (const p of parts) for (const c of p.conjuncts) out[at++] = c;
  return out;
}

function and(tests: readonly Matcher[]): Matcher {
  switch (tests.length) {
    case 0:
      return ALWAYS;
    case 1:
      return tests[0]!;
    case 2: {
      const [a, b] = tests as [Matcher, Matcher];
      return (c) => a(c) && b(c);
    }
    case 3: {
      const [a, b, d] = tests as [Matcher, Matcher, Matcher];
      return (c) => a(c) && b(c) && d(c);
    }
    default:
      return (c) => {
        for (let i = 0; i < tests.length; i++) if (!tests[i]!(c)) return false;
        return true;
      };
  }
}

function or(tests: readonly Matcher[]): Matcher {
  if (tests.length === 0) return NEVER;
  if (tests.length === 1) return tests[0]!;
  return (c) => {
    for (let i = 0; i < tests.length; i++) if (tests[i]!(c)) return true;
    return false;
  };
}
