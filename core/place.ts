/**
 * Where a request came from, as people read it ("Lisbon, Lisbon, PT"). `wrangler dev` fills
 * `request.cf` with a fixed placeholder (Austin, Texas, US) for every request on your machine, so
 * in development that placeholder, or no location at all, is shown as "Local development" and
 * never as a real place (sign-in history, sessions, emails).
 */
export const LOCAL_DEVELOPMENT = "Local development";

export interface CfPlace {
  city?: unknown;
  region?: unknown;
  country?: unknown;
}

const isWranglerPlaceholder = (cf: CfPlace) =>
  cf.city === "Austin" && cf.region === "Texas" && cf.country === "US";

export function placeOf(
  cf: CfPlace | undefined,
  environment: "development" | "production",
): string | null {
  const parts = [cf?.city, cf?.region, cf?.country].filter(
    (p): p is string => typeof p === "string" && p.length > 0,
  );
  if (environment === "development" && (parts.length === 0 || (cf && isWranglerPlaceholder(cf)))) {
    return LOCAL_DEVELOPMENT;
  }
  return parts.length > 0 ? parts.join(", ").slice(0, 200) : null;
}
