import type { Config } from "../../platform/config";
import type { Env } from "../../platform/env";
import type { Principal } from "./principal";
import type { RunPrincipal } from "../runs/run-token";
import type { TenantContext } from "../tenancy/access";

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    config: Config;
    principal: Principal | undefined;
    /** On `/api/tenants/{t}/*`: the signed-in caller's standing in `{t}` (see `resolveTenant`). */
    tenant: TenantContext | undefined;
    /** A remote agent holding a run token (kept apart: it is not a tenant member). */
    run: RunPrincipal | undefined;
    /** Tenants whose audit outbox this request wrote to: drained after the response. */
    auditDrain: Set<string> | undefined;
  };
}
