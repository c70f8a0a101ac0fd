import type { Child } from "hono/jsx";
import type { Me } from "../api";
import { Link } from "../router";
import { Button } from "./ui";

/** Console sections. Later screens (tenants, vault, policies, runs, approvals, audit) join here. */
export const NAV: readonly { href: string; label: string }[] = [{ href: "/", label: "Account" }];

export function Shell(props: {
  me: Me | null;
  path: string;
  signingOut?: boolean;
  onSignOut?: () => void;
  children: Child;
}) {
  const tenant = props.me?.memberships[0]?.tenant_name;
  return (
    <div class="shell">
      <header class="topbar">
        <div class="topbar-inner">
          <span class="brand">
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" class="brand-mark">
              <path d="M12 2 4 5v6c0 5 3.4 9.3 8 11 4.6-1.7 8-6 8-11V5l-8-3Z" />
            </svg>
            Gatehouse
          </span>
          {tenant ? <span class="topbar-tenant break">{tenant}</span> : null}
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
        {props.me ? (
          <nav class="nav" aria-label="Console">
            {NAV.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                class="nav-link"
                current={item.href === props.path}
              >
                {item.label}
              </Link>
            ))}
          </nav>
        ) : null}
      </header>
      {props.children}
    </div>
  );
}
