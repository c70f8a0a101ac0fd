import { Link } from "../../router";

/** Signed in but in no tenant (e.g. after leaving the last one). */
export function NoTenant() {
  return (
    <main class="screen narrow" aria-labelledby="no-tenant-title">
      <h1 id="no-tenant-title">You are not in any tenant</h1>
      <p class="muted">
        Create one from your account, or open the invitation link someone sent you.
      </p>
      <Link href="/" class="btn btn-secondary">
        Go to your account
      </Link>
    </main>
  );
}
