/**
 * IPv4 literals in every spelling the WHATWG URL host parser accepts: 1 to 4 dot-separated
 * parts, each decimal, octal (leading 0) or hex (0x), the last part filling the remaining bytes
 * (so `127.1`, `2130706433`, `0x7f.1` and `0177.0.0.1` are all 127.0.0.1), and a trailing dot.
 */
export type Ipv4Parse =
  | { kind: "ipv4"; value: number }
  /** Looks like a number-ending host but is not a valid address (overflow, bad digit). */
  | { kind: "invalid" }
  /** An ordinary host name. */
  | { kind: "not_ipv4" };

function parsePart(part: string): number | null {
  let digits = part;
  let radix = 10;
  if (/^0x/i.test(part)) {
    digits = part.slice(2);
    radix = 16;
    if (digits === "") return 0;
  } else if (part.length > 1 && part.startsWith("0")) {
    digits = part.slice(1);
    radix = 8;
  }
  const valid = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return null;
  // Values that lose precision here are far above 2^32 and rejected by the caller anyway.
  return parseInt(digits, radix);
}

/** The WHATWG "ends in a number" test: the last label decides whether a host is IPv4. */
function endsInNumber(parts: string[]): boolean {
  const last = parts[parts.length - 1] ?? "";
  return /^[0-9]+$/.test(last) || /^0x[0-9a-f]*$/i.test(last);
}

export function parseIpv4(host: string): Ipv4Parse {
  const parts = host.split(".");
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  if (!endsInNumber(parts)) return { kind: "not_ipv4" };
  if (parts.length > 4) return { kind: "invalid" };
  const numbers: number[] = [];
  for (const part of parts) {
    const n = part === "" ? null : parsePart(part);
    if (n === null) return { kind: "invalid" };
    numbers.push(n);
  }
  const last = numbers.pop()!;
  if (numbers.some((n) => n > 255)) return { kind: "invalid" };
  if (last >= 256 ** (4 - numbers.length)) return { kind: "invalid" };
  let value = last;
  numbers.forEach((n, i) => (value += n * 256 ** (3 - i)));
  return { kind: "ipv4", value };
}

/** Strict dotted-quad parsing, as used for resolved addresses and IPv6 tails. */
export function parseDottedQuad(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
}
