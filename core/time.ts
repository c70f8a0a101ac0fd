/** Milliseconds since the epoch (how Gatehouse stores time) as ISO-8601 UTC (how it shows it). */
export const iso = (ms: number): string => new Date(ms).toISOString();

export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));
