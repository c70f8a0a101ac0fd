import { useState } from "hono/jsx/dom";
import { ApiError, messageOf } from "../../api";
import { ConfirmPanel } from "../../components/Confirm";
import { Alert, Button, Loading, Retry, Section } from "../../components/ui";
import { formatDateTime } from "../../format";
import { useAction, useResource } from "../../hooks";
import { ROLE_LABELS } from "../../labels";
import { navigate } from "../../router";
import type { Member } from "../../tenant-api";
import type { Workspace } from "../../workspace";

/** Rename, hand over and delete the tenant: for its owners (renaming: admins too). */
export function TenantAdminSection(props: { ws: Workspace; revision: number }) {
  const { ws } = props;
  const [members] = useResource(() => ws.api.members().then((r) => r.members));
  return (
    <Section id="tenant-admin" title="Tenant" intro="Its name, who owns it, and deleting it.">
      {ws.can("tenant.rename") ? <RenameForm ws={ws} /> : null}
      {ws.can("tenant.transfer") && members.state === "ready" ? (
        <TransferPanel key={props.revision} ws={ws} members={members.data} />
      ) : null}
      {ws.can("tenant.delete") ? <DeletePanel ws={ws} /> : null}
    </Section>
  );
}

function RenameForm(props: { ws: Workspace }) {
  const { ws } = props;
  const [name, setName] = useState(ws.tenant.name);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction<"rename">();
  const issue = error instanceof ApiError ? error.issueFor("name") : undefined;
  const save = (event: Event) => {
    event.preventDefault();
    setNotice(null);
    return run("rename", async () => {
      const { tenant } = await ws.api.rename(name.trim());
      await ws.refreshMe();
      setNotice(`Renamed to ${tenant.name}.`);
    });
  };
  return (
    <form class="stack" onSubmit={save} noValidate>
      <div class="field">
        <label for="tenant-rename">Tenant name</label>
        <input
          id="tenant-rename"
          type="text"
          maxlength={64}
          autocomplete="off"
          value={name}
          aria-invalid={issue ? "true" : undefined}
          onInput={(e: Event) => setName((e.target as HTMLInputElement).value)}
        />
        {issue ? (
          <p class="field-issue" role="alert">
            {issue}
          </p>
        ) : null}
      </div>
      <Alert message={error && !issue ? messageOf(error) : null} />
      <Alert message={notice} tone="info" />
      <div class="actions">
        <Button
          type="submit"
          busy={busy === "rename"}
          busyLabel="Renaming…"
          disabled={name.trim() === ws.tenant.name || name.trim() === ""}
        >
          Rename
        </Button>
      </div>
    </form>
  );
}

function TransferPanel(props: { ws: Workspace; members: readonly Member[] }) {
  const { ws } = props;
  const [pending, reload] = useResource(() => ws.api.transfer().then((r) => r.transfer));
  const candidates = props.members.filter((m) => m.role !== "owner");
  const [to, setTo] = useState<string>(candidates[0]?.user_id ?? "");
  const [confirming, setConfirming] = useState<"offer" | "withdraw" | null>(null);
  const { busy, error, setError, run } = useAction<"offer" | "withdraw">();
  const target = candidates.find((m) => m.user_id === to);

  const offer = () =>
    run("offer", async () => {
      await ws.api.offerOwnership(to);
      setConfirming(null);
      await reload();
    }).then(() => undefined);
  const withdraw = () =>
    run("withdraw", async () => {
      await ws.api.withdrawOwnership();
      setConfirming(null);
      await reload();
    }).then(() => undefined);
  const cancel = () => {
    setConfirming(null);
    setError(null);
  };
  const stepUp = {
    operation: "tenant.transfer" as const,
    validUntil: ws.me.session.step_up_valid_until,
  };

  return (
    <div class="stack" aria-labelledby="transfer-title">
      <h3 id="transfer-title">Transfer ownership</h3>
      {pending.state === "loading" ? <Loading label="Loading…" /> : null}
      {pending.state === "error" ? <Retry error={pending.error} onRetry={reload} /> : null}
      {pending.state === "ready" && pending.data ? (
        <div class="stack">
          <p role="status">
            Offered to <strong class="break">{pending.data.to.email}</strong>. Nothing changes until
            they accept; the offer lapses {formatDateTime(pending.data.expires_at)}.
          </p>
          {confirming === "withdraw" ? (
            <ConfirmPanel
              confirmLabel="Withdraw offer"
              busyLabel="Withdrawing…"
              busy={busy === "withdraw"}
              error={error}
              email={ws.me.user.email}
              stepUp={stepUp}
              onConfirm={withdraw}
              onCancel={cancel}
            >
              <p>Withdraw the offer to {pending.data.to.email}?</p>
            </ConfirmPanel>
          ) : (
            <div class="actions">
              <Button variant="quiet" onClick={() => setConfirming("withdraw")}>
                Withdraw offer
              </Button>
            </div>
          )}
        </div>
      ) : null}
      {pending.state === "ready" && !pending.data ? (
        candidates.length === 0 ? (
          <p class="muted">Invite someone first: ownership goes to a member who is not an owner.</p>
        ) : (
          <div class="stack">
            <div class="field">
              <label for="transfer-to">New owner</label>
              <select
                id="transfer-to"
                value={to}
                onChange={(e: Event) => setTo((e.target as HTMLSelectElement).value)}
              >
                {candidates.map((m) => (
                  <option key={m.user_id} value={m.user_id}>
                    {m.email} ({ROLE_LABELS[m.role]})
                  </option>
                ))}
              </select>
            </div>
            {confirming === "offer" && target ? (
              <ConfirmPanel
                confirmLabel="Offer ownership"
                busyLabel="Offering…"
                busy={busy === "offer"}
                error={error}
                email={ws.me.user.email}
                stepUp={stepUp}
                onConfirm={offer}
                onCancel={cancel}
              >
                <p>
                  Offer {ws.tenant.name} to <strong class="break">{target.email}</strong>? When they
                  accept they become owner and you become admin.
                </p>
              </ConfirmPanel>
            ) : (
              <div class="actions">
                <Button onClick={() => setConfirming("offer")}>Offer ownership…</Button>
              </div>
            )}
          </div>
        )
      ) : null}
    </div>
  );
}

function DeletePanel(props: { ws: Workspace }) {
  const { ws } = props;
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const { busy, error, setError, run } = useAction<"delete">();
  const matches = typed.trim() === ws.tenant.name;

  const remove = async () => {
    if (!matches) {
      setError(new Error(`Type the tenant's name, ${ws.tenant.name}, to confirm.`));
      return;
    }
    await run("delete", async () => {
      await ws.api.deleteTenant();
      const fresh = await ws.refreshMe();
      const next = fresh.memberships[0];
      if (next) ws.switchTenant(next.tenant_id);
      navigate("/");
    });
  };

  return (
    <div class="stack danger-zone" aria-labelledby="delete-title">
      <h3 id="delete-title">Delete tenant</h3>
      {open ? (
        <ConfirmPanel
          confirmLabel="Delete tenant for good"
          busyLabel="Deleting…"
          busy={busy === "delete"}
          error={error}
          email={ws.me.user.email}
          stepUp={{ operation: "tenant.delete", validUntil: ws.me.session.step_up_valid_until }}
          danger
          onConfirm={remove}
          onCancel={() => {
            setOpen(false);
            setTyped("");
            setError(null);
          }}
        >
          <p>This destroys, at once and for everyone:</p>
          <ul class="bullets">
            <li>every secret in the vault (its keys are shredded, backups stay unreadable);</li>
            <li>policies, runs, approvals, conversations and agent memory;</li>
            <li>the audit log (only a record of the deletion is kept);</li>
            <li>members, invitations and API tokens.</li>
          </ul>
          <div class="field">
            <label for="delete-confirm">Type {ws.tenant.name} to confirm</label>
            <input
              id="delete-confirm"
              type="text"
              autocomplete="off"
              value={typed}
              onInput={(e: Event) => setTyped((e.target as HTMLInputElement).value)}
            />
          </div>
        </ConfirmPanel>
      ) : (
        <>
          <p class="muted">Deleting cannot be undone. Export the audit log first if you need it.</p>
          <div class="actions">
            <Button variant="danger" onClick={() => setOpen(true)}>
              Delete tenant…
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
