import type { SignInMethod } from "./api";

export function methodLabel(method: SignInMethod): string {
  if (method === "qr") return "QR code from another device";
  return method === "passkey" ? "Passkey" : "Email code";
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date. */
export function relativeTime(iso: string, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return days === 1 ? "yesterday" : `${days} days ago`;
  return formatDateTime(iso);
}

/** "Chrome 140 on Android 14 · Pixel 9" — the parts the server could tell. */
export function deviceLabel(d: { device: string; browser: string; os: string }): string {
  const known = (s: string) => s && !s.startsWith("Unknown");
  const main = [d.browser, d.os].filter(known).join(" on ");
  const parts = [main, known(d.device) ? d.device : ""].filter(Boolean);
  return parts.length ? parts.join(" · ") : "Unknown device";
}

/** "0:42" style countdown text for whole seconds. */
export function countdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** "29:41", or "1:05:03" past an hour: time left on an approval. */
export function timeLeft(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const rest = countdown(s % 3600);
  return h > 0 ? `${h}:${rest.padStart(5, "0")}` : countdown(s);
}

/** The first `length` characters of a long id (bundle ids, hashes) with an ellipsis. */
export function shortId(value: string, length = 12): string {
  return value.length > length + 1 ? `${value.slice(0, length)}…` : value;
}

/** Pretty JSON for people; never throws (cycles and BigInts cannot come from the API). */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? "null";
}

/**
 * "user:<id>" → the member's email when known, "token:<id>" → "an API token",
 * "system:gatehouse" → "Gatehouse".
 */
export function authorLabel(author: string, emails: ReadonlyMap<string, string>): string {
  const [kind, ...rest] = author.split(":");
  const who = rest.join(":");
  if (kind === "user") return emails.get(who) ?? "a former member";
  if (kind === "token") return "an API token";
  if (kind === "system") return "Gatehouse";
  if (kind === "agent") return "an agent";
  return author;
}

/** A date for expiries: "never" when absent. */
export function formatExpiry(iso: string | null): string {
  return iso === null ? "never" : formatDateTime(iso);
}

/**
 * A runtime's internal failure ("internal error; reference = 7f3a…") means nothing to people:
 * say what happened instead. Anything else is kept as it is.
 */
export function plainError(message: string): string {
  return /internal error;?\s*reference\s*=/i.test(message)
    ? "Gatehouse had an internal problem. Try again; if it keeps happening, tell your administrator."
    : message;
}
