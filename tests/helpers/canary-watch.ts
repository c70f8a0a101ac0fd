/**
 * The vault canary: a secret value planted in tenants' vaults by the session tests. A setup file
 * asserts after every test file that it never showed up in a log line, an outbound model or mail
 * request body, or an API response body (tests record those here as they go).
 */
export const CANARY = "canary-7f3a9c1e5b2d4f60a8e1c3b5d7f9a2c4";

const seen: { where: string; text: string }[] = [];

export function watch(where: string, text: string): void {
  if (text.includes(CANARY)) seen.push({ where, text: text.slice(0, 200) });
}

export function canarySightings(): readonly { where: string; text: string }[] {
  return seen;
}
