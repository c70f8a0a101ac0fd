import { useState } from "hono/jsx/dom";
import { ErrorOrStepUp } from "../../components/Confirm";
import { grantableRoles } from "../../../../core/permissions";
import type { Role } from "../../../../core/permissions";
import { ApiError, messageOf } from "../../api";
import { Alert, Badge, Button, Loading, Retry, Section } from "../../components/ui";
import { formatDateTime, relativeTime } from "../../format";
import { useAction, useResource } from "../../hooks";
import { ROLE_LABELS } from "../../labels";
import type { Tone } from "../../labels";
import type { Invite, InviteStatus } from "../../tenant-api";
import type { Workspace } from "../../workspace";
import { RoleSelect } from "./RoleSelect";

const STATUS_TONES: Readonly<Record<InviteStatus, Tone>> = {
  pending: "warning",
  accepted: "success",
  revoked: "neutral",
  expired: "neutral",
};

/** Invite by email with a role; the link in the email works once, for 7 days. */
export function InvitesSection(props: { ws: Workspace; onChanged: () => void }) {
  const { ws } = props;
  const [list, reload] = useResource(() => ws.api.invites().then((r) => r.invites));
  const roles = grantableRoles(ws.tenant.role);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>(roles.includes("operator") ? "operator" : roles[0]!);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction<"invite">();

  const invite = async (event: Event) => {
    event.preventDefault();
    setNotice(null);
    await run("invite", async () => {
      const { invite } = await ws.api.invite(email.trim(), role);
      setEmail("");
      setNotice(`Invitation sent to ${invite.email} as ${ROLE_LABELS[invite.role].toLowerCase()}.`);
      await reload();
      props.onChanged();
    });
  };

  const cancelled = async (message: string) => {
    setNotice(message);
    await reload();
  };

  const emailIssue = error instanceof ApiError ? error.issueFor("email") : undefined;
  const shown = list.state === "ready" ? list.data.filter((i) => i.status !== "revoked") : [];
  return (
    <Section
      id="invites"
      title="Invitations"
      intro="Invite people by email. The link works once, for 7 days."
    >
      <form class="stack" onSubmit={invite} noValidate>
        <div class="field">
          <label for="invite-email">Email address</label>
          <input
            id="invite-email"
            type="email"
            inputmode="email"
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
            required
            value={email}
            aria-invalid={emailIssue ? "true" : undefined}
            aria-describedby={emailIssue ? "invite-email-issue" : undefined}
            onInput={(e: Event) => setEmail((e.target as HTMLInputElement).value)}
          />
          {emailIssue ? (
            <p id="invite-email-issue" class="field-issue" role="alert">
              {emailIssue}
            </p>
          ) : null}
        </div>
        <RoleSelect id="invite-role" label="Role" roles={roles} value={role} onChange={setRole} />
        <ErrorOrStepUp
          error={emailIssue ? null : error}
          email={ws.me.user.email}
          onConfirmed={() => setError(null)}
        />
        <Alert message={notice} tone="info" />
        <Button type="submit" variant="primary" busy={busy === "invite"} busyLabel="Sending…">
          Send invitation
        </Button>
      </form>
      {list.state === "loading" ? <Loading label="Loading invitations…" /> : null}
      {list.state === "error" ? <Retry error={list.error} onRetry={reload} /> : null}
      {shown.length > 0 ? (
        <ul class="rows" aria-label="Invitations">
          {shown.map((i) => (
            <InviteRow key={i.id} ws={ws} invite={i} onCancelled={cancelled} />
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function InviteRow(props: {
  ws: Workspace;
  invite: Invite;
  onCancelled: (message: string) => Promise<void>;
}) {
  const i = props.invite;
  const { busy, error, run } = useAction<"cancel">();
  const cancel = () =>
    run("cancel", async () => {
      await props.ws.api.cancelInvite(i.id);
      await props.onCancelled(`Cancelled the invitation to ${i.email}.`);
    });
  return (
    <li class="row" data-invite={i.email}>
      <div class="row-main">
        <p class="row-title">
          <span class="break">{i.email}</span>
          <Badge tone={STATUS_TONES[i.status]}>{i.status}</Badge>
        </p>
        <p class="meta">
          {ROLE_LABELS[i.role]} · sent {relativeTime(i.created_at)} by{" "}
          <span class="break">{i.invited_by}</span>
          {i.status === "pending" ? ` · expires ${formatDateTime(i.expires_at)}` : ""}
        </p>
        <Alert message={error ? messageOf(error) : null} />
      </div>
      {i.status === "pending" ? (
        <div class="row-actions">
          <Button
            variant="quiet"
            label={`Cancel the invitation to ${i.email}`}
            busy={busy === "cancel"}
            busyLabel="Cancelling…"
            onClick={() => void cancel()}
          >
            Cancel
          </Button>
        </div>
      ) : null}
    </li>
  );
}
