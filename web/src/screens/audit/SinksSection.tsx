import type { Child } from "hono/jsx";
import { useState } from "hono/jsx/dom";
import { ApiError, messageOf } from "../../api";
import { Alert, Badge, Button, Loading, Retry, Section } from "../../components/ui";
import { relativeTime } from "../../format";
import { useAction, useAutoRefresh, useResource } from "../../hooks";
import {
  emptySinkForm,
  SINK_KINDS,
  sinkConfigOf,
  sinkDestination,
  sinkSecret,
  type Sink,
  type SinkForm,
} from "../../sinks";
import type { Workspace } from "../../workspace";

const kindLabel = (kind: Sink["kind"]) =>
  ({ webhook: "Webhook", splunk_hec: "Splunk HEC", syslog: "Syslog" })[kind];

/** SIEM sinks and how far each has got: last delivered seq, lag, last error. */
export function SinksSection(props: { ws: Workspace }) {
  const { ws } = props;
  const [list, reload] = useResource(() => ws.api.sinks().then((r) => r.sinks));
  useAutoRefresh(reload, 3000);
  const canEdit = ws.can("audit.configure");
  return (
    <Section
      id="sinks"
      title="SIEM sinks"
      intro="The log streamed in order, at least once, to your SIEM. A receiver that is down never holds the log up; it catches up when it is back."
    >
      {list.state === "loading" ? <Loading label="Loading sinks…" /> : null}
      {list.state === "error" ? <Retry error={list.error} onRetry={reload} /> : null}
      {list.state === "ready" && list.data.length === 0 ? <p class="empty">No sink yet.</p> : null}
      {list.state === "ready" && list.data.length > 0 ? (
        <ul class="rows" aria-label="SIEM sinks">
          {list.data.map((s) => (
            <SinkRow key={s.id} ws={ws} sink={s} canEdit={canEdit} onChanged={reload} />
          ))}
        </ul>
      ) : null}
      {canEdit ? <AddSinkForm ws={ws} onAdded={reload} /> : null}
    </Section>
  );
}

function SinkRow(props: {
  ws: Workspace;
  sink: Sink;
  canEdit: boolean;
  onChanged: () => Promise<void>;
}) {
  const s = props.sink;
  const { busy, error, run } = useAction<"test" | "remove">();
  const [tested, setTested] = useState<string | null>(null);
  const secret = sinkSecret(s.config);
  const tone = s.last_error ? "danger" : s.lag > 0 ? "warning" : "success";
  return (
    <li class="row" data-sink={s.id}>
      <div class="row-main">
        <p class="row-title">
          <span>{kindLabel(s.kind)}</span>
          <Badge tone={tone}>
            {s.last_error ? "failing" : s.lag > 0 ? "catching up" : "caught up"}
          </Badge>
        </p>
        <p class="meta break">{sinkDestination(s.config)}</p>
        <dl class="facts" aria-label="Delivery state">
          <div>
            <dt>Last delivered seq</dt>
            <dd data-field="last_seq">{s.last_seq}</dd>
          </div>
          <div>
            <dt>Lag</dt>
            <dd data-field="lag">
              {s.lag} {s.lag === 1 ? "event" : "events"}
            </dd>
          </div>
          <div>
            <dt>Last delivery</dt>
            <dd>
              {s.last_delivered_at
                ? relativeTime(new Date(s.last_delivered_at).toISOString())
                : "never"}
            </dd>
          </div>
          {secret ? (
            <div>
              <dt>Secret</dt>
              <dd>secret:{secret}</dd>
            </div>
          ) : null}
        </dl>
        {s.last_error ? (
          <p class="meta" data-field="last_error">
            Last error ({s.failures} {s.failures === 1 ? "failure" : "failures"}): {s.last_error}
            {s.lag > 0
              ? ` · next try ${relativeTime(new Date(s.next_attempt_at).toISOString())}`
              : ""}
          </p>
        ) : null}
        <Alert message={tested} tone="info" />
        <Alert message={error ? messageOf(error) : null} />
      </div>
      {props.canEdit ? (
        <div class="row-actions">
          <Button
            variant="secondary"
            label={`Test ${kindLabel(s.kind)} sink ${sinkDestination(s.config)}`}
            busy={busy === "test"}
            busyLabel="Testing…"
            onClick={() =>
              void run("test", async () => {
                setTested(null);
                const r = await props.ws.api.testSink(s.id);
                setTested(
                  r.delivered ? "The receiver took it." : `Not delivered: ${r.sink.last_error}`,
                );
                await props.onChanged();
              })
            }
          >
            Test
          </Button>
          <Button
            variant="quiet"
            label={`Remove ${kindLabel(s.kind)} sink ${sinkDestination(s.config)}`}
            busy={busy === "remove"}
            busyLabel="Removing…"
            onClick={() =>
              void run("remove", async () => {
                await props.ws.api.removeSink(s.id);
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

function AddSinkForm(props: { ws: Workspace; onAdded: () => Promise<void> }) {
  const [form, setForm] = useState<SinkForm>(emptySinkForm);
  const [local, setLocal] = useState<{ path: string; message: string } | null>(null);
  const { busy, error, run } = useAction<"add">();
  const set = (patch: Partial<SinkForm>) => setForm((f) => ({ ...f, ...patch }));
  const input = (key: "url" | "secret" | "index" | "host" | "port") => (e: Event) =>
    set({ [key]: (e.target as HTMLInputElement).value });
  const add = async (event: Event) => {
    event.preventDefault();
    const checked = sinkConfigOf(form);
    if (!checked.ok) {
      setLocal(checked);
      return;
    }
    setLocal(null);
    await run("add", async () => {
      await props.ws.api.addSink(checked.sink);
      setForm(emptySinkForm());
      await props.onAdded();
    });
  };
  const issue = (path: string) =>
    local?.path === path
      ? local.message
      : error instanceof ApiError
        ? error.issueFor(path)
        : undefined;
  const field = (id: string, label: string, path: string, control: Child) => (
    <div class="field">
      <label for={id}>{label}</label>
      {control}
      {issue(path) ? (
        <p class="field-issue" role="alert">
          {issue(path)}
        </p>
      ) : null}
    </div>
  );
  const shownIssue = [
    "sink.url",
    "sink.secret",
    "sink.token_secret",
    "sink.host",
    "sink.port",
  ].some((p) => issue(p));
  return (
    <form class="stack" onSubmit={add} noValidate aria-label="Add a sink">
      <h3>Add a sink</h3>
      <div class="field">
        <label for="sink-kind">Kind</label>
        <select
          id="sink-kind"
          value={form.kind}
          onChange={(e: Event) =>
            set({ kind: (e.target as HTMLSelectElement).value as SinkForm["kind"] })
          }
        >
          {SINK_KINDS.map((k) => (
            <option key={k.kind} value={k.kind} selected={k.kind === form.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {form.kind === "syslog" ? (
        <div class="field-pair">
          {field(
            "sink-host",
            "Host",
            "sink.host",
            <input
              id="sink-host"
              type="text"
              maxlength={253}
              placeholder="siem.example.com"
              value={form.host}
              onInput={input("host")}
            />,
          )}
          {field(
            "sink-port",
            "Port",
            "sink.port",
            <input
              id="sink-port"
              type="text"
              inputmode="numeric"
              maxlength={5}
              value={form.port}
              onInput={input("port")}
            />,
          )}
        </div>
      ) : (
        <>
          {field(
            "sink-url",
            "URL",
            "sink.url",
            <input
              id="sink-url"
              type="url"
              maxlength={2048}
              placeholder="https://siem.example.com/ingest"
              value={form.url}
              onInput={input("url")}
            />,
          )}
          <div class="field-pair">
            {field(
              "sink-secret",
              form.kind === "webhook"
                ? "HMAC key (vault secret name)"
                : "HEC token (vault secret name)",
              form.kind === "webhook" ? "sink.secret" : "sink.token_secret",
              <input
                id="sink-secret"
                type="text"
                maxlength={64}
                placeholder="SIEM_KEY"
                value={form.secret}
                onInput={input("secret")}
              />,
            )}
            {form.kind === "splunk_hec"
              ? field(
                  "sink-index",
                  "Index",
                  "sink.index",
                  <input
                    id="sink-index"
                    type="text"
                    maxlength={80}
                    placeholder="optional"
                    value={form.index}
                    onInput={input("index")}
                  />,
                )
              : null}
          </div>
        </>
      )}
      {form.kind === "syslog" ? (
        <label class="check">
          <input
            type="checkbox"
            checked={form.tls}
            onChange={(e: Event) => set({ tls: (e.target as HTMLInputElement).checked })}
          />{" "}
          TLS
        </label>
      ) : null}
      <Alert message={error && !shownIssue ? messageOf(error) : null} />
      <Button type="submit" variant="primary" busy={busy === "add"} busyLabel="Adding…">
        Add sink
      </Button>
    </form>
  );
}
