import { useRef, useState } from "hono/jsx/dom";
import { ErrorOrStepUp } from "../../components/Confirm";
import { ApiError, messageOf } from "../../api";
import { Alert, Button, Section } from "../../components/ui";
import { authorLabel, timeLeft } from "../../format";
import { useMemberEmails } from "../../member-emails";
import { useAction, usePolledResource, useSecondsLeft } from "../../hooks";
import type { SecretRequest } from "../../tenant-api";
import type { Workspace } from "../../workspace";
import { SecretValueField, takeSecretValue } from "./SecretValueField";

const REFRESH_MS = 10_000;

/** Secrets agents asked for (ask_secret): a masked field each; the agent only learns "saved". */
export function SecretRequestsSection(props: { ws: Workspace; onSaved: () => void }) {
  const { ws } = props;
  const [list, reload] = usePolledResource(
    () => ws.api.secretRequests().then((r) => r.requests),
    REFRESH_MS,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const emails = useMemberEmails(ws.api);

  const done = async (message: string, saved: boolean) => {
    setNotice(message);
    if (saved) props.onSaved();
    await reload();
  };

  const pending = list.state === "ready" ? list.data : [];
  if (pending.length === 0 && !notice) return null;
  return (
    <Section
      id="secret-requests"
      title="Requested by agents"
      intro="An agent asked for these secrets. Whatever you enter goes straight into the vault."
    >
      <Alert message={notice} tone="info" />
      {pending.length > 0 ? (
        <ul class="rows" aria-label="Secret requests">
          {pending.map((r) => (
            <RequestRow key={r.id} ws={ws} request={r} emails={emails} onDone={done} />
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function RequestRow(props: {
  ws: Workspace;
  request: SecretRequest;
  emails: ReadonlyMap<string, string>;
  onDone: (message: string, saved: boolean) => Promise<void>;
}) {
  const r = props.request;
  const seconds = useSecondsLeft(Date.parse(r.expires_at));
  const value = useRef<HTMLInputElement>(null);
  const { busy, error, setError, run } = useAction<"save" | "decline">();
  const canWrite = props.ws.can("secrets.write");

  const save = async (event: Event) => {
    event.preventDefault();
    const secret = takeSecretValue(value);
    if (secret === null) {
      setError(new Error("Enter the value."));
      value.current?.focus();
      return;
    }
    await run("save", async () => {
      const answer = await props.ws.api.answerSecretRequest(r.id, secret);
      // The answer is all the agent learns, and all the console shows.
      await props.onDone(`${r.name}: ${answer.result}.`, true);
    });
  };

  const decline = () =>
    run("decline", async () => {
      await props.ws.api.declineSecretRequest(r.id);
      await props.onDone(`Declined the request for ${r.name}.`, false);
    });

  const valueIssue = error instanceof ApiError ? error.issueFor("value") : undefined;
  return (
    <li class="row">
      <div class="row-main">
        <p class="row-title">
          <code class="break">{r.name}</code>
        </p>
        <p class="break">{r.description}</p>
        <p class="meta">
          Asked by <span class="break">{authorLabel(r.requested_by, props.emails)}</span> ·{" "}
          {seconds > 0 ? `expires in ${timeLeft(seconds)}` : "expired"}
        </p>
      </div>
      {canWrite ? (
        <form class="stack inline-panel" onSubmit={save} noValidate>
          <SecretValueField
            id={`request-${r.id}`}
            label={`Value for ${r.name}`}
            inputRef={value}
            issue={valueIssue}
            notice={r.notice}
          />
          <ErrorOrStepUp
            error={valueIssue ? null : error}
            email={props.ws.me.user.email}
            onConfirmed={() => setError(null)}
          />
          <div class="actions">
            <Button type="submit" variant="primary" busy={busy === "save"} busyLabel="Saving…">
              Save secret
            </Button>
            <Button
              variant="quiet"
              busy={busy === "decline"}
              busyLabel="Declining…"
              disabled={busy !== null}
              onClick={() => void decline()}
            >
              Decline
            </Button>
          </div>
        </form>
      ) : (
        <p class="muted">Your role cannot store secrets.</p>
      )}
    </li>
  );
}
