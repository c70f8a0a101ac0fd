import type { ProviderView } from "./providers";
import type { TenantProvider } from "../../../core/providers/catalog";
import type { Result } from "../../../platform/result";
import type { Actor } from "../../../platform/tenant-types";

/** The slice of the tenant Durable Object's RPC that providers calls; `TenantDO` implements it. */
export interface ProvidersRpc {
  listProviders(tenantId: string): Result<ProviderView[]>;
  putProvider(
    tenantId: string,
    provider: TenantProvider,
    actor: Actor,
  ): Result<{ provider: ProviderView; created: boolean }>;
  removeProvider(tenantId: string, id: string, actor: Actor): Result<ProviderView>;
}
