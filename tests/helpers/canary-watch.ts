/**
 * The vault canary: a secret value planted in tenants' vaults by the session tests. A setup file
 * asserts after every test file that it never showed up in a log line, an outbound model or mail
 * request body, or an API response body (tests record those here as they go).
 */
export const CANARY = "canary-7f3a9c1e5b2d4f60a8e1c3b5d7f9a2c4";

const bytesOf = (text: string) => Array.from(new TextEncoder().encode(text));
const hexOf = (text: string) =>
  bytesOf(text)
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
const base64Of = (text: string) => btoa(String.fromCharCode(...bytesOf(text))).replace(/=+$/, "");

/**
 * The canary as it could leave encoded: as is, base64, base64url, hex (both cases) and
 * URL-encoded. Computed here with the platform's own encoders, not with the masker's.
 */
export const CANARY_FORMS: readonly string[] = [
  CANARY,
  base64Of(CANARY),
  base64Of(CANARY).replace(/\+/g, "-").replace(/\//g, "_"),
  hexOf(CANARY),
  hexOf(CANARY).toUpperCase(),
  encodeURIComponent(CANARY),
];

/** The forms of the canary that occur in `text`. */
export const canaryIn = (text: string): string[] => CANARY_FORMS.filter((f) => text.includes(f));

const seen: { where: string; text: string }[] = [];

export function watch(where: string, text: string): void {
  if (canaryIn(text).length > 0) seen.push({ where, text: text.slice(0, 200) });
}

export function canarySightings(): readonly { where: string; text: string }[] {
  return seen;
}
