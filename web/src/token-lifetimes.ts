/** Lifetimes offered when creating an API token; the API allows up to a year. */
export const TOKEN_LIFETIMES: readonly { label: string; days: number | null }[] = [
  { label: "7 days", days: 7 },
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
  { label: "No expiry", days: null },
];

/** The expiry to send for a lifetime picked now; undefined for a token that never expires. */
export function expiryFor(days: number | null, now = Date.now()): string | undefined {
  return days === null ? undefined : new Date(now + days * 86_400_000).toISOString();
}
