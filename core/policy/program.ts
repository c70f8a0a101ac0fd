/**
 * The evaluation plan of one policy for one tool: its rules in evaluation order, with two
 * shortcuts that change no result.
 * - Tool gate: rules whose first test is `tool: X` / `tool.in: [...]` are planned only for
 *   those tools, and that test is dropped (it is known true).
 * - Literal blocks: a run of rules whose next test compares the same path with string literals
 *   (`eq`, `in`, and `matches` patterns that are a plain `^prefix`, `^text$` or `^text\Z`) is
 *   looked up in a map instead of run rule by rule. Such a test never throws for a string
 *   value, so rules it rules out would have been skipped without a rule error; for any other
 *   value the block runs rule by rule.
 * Plans are built on first use per tool (linear in the rules) and kept; a rule's conjuncts are
 * asked for only when a plan first needs them (a policy loaded from its stored form builds
 * them then).
 */
import type { Conjunct } from "./match-compiler";
import type { CompiledRule } from "./model";
import type { Matcher } from "./operators";
import type { Getter } from "./paths";

export interface PlannedRule {
  readonly rule: CompiledRule;
  readonly conjuncts: readonly Conjunct[];
  /** Whether the first conjunct is a tool gate. */
  readonly gated: boolean;
}

export interface RuleStep {
  readonly kind: "rule";
  readonly rule: CompiledRule;
  readonly test: Matcher;
}

export interface BlockStep {
  readonly kind: "block";
  readonly get: Getter;
  readonly rules: readonly CompiledRule[];
  /** Rule i's whole test (the literal test first), used when the value is not a string. */
  readonly test: (i: number) => Matcher;
  /** Rule i's tests after the literal one. */
  readonly rest: (i: number) => Matcher;
  readonly equals: ReadonlyMap<string, readonly number[]>;
  readonly prefixes: ReadonlyMap<string, readonly number[]>;
  /** Distinct prefix lengths, ascending. */
  readonly lengths: readonly number[];
}

export type Step = RuleStep | BlockStep;

/** Below this many rules a block costs more than running them. */
const MIN_BLOCK = 4;

const ALWAYS: Matcher = () => true;

function all(tests: readonly Matcher[]): Matcher {
  switch (tests.length) {
    case 0:
      return ALWAYS;
    case 1:
      return tests[0]!;
    case 2: {
      const [a, b] = tests as [Matcher, Matcher];
      return (c) => a(c) && b(c);
    }
    default:
      return (c) => {
        for (let i = 0; i < tests.length; i++) if (!tests[i]!(c)) return false;
        return true;
      };
  }
}

function push(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [at]);
  else if (list[list.length - 1] !== at) list.push(at);
}

function block(entries: readonly { rule: CompiledRule; conjuncts: readonly Conjunct[] }[]): Step {
  const equals = new Map<string, number[]>();
  const prefixes = new Map<string, number[]>();
  const lengths = new Set<number>();
  entries.forEach(({ conjuncts }, at) => {
    const literal = conjuncts[0]!.literal!.test;
    for (const text of literal.equals) push(equals, text, at);
    for (const text of literal.prefixes) {
      push(prefixes, text, at);
      lengths.add(text.length);
    }
  });
  // Each rule's tests are built the first time the rule is a candidate (or the value is not
  // a string): a block needs only the literals to be planned.
  const tests: (Matcher | undefined)[] = new Array(entries.length);
  const rest: (Matcher | undefined)[] = new Array(entries.length);
  return {
    kind: "block",
    get: entries[0]!.conjuncts[0]!.literal!.get,
    rules: entries.map((e) => e.rule),
    test: (i) => (tests[i] ??= all(entries[i]!.conjuncts.map((c) => c.test))),
    rest: (i) => (rest[i] ??= all(entries[i]!.conjuncts.slice(1).map((c) => c.test))),
    equals,
    prefixes,
    lengths: [...lengths].sort((a, b) => a - b),
  };
}

/** The steps for `rules` (in evaluation order), given which of them apply to this tool. */
export function plan(rules: readonly PlannedRule[]): Step[] {
  const steps: Step[] = [];
  const residual = rules.map((r) => ({
    rule: r.rule,
    conjuncts: r.gated ? r.conjuncts.slice(1) : r.conjuncts,
  }));
  let i = 0;
  while (i < residual.length) {
    const path = residual[i]!.conjuncts[0]?.literal?.path;
    let j = i + 1;
    if (path !== undefined) {
      while (j < residual.length && residual[j]!.conjuncts[0]?.literal?.path === path) j++;
    }
    if (path !== undefined && j - i >= MIN_BLOCK) {
      steps.push(block(residual.slice(i, j)));
    } else {
      for (let k = i; k < j; k++) {
        const r = residual[k]!;
        steps.push({ kind: "rule", rule: r.rule, test: all(r.conjuncts.map((c) => c.test)) });
      }
    }
    i = j;
  }
  return steps;
}

/**
 * Positions in the block whose literal test passes for the string `v`, ascending.
 * Allocates only when some literal matches.
 */
export function candidates(step: BlockStep, v: string): readonly number[] {
  let out: readonly number[] = step.equals.get(v) ?? EMPTY;
  let merged = false;
  for (const length of step.lengths) {
    if (length > v.length) break;
    const hit = step.prefixes.get(length === v.length ? v : v.slice(0, length));
    if (hit === undefined) continue;
    if (out.length === 0) out = hit;
    else {
      out = [...out, ...hit];
      merged = true;
    }
  }
  return merged ? [...new Set(out)].sort((a, b) => a - b) : out;
}

const EMPTY: readonly number[] = [];

/**
 * Plans per tool, built on first use: the rules gated on that tool and the ungated ones.
 * `gates[i]` is the tools rule i's first conjunct admits (null: not a tool gate);
 * `conjunctsOf(i)` its conjuncts, asked for once.
 */
export function planner(
  rules: readonly CompiledRule[],
  gates: readonly (readonly string[] | null)[],
  conjunctsOf: (i: number) => readonly Conjunct[],
): (tool: unknown) => readonly Step[] {
  const gatedOn = new Map<string, number[]>();
  const ungated: number[] = [];
  for (let i = 0; i < rules.length; i++) {
    const gate = gates[i]!;
    if (gate === null) ungated.push(i);
    else for (const tool of new Set(gate)) pushIndex(gatedOn, tool, i);
  }
  const conjuncts: (readonly Conjunct[] | undefined)[] = new Array(rules.length);
  const planned = (i: number): PlannedRule => ({
    rule: rules[i]!,
    conjuncts: (conjuncts[i] ??= conjunctsOf(i)),
    gated: gates[i] !== null,
  });
  let fallback: readonly Step[] | undefined;
  const plans = new Map<string, readonly Step[]>();
  return (tool) => {
    const gated = typeof tool === "string" ? gatedOn.get(tool) : undefined;
    if (!gated) return (fallback ??= plan(ungated.map(planned)));
    const done = plans.get(tool as string);
    if (done) return done;
    // Merge the two ascending index lists: evaluation order.
    const order: number[] = [];
    let a = 0;
    let b = 0;
    while (a < gated.length || b < ungated.length) {
      if (b >= ungated.length || (a < gated.length && gated[a]! < ungated[b]!))
        order.push(gated[a++]!);
      else order.push(ungated[b++]!);
    }
    const steps = plan(order.map(planned));
    plans.set(tool as string, steps);
    return steps;
  };
}

function pushIndex(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
