/**
 * YAML 1.1 (as Lynx reads it) into a small positioned tree, so every later check can point at
 * the node it is about. Aliases and `<<` merge keys are resolved here; repeated keys are
 * reported (Lynx silently keeps the last one) and the last value is kept.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from "yaml";
import type { Diagnostic, JsonValue } from "./types";

export interface Pos {
  readonly line: number;
  readonly column: number;
}

export type ScalarValue = string | number | boolean | null;

export interface PScalar {
  readonly kind: "scalar";
  readonly value: ScalarValue;
  readonly pos: Pos;
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
    uniqueKeys: false,
    merge: true,
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
      const target = node.resolve(this.doc);
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
    if (isScalar(node)) {
      if (
        typeof node.value === "boolean" &&
        node.type === "PLAIN" &&
        /^[yYnN]$/.test(String(node.source))
      ) {
        // The yaml package's 1.1 schema reads these as booleans; PyYAML (Lynx) reads strings.
        this.diagnostics.push({
          severity: "warning",
          ...pos,
          message: `unquoted ${String(node.source)} is read as the boolean ${String(node.value)} (YAML 1.1); quote it to mean the string`,
        });
      }
      return { kind: "scalar", value: this.scalarValue(node.value, node.source, pos), pos };
    }
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

  private scalarValue(value: unknown, source: unknown, pos: Pos): ScalarValue {
    if (value === null || typeof value === "string" || typeof value === "boolean") return value;
    if (typeof value === "number") {
      if (Number.isFinite(value)) return value;
      this.error(pos, `non-finite number ${String(source)} is not supported`);
      return null;
    }
    if (value instanceof Date) {
      this.error(pos, `unquoted timestamp ${String(source)}: quote it to use it as a string`);
      return null;
    }
    this.error(pos, `unsupported YAML value ${String(source ?? value)}`);
    return null;
  }

  private map(pairs: readonly { key: unknown; value: unknown }[], pos: Pos): PMap {
    const entries: PEntry[] = [];
    const index = new Map<string, number>();
    const merged: PEntry[] = [];
    for (const pair of pairs) {
      const keyNode = pair.key as YamlNode | null;
      const keyPos = this.posOf(keyNode, pos);
      if (isScalar(keyNode) && typeof keyNode.value === "symbol") {
        merged.push(...this.mergeSources(pair.value as YamlNode, keyPos));
        continue;
      }
      const key = this.keyString(keyNode, keyPos);
      const value = this.node(pair.value as YamlNode | null, keyPos);
      const entry: PEntry = { key, keyPos, value };
      const previous = index.get(key);
      if (previous !== undefined) {
        this.error(
          keyPos,
          `duplicate key "${key}" (first defined at line ${entries[previous]!.keyPos.line})`,
        );
        entries[previous] = entry;
      } else {
        index.set(key, entries.length);
        entries.push(entry);
      }
    }
    for (const entry of merged) {
      if (index.has(entry.key)) continue;
      index.set(entry.key, entries.length);
      entries.push(entry);
    }
    return { kind: "map", entries, pos };
  }

  /** `<<: *a` or `<<: [*a, *b]`: earlier sources win, explicit keys win over all. */
  private mergeSources(value: YamlNode | null, pos: Pos): PEntry[] {
    const source = this.node(value, pos);
    const maps = source.kind === "seq" ? source.items : [source];
    const out: PEntry[] = [];
    const seen = new Set<string>();
    for (const map of maps) {
      if (map.kind !== "map") {
        this.error(map.pos, "a merge key (<<) needs a mapping or a list of mappings");
        continue;
      }
      for (const entry of map.entries) {
        if (seen.has(entry.key)) continue;
        seen.add(entry.key);
        out.push(entry);
      }
    }
    return out;
  }

  private keyString(keyNode: YamlNode | null, pos: Pos): string {
    if (isScalar(keyNode) && typeof keyNode.value === "string") return keyNode.value;
    const text = isScalar(keyNode) ? String(keyNode.source ?? keyNode.value) : "?";
    const hint =
      isScalar(keyNode) && typeof keyNode.value === "boolean"
        ? ` (YAML 1.1 reads unquoted ${text} as a boolean; quote it)`
        : "";
    this.error(pos, `mapping key ${text} must be a string${hint}`);
    return text;
  }
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
