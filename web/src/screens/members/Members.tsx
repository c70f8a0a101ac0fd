import { useState } from "hono/jsx/dom";
import { PageHead } from "../../components/ui";
import type { Workspace } from "../../workspace";
import { InvitesSection } from "./InvitesSection";
import { MembersSection } from "./MembersSection";
import { TenantAdminSection } from "./TenantAdminSection";

/** Who is in the tenant with which role, invitations, and leaving. */
export function Members(props: { ws: Workspace }) {
  const { ws } = props;
  const [revision, setRevision] = useState(0);
  return (
    <main class="screen" aria-labelledby="members-title">
      <PageHead id="members-title" title="Members" tenant={ws.tenant.name} />
      <MembersSection ws={ws} revision={revision} />
      {ws.can("members.invite") ? (
        <InvitesSection ws={ws} onChanged={() => setRevision((r) => r + 1)} />
      ) : null}
      {ws.can("tenant.rename") ? <TenantAdminSection ws={ws} revision={revision} /> : null}
    </main>
  );
}
