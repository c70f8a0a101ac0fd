import type { ProviderKind } from "../../sessions-api";

/** The vault secret most likely to hold this provider's key. */
export function suggestKey(kind: ProviderKind, names: readonly string[]): string {
  const hint = kind === "anthropic" ? "ANTHROPIC" : "OPENAI";
  return names.find((n) => n === `${hint}_API_KEY`) ?? names.find((n) => n.includes(hint)) ?? "";
}

/** An http(s) URL, or the reason it is not one; empty means the provider's own API. */
export function baseUrlProblem(value: string): string | null {
  if (value === "") return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:"
      ? null
      : "Use an http:// or https:// address.";
  } catch {
    return "Enter a full address, e.g. https://api.example.com.";
  }
}
