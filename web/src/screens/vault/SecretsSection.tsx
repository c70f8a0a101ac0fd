import { useEffect, useRef, useState } from "hono/jsx/dom";
import { ApiError, messageOf } from "../../api";
import { ConfirmPanel, ErrorOrStepUp } from "../../components/Confirm";
import { Alert, Button, Loading, Retry, Section } from "../../components/ui";
import { describeDestination, headerDestination } from "../../destinations";
import { authorLabel, relativeTime } from "../../format";
import { useAction, useResource } from "../../hooks";
import { SECRET_NAME_RULE, secretNameProblem } from "../../secret-names";
import type { SecretMeta } from "../../tenant-api";
import type { Workspace } from "../../workspace";
import { DestinationsEditor } from "./DestinationsEditor";
import { HeaderDestinationFields } from "./HeaderDestinationFields";
import { SecretValueField, takeSecretValue } from "./SecretValueField";

export function SecretsSection(props: { ws: Workspace; revision: number; onChanged: () => void }) {
  const { ws } = props;
  const [data, reload] = useResource(async () => {
    const [page, members] = await Promise.all([
      ws.api.secrets(null),
      ws.api.members().catch(() => ({ members: [] })),
    ]);
    return { ...page, emails: new Map(members.members.map((m) => [m.user_id, m.email])) };
  });
  const [more, setMore] = useState<{ secrets: SecretMeta[]; cursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (props.revision === 0) return;
    setMore(null);
    void reload();
  }, [props.revision]);

  const secrets = data.state === "ready" ? [...data.data.secrets, ...(more?.secrets ?? [])] : [];
  const cursor = more ? more.cursor : data.state === "ready" ? data.data.next_cursor : null;
  const emails = data.state === "ready" ? data.data.emails : new Map<string, string>();

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await ws.api.secrets(cursor);
      setMore({ secrets: [...(more?.secrets ?? []), ...page.secrets], cursor: page.next_cursor });
    } catch (e) {
      setError(e);
    }
    setLoadingMore(false);
  };

  const changed = (message: string) => {
    setNotice(message);
    props.onChanged();
  };

  return (
    <Section id="secrets" title="Secrets">
      {data.state === "loading" ? <Loading label="Loading secrets…" /> : null}
      {data.state === "error" ? <Retry error={data.error} onRetry={reload} /> : null}
      {data.state === "ready" && secrets.length === 0 ? <p class="empty">No secrets yet.</p> : null}
      {secrets.length > 0 ? (
        <ul class="rows" aria-label="Secrets">
          {secrets.map((s) => (
            <SecretRow key={s.name} ws={ws} secret={s} emails={emails} onChanged={changed} />
          ))}
        </ul>
      ) : null}
      {cursor ? (
        <div class="actions">
          <Button busy={loadingMore} busyLabel="Loading…" onClick={loadMore}>
            Show more secrets
          </Button>
        </div>
      ) : null}
      <Alert message={error ? messageOf(error) : null} />
      <Alert message={notice} tone="info" />
      {ws.can("secrets.write") ? <AddSecretForm ws={ws} onSaved={changed} /> : null}
    </Section>
  );
}

type Mode = "view" | "update" | "destinations" | "delete";

function SecretRow(props: {
  ws: Workspace;
  secret: SecretMeta;
  emails: ReadonlyMap<string, string>;
  onChanged: (message: string) => void;
}) {
  const s = props.secret;
  const [mode, setMode] = useState<Mode>("view");
  const { busy, error, setError, run } = useAction<"save" | "delete">();
  const value = useRef<HTMLInputElement>(null);
  const fieldId = `secret-value-${s.name}`;

  const update = async (event: Event) => {
    event.preventDefault();
    const secret = takeSecretValue(value);
    if (secret === null) {
      setError(new Error("Enter the new value."));
      value.current?.focus();
      return;
    }
    await run("save", async () => {
      const { secret: saved } = await props.ws.api.putSecret(s.name, secret);
      setMode("view");
      props.onChanged(`${saved.name} is now at version ${saved.version}.`);
    });
  };

  const remove = () =>
    run("delete", async () => {
      await props.ws.api.deleteSecret(s.name);
      props.onChanged(`${s.name} deleted. Its ciphertext is erased.`);
    }).then(() => undefined);

  const cancel = () => {
    setMode("view");
    setError(null);
  };

  return (
    <li class="row" data-secret={s.name}>
      <div class="row-main">
        <p class="row-title">
          <code class="break">{s.name}</code>
          <span class="masked" aria-label={`ends in ${s.masked.replace(/^\*+/, "")}`}>
            {s.masked}
          </span>
        </p>
        <p class="meta">
          Version {s.version} · updated {relativeTime(s.updated_at)} by{" "}
          {authorLabel(s.updated_by, props.emails)}
        </p>
        <p class="meta" data-destinations>
          {s.unbound
            ? "Unbound: it can be sent nowhere until an admin adds a destination."
            : `Sent only to ${s.destinations.map(describeDestination).join(", ")}`}
        </p>
      </div>
      {mode === "view" ? (
        <div class="row-actions">
          {props.ws.can("secrets.write") ? (
            <Button
              variant="quiet"
              label={`New version of ${s.name}`}
              onClick={() => setMode("update")}
            >
              New version
            </Button>
          ) : null}
          {props.ws.can("secrets.bind") ? (
            <Button
              variant="quiet"
              label={`Destinations of ${s.name}`}
              onClick={() => setMode("destinations")}
            >
              Destinations
            </Button>
          ) : null}
          {props.ws.can("secrets.delete") ? (
            <Button variant="quiet" label={`Delete ${s.name}`} onClick={() => setMode("delete")}>
              Delete
            </Button>
          ) : null}
        </div>
      ) : null}
      {mode === "update" ? (
        <form class="stack inline-panel" onSubmit={update} noValidate>
          <SecretValueField id={fieldId} label={`New value for ${s.name}`} inputRef={value} />
          <ErrorOrStepUp
            error={error}
            email={props.ws.me.user.email}
            onConfirmed={() => setError(null)}
          />
          <div class="actions">
            <Button type="submit" variant="primary" busy={busy === "save"} busyLabel="Saving…">
              Save new version
            </Button>
            <Button variant="quiet" disabled={busy !== null} onClick={cancel}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {mode === "destinations" ? (
        <DestinationsEditor
          ws={props.ws}
          secret={s}
          onCancel={cancel}
          onSaved={(saved) => {
            setMode("view");
            props.onChanged(
              saved.unbound
                ? `${saved.name} is unbound: it can be sent nowhere.`
                : `${saved.name}'s destinations saved.`,
            );
          }}
        />
      ) : null}
      {mode === "delete" ? (
        <ConfirmPanel
          confirmLabel="Delete secret"
          busyLabel="Deleting…"
          busy={busy === "delete"}
          error={error}
          email={props.ws.me.user.email}
          stepUp={{
            operation: "secrets.delete",
            validUntil: props.ws.me.session.step_up_valid_until,
          }}
          danger
          onConfirm={remove}
          onCancel={cancel}
        >
          <p>
            Delete <code class="break">{s.name}</code>? Agents that use <code>secret:{s.name}</code>{" "}
            will fail until you add it again.
          </p>
        </ConfirmPanel>
      ) : null}
    </li>
  );
}

function AddSecretForm(props: { ws: Workspace; onSaved: (message: string) => void }) {
  const [name, setName] = useState("");
  const [nameIssue, setNameIssue] = useState<string | null>(null);
  const [origin, setOrigin] = useState("");
  const [header, setHeader] = useState("authorization");
  const [destinationIssue, setDestinationIssue] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction<"save">();
  const value = useRef<HTMLInputElement>(null);
  const canBind = props.ws.can("secrets.bind");

  const save = async (event: Event) => {
    event.preventDefault();
    const problem = secretNameProblem(name);
    if (problem) {
      setNameIssue(problem);
      return;
    }
    setNameIssue(null);
    const destination = canBind && origin.trim() !== "" ? headerDestination(origin, header) : null;
    if (typeof destination === "string") {
      setDestinationIssue(destination);
      return;
    }
    setDestinationIssue(null);
    const secret = takeSecretValue(value);
    if (secret === null) {
      setError(new Error("Enter the value."));
      value.current?.focus();
      return;
    }
    await run("save", async () => {
      try {
        const { secret: saved } = await props.ws.api.putSecret(
          name,
          secret,
          destination ? [destination] : undefined,
        );
        props.onSaved(
          saved.version === 1
            ? `${saved.name} saved${saved.unbound ? "" : `, sent only to ${describeDestination(saved.destinations[0]!)}`}.`
            : `${saved.name} already existed: saved as version ${saved.version}.`,
        );
      } catch (e) {
        // An existing secret took the new value but kept its destinations.
        if (!(e instanceof ApiError && e.code === "destinations_unchanged")) throw e;
        props.onSaved(`${name} already existed: new value saved, destinations unchanged.`);
      }
      setName("");
      setOrigin("");
    });
  };

  const valueIssue = error instanceof ApiError ? error.issueFor("value") : undefined;
  const serverNameIssue = error instanceof ApiError ? error.issueFor("name") : undefined;
  const serverDestinationIssue =
    error instanceof ApiError ? error.issueFor("destinations.0") : undefined;
  return (
    <form class="stack add-form" onSubmit={save} noValidate aria-labelledby="add-secret-title">
      <h3 id="add-secret-title">Add a secret</h3>
      <div class="field">
        <label for="secret-name">Name</label>
        <input
          id="secret-name"
          type="text"
          class="mono-input"
          autocapitalize="characters"
          autocomplete="off"
          spellcheck={false}
          maxlength={64}
          placeholder="OPENAI_API_KEY"
          value={name}
          aria-invalid={nameIssue || serverNameIssue ? "true" : undefined}
          aria-describedby="secret-name-hint"
          onInput={(e: Event) => {
            const field = e.target as HTMLInputElement;
            const upper = field.value.toUpperCase();
            if (upper !== field.value) field.value = upper;
            setName(upper.trim());
          }}
        />
        <p
          id="secret-name-hint"
          class={nameIssue || serverNameIssue ? "field-issue" : "meta"}
          role={nameIssue || serverNameIssue ? "alert" : undefined}
        >
          {nameIssue ?? serverNameIssue ?? SECRET_NAME_RULE}
        </p>
      </div>
      <SecretValueField id="secret-value" label="Value" inputRef={value} issue={valueIssue} />
      {canBind ? (
        <fieldset class="stack plain-fieldset">
          <legend>Where it may be sent (optional)</legend>
          <HeaderDestinationFields
            idPrefix="secret-dest"
            origin={origin}
            header={header}
            issue={destinationIssue ?? serverDestinationIssue}
            onOrigin={setOrigin}
            onHeader={setHeader}
          />
        </fieldset>
      ) : null}
      <Alert
        message={
          error && !valueIssue && !serverNameIssue && !serverDestinationIssue
            ? messageOf(error)
            : null
        }
      />
      <Button type="submit" variant="primary" busy={busy === "save"} busyLabel="Saving…">
        Save secret
      </Button>
    </form>
  );
}
