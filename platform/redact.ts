import { redactSecrets } from "../core/secrets";
import type { JsonValue } from "./tenant-types";

/** Applies `fn` to every string of a JSON value (object keys are left alone). */
export function mapJsonStrings<T extends JsonValue>(value: T, fn: (s: string) => string): T {
  if (typeof value === "string") return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapJsonStrings(v, fn)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, mapJsonStrings(v, fn)]),
    ) as T;
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
