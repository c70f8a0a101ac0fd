/** One rule mapping into a CompiledRule plus its canonical form, reporting every problem. */
import { z } from "zod";
import type { AnalysedConjunct, MatchCompiler } from "./match-compiler";
import type { CanonicalRule, CompiledRule } from "./model";
import { compileObligations } from "./obligations";
import { didYouMean } from "./suggest";
import { canonicalTransform, type TransformAction, type TransformSpec } from "./transform";
import { deepFreeze } from "./deep-freeze";
import { pythonStr } from "./json-values";
import {
  DEFAULT_APPROVAL_TIMEOUT_SECONDS,
  VERDICTS,
  type Diagnostic,
  type Obligation,
  type Verdict,
} from "./types";
import { describeKind, toJson, type PEntry, type PMap, type PNode, type Pos } from "./yaml-tree";

export const RULE_KEYS = [
  "id",
  "description",
  "priority",
  "match",
  "decision",
  "verdict",
  "reason",
  "approvers",
  "timeout_seconds",
  "transform",
  "obligations",
];

const TRANSFORM_KEYS = ["jsonpath", "path", "set", "append", "delete"];
const TRANSFORM_ACTIONS = ["set", "append", "delete"] as const;

/** Python's int() of a string: optional sign, digits with single underscores, blanks around. */
const PYTHON_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;
const timeoutSchema = z
  .number()
  .int()
  .positive()
  .max(30 * 24 * 3600);
const approversSchema = z.array(z.string().min(1));

export interface RuleCompilation {
  readonly rule: CompiledRule;
  readonly canonical: CanonicalRule;
  readonly conjuncts: readonly AnalysedConjunct[];
  /** False when the decision itself can fail at run time (a nested transform path). */
  readonly decisionAlwaysSucceeds: boolean;
  readonly idPos: Pos;
  readonly pos: Pos;
}

export function parseVerdict(node: PNode, diagnostics: Diagnostic[], what: string): Verdict | null {
  if (node.kind === "scalar" && typeof node.value === "string") {
    const lowered = node.value.toLowerCase();
    if ((VERDICTS as readonly string[]).includes(lowered)) return lowered as Verdict;
    diagnostics.push({
      severity: "error",
      ...node.pos,
      message: `unknown verdict "${node.value}" in ${what}${didYouMean(lowered, VERDICTS)}; valid verdicts: ${VERDICTS.join(", ")}`,
    });
    return null;
  }
  diagnostics.push({
    severity: "error",
    ...node.pos,
    message: `${what} must be a verdict (${VERDICTS.join(", ")}), got ${describeKind(node)}`,
  });
  return null;
}

export class RuleCompiler {
  constructor(
    private readonly matches: MatchCompiler,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private error(pos: Pos, message: string): void {
    this.diagnostics.push({ severity: "error", ...pos, message });
  }

  private warn(pos: Pos, message: string): void {
    this.diagnostics.push({ severity: "warning", ...pos, message });
  }

  private check<T>(schema: z.ZodType<T>, node: PNode, message: string): T | undefined {
    const parsed = schema.safeParse(toJson(node));
    if (parsed.success) return parsed.data;
    this.error(node.pos, `${message}, got ${describeKind(node)}`);
    return undefined;
  }

  compile(node: PMap, index: number): RuleCompilation | null {
    const fields = new Map<string, PEntry>();
    for (const entry of node.entries) {
      if (RULE_KEYS.includes(entry.key)) fields.set(entry.key, entry);
      else
        this.warn(
          entry.keyPos,
          `unknown rule key "${entry.key}" is ignored, as Lynx${didYouMean(entry.key, RULE_KEYS)}; keys: ${RULE_KEYS.join(", ")}`,
        );
    }
    const value = (key: string) => fields.get(key)?.value;
    const diagnosticsBefore = this.diagnostics.length;

    const idNode = value("id");
    const id = idNode ? this.ruleId(idNode, index) : `rule_${index}`;
    const label = `rule "${id}"`;

    const priorityNode = value("priority");
    const priority = priorityNode ? this.integer(priorityNode, `${label}: priority`) : 0;

    const reasonNode = value("reason");
    let reason = "";
    if (reasonNode?.kind === "scalar" && typeof reasonNode.value === "string") {
      reason = reasonNode.value;
    } else if (reasonNode && !(reasonNode.kind === "scalar" && reasonNode.value === null)) {
      reason = pythonStr(toJson(reasonNode));
      this.warn(reasonNode.pos, `${label}: reason is not a string; read as "${reason}", as Lynx`);
    }

    const matchNode = value("match");
    if (!matchNode)
      this.error(
        node.pos,
        `${label} has no match (Lynx would match every call); write match: {} to mean that`,
      );
    const compiledMatch = matchNode ? this.matches.spec(matchNode, `${label}: match`) : null;

    const verdict = this.verdict(fields, node.pos, label);

    const approversNode = value("approvers");
    let approvers: string[] = [];
    if (approversNode && !(approversNode.kind === "scalar" && approversNode.value === null)) {
      approvers =
        this.check(
          approversSchema,
          approversNode,
          `${label}: approvers must be a list of strings${
            approversNode.kind === "scalar" && typeof approversNode.value === "string"
              ? ` (Lynx would read each character of "${approversNode.value}" as an approver)`
              : ""
          }`,
        ) ?? [];
    }
    const timeoutNode = value("timeout_seconds");
    let timeoutSeconds = DEFAULT_APPROVAL_TIMEOUT_SECONDS;
    if (timeoutNode) {
      timeoutSeconds =
        this.check(
          timeoutSchema,
          timeoutNode,
          `${label}: timeout_seconds must be a whole number of seconds between 1 and 2592000`,
        ) ?? timeoutSeconds;
    }
    if (verdict !== null && verdict !== "approve_required") {
      if (approversNode && approvers.length > 0)
        this.warn(
          fields.get("approvers")!.keyPos,
          `${label}: approvers only apply to approve_required and are ignored`,
        );
      if (timeoutNode)
        this.warn(
          fields.get("timeout_seconds")!.keyPos,
          `${label}: timeout_seconds only applies to approve_required and is ignored`,
        );
    }
    if (verdict === "approve_required" && approvers.length === 0) {
      this.warn(
        (fields.get("decision") ?? fields.get("verdict"))!.value.pos,
        `${label}: approve_required lists no approvers, so any member allowed to decide approvals can approve`,
      );
    }

    const transformEntry = fields.get("transform");
    let transform: TransformSpec | null = null;
    if (transformEntry) {
      transform = this.transform(transformEntry.value, label);
      if (verdict !== null && verdict !== "transform") {
        this.error(
          transformEntry.keyPos,
          `${label}: a transform block only applies to decision: transform`,
        );
      }
    } else if (verdict === "transform") {
      this.error(
        (fields.get("decision") ?? fields.get("verdict"))!.value.pos,
        `${label}: decision transform needs a transform block`,
      );
    }

    const obligationsNode = value("obligations");
    const obligations: Obligation[] = obligationsNode
      ? compileObligations(obligationsNode, this.diagnostics)
      : [];

    const failed = this.diagnostics.slice(diagnosticsBefore).some((d) => d.severity === "error");
    if (failed || compiledMatch === null || verdict === null) return null;
    if (verdict === "transform" && transform === null) return null;

    // Each shape spelled out as one literal: spreading a shared object gives every rule past
    // the first few its own hidden class, which costs compile time and memory at scale.
    const line = node.pos.line;
    let rule: CompiledRule;
    if (verdict === "approve_required") {
      rule = {
        id,
        priority,
        order: index,
        line,
        reason,
        obligations,
        verdict,
        approvers,
        timeoutSeconds,
      };
    } else if (verdict === "transform") {
      rule = {
        id,
        priority,
        order: index,
        line,
        reason,
        obligations,
        verdict,
        transform: transform!,
      };
    } else {
      rule = { id, priority, order: index, line, reason, obligations, verdict };
    }

    const canonical: CanonicalRule = {
      id,
      priority,
      match: compiledMatch.canonical,
      decision: verdict,
      reason,
      approvers: verdict === "approve_required" ? approvers : [],
      timeout_seconds: verdict === "approve_required" ? timeoutSeconds : null,
      transform: verdict === "transform" ? canonicalTransform(transform!) : null,
      obligations,
    };
    return {
      rule,
      canonical,
      conjuncts: compiledMatch.conjuncts,
      decisionAlwaysSucceeds: verdict !== "transform" || transform!.path.length === 1,
      idPos: idNode?.pos ?? node.pos,
      pos: node.pos,
    };
  }

  /**
   * Lynx's `id or f"rule_{index}"`: a falsy id (null, "", 0, false, an empty list) is the
   * generated one; another scalar is its Python str().
   */
  private ruleId(node: PNode, index: number): string {
    const v = toJson(node);
    const generated = `rule_${index}`;
    if (typeof v === "string" && v !== "") return v;
    if (v === null || v === "" || v === 0 || v === false || (Array.isArray(v) && v.length === 0)) {
      if (v !== null)
        this.warn(
          node.pos,
          `rule id ${describeKind(node)} is empty: the rule is "${generated}", as Lynx`,
        );
      return generated;
    }
    if (node.kind !== "scalar") {
      this.error(node.pos, `rule id must be a string, got ${describeKind(node)}`);
      return generated;
    }
    const id = pythonStr(v);
    this.warn(
      node.pos,
      `rule id ${describeKind(node)} is not a string: the rule is "${id}", as Lynx`,
    );
    return id;
  }

  /** Python's int(): numbers truncate, booleans are 1/0, integer strings parse (with warnings). */
  integer(node: PNode, what: string): number {
    const v = node.kind === "scalar" ? node.value : null;
    let n: number | null = null;
    if (typeof v === "number" && Number.isFinite(v)) n = Math.trunc(v);
    else if (typeof v === "boolean") n = v ? 1 : 0;
    else if (typeof v === "string" && PYTHON_INT.test(v)) n = Number(v.replace(/[\s_]/g, ""));
    if (n === null || !Number.isSafeInteger(n)) {
      this.error(node.pos, `${what} must be an integer, got ${describeKind(node)}`);
      return 0;
    }
    if (n === 0) n = 0; // no -0
    if (typeof v !== "number" || v !== n) {
      this.warn(node.pos, `${what} ${describeKind(node)} is read as ${n}, as Lynx (int())`);
    }
    return n;
  }

  /**
   * Lynx reads `decision`, else `verdict`, and a missing or empty one is deny; here each of
   * those is a warning.
   */
  private verdict(fields: Map<string, PEntry>, rulePos: Pos, label: string): Verdict | null {
    const decision = fields.get("decision");
    const verdict = fields.get("verdict");
    if (decision && verdict) {
      this.warn(
        verdict.keyPos,
        `${label} has both decision and verdict: decision is used, as Lynx`,
      );
    }
    const entry = decision ?? verdict;
    if (!entry) {
      this.warn(rulePos, `${label} has no decision: it denies, as Lynx`);
      return "deny";
    }
    const v = toJson(entry.value);
    if (v === null || v === "" || v === false || v === 0) {
      this.warn(
        entry.value.pos,
        `${label}: ${entry.key} ${describeKind(entry.value)} is empty: the rule denies, as Lynx`,
      );
      return "deny";
    }
    return parseVerdict(entry.value, this.diagnostics, `${label}: ${entry.key}`);
  }

  private transform(node: PNode, label: string): TransformSpec | null {
    if (node.kind !== "map") {
      this.error(node.pos, `${label}: transform must be a mapping, got ${describeKind(node)}`);
      return null;
    }
    const fields = new Map<string, PEntry>();
    let valid = true;
    for (const entry of node.entries) {
      if (TRANSFORM_KEYS.includes(entry.key)) fields.set(entry.key, entry);
      else {
        this.warn(
          entry.keyPos,
          `${label}: unknown transform key "${entry.key}" is ignored, as Lynx${didYouMean(entry.key, TRANSFORM_KEYS)}; keys: ${TRANSFORM_KEYS.join(", ")}`,
        );
      }
    }
    const path = this.transformPath(fields, node.pos, label);
    const actions = TRANSFORM_ACTIONS.filter((a) => fields.has(a));
    if (actions.length === 0) {
      this.error(node.pos, `${label}: transform needs one action: set, append or delete`);
      return null;
    }
    if (actions.length > 1) {
      this.error(
        fields.get(actions[1]!)!.keyPos,
        `${label}: more than one transform action (${actions.join(", ")}); use exactly one per rule`,
      );
      return null;
    }
    const actionEntry = fields.get(actions[0]!)!;
    let action: TransformAction | null = null;
    const v = actionEntry.value;
    switch (actions[0]!) {
      case "set":
        action = { kind: "set", value: deepFreeze(toJson(v)) };
        break;
      case "append":
        if (v.kind === "scalar" && v.value !== null)
          action = { kind: "append", suffix: pythonStr(v.value) };
        else this.error(v.pos, `${label}: append needs a string, got ${describeKind(v)}`);
        break;
      case "delete":
        if (v.kind === "scalar" && v.value === true) action = { kind: "delete" };
        else this.error(v.pos, `${label}: delete must be true, got ${describeKind(v)}`);
        break;
    }
    if (!valid || path === null || action === null) return null;
    return { path, action };
  }

  private transformPath(
    fields: Map<string, PEntry>,
    pos: Pos,
    label: string,
  ): TransformSpec["path"] | null {
    const jsonpath = fields.get("jsonpath");
    const path = fields.get("path");
    if (jsonpath && path) {
      this.error(path.keyPos, `${label}: transform takes jsonpath or path, not both`);
      return null;
    }
    if (jsonpath) {
      const v = jsonpath.value;
      const m =
        v.kind === "scalar" && typeof v.value === "string"
          ? /^\$\.args\.(.+)$/s.exec(v.value)
          : null;
      if (!m) {
        this.error(v.pos, `${label}: jsonpath must look like "$.args.KEY", got ${describeKind(v)}`);
        return null;
      }
      return [m[1]!];
    }
    if (path) {
      const v = path.value;
      const keys = toJson(v);
      if (
        !Array.isArray(keys) ||
        keys.length === 0 ||
        !keys.every((k): k is string => typeof k === "string" && k !== "")
      ) {
        this.error(
          v.pos,
          `${label}: path must be a non-empty list of keys, like [a, b], got ${describeKind(v)}`,
        );
        return null;
      }
      return keys as [string, ...string[]];
    }
    this.error(
      pos,
      `${label}: transform needs a target: jsonpath: "$.args.KEY" or path: [a, b] (Lynx would write to an argument literally named "$.args")`,
    );
    return null;
  }
}
