import { useEffect, useState } from "hono/jsx/dom";
import { ApiError, messageOf } from "../../api";
import { Alert, Button, Loading } from "../../components/ui";
import { useResource } from "../../hooks";
import { Link } from "../../router";
import { secretNameProblem } from "../../secret-names";
import type { HostedSession, NewSession, ProviderKind, SessionsApi } from "../../sessions-api";
import type { Workspace } from "../../workspace";
import { baseUrlProblem, DEFAULT_URLS, suggestKey } from "./new-session";
import { PROVIDER_LABELS } from "./session-labels";

type Field = "title" | "model" | "key_secret" | "base_url" | "max_tokens" | "system";
type Issues = Partial<Record<Field, string>>;

const SERVER_FIELDS: Readonly<Record<string, Field>> = {
  title: "title",
  "provider.model": "model",
  key_secret: "key_secret",
  "provider.base_url": "base_url",
  "provider.max_tokens": "max_tokens",
  system: "system",
};

/** Starts a session: provider, model and the vault secret (by name) that holds the API key. */
export function NewSessionForm(props: {
  ws: Workspace;
  api: SessionsApi;
  onCreated: (session: HostedSession) => void;
  onCancel?: () => void;
}) {
  const { ws } = props;
  const [names] = useResource(async () => {
    const { secrets } = await ws.api.secrets(null, 100);
    return secrets.map((s) => s.name);
  });
  const [kind, setKind] = useState<ProviderKind>("anthropic");
  const [title, setTitle] = useState("");
  const [model, setModel] = useState("");
  const [key, setKey] = useState("");
  const [baseUrl, setBaseUrl] = useState("");
  const [maxTokens, setMaxTokens] = useState("");
  const [system, setSystem] = useState("");
  const [issues, setIssues] = useState<Issues>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const list = names.state === "ready" ? names.data : null;
  // Without the vault's names (the list failed), the name is typed instead.
  const typed = names.state === "error";
  const empty = list !== null && list.length === 0;

  // Follow the provider with the matching key, when the vault has one.
  useEffect(() => {
    if (!list || list.length === 0) return;
    const suggested = suggestKey(kind, list);
    if (suggested) setKey(suggested);
    else if (!list.includes(key)) setKey(list[0]!);
  }, [names.state, kind]);

  const check = (): Issues => {
    const found: Issues = {};
    if (model.trim() === "") found.model = "Name the model, as the provider spells it.";
    const keyProblem =
      key === "" ? "Choose the secret that holds the API key." : secretNameProblem(key);
    if (keyProblem) found.key_secret = keyProblem;
    const urlProblem = baseUrlProblem(baseUrl.trim());
    if (urlProblem) found.base_url = urlProblem;
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
      provider: {
        kind,
        model: model.trim(),
        ...(baseUrl.trim() ? { base_url: baseUrl.trim() } : {}),
        ...(maxTokens.trim() ? { max_tokens: Number(maxTokens) } : {}),
      },
      key_secret: key,
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
      <h2 id="new-session-title">New session</h2>
      <p class="muted">
        The agent runs here, with the key from your vault: you never paste it, and every tool call
        goes through your policy.
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
      <div class="field-pair">
        <div class="field">
          <label for="ns-provider">Provider</label>
          <select
            id="ns-provider"
            value={kind}
            onChange={(e: Event) =>
              setKind((e.target as HTMLSelectElement).value === "openai" ? "openai" : "anthropic")
            }
          >
            <option value="anthropic">{PROVIDER_LABELS.anthropic}</option>
            <option value="openai">{PROVIDER_LABELS.openai}</option>
          </select>
        </div>
        <div class="field">
          <label for="ns-model">Model</label>
          <input
            id="ns-model"
            type="text"
            class="mono-input"
            maxlength={200}
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            required
            value={model}
            aria-invalid={issues.model ? "true" : undefined}
            aria-describedby={described("model")}
            onInput={(e: Event) => setModel((e.target as HTMLInputElement).value)}
          />
          {issueOf("model")}
        </div>
      </div>
      <div class="field">
        <label for="ns-key">API key from the vault</label>
        {names.state === "loading" ? <Loading label="Loading secret names…" /> : null}
        {list && !empty ? (
          <select
            id="ns-key"
            value={key}
            aria-invalid={issues.key_secret ? "true" : undefined}
            aria-describedby={described("key_secret", "ns-key-hint")}
            onChange={(e: Event) => setKey((e.target as HTMLSelectElement).value)}
          >
            {list.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        ) : null}
        {typed ? (
          <input
            id="ns-key"
            type="text"
            class="mono-input"
            maxlength={64}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            value={key}
            aria-invalid={issues.key_secret ? "true" : undefined}
            aria-describedby={described("key_secret", "ns-key-hint")}
            onInput={(e: Event) => setKey((e.target as HTMLInputElement).value)}
          />
        ) : null}
        <p id="ns-key-hint" class="meta">
          {typed
            ? "The vault's names could not be listed; type the secret's name, e.g. ANTHROPIC_API_KEY."
            : "Only the name is sent; the value stays in the vault."}
        </p>
        {issueOf("key_secret")}
      </div>
      {empty ? (
        <div class="stack inline-panel">
          <p>
            Your vault has no secrets yet. Store the provider's API key there first (for example as{" "}
            <code>{kind === "anthropic" ? "ANTHROPIC_API_KEY" : "OPENAI_API_KEY"}</code>).
          </p>
          <Link href="/vault" class="btn btn-secondary">
            Open the Vault
          </Link>
        </div>
      ) : null}
      <div class="field">
        <label for="ns-base-url">Base URL (optional)</label>
        <input
          id="ns-base-url"
          type="url"
          inputmode="url"
          maxlength={500}
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          placeholder={DEFAULT_URLS[kind]}
          value={baseUrl}
          aria-invalid={issues.base_url ? "true" : undefined}
          aria-describedby={described("base_url", "ns-base-url-hint")}
          onInput={(e: Event) => setBaseUrl((e.target as HTMLInputElement).value)}
        />
        <p id="ns-base-url-hint" class="meta">
          Empty: {DEFAULT_URLS[kind]}. Private addresses are refused, except a local model server in
          development.
        </p>
        {issueOf("base_url")}
      </div>
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
        <Button type="submit" variant="primary" busy={busy} busyLabel="Starting…" disabled={empty}>
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
