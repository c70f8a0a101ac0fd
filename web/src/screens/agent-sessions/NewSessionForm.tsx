import { useEffect, useState } from "hono/jsx/dom";
import { ApiError, messageOf } from "../../api";
import { Alert, Button, Loading } from "../../components/ui";
import { useResource } from "../../hooks";
import { Link } from "../../router";
import type { HostedSession, NewSession, SessionsApi } from "../../sessions-api";
import type { Workspace } from "../../workspace";

type Field = "title" | "provider_id" | "model" | "max_tokens" | "system";
type Issues = Partial<Record<Field, string>>;

const SERVER_FIELDS: Readonly<Record<string, Field>> = {
  title: "title",
  provider_id: "provider_id",
  model: "model",
  max_tokens: "max_tokens",
  system: "system",
};

/** Starts a session on one of the tenant's providers (an admin configures them in the Vault). */
export function NewSessionForm(props: {
  ws: Workspace;
  api: SessionsApi;
  onCreated: (session: HostedSession) => void;
  onCancel?: () => void;
}) {
  const { ws } = props;
  const [providers] = useResource(async () => (await ws.api.providers()).providers);
  const [providerId, setProviderId] = useState("");
  const [title, setTitle] = useState("");
  const [model, setModel] = useState("");
  const [maxTokens, setMaxTokens] = useState("");
  const [system, setSystem] = useState("");
  const [issues, setIssues] = useState<Issues>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const list = providers.state === "ready" ? providers.data : null;
  const empty = list !== null && list.length === 0;
  const chosen = list?.find((p) => p.id === providerId) ?? null;

  useEffect(() => {
    if (list && list.length > 0 && !chosen) setProviderId(list[0]!.id);
  }, [providers.state]);
  useEffect(() => {
    if (chosen && !chosen.models.includes(model)) setModel(chosen.models[0] ?? "");
  }, [providerId, providers.state]);

  const check = (): Issues => {
    const found: Issues = {};
    if (!chosen) found.provider_id = "Choose a provider.";
    if (maxTokens.trim() !== "") {
      const n = Number(maxTokens);
      if (!Number.isInteger(n) || n < 1 || n > 64000) {
        found.max_tokens = "A whole number from 1 to 64000.";
      }
    }
    return found;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = check();
    setIssues(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    const body: NewSession = {
      provider_id: providerId,
      ...(model ? { model } : {}),
      ...(maxTokens.trim() ? { max_tokens: Number(maxTokens) } : {}),
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(system.trim() ? { system: system.trim() } : {}),
    };
    setBusy(true);
    try {
      const { session } = await props.api.create(body);
      props.onCreated(session);
    } catch (e) {
      const fromServer: Issues = {};
      if (e instanceof ApiError) {
        for (const issue of e.issues) {
          const field = SERVER_FIELDS[issue.path];
          if (field) fromServer[field] = issue.message;
        }
      }
      setIssues(fromServer);
      setError(Object.keys(fromServer).length > 0 ? null : e);
      setBusy(false);
    }
  };

  const described = (field: Field, hint?: string) => {
    const ids = [hint, issues[field] ? `ns-${field}-issue` : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(" ") : undefined;
  };
  const issueOf = (field: Field) =>
    issues[field] ? (
      <p id={`ns-${field}-issue`} class="field-issue" role="alert">
        {issues[field]}
      </p>
    ) : null;

  return (
    <form
      class="stack session-form"
      aria-labelledby="new-session-title"
      onSubmit={submit}
      noValidate
    >
      <h2 id="new-session-title">New conversation</h2>
      <p class="muted">
        The agent runs here on one of your providers, whose key stays in the vault and goes only to
        that provider. Every tool call goes through your policy.
      </p>
      <div class="field">
        <label for="ns-title">Title (optional)</label>
        <input
          id="ns-title"
          type="text"
          maxlength={200}
          autocomplete="off"
          value={title}
          aria-invalid={issues.title ? "true" : undefined}
          aria-describedby={described("title")}
          onInput={(e: Event) => setTitle((e.target as HTMLInputElement).value)}
        />
        {issueOf("title")}
      </div>
      {providers.state === "loading" ? <Loading label="Loading providers…" /> : null}
      <Alert message={providers.state === "error" ? messageOf(providers.error) : null} />
      {list && !empty ? (
        <div class="field-pair">
          <div class="field">
            <label for="ns-provider">Provider</label>
            <select
              id="ns-provider"
              value={providerId}
              aria-invalid={issues.provider_id ? "true" : undefined}
              aria-describedby={described("provider_id", "ns-provider-hint")}
              onChange={(e: Event) => setProviderId((e.target as HTMLSelectElement).value)}
            >
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.id}
                </option>
              ))}
            </select>
            <p id="ns-provider-hint" class="meta mono break">
              {chosen ? `${chosen.base_url} · key ${chosen.key_secret}` : ""}
            </p>
            {issueOf("provider_id")}
          </div>
          <div class="field">
            <label for="ns-model">Model</label>
            <select
              id="ns-model"
              value={model}
              aria-invalid={issues.model ? "true" : undefined}
              aria-describedby={described("model")}
              onChange={(e: Event) => setModel((e.target as HTMLSelectElement).value)}
            >
              {(chosen?.models ?? []).map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
            {issueOf("model")}
          </div>
        </div>
      ) : null}
      {empty ? (
        <div class="stack inline-panel">
          <p>
            No model provider is configured yet. An admin or owner sets one up in the Vault, with
            the vault secret that holds its API key.
          </p>
          <Link href={ws.href("vault", {})} class="btn btn-secondary">
            Open the Vault
          </Link>
        </div>
      ) : null}
      <details class="json-details">
        <summary>More options</summary>
        <div class="stack">
          <div class="field">
            <label for="ns-system">System prompt (optional)</label>
            <textarea
              id="ns-system"
              rows={4}
              maxlength={20000}
              value={system}
              aria-invalid={issues.system ? "true" : undefined}
              aria-describedby={described("system")}
              onInput={(e: Event) => setSystem((e.target as HTMLTextAreaElement).value)}
            />
            {issueOf("system")}
          </div>
          <div class="field">
            <label for="ns-max-tokens">Max tokens per answer (optional)</label>
            <input
              id="ns-max-tokens"
              type="number"
              inputmode="numeric"
              min={1}
              max={64000}
              placeholder="4096"
              value={maxTokens}
              aria-invalid={issues.max_tokens ? "true" : undefined}
              aria-describedby={described("max_tokens")}
              onInput={(e: Event) => setMaxTokens((e.target as HTMLInputElement).value)}
            />
            {issueOf("max_tokens")}
          </div>
        </div>
      </details>
      <Alert message={error ? messageOf(error) : null} />
      <div class="actions">
        <Button
          type="submit"
          variant="primary"
          busy={busy}
          busyLabel="Starting…"
          disabled={!list || empty}
        >
          Start session
        </Button>
        {props.onCancel ? (
          <Button variant="quiet" disabled={busy} onClick={props.onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
