import canonicalize from "canonicalize";

/** RFC 8785 (JCS) canonical JSON. Throws on values JSON cannot represent. */
export function canonicalJson(value: unknown): string {
  const text = plainCanonicalJson(value, 0) ?? canonicalize(value);
  if (text === undefined) throw new TypeError("value has no JSON representation");
  return text;
}

/** Deeper than this (or circular), the general implementation takes over. */
const PLAIN_DEPTH = 64;

/**
 * The same text as `canonicalize` for plain JSON data (null, booleans, finite numbers, strings,
 * arrays and objects of them, no `toJSON`), built directly: audit events canonicalise their data
 * on every append, and the general walk costs ~3 µs for a handful of fields. Undefined for
 * anything else (an undefined member, NaN, a symbol, `toJSON`, depth): `canonicalize` decides.
 */
function plainCanonicalJson(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case "object":
      break;
    default:
      return undefined;
  }
  if (value === null) return "null";
  if (depth >= PLAIN_DEPTH) return undefined;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return undefined;
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      const item = plainCanonicalJson(value[i], depth + 1);
      if (item === undefined) return undefined;
      out += i === 0 ? item : `,${item}`;
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = "{";
  // Default sort: by UTF-16 code units, the order RFC 8785 §3.2.3 prescribes.
  for (const key of Object.keys(record).sort()) {
    const member = plainCanonicalJson(record[key], depth + 1);
    if (member === undefined) return undefined;
    out += `${out.length === 1 ? "" : ","}${JSON.stringify(key)}:${member}`;
  }
  return `${out}}`;
}
