import type { ProviderKind } from "../../sessions-api";

/** Where the server sends calls when no base URL is given (workers/routes/sessions.ts). */
export const DEFAULT_URLS: Readonly<Record<ProviderKind, string>> = {
  anthropic: "https://api.anthropic.com",
  openai: "https://api.openai.com/v1",
};

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
