/**
 * Normalises an email address for identity: trimmed, lower-cased, ASCII only. Non-ASCII
 * addresses are refused rather than folded, so look-alike characters (fullwidth, Cyrillic,
 * zero-width, bidi controls) can never alias another person's account.
 */
export function normalizeEmail(
  input: string,
): { ok: true; email: string } | { ok: false; reason: string } {
  const email = input.trim().toLowerCase();
  if (/[^\x21-\x7e]/.test(email)) {
    return { ok: false, reason: "Email addresses must use plain ASCII characters without spaces." };
  }
  if (email.length > 254) return { ok: false, reason: "Email address is too long." };
  const at = email.lastIndexOf("@");
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (
    at < 1 ||
    local.length > 64 ||
    !/^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(local) ||
    local.startsWith(".") ||
    local.endsWith(".") ||
    local.includes("..") ||
    !/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(domain)
  ) {
    return { ok: false, reason: "Enter a valid email address." };
  }
  return { ok: true, email };
}
