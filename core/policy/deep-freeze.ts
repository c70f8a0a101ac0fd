/** Freezes a JSON value in place so compiled policies can hand it out without copying. */
import type { JsonValue } from "./types";

export function deepFreeze<T extends JsonValue>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
