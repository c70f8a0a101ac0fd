import type { Me } from "../../api";
import { api, messageOf } from "../../api";
import { LoadFailure } from "../../components/LoadFailure";
import { Alert, Button, Loading } from "../../components/ui";
import { formatDateTime } from "../../format";
import { useAction, useResource } from "../../hooks";
import { labelOf, ROLE_LABELS } from "../../labels";
import { Link, navigate } from "../../router";
import { href } from "../../routes";

/** Where an invitation email's link lands: what it offers, and joining with one tap. */
export function InviteScreen(props: { token: string; me: Me; refreshMe: () => Promise<Me> }) {
  const [preview, reload] = useResource(() =>
    props.token
      ? api.previewInvite(props.token)
      : Promise.reject(new Error("This link has no invitation in it.")),
  );
  const { busy, error, run } = useAction<"accept">();

  const accept = () =>
    run("accept", async () => {
      const { tenant } = await api.acceptInvite(props.token);
      await props.refreshMe();
      navigate(href("approvals", { tenant: tenant.id }));
    });

  return (
    <main class="screen narrow" aria-labelledby="invite-title">
      <h1 id="invite-title">Invitation</h1>
      {preview.state === "loading" ? <Loading label="Checking the invitation…" /> : null}
      {preview.state === "error" ? (
        <LoadFailure
          error={preview.error}
          what="invitation"
          back={{ href: "/", label: "Go to your account" }}
          onRetry={reload}
        />
      ) : null}
      {preview.state === "ready" ? (
        <div class="stack">
          <p>
            <strong class="break">{preview.data.invited_by}</strong> invited{" "}
            <strong class="break">{preview.data.email}</strong> to{" "}
            <strong class="break">{preview.data.tenant_name}</strong> as{" "}
            {labelOf(ROLE_LABELS, preview.data.role).toLowerCase()}.
          </p>
          <p class="meta">The link works until {formatDateTime(preview.data.expires_at)}.</p>
          {preview.data.email.toLowerCase() !== props.me.user.email.toLowerCase() ? (
            <Alert
              tone="info"
              message={`You are signed in as ${props.me.user.email}. Sign out and sign in as ${preview.data.email} to accept.`}
            />
          ) : null}
          <Alert message={error ? messageOf(error) : null} />
          <Button
            variant="primary"
            wide
            busy={busy === "accept"}
            busyLabel="Joining…"
            onClick={() => void accept()}
          >
            Join {preview.data.tenant_name}
          </Button>
          <Link href="/" class="btn btn-quiet">
            Not now
          </Link>
        </div>
      ) : null}
    </main>
  );
}
