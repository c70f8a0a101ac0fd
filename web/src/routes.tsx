import type { Child } from "hono/jsx";
import type { Action } from "../../core/permissions";
import type { Me } from "./api";
import type { NavIcon } from "./components/icons";
import { Account } from "./screens/account/Account";
import { Approvals } from "./screens/approvals/Approvals";
import { Audit } from "./screens/audit/Audit";
import { ApproveDevice } from "./screens/device/ApproveDevice";
import { InviteScreen } from "./screens/invite/Invite";
import { Connect } from "./screens/mcp/Connect";
import { McpScreen } from "./screens/mcp/McpScreen";
import { Members } from "./screens/members/Members";
import { Policies } from "./screens/policies/Policies";
import { PolicyDiff } from "./screens/policies/PolicyDiff";
import { PolicyEditor } from "./screens/policies/PolicyEditor";
import { PolicyVersionScreen } from "./screens/policies/PolicyVersion";
import { RunDetail } from "./screens/runs/RunDetail";
import { Runs } from "./screens/runs/Runs";
import { SessionScreen } from "./screens/agent-sessions/SessionScreen";
import { SessionsScreen } from "./screens/agent-sessions/SessionsScreen";
import { Tokens } from "./screens/tokens/Tokens";
import { Vault } from "./screens/vault/Vault";
import type { TenantScope } from "./tenancy";
import type { Workspace } from "./workspace";

/** What a screen outside any tenant (the person's own account) works with. */
export interface AccountContext {
  me: Me;
  notice: string | null;
  /** The tenant the console last worked in, and the others the person belongs to. */
  tenant: TenantScope | null;
  tenants: readonly TenantScope[];
  refreshMe: () => Promise<Me>;
  /** Makes `tenantId` the one the console works in (remembered on this device). */
  switchTenant: (tenantId: string) => void;
  onSignedOut: (notice: string) => void;
}

/** `"/t/:tenant/runs/:runId"` → `"tenant" | "runId"`. */
type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer Rest}`
  ? N | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer N}`
    ? N
    : never;
export type Params<P extends string> = { readonly [K in ParamNames<P>]: string };

interface Nav {
  label: string;
  icon?: NavIcon;
}

interface AccountRoute<S extends string, P extends string> {
  scope: "account";
  screen: S;
  path: P;
  title: string;
  nav?: Nav;
  view: (params: Params<P>, query: URLSearchParams, app: AccountContext) => Child;
}

interface TenantRoute<S extends string, P extends `/t/:tenant${string}`> {
  scope: "tenant";
  screen: S;
  path: P;
  title: string;
  /** What the role must be allowed to open the screen. */
  needs: Action;
  nav?: Nav;
  view: (params: Params<P>, query: URLSearchParams, ws: Workspace) => Child;
}

const account = <S extends string, P extends string>(
  r: Omit<AccountRoute<S, P>, "scope">,
): AccountRoute<S, P> => ({ scope: "account", ...r });

const tenant = <S extends string, P extends `/t/:tenant${string}`>(
  r: Omit<TenantRoute<S, P>, "scope">,
): TenantRoute<S, P> => ({ scope: "tenant", ...r });

const version = (segment: string) => Number(segment);

/**
 * Every address of the console, and the only list of them: a screen is its folder under
 * `screens/` plus one entry here. Entries with `nav` are the console's sections, in this order
 * (most used first: the phone's tab bar shows the first few).
 */
export const ROUTES = [
  tenant({
    screen: "approvals",
    path: "/t/:tenant/approvals",
    title: "Approvals",
    needs: "approvals.read",
    nav: { label: "Approvals", icon: "approvals" },
    // `?tab=decided` for decided ones; `?id=` opens at one approval (deep link).
    view: (_, q, ws) => (
      <Approvals
        ws={ws}
        tab={q.get("tab") === "decided" ? "decided" : "pending"}
        focus={q.get("id")}
      />
    ),
  }),
  tenant({
    screen: "runs",
    path: "/t/:tenant/runs",
    title: "Runs",
    needs: "runs.read",
    nav: { label: "Runs", icon: "runs" },
    view: (_, __, ws) => <Runs ws={ws} />,
  }),
  tenant({
    screen: "run",
    path: "/t/:tenant/runs/:runId",
    title: "Run",
    needs: "runs.read",
    view: (p, _, ws) => <RunDetail ws={ws} runId={p.runId} />,
  }),
  tenant({
    screen: "policies",
    path: "/t/:tenant/policies",
    title: "Policies",
    needs: "policies.read",
    nav: { label: "Policies", icon: "policies" },
    view: (_, __, ws) => <Policies ws={ws} />,
  }),
  tenant({
    screen: "policy-new",
    path: "/t/:tenant/policies/new",
    title: "New policy version",
    needs: "policies.write",
    view: (_, __, ws) => <PolicyEditor ws={ws} base={null} />,
  }),
  tenant({
    screen: "policy",
    path: "/t/:tenant/policies/:version",
    title: "Policy version",
    needs: "policies.read",
    view: (p, _, ws) => <PolicyVersionScreen ws={ws} version={version(p.version)} />,
  }),
  tenant({
    screen: "policy-edit",
    path: "/t/:tenant/policies/:version/edit",
    title: "New policy version",
    needs: "policies.write",
    view: (p, _, ws) => <PolicyEditor ws={ws} base={version(p.version)} />,
  }),
  tenant({
    screen: "policy-diff",
    path: "/t/:tenant/policies/compare/:from/:to",
    title: "Compare policies",
    needs: "policies.read",
    view: (p, _, ws) => <PolicyDiff ws={ws} from={version(p.from)} to={version(p.to)} />,
  }),
  tenant({
    screen: "vault",
    path: "/t/:tenant/vault",
    title: "Vault",
    needs: "secrets.read_metadata",
    nav: { label: "Vault", icon: "vault" },
    view: (_, __, ws) => <Vault ws={ws} />,
  }),
  tenant({
    screen: "members",
    path: "/t/:tenant/members",
    title: "Members",
    needs: "members.read",
    nav: { label: "Members" },
    view: (_, __, ws) => <Members ws={ws} />,
  }),
  tenant({
    screen: "tokens",
    path: "/t/:tenant/tokens",
    title: "API tokens",
    needs: "tokens.read",
    nav: { label: "Tokens" },
    view: (_, __, ws) => <Tokens ws={ws} />,
  }),
  tenant({
    screen: "audit",
    path: "/t/:tenant/audit",
    title: "Audit log",
    needs: "audit.read",
    nav: { label: "Audit" },
    view: (_, __, ws) => <Audit ws={ws} />,
  }),
  tenant({
    screen: "agent-sessions",
    path: "/t/:tenant/agent-sessions",
    title: "Conversations",
    needs: "agent_sessions.read",
    nav: { label: "Conversations" },
    view: (_, __, ws) => <SessionsScreen ws={ws} />,
  }),
  tenant({
    screen: "agent-session",
    path: "/t/:tenant/agent-sessions/:sessionId",
    title: "Conversation",
    needs: "agent_sessions.read",
    view: (p, _, ws) => <SessionScreen ws={ws} id={p.sessionId} />,
  }),
  tenant({
    screen: "mcp",
    path: "/t/:tenant/mcp",
    title: "MCP",
    needs: "tenant.read",
    nav: { label: "MCP" },
    view: (_, __, ws) => <McpScreen ws={ws} />,
  }),
  /** The OAuth consent screen an MCP client's sign-in lands on (`?handle=`). */
  tenant({
    screen: "connect",
    path: "/t/:tenant/connect",
    title: "Connect an MCP client",
    needs: "tenant.read",
    view: (_, q) => <Connect handle={q.get("handle") ?? ""} />,
  }),
  account({
    screen: "account",
    path: "/",
    title: "Your account",
    nav: { label: "Account" },
    view: (_, __, app) => (
      <Account
        me={app.me}
        notice={app.notice}
        tenant={app.tenant}
        tenants={app.tenants}
        onSwitchTenant={app.switchTenant}
        refreshMe={app.refreshMe}
        onSignedOut={app.onSignedOut}
      />
    ),
  }),
  /** Where an invitation email's link lands (`?token=`): the person is not a member yet. */
  account({
    screen: "invite",
    path: "/invite",
    title: "Invitation",
    view: (_, q, app) => (
      <InviteScreen token={q.get("token") ?? ""} me={app.me} refreshMe={app.refreshMe} />
    ),
  }),
  /** Approving another device's sign-in by its code (`?code=`: the QR code's address). */
  account({
    screen: "device",
    path: "/device",
    title: "Sign in another device",
    view: (_, q, app) => <ApproveDevice email={app.me.user.email} code={q.get("code") ?? ""} />,
  }),
] as const;

export type AnyRoute = (typeof ROUTES)[number];
export type Screen = AnyRoute["screen"];
export type RouteOf<S extends Screen> = Extract<AnyRoute, { screen: S }>;
export type TenantScreen = Extract<AnyRoute, { scope: "tenant" }>["screen"];
/** A tenant screen's parameters besides the tenant itself. */
export type ScreenParams<S extends TenantScreen> = Omit<Params<RouteOf<S>["path"]>, "tenant">;

export const NOT_FOUND_TITLE = "Page not found";

/** Policy versions are positive integers; any other segment is another address. */
const PARAM_PATTERNS: Readonly<Record<string, RegExp>> = {
  version: /^[1-9]\d{0,6}$/,
  from: /^[1-9]\d{0,6}$/,
  to: /^[1-9]\d{0,6}$/,
};

export interface Match {
  route: AnyRoute;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
}

function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/").slice(1);
  const got = (pathname.replace(/\/+$/, "") || "/").split("/").slice(1);
  if (pattern === "/") return got.length === 1 && got[0] === "" ? {} : null;
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const segment = got[i]!;
    if (!part.startsWith(":")) {
      if (part !== segment) return null;
      continue;
    }
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return null;
    }
    const name = part.slice(1);
    if (value === "" || !(PARAM_PATTERNS[name] ?? /./).test(value)) return null;
    params[name] = value;
  }
  return params;
}

/** The screen at an address, or null when there is none (the not-found screen). */
export function matchRoute(pathname: string, search = ""): Match | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params, query: new URLSearchParams(search) };
  }
  return null;
}

/** The address of a screen; query values that are null are left out. */
export function href<S extends Screen>(
  screen: S,
  params: Params<RouteOf<S>["path"]>,
  query: Readonly<Record<string, string | null>> = {},
): string {
  const route = ROUTES.find((r) => r.screen === screen)!;
  const values = params as Readonly<Record<string, string>>;
  const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    encodeURIComponent(values[name] ?? ""),
  );
  const search = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => e[1] !== null),
  ).toString();
  return search ? `${path}?${search}` : path;
}

/** Sections renamed in issue 12: `/t/x/sessions…` (agent sessions) is `/t/x/agent-sessions…`. */
const renameSection = (pathname: string) =>
  pathname.replace(/^(\/t\/[^/]+)?\/sessions(?=\/|$)/, "$1/agent-sessions");

/**
 * An old address: one from before the tenant was in the URL (`/runs/run_1`, an approval notice's
 * `/approvals?tenant=…&approval=…`) opens the same screen in the tenant the link names, else in
 * `fallbackTenant`; one in a renamed section opens it under its new name. Null when the address
 * is not an old one.
 */
export function upgradeLegacyPath(
  pathname: string,
  search: string,
  fallbackTenant: string | null,
): string | null {
  const renamed = renameSection(pathname);
  if (pathname === "/t" || pathname.startsWith("/t/")) {
    if (renamed === pathname || !matchRoute(renamed)) return null;
    return `${renamed.replace(/\/+$/, "")}${search}`;
  }
  const query = new URLSearchParams(search);
  const tenantId = query.get("tenant") ?? fallbackTenant;
  if (!tenantId) return null;
  const candidate = `/t/${encodeURIComponent(tenantId)}${renamed.replace(/\/+$/, "")}`;
  const match = matchRoute(candidate);
  if (!match || match.route.scope !== "tenant") return null;
  query.delete("tenant");
  const approval = query.get("approval");
  if (approval !== null) {
    query.delete("approval");
    query.set("id", approval);
  }
  const rest = query.toString();
  return rest ? `${candidate}?${rest}` : candidate;
}
