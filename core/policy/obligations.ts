/**
 * `obligations: [ID | {id, phase, params}]`. A bare ID (or a mapping without `phase`) is a
 * `pre` obligation: fail-closed, because an obligation written without a phase may be a gate
 * (require-fresh-auth) and must never run only after the side effect it was meant to guard.
 */
import { deepFreeze } from "./deep-freeze";
import { didYouMean } from "./suggest";
import type { Diagnostic, JsonObject, Obligation, ObligationPhase } from "./types";
import { describeKind, toJson, type PNode } from "./yaml-tree";

export const DEFAULT_OBLIGATION_PHASE: ObligationPhase = "pre";
const OBLIGATION_KEYS = ["id", "phase", "params"];

export function compileObligations(node: PNode, diagnostics: Diagnostic[]): Obligation[] {
  const error = (at: PNode | { pos: { line: number; column: number } }, message: string) =>
    diagnostics.push({ severity: "error", ...at.pos, message });
  if (node.kind === "scalar" && node.value === null) return [];
  if (node.kind !== "seq") {
    error(node, `obligations must be a list, got ${describeKind(node)}`);
    return [];
  }
  const noPhase = (pos: { line: number; column: number }, id: string) =>
    diagnostics.push({
      severity: "warning",
      ...pos,
      message: `obligation "${id}" has no phase: it runs pre (before the action; its failure denies it), where Lynx would run it post; write phase: pre or phase: post`,
    });
  const out: Obligation[] = [];
  for (const item of node.items) {
    if (item.kind === "scalar") {
      if (typeof item.value === "string" && item.value !== "") {
        out.push(
          deepFreeze({ id: item.value, phase: DEFAULT_OBLIGATION_PHASE, params: {} }) as Obligation,
        );
        noPhase(item.pos, item.value);
      } else {
        error(item, `an obligation is an id or {id, phase, params}, got ${describeKind(item)}`);
      }
      continue;
    }
    if (item.kind !== "map") {
      error(item, `an obligation is an id or {id, phase, params}, got ${describeKind(item)}`);
      continue;
    }
    let id: string | null = null;
    let phase: ObligationPhase = DEFAULT_OBLIGATION_PHASE;
    let params: JsonObject = {};
    let valid = true;
    const invalid = (at: PNode, message: string) => {
      valid = false;
      error(at, message);
    };
    for (const entry of item.entries) {
      const v = entry.value;
      if (entry.key === "id") {
        if (v.kind === "scalar" && typeof v.value === "string" && v.value !== "") id = v.value;
        else invalid(v, `obligation id must be a non-empty string, got ${describeKind(v)}`);
      } else if (entry.key === "phase") {
        if (v.kind === "scalar" && (v.value === "pre" || v.value === "post")) phase = v.value;
        else invalid(v, `obligation phase must be pre or post, got ${describeKind(v)}`);
      } else if (entry.key === "params") {
        if (v.kind === "map") params = toJson(v) as JsonObject;
        else if (!(v.kind === "scalar" && v.value === null)) {
          invalid(v, `obligation params must be a mapping, got ${describeKind(v)}`);
        }
      } else {
        diagnostics.push({
          severity: "warning",
          ...entry.keyPos,
          message: `unknown obligation key "${entry.key}" is ignored, as Lynx${didYouMean(entry.key, OBLIGATION_KEYS)}; keys: ${OBLIGATION_KEYS.join(", ")}`,
        });
      }
    }
    if (id === null) {
      if (valid) error(item, "obligation needs an id");
      continue;
    }
    if (!item.entries.some((e) => e.key === "phase")) noPhase(item.pos, id);
    if (valid) out.push(deepFreeze({ id, phase, params }) as Obligation);
  }
  return out;
}
