import type { Result } from "../../../platform/result";
import type { Actor, PolicyVersionView } from "../../../platform/tenant-types";

/** The slice of the tenant Durable Object's RPC that policy calls; `TenantDO` implements it. */
export interface PolicyRpc {
  createPolicy(
    tenantId: string,
    source: string,
    actor: Actor,
  ): Promise<
    Result<{
      warnings: { path: string; message: string }[];
      version: number;
      bundle_id: string;
      author: string;
      created_at: string;
      activated_at: string | null;
      active: boolean;
    }>
  >;
  activatePolicy(
    tenantId: string,
    version: number,
    actor: Actor,
  ): Promise<Result<PolicyVersionView>>;
  listPolicies(tenantId: string): Result<PolicyVersionView[]>;
  getPolicy(tenantId: string, version: number): Result<PolicyVersionView & { source: string }>;
}
