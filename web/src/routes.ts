import type { Action } from "../../core/permissions";

/** Every screen of the console, with what its address carries. */
export type Route =
  | { screen: "account" }
  /** The queue (`?tab=decided` for decided ones); `?id=` opens at one approval (deep link). */
  | { screen: "approvals"; tab: "pending" | "decided"; focus: string | null }
  | { screen: "runs" }
  | { screen: "run"; runId: string }
  | { screen: "sessions" }
  | { screen: "session"; sessionId: string }
  | { screen: "policies" }
  | { screen: "policy"; version: number }
  /** A new version, starting from `base` (null: the active one). */
  | { screen: "policy-editor"; base: number | null }
  | { screen: "policy-diff"; from: number; to: number }
  | { screen: "vault" }
  | { screen: "members" }
  | { screen: "tokens" }
  | { screen: "audit" }
  | { screen: "invite"; token: string }
  | { screen: "mcp" }
  /** The OAuth consent screen an MCP client's sign-in lands on. */
  | { screen: "connect"; handle: string }
  /** Issue 17: approving another device's sign-in by its code (the QR code's address). */
  | { screen: "device"; code: string }
  | { screen: "not-found" };

export type Screen = Route["screen"];

const notFound: Route = { screen: "not-found" };

const version = (segment: string | undefined): number | null =>
  segment !== undefined && /^[1-9]\d{0,6}$/.test(segment) ? Number(segment) : null;

export function parseRoute(pathname: string, search = ""): Route {
  const parts = pathname.replace(/\/+$/, "").split("/").slice(1);
  const [first, second, third, fourth] = parts;
  switch (parts.length === 0 || pathname === "/" ? "" : first) {
    case "":
      return { screen: "account" };
    case "approvals": {
      const q = new URLSearchParams(search);
      if (parts.length !== 1) return notFound;
      return {
        screen: "approvals",
        tab: q.get("tab") === "decided" ? "decided" : "pending",
        focus: q.get("id"),
      };
    }
    case "vault":
    case "members":
    case "tokens":
    case "audit":
      return parts.length === 1 ? ({ screen: first } as Route) : notFound;
    case "mcp":
      return parts.length === 1 ? { screen: "mcp" } : notFound;
    case "connect": {
      const handle = new URLSearchParams(search).get("handle") ?? "";
      return parts.length === 1 ? { screen: "connect", handle } : notFound;
    }
    case "device": {
      const code = new URLSearchParams(search).get("code") ?? "";
      return parts.length === 1 ? { screen: "device", code } : notFound;
    }
    case "invite": {
      const token = new URLSearchParams(search).get("token") ?? "";
      return parts.length === 1 ? { screen: "invite", token } : notFound;
    }
    case "runs":
      if (parts.length === 1) return { screen: "runs" };
      if (parts.length === 2 && second) return { screen: "run", runId: decodeURIComponent(second) };
      return notFound;
    case "sessions":
      if (parts.length === 1) return { screen: "sessions" };
      if (parts.length === 2 && second) {
        return { screen: "session", sessionId: decodeURIComponent(second) };
      }
      return notFound;
    case "policies": {
      if (parts.length === 1) return { screen: "policies" };
      if (parts.length === 2 && second === "new") return { screen: "policy-editor", base: null };
      const v = version(second);
      if (parts.length === 2 && v !== null) return { screen: "policy", version: v };
      if (parts.length === 3 && v !== null && third === "edit") {
        return { screen: "policy-editor", base: v };
      }
      const from = version(third);
      const to = version(fourth);
      if (parts.length === 4 && second === "compare" && from !== null && to !== null) {
        return { screen: "policy-diff", from, to };
      }
      return notFound;
    }
    default:
      return notFound;
  }
}

/** What a role needs to open a tenant screen; null for screens outside any tenant. */
export const SCREEN_NEEDS: Readonly<Record<Screen, Action | null>> = {
  account: null,
  approvals: "approvals.read",
  runs: "runs.read",
  run: "runs.read",
  sessions: "sessions.read",
  session: "sessions.read",
  policies: "policies.read",
  policy: "policies.read",
  "policy-editor": "policies.write",
  "policy-diff": "policies.read",
  vault: "secrets.read_metadata",
  members: "members.read",
  tokens: "tokens.read",
  audit: "audit.read",
  invite: null,
  mcp: "tenant.read",
  connect: null,
  device: null,
  "not-found": null,
};

export const SCREEN_TITLES: Readonly<Record<Screen, string>> = {
  account: "Your account",
  approvals: "Approvals",
  runs: "Runs",
  run: "Run",
  sessions: "Conversations",
  session: "Conversation",
  policies: "Policies",
  policy: "Policy version",
  "policy-editor": "New policy version",
  "policy-diff": "Compare policies",
  vault: "Vault",
  members: "Members",
  tokens: "API tokens",
  audit: "Audit log",
  invite: "Invitation",
  mcp: "MCP",
  connect: "Connect an MCP client",
  device: "Sign in another device",
  "not-found": "Page not found",
};

export const paths = {
  approval: (id: string, tab: "pending" | "decided" = "pending") =>
    `/approvals?${tab === "decided" ? "tab=decided&" : ""}id=${encodeURIComponent(id)}`,
  run: (runId: string) => `/runs/${encodeURIComponent(runId)}`,
  policy: (v: number) => `/policies/${v}`,
  editPolicy: (base: number | null) => (base === null ? "/policies/new" : `/policies/${base}/edit`),
  comparePolicies: (from: number, to: number) => `/policies/compare/${from}/${to}`,
};
