import type { Action } from "../../core/permissions";
import type { Me } from "./api";
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
    refreshMe,
    switchTenant,
  };
}
