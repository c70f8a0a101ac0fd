/**
 * The positioned tree a policy is read into, and the rules both YAML readers share (the `yaml`
 * package walker in yaml-tree.ts and the direct reader of yaml-subset.ts): how a scalar is
 * resolved as PyYAML resolves it, what a mapping key may be, and how repeated keys combine.
 */
import type { Diagnostic, JsonValue } from "./types";
import { setOwn } from "./json-values";
import { resolvePlain } from "./yaml-scalars";

export interface Pos {
  readonly line: number;
  readonly column: number;
}

export type ScalarValue = string | number | boolean | null;

export interface PScalar {
  readonly kind: "scalar";
  readonly value: ScalarValue;
  readonly pos: Pos;
  /** An unquoted date or date-time (PyYAML builds a date object); the value is its text. */
  readonly timestamp?: true;
}
export interface PEntry {
  readonly key: string;
  readonly keyPos: Pos;
  readonly value: PNode;
}
export interface PMap {
  readonly kind: "map";
  readonly entries: readonly PEntry[];
  readonly pos: Pos;
}
export interface PSeq {
  readonly kind: "seq";
  readonly items: readonly PNode[];
  readonly pos: Pos;
}
export type PNode = PScalar | PMap | PSeq;

export interface ParsedYaml {
  /** Null when the document is empty or too malformed to read. */
  readonly root: PNode | null;
  readonly diagnostics: Diagnostic[];
}

/** Bound on nodes produced, so an alias "billion laughs" document cannot exhaust memory. */
export const MAX_NODES = 200_000;

function error(diagnostics: Diagnostic[], pos: Pos, message: string): void {
  diagnostics.push({ severity: "error", line: pos.line, column: pos.column, message });
}

/** First characters of plain scalars that may resolve to something other than a string. */
const MAY_RESOLVE = new Set([..."yYnNtTfFoO-+0123456789.<~="].map((c) => c.charCodeAt(0)));

/** An untagged scalar: quoted ones are strings, plain ones resolve as PyYAML resolves them. */
export function scalarNode(
  text: string,
  plain: boolean,
  pos: Pos,
  diagnostics: Diagnostic[],
): PScalar {
  if (!plain || (text !== "" && !MAY_RESOLVE.has(text.charCodeAt(0))))
    return { kind: "scalar", value: text, pos };
  const r = resolvePlain(text);
  switch (r.kind) {
    case "int":
    case "float":
      if (Number.isNaN(r.value) && r.kind === "int")
        error(diagnostics, pos, `${text} is not a number PyYAML can read`);
      return { kind: "scalar", value: r.value, pos };
    case "timestamp":
      if (!validDate(r.value))
        error(diagnostics, pos, `${text} is not a valid date (PyYAML refuses it)`);
      return { kind: "scalar", value: r.value, pos, timestamp: true };
    case "value":
      error(
        diagnostics,
        pos,
        `a plain = cannot be read by PyYAML (Lynx refuses the file); quote it`,
      );
      return { kind: "scalar", value: text, pos };
    case "merge":
      error(
        diagnostics,
        pos,
        "a plain << is a merge key and cannot be a value (PyYAML refuses it); quote it",
      );
      return { kind: "scalar", value: text, pos };
    default:
      return { kind: "scalar", value: r.value, pos };
  }
}

/** A mapping key: a scalar that resolves to a string (its source text otherwise, with an error). */
export function mappingKey(
  scalar: PScalar,
  text: string,
  pos: Pos,
  diagnostics: Diagnostic[],
): string {
  if (typeof scalar.value === "string" && !scalar.timestamp) return scalar.value;
  const what = scalar.timestamp ? "a date" : describeKind(scalar);
  error(
    diagnostics,
    pos,
    `mapping key ${text} must be a string; PyYAML reads it as ${what} (quote it)`,
  );
  return text;
}

/**
 * PyYAML's flatten_mapping + construct_mapping: the entries of every `<<` source come first,
 * then the explicit entries; a later entry with the same key replaces the value but keeps the
 * first one's place.
 */
export function mappingNode(
  merged: readonly PEntry[],
  explicit: readonly PEntry[],
  pos: Pos,
  diagnostics: Diagnostic[],
): PMap {
  if (merged.length === 0 && !hasRepeatedKey(explicit))
    return { kind: "map", entries: explicit, pos };
  const entries: PEntry[] = [];
  const index = new Map<string, number>();
  const add = (entry: PEntry, fromMerge: boolean) => {
    const previous = index.get(entry.key);
    if (previous === undefined) {
      index.set(entry.key, entries.length);
      entries.push(entry);
      return;
    }
    if (!fromMerge) {
      const first = entries[previous]!;
      if (!merged.includes(first)) {
        diagnostics.push({
          severity: "warning",
          ...entry.keyPos,
          message: `repeated key "${entry.key}" (first at line ${first.keyPos.line}): the last value is used, as Lynx`,
        });
      }
    }
    entries[previous] = { ...entry, keyPos: entries[previous]!.keyPos, value: entry.value };
  };
  for (const entry of merged) add(entry, true);
  for (const entry of explicit) add(entry, false);
  return { kind: "map", entries, pos };
}

/** Small mappings are scanned pairwise; larger ones go through the index in mappingNode. */
function hasRepeatedKey(entries: readonly PEntry[]): boolean {
  if (entries.length > 8) return true;
  for (let a = 1; a < entries.length; a++) {
    for (let b = 0; b < a; b++) if (entries[a]!.key === entries[b]!.key) return true;
  }
  return false;
}

function validDate(text: string): boolean {
  const [y, m, d] = text.split(/[-Tt \t]/, 3).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The plain JSON value of a positioned node. */
export function toJson(node: PNode): JsonValue {
  switch (node.kind) {
    case "scalar":
      return node.value;
    case "seq":
      return node.items.map(toJson);
    case "map": {
      const out: { [key: string]: JsonValue } = {};
      for (const entry of node.entries) {
        setOwn(out, entry.key, toJson(entry.value));
      }
      return out;
    }
  }
}

export function describeKind(node: PNode): string {
  if (node.kind === "map") return "a mapping";
  if (node.kind === "seq") return "a list";
  const v = node.value;
  if (v === null) return "null";
  if (typeof v === "string") return `the string ${JSON.stringify(v)}`;
  return `the ${typeof v} ${String(v)}`;
}
