import type { PolicyVersion, TenantApi } from "../../tenant-api";

/** Policy versions plus member emails, so authors read as people rather than ids. */
export interface PolicyListing {
  versions: PolicyVersion[];
  emails: Map<string, string>;
}

export async function loadPolicyListing(api: TenantApi): Promise<PolicyListing> {
  const [list, members] = await Promise.all([
    api.policies(),
    // Authors are a nicety: a failure here must not hide the versions.
    api.members().catch(() => ({ members: [] })),
  ]);
  return {
    versions: list.policies,
    emails: new Map(members.members.map((m) => [m.user_id, m.email])),
  };
}

export const activeVersion = (versions: readonly PolicyVersion[]): number | null =>
  versions.find((v) => v.active)?.version ?? null;
