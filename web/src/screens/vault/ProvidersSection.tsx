import { useState } from "hono/jsx/dom";
import { messageOf } from "../../api";
import { needsStepUp } from "../../components/Confirm";
import { StepUp } from "../../components/StepUp";
import { Alert, Button, Loading, Retry, Section } from "../../components/ui";
import { useAction, useResource } from "../../hooks";
import type { ProviderInput } from "../../tenant-api";
import type { Workspace } from "../../workspace";
import { baseUrlProblem } from "../agent-sessions/new-session";

const KINDS = [
  ["anthropic", "Anthropic"],
  ["openai", "OpenAI"],
  ["mistral", "Mistral"],
  ["groq", "Groq"],
  ["openrouter", "OpenRouter"],
  ["together", "Together AI"],
  ["deepseek", "DeepSeek"],
  ["xai", "xAI"],
  ["custom", "OpenAI-compatible (your URL)"],
  ["anthropic-compatible", "Anthropic-compatible (your URL)"],
] as const satisfies readonly (readonly [ProviderInput["kind"], string])[];
const CUSTOM = new Set<ProviderInput["kind"]>(["custom", "anthropic-compatible"]);

/** The tenant's model providers; admins and owners configure them (step-up). */
export function ProvidersSection(props: { ws: Workspace; onChanged: () => void }) {
  const { ws } = props;
  const [data, reload] = useResource(async () => (await ws.api.providers()).providers);
  const [id, setId] = useState("");
  const [kind, setKind] = useState<ProviderInput["kind"]>("anthropic");
  const [baseUrl, setBaseUrl] = useState("");
  const [models, setModels] = useState("");
  const [key, setKey] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction<"save">();

  const save = async () => {
    const modelList = models
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean);
    const problem = !/^[a-z][a-z0-9-]{0,63}$/.test(id)
      ? "The id is lower-case letters, digits and -, e.g. anthropic-main."
      : modelList.length === 0
        ? "List at least one model."
        : key === ""
          ? "Name the vault secret that holds the API key."
          : CUSTOM.has(kind)
            ? (baseUrlProblem(baseUrl.trim()) ?? (baseUrl.trim() ? null : "Enter the base URL."))
            : null;
    if (problem) {
      setError(new Error(problem));
      return;
    }
    await run("save", async () => {
      const { provider } = await ws.api.putProvider(id, {
        kind,
        models: modelList,
        key_secret: key,
        ...(CUSTOM.has(kind) ? { base_url: baseUrl.trim() } : {}),
      });
      setNotice(
        `${provider.id} saved; ${provider.key_secret} may now be sent to ${provider.base_url} only as its key.`,
      );
      void reload();
      props.onChanged();
    });
  };

  return (
    <Section id="providers" title="Model providers">
      <p class="muted">
        Sessions run on these. Each key is bound to its provider's address and cannot be sent
        anywhere else by it.
      </p>
      {data.state === "loading" ? <Loading label="Loading providers…" /> : null}
      {data.state === "error" ? <Retry error={data.error} onRetry={reload} /> : null}
      {data.state === "ready" && data.data.length === 0 ? (
        <p class="empty">No providers yet.</p>
      ) : null}
      {data.state === "ready" && data.data.length > 0 ? (
        <ul class="rows" aria-label="Providers">
          {data.data.map((p) => (
            <li class="row" key={p.id} data-provider={p.id}>
              <div class="row-main">
                <p class="row-title">
                  <code>{p.id}</code> {p.kind}
                </p>
                <p class="meta mono break">
                  {p.base_url} · key {p.key_secret} · {p.models.join(", ")}
                </p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <Alert message={notice} tone="info" />
      {ws.can("providers.configure") ? (
        <form
          class="stack inline-panel"
          aria-label="Configure a provider"
          noValidate
          onSubmit={(e: Event) => {
            e.preventDefault();
            void save();
          }}
        >
          <div class="field-pair">
            <div class="field">
              <label for="pv-id">Provider id</label>
              <input
                id="pv-id"
                type="text"
                class="mono-input"
                value={id}
                autocomplete="off"
                onInput={(e: Event) => setId((e.target as HTMLInputElement).value)}
              />
            </div>
            <div class="field">
              <label for="pv-kind">Kind</label>
              <select
                id="pv-kind"
                value={kind}
                onChange={(e: Event) =>
                  setKind((e.target as HTMLSelectElement).value as ProviderInput["kind"])
                }
              >
                {KINDS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {CUSTOM.has(kind) ? (
            <div class="field">
              <label for="pv-base-url">Base URL</label>
              <input
                id="pv-base-url"
                type="url"
                class="mono-input"
                value={baseUrl}
                autocomplete="off"
                onInput={(e: Event) => setBaseUrl((e.target as HTMLInputElement).value)}
              />
              <p class="meta">
                A public https address; a local model server only if the deployment allows it.
              </p>
            </div>
          ) : null}
          <div class="field">
            <label for="pv-models">Models (comma-separated)</label>
            <input
              id="pv-models"
              type="text"
              class="mono-input"
              value={models}
              autocomplete="off"
              onInput={(e: Event) => setModels((e.target as HTMLInputElement).value)}
            />
          </div>
          <div class="field">
            <label for="pv-key">API key secret</label>
            <input
              id="pv-key"
              type="text"
              class="mono-input"
              value={key}
              autocomplete="off"
              autocapitalize="characters"
              onInput={(e: Event) => setKey((e.target as HTMLInputElement).value)}
            />
          </div>
          {needsStepUp(error) ? (
            <StepUp email={ws.me.user.email} onConfirmed={save} />
          ) : (
            <Alert message={error ? messageOf(error) : null} />
          )}
          <div class="actions">
            <Button type="submit" variant="primary" busy={busy === "save"} busyLabel="Saving…">
              Save provider
            </Button>
          </div>
        </form>
      ) : null}
    </Section>
  );
}
