/**
 * A policy's parsed YAML tree as text, so a stored policy can be compiled again without the YAML
 * stage (most of a compile). Numbers JSON cannot hold (`.inf`, `.nan`, `-0`) are tagged. A
 * form of another `PARSED_FORM_VERSION`, or one that does not decode, is refused (null): the
 * caller compiles from source instead.
 */
import type { Diagnostic } from "./types";
import type { ParsedYaml, PNode } from "./yaml-tree";

export const PARSED_FORM_VERSION = 1;

const NUMBER_TAG = "$n";

export function encodeParsed(parsed: ParsedYaml): string {
  return JSON.stringify(
    { v: PARSED_FORM_VERSION, root: parsed.root, d: parsed.diagnostics },
    (_, v) =>
      typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0))
        ? { [NUMBER_TAG]: String(v) }
        : v,
  );
}

export function decodeParsed(text: string): ParsedYaml | null {
  let form: { v?: unknown; root?: unknown; d?: unknown };
  try {
    form = JSON.parse(text, (_, v) =>
      v && typeof v === "object" && !Array.isArray(v) && typeof v[NUMBER_TAG] === "string"
        ? v[NUMBER_TAG] === "-0"
          ? -0
          : Number(v[NUMBER_TAG])
        : v,
    ) as typeof form;
  } catch {
    return null;
  }
  if (form.v !== PARSED_FORM_VERSION || !Array.isArray(form.d)) return null;
  if (form.root !== null && !isNode(form.root)) return null;
  return { root: form.root as PNode | null, diagnostics: form.d as Diagnostic[] };
}

function isNode(n: unknown): boolean {
  if (!n || typeof n !== "object") return false;
  const node = n as { kind?: unknown; pos?: unknown; entries?: unknown; items?: unknown };
  if (!node.pos || typeof node.pos !== "object") return false;
  if (node.kind === "scalar") return true;
  if (node.kind === "map")
    return (
      Array.isArray(node.entries) &&
      node.entries.every(
        (e: { key?: unknown; value?: unknown }) => typeof e.key === "string" && isNode(e.value),
      )
    );
  if (node.kind === "seq") return Array.isArray(node.items) && node.items.every(isNode);
  return false;
}
