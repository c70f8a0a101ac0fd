import type { Actor } from "../../platform/tenant-types";
import type { TenantAccess } from "./access";

/** How a caller is recorded in the audit log (ids, role and email; never a credential). */
export function actorOf(access: TenantAccess): Actor {
  const p = access.principal;
  return p.kind === "session"
    ? { kind: "user", id: p.userId, role: access.role, email: p.email }
    : { kind: "token", id: access.actor.replace(/^token:/, ""), role: access.role };
}
