/**
 * compilePolicy: YAML source -> CompiledPolicy (closures, evaluation order, tool index,
 * canonical form) plus diagnostics. Every problem is reported with its line and column; any
 * error means no policy.
 */
import { MatchCompiler, type AnalysedConjunct } from "./match-compiler";
import type { CanonicalPolicy, CompiledPolicy, PolicyDefaults } from "./model";
import { LYNX_DEFAULTS } from "./model";
import { planner } from "./program";
import { parseVerdict, RuleCompiler, type RuleCompilation } from "./rule-compiler";
import { encodeStoredForm } from "./stored-form";
import { didYouMean } from "./suggest";
import type { DefaultVerdict, Diagnostic } from "./types";
import {
  describeKind,
  parseYaml,
  type ParsedYaml,
  type PEntry,
  type PMap,
  type PNode,
  type Pos,
} from "./yaml-tree";

export type CompileResult =
  | {
      readonly ok: true;
      readonly policy: CompiledPolicy;
      readonly diagnostics: readonly Diagnostic[];
      /** The policy's stored form (stored-form.ts), to be loaded without compiling. */
      readonly storedForm: () => string;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const TOP_LEVEL_KEYS = ["version", "defaults", "predicates", "rules"];
const DEFAULT_KEYS = ["on_no_match", "on_missing_shadow"] as const;

export function compilePolicy(source: string): CompileResult {
  return compileParsed(parseYaml(source));
}

function compileParsed(parsed: ParsedYaml): CompileResult {
  const root = parsed.root;
  const diagnostics = [...parsed.diagnostics];
  const hasErrors = () => diagnostics.some((d) => d.severity === "error");
  if (root === null) {
    if (hasErrors()) return fail(diagnostics);
    diagnostics.push({
      severity: "warning",
      line: 1,
      column: 1,
      message: "empty policy: every call gets the defaults",
    });
    return finish(diagnostics, LYNX_DEFAULTS, []);
  }
  if (root.kind !== "map") {
    diagnostics.push({
      severity: "error",
      ...root.pos,
      message: `a policy must be a mapping, got ${describeKind(root)}`,
    });
    return fail(diagnostics);
  }

  const top = new Map<string, PEntry>();
  for (const entry of root.entries) {
    if (TOP_LEVEL_KEYS.includes(entry.key)) top.set(entry.key, entry);
    else {
      diagnostics.push({
        severity: "warning",
        ...entry.keyPos,
        message: `unknown top-level key "${entry.key}" is ignored, as Lynx${didYouMean(entry.key, TOP_LEVEL_KEYS)}; keys: ${TOP_LEVEL_KEYS.join(", ")}`,
      });
    }
  }

  const versionNode = top.get("version")?.value;
  const version = versionNode ? versionOf(versionNode, diagnostics) : 1;

  const defaults = compileDefaults(top.get("defaults")?.value, diagnostics);
  const predicates = collectPredicates(top.get("predicates")?.value, diagnostics);
  const matches = new MatchCompiler(predicates, diagnostics);
  matches.compileAllPredicates();

  const rulesNode = top.get("rules")?.value;
  const compiled: RuleCompilation[] = [];
  const rules = new RuleCompiler(matches, diagnostics);
  void version;
  if (rulesNode && !(rulesNode.kind === "scalar" && rulesNode.value === null)) {
    if (rulesNode.kind !== "seq") {
      diagnostics.push({
        severity: "error",
        ...rulesNode.pos,
        message: `rules must be a list, got ${describeKind(rulesNode)}`,
      });
    } else {
      rulesNode.items.forEach((item, index) => {
        if (item.kind !== "map") {
          diagnostics.push({
            severity: "error",
            ...item.pos,
            message: `a rule must be a mapping, got ${describeKind(item)}`,
          });
          return;
        }
        const result = rules.compile(item, index);
        if (result) compiled.push(result);
      });
    }
  }

  for (const [name, entry] of predicates) {
    if (!matches.used.has(name)) {
      diagnostics.push({
        severity: "warning",
        ...entry.keyPos,
        message: `predicate "${name}" is never used`,
      });
    }
  }

  reportDuplicateIds(compiled, diagnostics);
  // Stable sort: priority descending, then file order.
  compiled.sort((a, b) => b.rule.priority - a.rule.priority || a.rule.order - b.rule.order);
  reportUnreachable(compiled, diagnostics);

  if (hasErrors()) return fail(diagnostics);
  return finish(diagnostics, defaults, compiled);
}

/** Lynx reads `int(version)` and otherwise ignores it; Gatehouse knows version 1. */
function versionOf(node: PNode, diagnostics: Diagnostic[]): number {
  const v = node.kind === "scalar" ? node.value : null;
  const n =
    typeof v === "number" && Number.isFinite(v)
      ? Math.trunc(v)
      : typeof v === "boolean"
        ? Number(v)
        : typeof v === "string" && /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(v)
          ? Number(v.replace(/[\s_]/g, ""))
          : null;
  if (n === null) {
    diagnostics.push({
      severity: "error",
      ...node.pos,
      message: `version must be an integer, got ${describeKind(node)}`,
    });
    return 1;
  }
  if (n !== 1 || v !== 1) {
    diagnostics.push({
      severity: "warning",
      ...node.pos,
      message: `version ${describeKind(node)} is read as ${n}; only version 1 exists (Lynx does not check it)`,
    });
  }
  return n;
}

function fail(diagnostics: Diagnostic[]): CompileResult {
  return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
}

function finish(
  diagnostics: Diagnostic[],
  defaults: PolicyDefaults,
  compiled: readonly RuleCompilation[],
): CompileResult {
  const rules = compiled.map((c) => c.rule);
  const canonical: CanonicalPolicy = {
    version: 1,
    defaults,
    rules: compiled.map((c) => c.canonical),
  };
  // Only each rule's conjuncts are kept by the plans, not the rest of its compilation.
  const conjuncts = compiled.map((c) => c.conjuncts.map((a) => a.conjunct));
  const policy: CompiledPolicy = {
    kind: "policy",
    version: 1,
    defaults,
    rules,
    canonical,
    planFor: planner(
      rules,
      conjuncts.map((list) => list[0]?.tools ?? null),
      (i) => conjuncts[i]!,
    ),
  };
  return {
    ok: true,
    policy,
    diagnostics: sortDiagnostics(diagnostics),
    storedForm: () => encodeStoredForm(defaults, compiled, canonical),
  };
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.line - b.d.line || a.d.column - b.d.column || a.i - b.i)
    .map(({ d }) => d);
}

function compileDefaults(node: PNode | undefined, diagnostics: Diagnostic[]): PolicyDefaults {
  const out: { -readonly [K in keyof PolicyDefaults]: DefaultVerdict } = { ...LYNX_DEFAULTS };
  if (!node || (node.kind === "scalar" && node.value === null)) return out;
  if (node.kind !== "map") {
    diagnostics.push({
      severity: "error",
      ...node.pos,
      message: `defaults must be a mapping, got ${describeKind(node)}`,
    });
    return out;
  }
  for (const entry of node.entries) {
    const key = entry.key;
    if (!(DEFAULT_KEYS as readonly string[]).includes(key)) {
      diagnostics.push({
        severity: "warning",
        ...entry.keyPos,
        message: `unknown defaults key "${key}" is ignored, as Lynx${didYouMean(key, DEFAULT_KEYS)}; keys: ${DEFAULT_KEYS.join(", ")}`,
      });
      continue;
    }
    const verdict = parseVerdict(entry.value, diagnostics, `defaults.${key}`);
    if (verdict === "transform") {
      diagnostics.push({
        severity: "error",
        ...entry.value.pos,
        message: `defaults.${key} cannot be transform: a default has no transform block (Lynx would return a transform verdict without arguments)`,
      });
    } else if (verdict !== null) {
      out[key as (typeof DEFAULT_KEYS)[number]] = verdict;
    }
  }
  return out;
}

function collectPredicates(
  node: PNode | undefined,
  diagnostics: Diagnostic[],
): Map<string, PEntry> {
  const out = new Map<string, PEntry>();
  if (!node || (node.kind === "scalar" && node.value === null)) return out;
  if (node.kind !== "map") {
    diagnostics.push({
      severity: "error",
      ...node.pos,
      message: `predicates must be a mapping of name to predicate, got ${describeKind(node)}`,
    });
    return out;
  }
  for (const entry of (node as PMap).entries) out.set(entry.key, entry);
  return out;
}

function reportDuplicateIds(compiled: readonly RuleCompilation[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, Pos>();
  for (const c of compiled) {
    const first = seen.get(c.rule.id);
    if (first) {
      diagnostics.push({
        severity: "warning",
        ...c.idPos,
        message: `duplicate rule id "${c.rule.id}" (first used at line ${first.line}): matched_rules cannot tell them apart`,
      });
    } else {
      seen.set(c.rule.id, c.idPos);
    }
  }
}

/** Subsets of a rule's tests are enumerated only up to this many tests. */
const MAX_SUBSET_TESTS = 12;

/**
 * A rule can never fire when a rule evaluated before it (higher or equal priority, earlier in
 * the file) tests a subset of its conjuncts and always decides: whenever the later rule would
 * match, the earlier one matched first (and if a shared test fails with a type error, it fails
 * in both). Each always-deciding rule registers its set of tests; a later rule looks up every
 * subset of its own tests (linear in the rules; a rule with more than MAX_SUBSET_TESTS tests
 * is checked against subsets of at most two tests and its whole set).
 */
function reportUnreachable(compiled: readonly RuleCompilation[], diagnostics: Diagnostic[]): void {
  const ids = new Map<string, number>();
  const idOf = (key: string) => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const firstWithSet = new Map<SetKey, number>();
  for (let j = 0; j < compiled.length; j++) {
    const c = compiled[j]!;
    const set = testIds(c.conjuncts, idOf);
    let winner = -1;
    for (const subset of subsets(set)) {
      const i = firstWithSet.get(subset);
      if (i !== undefined && (winner === -1 || i < winner)) winner = i;
    }
    if (winner !== -1) {
      const rule = compiled[winner]!.rule;
      const what =
        compiled[winner]!.conjuncts.length === 0
          ? "matches every call"
          : "matches every call this rule matches";
      diagnostics.push({
        severity: "warning",
        ...c.pos,
        message: `rule "${c.rule.id}" can never fire: rule "${rule.id}" (line ${rule.line}, priority ${rule.priority}) ${what} and is evaluated first`,
      });
    }
    // A rule whose decision can fail at run time may not decide, so it shadows nothing.
    if (!c.decisionAlwaysSucceeds) continue;
    const own = setKey(set);
    if (!firstWithSet.has(own)) firstWithSet.set(own, j);
  }
}

/** A rule's distinct test ids, ascending. */
function testIds(conjuncts: readonly AnalysedConjunct[], idOf: (key: string) => number): number[] {
  if (conjuncts.length === 1) return [idOf(conjuncts[0]!.key)];
  if (conjuncts.length === 2) {
    const a = idOf(conjuncts[0]!.key);
    const b = idOf(conjuncts[1]!.key);
    return a === b ? [a] : a < b ? [a, b] : [b, a];
  }
  return [...new Set(conjuncts.map((x) => idOf(x.key)))].sort((a, b) => a - b);
}

/**
 * A set of ascending test ids as a map key: sets of up to two ids (every subset most rules
 * have) as one number, larger ones as the ids joined by commas. Ids stay far below 2^26.
 */
type SetKey = number | string;
const PAIR = 2 ** 26;

function setKey(set: readonly number[]): SetKey {
  switch (set.length) {
    case 0:
      return 0;
    case 1:
      return set[0]! + 1;
    case 2:
      return (set[0]! + 1) * PAIR + set[1]! + 1;
    default:
      return set.join(",");
  }
}

/** The subsets looked up for a set of ascending test ids. */
function subsets(set: readonly number[]): SetKey[] {
  if (set.length <= MAX_SUBSET_TESTS) {
    const out: SetKey[] = [];
    const pick: number[] = [];
    for (let mask = 0; mask < 1 << set.length; mask++) {
      pick.length = 0;
      for (let k = 0; k < set.length; k++) if (mask & (1 << k)) pick.push(set[k]!);
      out.push(setKey(pick));
    }
    return out;
  }
  const out: SetKey[] = [0];
  for (let a = 0; a < set.length; a++) {
    out.push(setKey([set[a]!]));
    for (let b = a + 1; b < set.length; b++) out.push(setKey([set[a]!, set[b]!]));
  }
  out.push(setKey(set));
  return out;
}
