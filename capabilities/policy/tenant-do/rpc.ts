import type { Result } from "../../../platform/result";
import type { Actor } from "../../../platform/tenant-types";
import type { PolicyVersionView } from "../contract";

/** The slice of the tenant Durable Object's RPC that policy calls; `TenantDO` implements it. */
export interface PolicyRpc {
  createPolicy(
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
  activatePolicy(version: number, actor: Actor): Promise<Result<PolicyVersionView>>;
  listPolicies(): Result<PolicyVersionView[]>;
  getPolicy(version: number): Result<PolicyVersionView & { source: string }>;
}
