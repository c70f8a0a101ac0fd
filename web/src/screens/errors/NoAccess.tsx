import { Name } from "../../components/Name";
import { tenantHome } from "../../nav";
import { Link } from "../../router";
import type { TenantScope } from "../../tenancy";

/** A link to a tenant the signed-in person is not a member of: nothing of it is loaded. */
export function NoAccess(props: { email: string; tenants: readonly TenantScope[] }) {
  return (
    <main class="screen narrow" aria-labelledby="no-access-title">
      <h1 id="no-access-title">You don't have access to this workspace</h1>
      <p class="muted break">
        You are signed in as {props.email}, who is not a member of the workspace this link is for.
        Ask one of its owners to invite you, or sign in with the account that is a member.
      </p>
      {props.tenants.length > 0 ? (
        <ul class="rows" aria-label="Your workspaces">
          {props.tenants.map((t) => (
            <li key={t.id} class="row">
              <Link href={tenantHome(t)} class="row-link-block">
                <span class="row-title">
                  <Name text={t.name} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <Link href="/" class="btn btn-secondary">
        Go to your account
      </Link>
    </main>
  );
}
