import { Forbidden, Loading } from "./components/ui";
import { NoTenant } from "./screens/errors/NoTenant";
import { ROLE_LABELS } from "./labels";
import type { AccountContext, Match } from "./routes";
import { NoAccess } from "./screens/errors/NoAccess";
import { NotFound } from "./screens/errors/NotFound";
import type { TenantScope } from "./tenancy";
import { allows } from "./tenancy";
import { workspace } from "./workspace";

/**
 * The screen for the address, inside the signed-in shell. A tenant screen opens only in a
 * tenant the person belongs to (`tenant` is the URL's, resolved against their memberships) and
 * only for a role allowed to use it; the server checks both again.
 */
export function Screens(props: {
  match: Match | null;
  /** An old address being rewritten to its new form (see `upgradeLegacyPath`). */
  upgrading: boolean;
  /** An old tenant address while the person is in no tenant at all. */
  oldTenantAddress: boolean;
  /** The address is under `/t/<tenant>/`. */
  inTenant: boolean;
  /** For a tenant screen: the URL's tenant if the person is a member of it, else null. */
  tenant: TenantScope | null;
  app: AccountContext;
}) {
  const { match, app } = props;
  const tenant = props.tenant;
  if (props.upgrading) {
    return (
      <main class="screen narrow">
        <Loading />
      </main>
    );
  }
  if (props.oldTenantAddress) return <NoTenant />;
  if (props.inTenant && !tenant) {
    return <NoAccess email={app.me.user.email} tenants={app.tenants} />;
  }
  if (!match) return <NotFound />;
  const { route } = match;
  if (route.scope === "account") {
    return route.view(match.params as never, match.query, app);
  }
  if (!tenant) return <NotFound />;
  if (!allows(tenant, route.needs)) {
    return (
      <Forbidden
        role={ROLE_LABELS[tenant.role].toLowerCase()}
        what={`open ${route.title.toLowerCase()}`}
      />
    );
  }
  const ws = workspace(app.me, tenant, app.refreshMe, app.switchTenant);
  return route.view(match.params as never, match.query, ws);
}
