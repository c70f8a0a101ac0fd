import type { Action, Role } from "../../core/permissions";
import { can } from "../../core/permissions";

export type NavIcon = "approvals" | "runs" | "policies" | "vault" | "more";

export interface NavItem {
  href: string;
  label: string;
  /** What the role must be allowed to see the screen; null: everyone signed in. */
  needs: Action | null;
  icon?: NavIcon;
}

/** Console sections, most used first (the phone's tab bar shows the first few). */
export const NAV: readonly NavItem[] = [
  { href: "/approvals", label: "Approvals", needs: "approvals.read", icon: "approvals" },
  { href: "/runs", label: "Runs", needs: "runs.read", icon: "runs" },
  { href: "/policies", label: "Policies", needs: "policies.read", icon: "policies" },
  { href: "/vault", label: "Vault", needs: "secrets.read_metadata", icon: "vault" },
  { href: "/members", label: "Members", needs: "members.read" },
  { href: "/tokens", label: "Tokens", needs: "tokens.read" },
  { href: "/audit", label: "Audit", needs: "audit.read" },
  { href: "/sessions", label: "Conversations", needs: "sessions.read" },
  { href: "/mcp", label: "MCP", needs: "tenant.read" },
  { href: "/", label: "Account", needs: null },
];

/** The sections a role can use; without a tenant only the ones that need no role. */
export function visibleNav(role: Role | null): NavItem[] {
  return NAV.filter((item) => item.needs === null || (role !== null && can(role, item.needs)));
}

/** `/runs/run_1` is inside Runs; `/` is only the account itself. */
export function isCurrent(href: string, path: string): boolean {
  if (href === "/") return path === "/";
  return path === href || path.startsWith(`${href}/`);
}

/**
 * The phone's bottom bar: the first `tabs` sections, and the rest behind "More". When only one
 * would be left over it gets its own tab instead.
 */
export function splitTabs(
  items: readonly NavItem[],
  tabs = 4,
): { tabs: NavItem[]; more: NavItem[] } {
  if (items.length <= tabs + 1) return { tabs: [...items], more: [] };
  return { tabs: items.slice(0, tabs), more: items.slice(tabs) };
}
