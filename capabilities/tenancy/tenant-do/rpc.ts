import type { Result } from "../../../platform/result";

/** The slice of the tenant Durable Object's RPC that tenancy calls; `TenantDO` implements it. */
export interface TenancyRpc {
  destroy(): Promise<Result<null>>;
}
