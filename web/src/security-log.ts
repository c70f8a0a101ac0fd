import type { SecurityEvent } from "./api";

const METHOD_PHRASE: Record<string, string> = {
  passkey: "a passkey",
  email_code: "an email code",
  qr: "a code approved on another device",
};

/** One line a person understands for each entry of their security log. */
export function describeSecurityEvent(e: SecurityEvent): string {
  const d = e.detail;
  const s = (key: string) => (typeof d[key] === "string" ? (d[key] as string) : "");
  switch (e.kind) {
    case "sign_in":
      return `Signed in with ${METHOD_PHRASE[s("method")] ?? "an email code"} on ${s("device") || "a device"}`;
    case "passkey_added":
      return `Passkey added: ${s("name")}`;
    case "passkey_removed":
      return `Passkey removed: ${s("name")}`;
    case "passkey_counter_regression":
      return "A passkey that looked cloned was refused";
    case "session_revoked":
      return "A session was signed out";
    case "sessions_revoked":
      return d.kept_current ? "Signed out everywhere else" : "Signed out everywhere";
    case "not_me_revoke_all":
      return `“This wasn't me” used: ${String(d.sessions ?? 0)} session(s) signed out`;
    case "admin_token_created":
      return `${s("role")} API token “${s("token_name")}” created in ${s("tenant_name")}`;
    case "role_changed":
      return `Your role in ${s("tenant_name")} changed from ${s("from")} to ${s("to")}`;
    case "removed_from_tenant":
      return `Removed from ${s("tenant_name")} by ${s("by")}`;
    case "email_changed":
      return `Email address changed from ${s("from")} to ${s("to")}`;
    case "email_change_reverted":
      return `Email address put back to ${s("from")}: every session signed out`;
    case "device_sign_in_approved":
      return `You signed in ${s("browser") || "a browser"} on ${s("device") || "another device"} by its code`;
    case "device_sign_in_denied":
      return `You refused a sign-in request from ${s("device") || "another device"}`;
    default:
      return e.kind.replace(/_/g, " ");
  }
}
