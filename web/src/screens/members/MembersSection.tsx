import { useEffect, useState } from "hono/jsx/dom";
import { canGrant, grantableRoles } from "../../../../core/permissions";
import type { Role } from "../../../../core/permissions";
import { messageOf } from "../../api";
import { ConfirmPanel, ErrorOrStepUp } from "../../components/Confirm";
import { Alert, Badge, Button, Loading, Retry, Section } from "../../components/ui";
import { relativeTime } from "../../format";
import { useAction, useResource } from "../../hooks";
import { ROLE_LABELS } from "../../labels";
import { navigate } from "../../router";
import type { Member } from "../../tenant-api";
import type { Workspace } from "../../workspace";
import { RoleSelect } from "./RoleSelect";

export function MembersSection(props: { ws: Workspace; revision: number }) {
  const { ws } = props;
  const [list, reload] = useResource(() => ws.api.members().then((r) => r.members));
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (props.revision > 0) void reload();
  }, [props.revision]);

  const changed = async (message: string) => {
    setNotice(message);
    await reload();
  };

  return (
    <Section id="member-list" title="People" intro="Everyone who can work in this tenant.">
      {list.state === "loading" ? <Loading label="Loading members…" /> : null}
      {list.state === "error" ? <Retry error={list.error} onRetry={reload} /> : null}
      {list.state === "ready" ? (
        <ul class="rows" aria-label="Members">
          {list.data.map((m) => (
            <MemberRow
              key={m.user_id}
              ws={ws}
              member={m}
              soleOwner={
                m.role === "owner" && list.data.filter((x) => x.role === "owner").length === 1
              }
              onChanged={changed}
            />
          ))}
        </ul>
      ) : null}
      <Alert message={notice} tone="info" />
    </Section>
  );
}

type Mode =
  { kind: "view" } | { kind: "role"; role: Role } | { kind: "remove" } | { kind: "leave" };

function MemberRow(props: {
  ws: Workspace;
  member: Member;
  /** The tenant's only owner cannot leave it (transfer or delete it instead). */
  soleOwner: boolean;
  onChanged: (message: string) => Promise<void>;
}) {
  const { ws, member: m } = props;
  const me = m.user_id === ws.me.user.id;
  const mine = ws.tenant.role;
  const [mode, setMode] = useState<Mode>({ kind: "view" });
  const { busy, error, setError, run } = useAction<"role" | "remove" | "leave">();
  // Only roles whose powers you hold yourself, and never someone above you.
  const mayManage = !me && canGrant(mine, m.role);
  const roles = grantableRoles(mine);

  const saveRole = async (event: Event) => {
    event.preventDefault();
    if (mode.kind !== "role") return;
    const role = mode.role;
    await run("role", async () => {
      await ws.api.changeRole(m.user_id, role);
      setMode({ kind: "view" });
      await props.onChanged(`${m.email} is now ${ROLE_LABELS[role].toLowerCase()}.`);
    });
  };

  const remove = () =>
    run("remove", async () => {
      await ws.api.removeMember(m.user_id);
      await props.onChanged(`${m.email} no longer has access. Their API tokens were revoked.`);
    }).then(() => undefined);

  const leave = () =>
    run("leave", async () => {
      await ws.api.leave();
      const fresh = await ws.refreshMe();
      const next = fresh.memberships[0];
      if (next) ws.switchTenant(next.tenant_id);
      navigate("/");
    }).then(() => undefined);

  const cancel = () => {
    setMode({ kind: "view" });
    setError(null);
  };

  return (
    <li class="row" data-member={m.email}>
      <div class="row-main">
        <p class="row-title">
          <span class="break">{m.email}</span>
          {me ? <Badge tone="accent">You</Badge> : null}
        </p>
        <p class="meta">
          {ROLE_LABELS[m.role]} · joined {relativeTime(m.joined_at)}
        </p>
      </div>
      {mode.kind === "view" ? (
        <div class="row-actions">
          {mayManage && ws.can("members.change_role") ? (
            <Button
              variant="quiet"
              label={`Change the role of ${m.email}`}
              onClick={() => setMode({ kind: "role", role: m.role })}
            >
              Change role
            </Button>
          ) : null}
          {mayManage && ws.can("members.remove") ? (
            <Button
              variant="quiet"
              label={`Remove ${m.email}`}
              onClick={() => setMode({ kind: "remove" })}
            >
              Remove
            </Button>
          ) : null}
          {me && !props.soleOwner ? (
            <Button variant="quiet" onClick={() => setMode({ kind: "leave" })}>
              Leave tenant
            </Button>
          ) : null}
          {me && props.soleOwner ? (
            <p class="meta">
              You are the only owner. To leave, transfer ownership or delete the tenant below.
            </p>
          ) : null}
        </div>
      ) : null}
      {mode.kind === "role" ? (
        <form class="stack inline-panel" onSubmit={saveRole}>
          <RoleSelect
            id={`role-${m.user_id}`}
            label={`Role of ${m.email}`}
            roles={roles}
            value={mode.role}
            onChange={(role) => setMode({ kind: "role", role })}
          />
          <ErrorOrStepUp
            error={error}
            email={ws.me.user.email}
            onConfirmed={() => setError(null)}
          />
          <div class="actions">
            <Button type="submit" variant="primary" busy={busy === "role"} busyLabel="Saving…">
              Save role
            </Button>
            <Button variant="quiet" disabled={busy !== null} onClick={cancel}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {mode.kind === "remove" ? (
        <ConfirmPanel
          confirmLabel="Remove member"
          busyLabel="Removing…"
          busy={busy === "remove"}
          error={error}
          email={ws.me.user.email}
          stepUp={{ operation: "members.remove", validUntil: ws.me.session.step_up_valid_until }}
          danger
          onConfirm={remove}
          onCancel={cancel}
        >
          <p>
            Remove <strong class="break">{m.email}</strong> from {ws.tenant.name}? Their API tokens
            in this tenant stop working.
          </p>
        </ConfirmPanel>
      ) : null}
      {mode.kind === "leave" ? (
        <ConfirmPanel
          confirmLabel="Leave tenant"
          busyLabel="Leaving…"
          busy={busy === "leave"}
          error={error}
          email={ws.me.user.email}
          danger
          onConfirm={leave}
          onCancel={cancel}
        >
          <p>
            Leave <strong class="break">{ws.tenant.name}</strong>? You lose access until someone
            invites you again, and your API tokens in it are revoked.
          </p>
        </ConfirmPanel>
      ) : null}
    </li>
  );
}
