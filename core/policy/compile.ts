/**
 * compilePolicy: YAML source -> CompiledPolicy (closures, evaluation order, tool index,
 * canonical form) plus diagnostics. Every problem is reported with its line and column; any
 * error means no policy.
 */
import { MatchCompiler, type Conjunct } from "./match-compiler";
import type { CanonicalPolicy, CompiledPolicy, CompiledRule, PolicyDefaults } from "./model";
import { LYNX_DEFAULTS } from "./model";
import { parseVerdict, RuleCompiler, type RuleCompilation } from "./rule-compiler";
import { didYouMean } from "./suggest";
import type { DefaultVerdict, Diagnostic } from "./types";
import { describeKind, parseYaml, type PEntry, type PMap, type PNode, type Pos } from "./yaml-tree";

export type CompileResult =
  | {
      readonly ok: true;
      readonly policy: CompiledPolicy;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const TOP_LEVEL_KEYS = ["version", "defaults", "predicates", "rules"];
const DEFAULT_KEYS = ["on_no_match", "on_missing_shadow"] as const;

export function compilePolicy(source: string): CompileResult {
  const { root, diagnostics } = parseYaml(source);
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
        severity: "error",
        ...entry.keyPos,
        message: `unknown top-level key "${entry.key}"${didYouMean(entry.key, TOP_LEVEL_KEYS)}; keys: ${TOP_LEVEL_KEYS.join(", ")}`,
      });
    }
  }

  const version = top.get("version")?.value;
  if (version && !(version.kind === "scalar" && (version.value === 1 || version.value === "1"))) {
    diagnostics.push({
      severity: "error",
      ...version.pos,
      message: `unsupported policy version: ${describeKind(version)} (only 1)`,
    });
  }

  const defaults = compileDefaults(top.get("defaults")?.value, diagnostics);
  const predicates = collectPredicates(top.get("predicates")?.value, diagnostics);
  const matches = new MatchCompiler(predicates, diagnostics);
  matches.compileAllPredicates();

  const rulesNode = top.get("rules")?.value;
  const compiled: RuleCompilation[] = [];
  const rules = new RuleCompiler(matches, diagnostics);
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
  const policy: CompiledPolicy = {
    kind: "policy",
    version: 1,
    defaults,
    rules,
    canonical,
    rulesForTool: toolIndex(compiled),
  };
  return { ok: true, policy, diagnostics: sortDiagnostics(diagnostics) };
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
        severity: "error",
        ...entry.keyPos,
        message: `unknown defaults key "${key}"${didYouMean(key, DEFAULT_KEYS)}; keys: ${DEFAULT_KEYS.join(", ")}`,
      });
      continue;
    }
    const verdict = parseVerdict(entry.value, diagnostics, `defaults.${key}`);
    if (verdict === "transform") {
      diagnostics.push({
        severity: "error",
        ...entry.value.pos,
        message: `defaults.${key} cannot be transform (a default has no transform block)`,
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
        severity: "error",
        ...c.idPos,
        message: `duplicate rule id "${c.rule.id}" (first used at line ${first.line})`,
      });
    } else {
      seen.set(c.rule.id, c.idPos);
    }
  }
}

/**
 * A rule can never fire when a rule evaluated before it (higher or equal priority, earlier in
 * the file) tests a subset of its conjuncts and always decides: whenever the later rule would
 * match, the earlier one matched first (and if a shared test fails with a type error, it fails
 * in both).
 */
function reportUnreachable(compiled: readonly RuleCompilation[], diagnostics: Diagnostic[]): void {
  // For each conjunct, the earlier always-deciding rules that test it; a later rule is
  // shadowed by an earlier one when it shares all of the earlier rule's conjuncts.
  const holders = new Map<string, number[]>();
  const sizes: number[] = [];
  let firstCatchAll = -1;
  for (let j = 0; j < compiled.length; j++) {
    const keys = new Set(compiled[j]!.conjuncts.map((x: Conjunct) => x.key));
    let winner = firstCatchAll;
    const shared = new Map<number, number>();
    for (const key of keys) {
      for (const i of holders.get(key) ?? []) {
        const n = (shared.get(i) ?? 0) + 1;
        shared.set(i, n);
        if (n === sizes[i] && (winner === -1 || i < winner)) winner = i;
      }
    }
    if (winner !== -1) {
      const rule = compiled[winner]!.rule;
      const what =
        sizes[winner] === 0 ? "matches every call" : "matches every call this rule matches";
      diagnostics.push({
        severity: "warning",
        ...compiled[j]!.pos,
        message: `rule "${compiled[j]!.rule.id}" can never fire: rule "${rule.id}" (line ${rule.line}, priority ${rule.priority}) ${what} and is evaluated first`,
      });
    }
    sizes.push(keys.size);
    // A rule whose decision can fail at run time may not decide, so it shadows nothing.
    if (!compiled[j]!.decisionAlwaysSucceeds) continue;
    if (keys.size === 0 && firstCatchAll === -1) firstCatchAll = j;
    for (const key of keys) {
      const list = holders.get(key);
      if (list) list.push(j);
      else holders.set(key, [j]);
    }
  }
}

function toolIndex(
  compiled: readonly RuleCompilation[],
): (tool: unknown) => readonly CompiledRule[] {
  const gateOf = (c: RuleCompilation): readonly string[] | null => c.conjuncts[0]?.tools ?? null;
  const ungated = compiled.filter((c) => gateOf(c) === null).map((c) => c.rule);
  const tools = new Set<string>();
  for (const c of compiled) for (const t of gateOf(c) ?? []) tools.add(t);
  const byTool = new Map<string, readonly CompiledRule[]>();
  for (const tool of tools) {
    byTool.set(
      tool,
      compiled
        .filter((c) => {
          const gate = gateOf(c);
          return gate === null || gate.includes(tool);
        })
        .map((c) => c.rule),
    );
  }
  return (tool) => (typeof tool === "string" ? (byTool.get(tool) ?? ungated) : ungated);
}
