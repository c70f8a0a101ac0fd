import { redactSecrets } from "../../core/secrets";
import type { JsonValue } from "./types";

/**
 * Masks anything that looks like a provider key in every string of a JSON value before it is
 * stored or audited. Agents pass secrets as `secret:NAME` references; a raw key that slips in
 * is never kept.
 */
export function redactJson<T extends JsonValue>(value: T): T {
  if (typeof value === "string") return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactJson(v)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactJson(v)])) as T;
  }
  return value;
}
