import type { ProviderView } from "./providers";
import type { TenantProvider } from "../../../core/providers/catalog";
import type { Result } from "../../../platform/result";
import type { Actor } from "../../../platform/tenant-types";

/** The slice of the tenant Durable Object's RPC that providers calls; `TenantDO` implements it. */
export interface ProvidersRpc {
  listProviders(): Result<ProviderView[]>;
  putProvider(
    provider: TenantProvider,
    actor: Actor,
  ): Result<{ provider: ProviderView; created: boolean }>;
  removeProvider(id: string, actor: Actor): Result<ProviderView>;
}
