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
import type { Diagnostic } from "./types";
import {
  MAX_NODES,
  mappingKey,
  mappingNode,
  scalarNode,
  type ParsedYaml,
  type PEntry,
  type PMap,
  type PNode,
  type Pos,
  type PScalar,
} from "./yaml-nodes";
import { parseYamlSubset } from "./yaml-subset";

export {
  describeKind,
  toJson,
  type ParsedYaml,
  type PEntry,
  type PMap,
  type PNode,
  type Pos,
  type PScalar,
  type PSeq,
  type ScalarValue,
} from "./yaml-nodes";

export function parseYaml(source: string): ParsedYaml {
  return parseYamlSubset(source) ?? parseWithYamlPackage(source);
}

/** Any YAML, through the `yaml` package. */
export function parseWithYamlPackage(source: string): ParsedYaml {
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
    return scalarNode(text, node.type === "PLAIN", pos, this.diagnostics);
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
    return mappingNode(merged, explicit, pos, this.diagnostics);
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
      return mappingKey(this.scalar(keyNode, pos), String(keyNode.value), pos, this.diagnostics);
    }
    this.error(pos, "a mapping key must be a string");
    return "?";
  }
}
