import type { Child } from "hono/jsx";
import { Name } from "./Name";
import { useEffect, useState } from "hono/jsx/dom";
import type { Me } from "../api";
import { ROLE_LABELS } from "../labels";
import { isCurrent, splitTabs, visibleNav } from "../nav";
import type { NavItem } from "../nav";
import { Link } from "../router";
import type { TenantScope } from "../tenancy";
import { Icon } from "./icons";
import { Button } from "./ui";

interface ShellProps {
  me: Me | null;
  path: string;
  /** The tenant the console is working in, and the others the person may switch to. */
  tenant?: TenantScope | null;
  tenants?: readonly TenantScope[];
  onSwitchTenant?: (tenantId: string) => void;
  signingOut?: boolean;
  onSignOut?: () => void;
  children: Child;
}

/**
 * The frame of every screen. Signed in, sections the role cannot use are left out; on a phone
 * the most used ones sit in a bottom tab bar and the rest (and the tenant switcher) behind More.
 */
export function Shell(props: ShellProps) {
  const signedIn = props.me !== null;
  const tenant = props.tenant ?? null;
  const tenants = props.tenants ?? [];
  const items = visibleNav(tenant);
  // Several tenants: keep More for the switcher even when every section fits in the tab bar.
  const split =
    tenants.length > 1 ? { tabs: items.slice(0, 4), more: items.slice(4) } : splitTabs(items);
  const [moreOpen, setMoreOpen] = useState(false);

  useEffect(() => setMoreOpen(false), [props.path, tenant?.id]);
  useEffect(() => {
    if (!moreOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setMoreOpen(false);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [moreOpen]);

  const moreCurrent = split.more.some((item) => isCurrent(item.href, props.path));
  const hasMore = split.more.length > 0 || tenants.length > 1;
  return (
    <div class={signedIn ? "shell has-tabbar" : "shell"}>
      <header class="topbar">
        <div class="topbar-inner">
          <span class="brand">
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" class="brand-mark">
              <path d="M12 2 4 5v6c0 5 3.4 9.3 8 11 4.6-1.7 8-6 8-11V5l-8-3Z" />
            </svg>
            Gatehouse
          </span>
          {tenant ? (
            <TenantSwitcher
              id="tenant-top"
              class="topbar-tenant"
              tenant={tenant}
              tenants={tenants}
              onSwitch={props.onSwitchTenant}
            />
          ) : null}
          {props.me && props.onSignOut ? (
            <Button
              variant="quiet"
              busy={props.signingOut}
              busyLabel="Signing out…"
              onClick={props.onSignOut}
            >
              Sign out
            </Button>
          ) : null}
        </div>
        {signedIn ? (
          <nav class="nav" aria-label="Console">
            {items.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                class="nav-link"
                current={isCurrent(item.href, props.path)}
              >
                {item.label}
              </Link>
            ))}
          </nav>
        ) : null}
      </header>
      {props.children}
      {signedIn ? (
        <div class="tabbar-wrap">
          {moreOpen ? (
            <div class="sheet-backdrop" aria-hidden="true" onClick={() => setMoreOpen(false)} />
          ) : null}
          <div id="more-menu" class="more-sheet" hidden={!moreOpen}>
            {tenant && tenants.length > 1 ? (
              <TenantSwitcher
                id="tenant-more"
                class="sheet-tenant"
                tenant={tenant}
                tenants={tenants}
                onSwitch={props.onSwitchTenant}
              />
            ) : tenant ? (
              <p class="sheet-tenant muted break">
                {tenant.name} · {ROLE_LABELS[tenant.role]}
              </p>
            ) : null}
            {split.more.length > 0 ? (
              <nav aria-label="More sections">
                <ul class="sheet-links">
                  {split.more.map((item) => (
                    <li key={item.href}>
                      <Link
                        href={item.href}
                        class="sheet-link"
                        current={isCurrent(item.href, props.path)}
                      >
                        {item.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
          </div>
          <nav class="tabbar" aria-label="Sections">
            {split.tabs.map((item) => (
              <Tab key={item.href} item={item} current={isCurrent(item.href, props.path)} />
            ))}
            {hasMore ? (
              <button
                type="button"
                class="tab"
                aria-expanded={moreOpen ? "true" : "false"}
                aria-controls="more-menu"
                data-current={moreCurrent ? "true" : undefined}
                onClick={() => setMoreOpen(!moreOpen)}
              >
                <Icon name="more" />
                <span>More</span>
              </button>
            ) : null}
          </nav>
        </div>
      ) : null}
    </div>
  );
}

function Tab(props: { item: NavItem; current: boolean }) {
  return (
    <Link href={props.item.href} class="tab" current={props.current}>
      {props.item.icon ? <Icon name={props.item.icon} /> : <span class="tab-dot" />}
      <span>{props.item.label}</span>
    </Link>
  );
}

function TenantSwitcher(props: {
  id: string;
  class: string;
  tenant: TenantScope;
  tenants: readonly TenantScope[];
  onSwitch: ((tenantId: string) => void) | undefined;
}) {
  if (props.tenants.length < 2 || !props.onSwitch) {
    return <Name class={props.class} text={props.tenant.name} />;
  }
  const onSwitch = props.onSwitch;
  return (
    <div class={`${props.class} tenant-switcher`}>
      <label for={props.id}>Tenant</label>
      <select
        id={props.id}
        value={props.tenant.id}
        onChange={(e: Event) => onSwitch((e.target as HTMLSelectElement).value)}
      >
        {props.tenants.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({ROLE_LABELS[t.role]})
          </option>
        ))}
      </select>
    </div>
  );
}
