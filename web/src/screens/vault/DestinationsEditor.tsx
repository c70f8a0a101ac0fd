import { useState } from "hono/jsx/dom";
import { ApiError, messageOf } from "../../api";
import { needsStepUp } from "../../components/Confirm";
import { StepUp } from "../../components/StepUp";
import { Alert, Button } from "../../components/ui";
import { describeDestination, hasDestination, headerDestination } from "../../destinations";
import { useAction } from "../../hooks";
import type { SecretDestination, SecretMeta } from "../../tenant-api";
import type { Workspace } from "../../workspace";
import { HeaderDestinationFields } from "./HeaderDestinationFields";

/**
 * Edits where a secret may be sent: its header destinations, listed with Remove and one Add
 * form; provider keys are shown read-only (the Providers section owns them). Save replaces the
 * header list through PUT …/destinations; a lapsed sign-in asks "Confirm it's you", then saves.
 */
export function DestinationsEditor(props: {
  ws: Workspace;
  secret: SecretMeta;
  onSaved: (saved: SecretMeta) => void;
  onCancel: () => void;
}) {
  const s = props.secret;
  const providers = s.destinations.filter((d) => d.via.kind === "provider");
  const [draft, setDraft] = useState<SecretDestination[]>(
    s.destinations.filter((d) => d.via.kind === "header"),
  );
  const [origin, setOrigin] = useState("");
  const [header, setHeader] = useState("authorization");
  const [addIssue, setAddIssue] = useState<string | null>(null);
  const { busy, error, run } = useAction<"save">();
  const prefix = `dest-${s.name}`;

  const add = (event: Event) => {
    event.preventDefault();
    const parsed = headerDestination(origin, header);
    if (typeof parsed === "string") return setAddIssue(parsed);
    if (hasDestination(draft, parsed)) return setAddIssue("That destination is already listed.");
    setAddIssue(null);
    setDraft([...draft, parsed]);
    setOrigin("");
  };

  const save = async () => {
    await run("save", async () => {
      const { secret } = await props.ws.api.putDestinations(s.name, draft);
      props.onSaved(secret);
    });
  };

  // The server names a refused entry as destinations.<index>.
  const entryIssue = (i: number) =>
    error instanceof ApiError ? error.issueFor(`destinations.${i}`) : undefined;
  const anyEntryIssue = draft.some((_, i) => entryIssue(i) !== undefined);

  return (
    <div class="stack inline-panel" role="group" aria-label={`Destinations of ${s.name}`}>
      {draft.length === 0 && providers.length === 0 ? (
        <p class="meta">No destinations: the secret can be sent nowhere.</p>
      ) : (
        <ul class="dest-list" aria-label={`Where ${s.name} may be sent`}>
          {draft.map((d, i) => (
            <li key={`${d.origin} ${describeDestination(d)}`} class="dest-item">
              <code class="break">{describeDestination(d)}</code>
              <Button
                variant="quiet"
                label={`Remove ${describeDestination(d)}`}
                disabled={busy !== null}
                onClick={() => setDraft(draft.filter((_, j) => j !== i))}
              >
                Remove
              </Button>
              {entryIssue(i) ? (
                <p class="field-issue dest-issue" role="alert">
                  {entryIssue(i)}
                </p>
              ) : null}
            </li>
          ))}
          {providers.map((d) => (
            <li key={describeDestination(d)} class="dest-item">
              <code class="break">{describeDestination(d)}</code>
              <span class="meta">Set in Providers</span>
            </li>
          ))}
        </ul>
      )}
      <form class="stack" onSubmit={add} noValidate aria-label={`Add a destination to ${s.name}`}>
        <HeaderDestinationFields
          idPrefix={prefix}
          origin={origin}
          header={header}
          issue={addIssue}
          onOrigin={setOrigin}
          onHeader={setHeader}
        />
        <div class="actions">
          <Button type="submit" disabled={busy !== null}>
            Add destination
          </Button>
        </div>
      </form>
      {needsStepUp(error) ? (
        <StepUp email={props.ws.me.user.email} onConfirmed={save} />
      ) : (
        <Alert message={error && !anyEntryIssue ? messageOf(error) : null} />
      )}
      <div class="actions">
        <Button
          variant="primary"
          busy={busy === "save"}
          busyLabel="Saving…"
          onClick={() => void save()}
        >
          Save destinations
        </Button>
        <Button variant="quiet" disabled={busy !== null} onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
