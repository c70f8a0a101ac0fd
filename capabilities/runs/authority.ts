import type { Env } from "../../platform/env";
import { tenantStub } from "../../platform/tenant-stub";
import type { RunsRpc } from "./tenant-do/rpc";

/**
 * Tells the tenant's Durable Object that a membership or API token changed, so run tokens
 * re-check their opener's authority on their next use. Call it after the D1 change committed.
 */
export async function forgetAuthority(env: Env, tenantId: string): Promise<void> {
  await tenantStub<RunsRpc>(env, tenantId).forgetAuthority();
}
