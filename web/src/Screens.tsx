import type { Me } from "./api";
import { Forbidden } from "./components/ui";
import { ROLE_LABELS } from "./labels";
import type { Route } from "./routes";
import { SCREEN_NEEDS, SCREEN_TITLES } from "./routes";
import { Account } from "./screens/Account";
import { Approvals } from "./screens/approvals/Approvals";
import { Audit } from "./screens/audit/Audit";
import { InviteScreen } from "./screens/Invite";
import { Connect } from "./screens/mcp/Connect";
import { ApproveDevice } from "./screens/device/ApproveDevice";
import { McpScreen } from "./screens/mcp/McpScreen";
import { Members } from "./screens/members/Members";
import { NoTenant } from "./screens/NoTenant";
import { NotFound } from "./screens/NotFound";
import { Policies } from "./screens/policies/Policies";
import { PolicyDiff } from "./screens/policies/PolicyDiff";
import { PolicyEditor } from "./screens/policies/PolicyEditor";
import { PolicyVersionScreen } from "./screens/policies/PolicyVersion";
import { RunDetail } from "./screens/runs/RunDetail";
import { Runs } from "./screens/runs/Runs";
import { SessionScreen } from "./screens/sessions/SessionScreen";
import { SessionsScreen } from "./screens/sessions/SessionsScreen";
import { Tokens } from "./screens/tokens/Tokens";
import { Vault } from "./screens/vault/Vault";
import type { TenantScope } from "./tenancy";
import { allows } from "./tenancy";
import { workspace } from "./workspace";

/** The screen for the address, inside the signed-in shell. */
export function Screens(props: {
  route: Route;
  me: Me;
  tenant: TenantScope | null;
  tenants: readonly TenantScope[];
  notice: string | null;
  refreshMe: () => Promise<Me>;
  switchTenant: (tenantId: string) => void;
  onSignedOut: (notice: string) => void;
}) {
  const { route, tenant } = props;
  switch (route.screen) {
    case "account":
      return (
        <Account
          me={props.me}
          notice={props.notice}
          tenant={tenant}
          tenants={props.tenants}
          onSwitchTenant={props.switchTenant}
          refreshMe={props.refreshMe}
          onSignedOut={props.onSignedOut}
        />
      );
    case "invite":
      return (
        <InviteScreen
          token={route.token}
          me={props.me}
          refreshMe={props.refreshMe}
          switchTenant={props.switchTenant}
        />
      );
    case "connect":
      return <Connect handle={route.handle} />;
    case "device":
      return <ApproveDevice email={props.me.user.email} code={route.code} />;
    case "not-found":
      return <NotFound />;
    default:
      break; // a tenant screen: below
  }
  if (!tenant) return <NoTenant />;
  const needs = SCREEN_NEEDS[route.screen];
  if (needs && !allows(tenant, needs)) {
    return (
      <Forbidden
        role={ROLE_LABELS[tenant.role].toLowerCase()}
        what={`open ${SCREEN_TITLES[route.screen].toLowerCase()}`}
      />
    );
  }
  const ws = workspace(props.me, tenant, props.refreshMe, props.switchTenant);
  switch (route.screen) {
    case "approvals":
      return <Approvals ws={ws} tab={route.tab} focus={route.focus} />;
    case "runs":
      return <Runs ws={ws} />;
    case "run":
      return <RunDetail ws={ws} runId={route.runId} />;
    case "sessions":
      return <SessionsScreen ws={ws} />;
    case "session":
      return <SessionScreen ws={ws} id={route.sessionId} />;
    case "policies":
      return <Policies ws={ws} />;
    case "policy":
      return <PolicyVersionScreen ws={ws} version={route.version} />;
    case "policy-editor":
      return <PolicyEditor ws={ws} base={route.base} />;
    case "policy-diff":
      return <PolicyDiff ws={ws} from={route.from} to={route.to} />;
    case "vault":
      return <Vault ws={ws} />;
    case "members":
      return <Members ws={ws} />;
    case "tokens":
      return <Tokens ws={ws} />;
    case "audit":
      return <Audit ws={ws} />;
    case "mcp":
      return <McpScreen ws={ws} />;
  }
}
