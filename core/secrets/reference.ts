/**
 * The one definition of a vault reference: `secret:NAME`, wherever it appears in a string (so
 * `Bearer secret:X`, `tok_secret:X` and `secret:Xsuffix` each contain the reference `secret:X`).
 * NAME is the vault's name syntax, matched greedily. The resolver and the anomaly rules both use
 * this tokenizer, so nothing is ever a reference for one and plain text for the other.
 */
export const SECRET_NAME_SYNTAX = /^[A-Z][A-Z0-9_]{0,63}$/;
const REFERENCE = /secret:([A-Z][A-Z0-9_]{0,63})/g;

export interface SecretReference {
  name: string;
  start: number;
  end: number;
}

export function findSecretRefs(text: string): SecretReference[] {
  return [...text.matchAll(REFERENCE)].map((m) => ({
    name: m[1]!,
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Every secret name referenced anywhere in a JSON-like value (object keys included). */
export function referencedNames(value: unknown, depth = 0): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown, d: number): void => {
    if (d > 64) return;
    if (typeof v === "string") for (const r of findSecretRefs(v)) out.add(r.name);
    else if (Array.isArray(v)) for (const item of v) visit(item, d + 1);
    else if (v && typeof v === "object") {
      for (const [k, item] of Object.entries(v)) {
        visit(k, d + 1);
        visit(item, d + 1);
      }
    }
  };
  visit(value, depth);
  return out;
}

/** `text` with each reference replaced by `replace(name)` (which may refuse by throwing). */
export async function replaceSecretRefs(
  text: string,
  replace: (name: string) => Promise<string>,
): Promise<string> {
  let out = "";
  let cursor = 0;
  for (const ref of findSecretRefs(text)) {
    out += text.slice(cursor, ref.start) + (await replace(ref.name));
    cursor = ref.end;
  }
  return out + text.slice(cursor);
}
