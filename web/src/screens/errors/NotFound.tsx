import { Link } from "../../router";

export function NotFound() {
  return (
    <main class="screen narrow" aria-labelledby="nf-title">
      <h1 id="nf-title">Page not found</h1>
      <p class="muted">There is nothing at this address.</p>
      <Link href="/" class="btn btn-secondary">
        Go to your account
      </Link>
    </main>
  );
}
