import type { Action } from "../../core/permissions";
import { can } from "../../core/permissions";
import type { NavIcon } from "./components/icons";
import { href, ROUTES } from "./routes";
import type { AnyRoute, Screen } from "./routes";
import type { TenantScope } from "./tenancy";

export interface NavItem {
  screen: Screen;
  href: string;
  label: string;
  /** What the role must be allowed to see the section; null: everyone signed in. */
  needs: Action | null;
  icon?: NavIcon;
}

/** The console's sections: the route table's entries with a `nav`, in its order. */
export const NAV_ROUTES = ROUTES.filter((r) => "nav" in r && r.nav !== undefined);

/** The sections the person can use in `tenant`; without a tenant only the account. */
export function visibleNav(tenant: Pick<TenantScope, "id" | "role"> | null): NavItem[] {
  return NAV_ROUTES.flatMap((r): NavItem[] => {
    const nav = r.nav!;
    const base = {
      screen: r.screen,
      label: nav.label,
      ...("icon" in nav ? { icon: nav.icon } : {}),
    };
    if (r.scope === "account") return [{ ...base, href: r.path, needs: null }];
    if (!tenant || !can(tenant.role, r.needs)) return [];
    return [
      { ...base, href: r.path.replace(":tenant", encodeURIComponent(tenant.id)), needs: r.needs },
    ];
  });
}

/** The section a tenant screen belongs to (a run is in Runs); null outside the sections. */
export function sectionOf(route: AnyRoute): Screen | null {
  if (route.scope !== "tenant") return null;
  const section = NAV_ROUTES.find(
    (r) => r.scope === "tenant" && (r.path === route.path || route.path.startsWith(`${r.path}/`)),
  );
  return section?.screen ?? null;
}

/** Where a tenant opens: its first section the role may use. */
export function tenantHome(tenant: Pick<TenantScope, "id" | "role">): string {
  return visibleNav(tenant).find((i) => i.needs !== null)?.href ?? href("account", {});
}

/** `/t/x/runs/run_1` is inside Runs; `/` is only the account itself. */
export function isCurrent(itemHref: string, path: string): boolean {
  if (itemHref === "/") return path === "/";
  return path === itemHref || path.startsWith(`${itemHref}/`);
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
