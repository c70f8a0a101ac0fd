import type { SignInMethod } from "./api";

export function methodLabel(method: SignInMethod): string {
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
