/** The slice of the tenant Durable Object's RPC that operator calls; `TenantDO` implements it. */
export interface OperatorRpc {
  health(): { sqlite: boolean };
}
