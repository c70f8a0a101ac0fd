import { can, isRole } from "../../core/permissions";
import type { Action, Role } from "../../core/permissions";
import type { Me } from "./api";

/** A tenant the signed-in person belongs to, with their role in it. */
export interface TenantScope {
  id: string;
  name: string;
  role: Role;
}

const STORAGE_KEY = "gatehouse:tenant";

/** The person's tenants, in the order the API gives them; unknown roles are left out. */
export function scopesOf(me: Me): TenantScope[] {
  return me.memberships.flatMap((m) =>
    isRole(m.role) ? [{ id: m.tenant_id, name: m.tenant_name, role: m.role }] : [],
  );
}

/** The preferred tenant if the person still belongs to it, else their first one. */
export function chooseTenant(
  scopes: readonly TenantScope[],
  preferredId: string | null,
): TenantScope | null {
  return scopes.find((s) => s.id === preferredId) ?? scopes[0] ?? null;
}

/** Whether the current role may do `action` in the tenant (the server checks again). */
export function allows(scope: TenantScope | null, action: Action): boolean {
  return scope !== null && can(scope.role, action);
}

/** The tenant chosen last time on this device (storage may be unavailable: private modes). */
export function rememberedTenant(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberTenant(tenantId: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, tenantId);
  } catch {
    // Not remembered across reloads; the switch still applies now.
  }
}
