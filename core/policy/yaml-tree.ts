/**
 * YAML 1.1 (as Lynx reads it, with PyYAML) into a small positioned tree, so every later check
 * can point at the node it is about. The `yaml` package parses with its failsafe schema (every
 * scalar a string) and plain scalars are then resolved by PyYAML's own rules (yaml-scalars.ts).
 * Aliases and `<<` merge keys are resolved here as PyYAML does; a repeated key is a warning and,
 * as PyYAML, the last value wins at the first key's place.
 */
import {
  isAlias,
  type Scalar as YamlScalar,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from "yaml";
import type { Diagnostic, JsonValue } from "./types";
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
const MAX_NODES = 200_000;

export function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, {
    version: "1.1",
    schema: "failsafe",
    uniqueKeys: false,
    prettyErrors: false,
    lineCounter,
  });
  const diagnostics: Diagnostic[] = [];
  const posAt = (offset: number): Pos => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const pos = posAt(problem.pos[0]);
    diagnostics.push({
      severity: "error",
      ...pos,
      message: `malformed YAML: ${problem.message}`,
    });
  }
  if (doc.errors.length > 0) return { root: null, diagnostics };
  const walker = new Walker(doc, posAt, diagnostics);
  const root =
    doc.contents === null ? null : walker.node(doc.contents as YamlNode, { line: 1, column: 1 });
  return { root, diagnostics };
}

class Walker {
  private count = 0;
  private readonly resolving = new Set<YamlNode>();
  private readonly targets = new Map<YamlNode, YamlNode | null>();

  constructor(
    private readonly doc: Document,
    private readonly posAt: (offset: number) => Pos,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private error(pos: Pos, message: string): void {
    this.diagnostics.push({ severity: "error", ...pos, message });
  }

  private posOf(node: YamlNode | null | undefined, fallback: Pos): Pos {
    const range = node?.range;
    return range ? this.posAt(range[0]) : fallback;
  }

  node(node: YamlNode | null | undefined, fallback: Pos): PNode {
    const pos = this.posOf(node, fallback);
    if (++this.count > MAX_NODES) {
      if (this.count === MAX_NODES + 1) this.error(pos, "document too large (alias expansion)");
      return { kind: "scalar", value: null, pos };
    }
    if (node === null || node === undefined) return { kind: "scalar", value: null, pos };
    if (isAlias(node)) {
      // Alias.resolve walks the document: resolve each alias node once.
      let target = this.targets.get(node);
      if (target === undefined) {
        target = node.resolve(this.doc) ?? null;
        this.targets.set(node, target);
      }
      if (!target) {
        this.error(pos, `unknown alias *${node.source}`);
        return { kind: "scalar", value: null, pos };
      }
      if (this.resolving.has(target)) {
        this.error(pos, `recursive alias *${node.source}`);
        return { kind: "scalar", value: null, pos };
      }
      this.resolving.add(target);
      try {
        return this.node(target, pos);
      } finally {
        this.resolving.delete(target);
      }
    }
    if (isScalar(node)) return this.scalar(node, pos);
    if (isSeq(node)) {
      return {
        kind: "seq",
        items: node.items.map((item) => this.node(item as YamlNode, pos)),
        pos,
      };
    }
    if (isMap(node)) return this.map(node.items, pos);
    this.error(pos, "unsupported YAML node");
    return { kind: "scalar", value: null, pos };
  }

  private scalar(node: YamlScalar, pos: Pos): PScalar {
    const text = String(node.value);
    if (node.tag === "tag:yaml.org,2002:str") return { kind: "scalar", value: text, pos };
    if (node.tag) {
      this.error(pos, `explicit tag ${node.tag} is not supported; write the value untagged`);
      return { kind: "scalar", value: null, pos };
    }
    if (node.type !== "PLAIN") return { kind: "scalar", value: text, pos };
    const r = resolvePlain(text);
    switch (r.kind) {
      case "int":
      case "float":
        if (Number.isNaN(r.value) && r.kind === "int")
          this.error(pos, `${text} is not a number PyYAML can read`);
        return { kind: "scalar", value: r.value, pos };
      case "timestamp":
        if (!validDate(r.value)) this.error(pos, `${text} is not a valid date (PyYAML refuses it)`);
        return { kind: "scalar", value: r.value, pos, timestamp: true };
      case "value":
        this.error(pos, `a plain = cannot be read by PyYAML (Lynx refuses the file); quote it`);
        return { kind: "scalar", value: text, pos };
      case "merge":
        this.error(
          pos,
          "a plain << is a merge key and cannot be a value (PyYAML refuses it); quote it",
        );
        return { kind: "scalar", value: text, pos };
      default:
        return { kind: "scalar", value: r.value, pos };
    }
  }

  /**
   * PyYAML's flatten_mapping + construct_mapping: the entries of every `<<` source come first
   * (a list of sources in reverse order), then the explicit entries; a later entry with the
   * same key replaces the value but keeps the first one's place.
   */
  private map(pairs: readonly { key: unknown; value: unknown }[], pos: Pos): PMap {
    const merged: PEntry[] = [];
    const explicit: PEntry[] = [];
    for (const pair of pairs) {
      const keyNode = pair.key as YamlNode | null;
      const keyPos = this.posOf(keyNode, pos);
      if (isScalar(keyNode) && keyNode.type === "PLAIN" && !keyNode.tag && keyNode.value === "<<") {
        merged.push(...this.mergeSources(pair.value as YamlNode, keyPos));
        continue;
      }
      const key = this.keyString(keyNode, keyPos);
      explicit.push({ key, keyPos, value: this.node(pair.value as YamlNode | null, keyPos) });
    }
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
          this.diagnostics.push({
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

  /** `<<: *a` or `<<: [*a, *b]`: the sources' entries, a list's in reverse order. */
  private mergeSources(value: YamlNode | null, pos: Pos): PEntry[] {
    const source = this.node(value, pos);
    const maps = source.kind === "seq" ? [...source.items].reverse() : [source];
    const out: PEntry[] = [];
    for (const map of maps) {
      if (map.kind !== "map") {
        this.error(map.pos, "a merge key (<<) needs a mapping or a list of mappings");
        continue;
      }
      out.push(...map.entries);
    }
    return out;
  }

  private keyString(keyNode: YamlNode | null, pos: Pos): string {
    if (keyNode === null || keyNode === undefined) {
      this.error(pos, "a mapping key must be a string, got null");
      return "";
    }
    if (isScalar(keyNode)) {
      const scalar = this.scalar(keyNode, pos);
      if (typeof scalar.value === "string" && !scalar.timestamp) return scalar.value;
      const text = String(keyNode.value);
      const what = scalar.timestamp ? "a date" : describeKind(scalar);
      this.error(
        pos,
        `mapping key ${text} must be a string; PyYAML reads it as ${what} (quote it)`,
      );
      return text;
    }
    this.error(pos, "a mapping key must be a string");
    return "?";
  }
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
        Object.defineProperty(out, entry.key, {
          value: toJson(entry.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
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
