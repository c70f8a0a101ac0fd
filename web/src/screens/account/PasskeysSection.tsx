import { useState } from "hono/jsx/dom";
import { ErrorOrStepUp } from "../../components/Confirm";
import { Name } from "../../components/Name";
import { api, ApiError, messageOf } from "../../api";
import type { Passkey } from "../../api";
import { Alert, Badge, Button, Loading, Retry, Section } from "../../components/ui";
import { formatDateTime, relativeTime } from "../../format";
import { useResource } from "../../hooks";
import { StepUp } from "../../components/StepUp";
import { addPasskey, PasskeyCancelled, passkeysSupported } from "../../passkeys";

export function PasskeysSection(props: { email: string }) {
  const [list, reload] = useResource(() => api.passkeys().then((r) => r.passkeys));
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const add = async () => {
    setAdding(true);
    setError(null);
    setNotice(null);
    try {
      const passkey = await addPasskey();
      setNotice(`Passkey “${passkey.name}” added.`);
      await reload();
    } catch (e) {
      setError(e);
    }
    setAdding(false);
  };

  const changed = async (message: string) => {
    setError(null);
    setNotice(message);
    await reload();
  };

  return (
    <Section
      id="passkeys"
      title="Passkeys"
      intro="Sign in with your fingerprint, face or screen lock. Add one on each device you use."
    >
      {list.state === "loading" ? <Loading label="Loading passkeys…" /> : null}
      {list.state === "error" ? <Retry error={list.error} onRetry={reload} /> : null}
      {list.state === "ready" && list.data.length === 0 ? (
        <p class="empty">No passkeys yet. Add one to sign in without waiting for an email.</p>
      ) : null}
      {list.state === "ready" && list.data.length > 0 ? (
        <ul class="rows" aria-label="Your passkeys">
          {list.data.map((p) => (
            <PasskeyRow key={p.id} passkey={p} email={props.email} onChanged={changed} />
          ))}
        </ul>
      ) : null}
      <ErrorOrStepUp
        error={error}
        email={props.email}
        onConfirmed={() => setError(null)}
        tone={error instanceof PasskeyCancelled ? "info" : "error"}
      />
      <Alert message={notice} tone="info" />
      {passkeysSupported() ? (
        <Button
          variant="primary"
          wide
          busy={adding}
          busyLabel="Waiting for your device…"
          onClick={add}
        >
          Add a passkey
        </Button>
      ) : (
        <p class="muted">This browser cannot create passkeys.</p>
      )}
    </Section>
  );
}

type Mode = { kind: "view" } | { kind: "rename"; name: string } | { kind: "delete" };

function PasskeyRow(props: {
  passkey: Passkey;
  email: string;
  onChanged: (message: string) => Promise<void>;
}) {
  const p = props.passkey;
  const [mode, setMode] = useState<Mode>({ kind: "view" });
  const [busy, setBusy] = useState<"save" | "delete" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const needsStepUp = error instanceof ApiError && error.code === "step_up_required";
  const nameField = `passkey-name-${p.id}`;

  const rename = async (event: Event) => {
    event.preventDefault();
    if (mode.kind !== "rename") return;
    setBusy("save");
    setError(null);
    try {
      const { passkey } = await api.renamePasskey(p.id, mode.name.trim());
      setMode({ kind: "view" });
      await props.onChanged(`Renamed to “${passkey.name}”.`);
    } catch (e) {
      setError(e);
    }
    setBusy(null);
  };

  const remove = async () => {
    setBusy("delete");
    setError(null);
    try {
      await api.deletePasskey(p.id);
      await props.onChanged(`Passkey “${p.name}” deleted.`);
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };

  const cancel = () => {
    setMode({ kind: "view" });
    setError(null);
  };

  return (
    <li class="row">
      <div class="row-main">
        <p class="row-title break">
          <Name text={p.name} />
          {p.backed_up ? <Badge>Synced</Badge> : null}
        </p>
        <p class="meta">
          Added {formatDateTime(p.created_at)} · Last used{" "}
          {p.last_used_at ? relativeTime(p.last_used_at) : "never"}
        </p>
      </div>
      {mode.kind === "view" ? (
        <div class="row-actions">
          <Button
            variant="quiet"
            label={`Rename ${p.name}`}
            onClick={() => setMode({ kind: "rename", name: p.name })}
          >
            Rename
          </Button>
          <Button
            variant="quiet"
            label={`Delete ${p.name}`}
            onClick={() => setMode({ kind: "delete" })}
          >
            Delete
          </Button>
        </div>
      ) : null}
      {mode.kind === "rename" ? (
        <form class="stack inline-panel" onSubmit={rename}>
          <div class="field">
            <label for={nameField}>Passkey name</label>
            <input
              id={nameField}
              type="text"
              maxlength={64}
              required
              value={mode.name}
              onInput={(e) =>
                setMode({ kind: "rename", name: (e.target as HTMLInputElement).value })
              }
            />
          </div>
          <Alert message={error ? messageOf(error) : null} />
          <div class="actions">
            <Button type="submit" variant="primary" busy={busy === "save"} busyLabel="Saving…">
              Save
            </Button>
            <Button variant="quiet" disabled={busy !== null} onClick={cancel}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {mode.kind === "delete" ? (
        <div class="stack inline-panel">
          <p>
            Delete <strong class="break">{p.name}</strong>? You will no longer be able to sign in
            with it.
          </p>
          {needsStepUp ? (
            <StepUp email={props.email} onConfirmed={remove} />
          ) : (
            <Alert message={error ? messageOf(error) : null} />
          )}
          <div class="actions">
            {needsStepUp ? null : (
              <Button
                variant="danger"
                busy={busy === "delete"}
                busyLabel="Deleting…"
                onClick={remove}
              >
                Delete passkey
              </Button>
            )}
            <Button variant="quiet" disabled={busy !== null} onClick={cancel}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
