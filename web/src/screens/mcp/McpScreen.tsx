import { useState } from "hono/jsx/dom";
import { ApiError, messageOf } from "../../api";
import { Alert, Badge, Button, Loading, PageHead, Retry, Section } from "../../components/ui";
import { relativeTime } from "../../format";
import { useAction, useResource } from "../../hooks";
import { mcpApi, mcpEndpoint, type McpGrant, type McpServer } from "../../mcp-api";
import type { Workspace } from "../../workspace";
import { CopyField } from "./CopyField";
import { clientSnippets } from "./snippets";

/** The tenant as an MCP server: its endpoint, connected clients, and upstream servers. */
export function McpScreen(props: { ws: Workspace }) {
  const { ws } = props;
  const endpoint = mcpEndpoint(ws.tenant.id);
  return (
    <main class="screen" aria-labelledby="mcp-title">
      <PageHead id="mcp-title" title="MCP" tenant={ws.tenant.name}>
        <p class="muted">
          Any MCP client can use this tenant's tools. Every call it makes goes through your policy,
          may wait for an approval, and is audited.
        </p>
      </PageHead>
      <Section id="mcp-endpoint" title="Endpoint">
        <CopyField label="MCP endpoint URL" value={endpoint} />
        <ul class="rows" aria-label="Client setup">
          {clientSnippets(endpoint).map((s) => (
            <li class="row" key={s.client}>
              <div class="row-main">
                <p class="row-title">{s.client}</p>
                <p class="meta">{s.how}</p>
                <CopyField
                  label={`${s.client} setup`}
                  value={s.code}
                  multiline={s.code.includes("\n")}
                />
              </div>
            </li>
          ))}
        </ul>
      </Section>
      <GrantsSection ws={ws} />
      <ServersSection ws={ws} />
    </main>
  );
}

function GrantsSection(props: { ws: Workspace }) {
  const api = mcpApi(props.ws.tenant.id);
  const [list, reload] = useResource(() => api.grants().then((r) => r.grants));
  const { busy, error, run } = useAction<string>();
  const revoke = (g: McpGrant) =>
    run(g.id, async () => {
      await api.revokeGrant(g.id);
      await reload();
    });
  return (
    <Section id="mcp-grants" title="Connected clients">
      {list.state === "loading" ? <Loading label="Loading clients…" /> : null}
      {list.state === "error" ? <Retry error={list.error} onRetry={reload} /> : null}
      {list.state === "ready" && list.data.length === 0 ? (
        <p class="empty">No client connected yet.</p>
      ) : null}
      {list.state === "ready" && list.data.length > 0 ? (
        <ul class="rows" aria-label="Connected clients">
          {list.data.map((g) => (
            <li class="row" key={g.id} data-grant={g.client_name}>
              <div class="row-main">
                <p class="row-title">
                  <span class="break">{g.client_name}</span>
                  <Badge tone={g.revoked_at ? "neutral" : "success"}>
                    {g.revoked_at ? "disconnected" : "connected"}
                  </Badge>
                </p>
                <p class="meta">
                  <span class="break">{g.user_email}</span> · to {g.redirect_host} · connected{" "}
                  {relativeTime(g.created_at)} · last used{" "}
                  {g.last_used_at ? relativeTime(g.last_used_at) : "never"}
                </p>
              </div>
              {g.revoked_at ? null : (
                <div class="row-actions">
                  <Button
                    variant="quiet"
                    label={`Disconnect ${g.client_name}`}
                    busy={busy === g.id}
                    busyLabel="Disconnecting…"
                    onClick={() => void revoke(g)}
                  >
                    Disconnect
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <Alert message={error ? messageOf(error) : null} />
    </Section>
  );
}

function ServersSection(props: { ws: Workspace }) {
  const { ws } = props;
  const api = mcpApi(ws.tenant.id);
  const [list, reload] = useResource(() => api.servers().then((r) => r.servers));
  const canEdit = ws.can("policies.write");
  return (
    <Section
      id="mcp-servers"
      title="Upstream servers"
      intro="MCP servers whose tools this tenant offers as server.tool, behind the same policy."
    >
      {list.state === "loading" ? <Loading label="Loading servers…" /> : null}
      {list.state === "error" ? <Retry error={list.error} onRetry={reload} /> : null}
      {list.state === "ready" && list.data.length === 0 ? (
        <p class="empty">No upstream server yet.</p>
      ) : null}
      {list.state === "ready" && list.data.length > 0 ? (
        <ul class="rows" aria-label="Upstream servers">
          {list.data.map((s) => (
            <ServerRow key={s.name} ws={ws} server={s} canEdit={canEdit} onChanged={reload} />
          ))}
        </ul>
      ) : null}
      {canEdit ? <AddServerForm ws={ws} onAdded={reload} /> : null}
    </Section>
  );
}

function ServerRow(props: {
  ws: Workspace;
  server: McpServer;
  canEdit: boolean;
  onChanged: () => Promise<void>;
}) {
  const s = props.server;
  const api = mcpApi(props.ws.tenant.id);
  const { busy, error, run } = useAction<"test" | "remove">();
  return (
    <li class="row" data-server={s.name}>
      <div class="row-main">
        <p class="row-title">
          <span class="break">{s.name}</span>
          <Badge tone={s.last_error ? "danger" : "success"}>
            {s.last_error ? "failing" : "ok"}
          </Badge>
        </p>
        <p class="meta break">{s.url}</p>
        <p class="meta">
          {s.credential_secret ? `credential secret:${s.credential_secret}` : "no credential"} ·{" "}
          {s.tools.length} tools
          {s.tools_seen_at ? ` seen ${relativeTime(s.tools_seen_at)}` : ""}
        </p>
        {s.tools.length > 0 ? (
          <p class="meta break">{s.tools.map((t) => `${s.name}.${t.name}`).join(", ")}</p>
        ) : null}
        <Alert message={s.last_error} />
        <Alert message={error ? messageOf(error) : null} />
      </div>
      {props.canEdit ? (
        <div class="row-actions">
          <Button
            variant="secondary"
            label={`Test ${s.name}`}
            busy={busy === "test"}
            busyLabel="Testing…"
            onClick={() =>
              void run("test", async () => {
                await api.testServer(s.name);
                await props.onChanged();
              })
            }
          >
            Test connection
          </Button>
          <Button
            variant="quiet"
            label={`Remove ${s.name}`}
            busy={busy === "remove"}
            busyLabel="Removing…"
            onClick={() =>
              void run("remove", async () => {
                await api.removeServer(s.name);
                await props.onChanged();
              })
            }
          >
            Remove
          </Button>
        </div>
      ) : null}
    </li>
  );
}

function AddServerForm(props: { ws: Workspace; onAdded: () => Promise<void> }) {
  const api = mcpApi(props.ws.tenant.id);
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState("");
  const { busy, error, run } = useAction<"add">();
  const add = async (event: Event) => {
    event.preventDefault();
    await run("add", async () => {
      await api.putServer(name.trim(), {
        url: url.trim(),
        credential_secret: secret.trim() === "" ? null : secret.trim(),
      });
      setName("");
      setUrl("");
      setSecret("");
      await props.onAdded();
    });
  };
  const issue = (path: string) => (error instanceof ApiError ? error.issueFor(path) : undefined);
  return (
    <form class="stack" onSubmit={add} noValidate aria-label="Add an upstream server">
      <div class="field-pair">
        <div class="field">
          <label for="mcp-server-name">Name</label>
          <input
            id="mcp-server-name"
            type="text"
            maxlength={32}
            placeholder="e.g. linear"
            value={name}
            onInput={(e: Event) => setName((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="mcp-server-secret">Credential (vault secret name)</label>
          <input
            id="mcp-server-secret"
            type="text"
            maxlength={64}
            placeholder="optional, e.g. LINEAR_TOKEN"
            value={secret}
            onInput={(e: Event) => setSecret((e.target as HTMLInputElement).value)}
          />
        </div>
      </div>
      <div class="field">
        <label for="mcp-server-url">URL (Streamable HTTP)</label>
        <input
          id="mcp-server-url"
          type="url"
          maxlength={2048}
          placeholder="https://mcp.example.com/mcp"
          value={url}
          aria-invalid={issue("url") ? "true" : undefined}
          onInput={(e: Event) => setUrl((e.target as HTMLInputElement).value)}
        />
        {issue("url") ? (
          <p class="field-issue" role="alert">
            {issue("url")}
          </p>
        ) : null}
      </div>
      <Alert message={error && !issue("url") ? messageOf(error) : null} />
      <Button type="submit" variant="primary" busy={busy === "add"} busyLabel="Connecting…">
        Add server
      </Button>
    </form>
  );
}
