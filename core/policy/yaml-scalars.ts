/**
 * Plain-scalar resolution exactly as PyYAML's YAML 1.1 resolver and SafeConstructor (what Lynx
 * reads policies with): the same regular expressions, tried in the same order, keyed by the
 * first character. Quoted and block scalars are always strings.
 */

export type Resolved =
  | { readonly kind: "null"; readonly value: null }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "int" | "float"; readonly value: number }
  /** A date or date-time; the value is the source text. */
  | { readonly kind: "timestamp"; readonly value: string }
  | { readonly kind: "str"; readonly value: string }
  /** `<<`, only meaningful as a mapping key. */
  | { readonly kind: "merge"; readonly value: string }
  /** `=`: PyYAML's safe loader has no constructor for it and refuses the document. */
  | { readonly kind: "value"; readonly value: string };

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;

type Kind = Resolved["kind"];
const RESOLVERS: readonly { kind: Kind; first: string; re: RegExp }[] = [
  { kind: "bool", first: "yYnNtTfFoO", re: BOOL },
  { kind: "float", first: "-+0123456789.", re: FLOAT },
  { kind: "int", first: "-+0123456789", re: INT },
  { kind: "merge", first: "<", re: /^<<$/ },
  { kind: "null", first: "~nN", re: NULL },
  { kind: "timestamp", first: "0123456789", re: TIMESTAMP },
  { kind: "value", first: "=", re: /^=$/ },
];

/** Python's `$` also matches before one trailing newline; plain scalars never end in one. */
export function resolvePlain(text: string): Resolved {
  if (text === "") return { kind: "null", value: null };
  const first = text[0]!;
  for (const r of RESOLVERS) {
    if (!r.first.includes(first) || !r.re.test(text)) continue;
    switch (r.kind) {
      case "bool":
        return { kind: "bool", value: /^(?:yes|true|on)$/i.test(text) };
      case "float":
        return { kind: "float", value: constructFloat(text) };
      case "int":
        return { kind: "int", value: constructInt(text) };
      case "null":
        return { kind: "null", value: null };
      case "merge":
      case "value":
      case "timestamp":
        return { kind: r.kind, value: text };
      default:
        break;
    }
  }
  return { kind: "str", value: text };
}

function signed(text: string): { sign: number; digits: string } {
  const t = text.replace(/_/g, "");
  const sign = t[0] === "-" ? -1 : 1;
  return { sign, digits: t[0] === "-" || t[0] === "+" ? t.slice(1) : t };
}

function sexagesimal(digits: string, part: (s: string) => number): number {
  let value = 0;
  for (const p of digits.split(":")) value = value * 60 + part(p);
  return value;
}

function constructInt(text: string): number {
  const { sign, digits } = signed(text);
  let value: number;
  if (digits === "0") return 0;
  if (digits.startsWith("0b")) value = parseInt(digits.slice(2), 2);
  else if (digits.startsWith("0x")) value = parseInt(digits.slice(2), 16);
  else if (digits[0] === "0") value = parseInt(digits, 8);
  else if (digits.includes(":")) value = sexagesimal(digits, (p) => parseInt(p, 10));
  else value = Number(digits);
  // `0b_` / `0x_` leave no digits: Python's int() raises; NaN makes the caller report it.
  return value === 0 ? 0 : sign * value;
}

function constructFloat(text: string): number {
  const { sign, digits } = signed(text.toLowerCase());
  if (digits === ".inf") return sign * Infinity;
  if (digits === ".nan") return NaN;
  if (digits.includes(":")) return sign * sexagesimal(digits, Number);
  return sign * Number(digits);
}
