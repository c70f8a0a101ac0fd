import type { Action } from "../../core/permissions";
import type { Me } from "./api";
import { href } from "./routes";
import type { ScreenParams, TenantScreen } from "./routes";
import { tenantApi } from "./tenant-api";
import type { TenantApi } from "./tenant-api";
import { allows } from "./tenancy";
import type { TenantScope } from "./tenancy";

/** What a tenant screen works with: who is signed in, in which tenant, with which role. */
export interface Workspace {
  me: Me;
  tenant: TenantScope;
  api: TenantApi;
  /** Whether the role allows `action` (to hide what the server would refuse anyway). */
  can: (action: Action) => boolean;
  /** The address of a screen of this tenant. */
  href: <S extends TenantScreen>(
    screen: S,
    params: ScreenParams<S>,
    query?: Readonly<Record<string, string | null>>,
  ) => string;
  /** Reloads `/api/me` (memberships change when joining or leaving a tenant). */
  refreshMe: () => Promise<Me>;
  switchTenant: (tenantId: string) => void;
}

export function workspace(
  me: Me,
  tenant: TenantScope,
  refreshMe: () => Promise<Me>,
  switchTenant: (tenantId: string) => void,
): Workspace {
  return {
    me,
    tenant,
    api: tenantApi(tenant.id),
    can: (action) => allows(tenant, action),
    href: (screen, params, query) => href(screen, { ...params, tenant: tenant.id } as never, query),
    refreshMe,
    switchTenant,
  };
}
