import { redactSecrets } from "../core/secrets";
import type { JsonValue } from "./tenant-types";

/**
 * Applies `fn` to every string of a JSON value (object keys are left alone). Where `fn` changes
 * nothing, the part is returned as it is, not copied: a step's arguments are redacted on every
 * proposal and seldom hold a secret.
 */
export function mapJsonStrings<T extends JsonValue>(value: T, fn: (s: string) => string): T {
  if (typeof value === "string") return fn(value) as T;
  if (Array.isArray(value)) {
    const mapped = value.map((v) => mapJsonStrings(v, fn));
    return (mapped.some((v, i) => v !== value[i]) ? mapped : value) as T;
  }
  if (value && typeof value === "object") {
    let changed = false;
    const entries = Object.entries(value).map(([k, v]) => {
      const m = mapJsonStrings(v, fn);
      if (m !== v) changed = true;
      return [k, m] as const;
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}

/**
 * Masks anything that looks like a provider key in every string of a JSON value before it is
 * stored or audited. Agents pass secrets as `secret:NAME` references; a raw key that slips in
 * is never kept.
 */
export const redactJson = <T extends JsonValue>(value: T): T =>
  mapJsonStrings(value, redactSecrets);
