import { useMemo, useState } from "hono/jsx/dom";
import { messageOf } from "../../api";
import { actorName, useActorNames } from "../../actor-names";
import type { ActorNames } from "../../actor-names";
import { IdOnDemand } from "../../components/IdOnDemand";
import { LoadFailure } from "../../components/LoadFailure";
import { Name } from "../../components/Name";
import { Alert, Badge, Button, Loading, PageHead } from "../../components/ui";
import { relativeTime } from "../../format";
import { usePolledResource } from "../../hooks";
import { labelOf, toneOf } from "../../labels";
import { Link, navigate } from "../../router";
import { sessionsApi } from "../../sessions-api";
import type { HostedSession } from "../../sessions-api";
import type { Workspace } from "../../workspace";
import { NewSessionForm } from "./NewSessionForm";
import { PROVIDER_LABELS, SESSION_STATUS_LABELS, SESSION_STATUS_TONES } from "./session-labels";

/** Statuses change while agents work: the list refreshes itself this often. */
const REFRESH_MS = 5000;

/** Hosted agent sessions, newest first, and the form that starts one. */
export function SessionsScreen(props: { ws: Workspace }) {
  const { ws } = props;
  const api = useMemo(() => sessionsApi(ws.tenant.id), [ws.tenant.id]);
  const [list, reload, staleError] = usePolledResource(
    () => api.list().then((r) => r.sessions),
    REFRESH_MS,
  );
  const [formOpen, setFormOpen] = useState(false);
  const names = useActorNames(ws);
  const canCreate = ws.can("agent_sessions.create");
  const sessions = list.state === "ready" ? list.data : [];
  // With nothing to list, the form is the screen.
  const showForm = canCreate && (formOpen || (list.state === "ready" && sessions.length === 0));

  return (
    <main class="screen" aria-labelledby="sessions-title">
      <PageHead id="sessions-title" title="Conversations" tenant={ws.tenant.name}>
        <p class="muted">
          Agents that run inside Gatehouse with a provider key from your vault. Every tool call they
          make is checked against your policy.
        </p>
      </PageHead>
      {canCreate && !showForm ? (
        <div class="actions">
          <Button variant="primary" onClick={() => setFormOpen(true)}>
            New conversation
          </Button>
        </div>
      ) : null}
      {showForm ? (
        <section class="card">
          <NewSessionForm
            ws={ws}
            api={api}
            onCreated={(s) => navigate(ws.href("agent-session", { sessionId: s.id }))}
            onCancel={sessions.length > 0 ? () => setFormOpen(false) : undefined}
          />
        </section>
      ) : null}
      {staleError && list.state === "ready" ? (
        <Alert message={`Could not refresh: ${messageOf(staleError)}`} />
      ) : null}
      {list.state === "loading" ? <Loading label="Loading sessions…" /> : null}
      {list.state === "error" ? (
        <LoadFailure
          error={list.error}
          what="list of conversations"
          back={{ href: "/", label: "Your account" }}
          onRetry={reload}
        />
      ) : null}
      {list.state === "ready" && sessions.length === 0 && !canCreate ? (
        <div class="card empty-state">
          <p class="empty-title">No sessions yet</p>
          <p class="muted">Someone who may start sessions has not started one.</p>
        </div>
      ) : null}
      {sessions.length > 0 ? (
        <section class="card" aria-labelledby="session-list-title">
          <h2 id="session-list-title">All conversations</h2>
          <ul class="rows" aria-label="Conversations">
            {sessions.map((s) => (
              <SessionRow ws={ws} key={s.id} session={s} names={names} />
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}

function SessionRow(props: { ws: Workspace; session: HostedSession; names: ActorNames }) {
  const s = props.session;
  return (
    <li class="row">
      <Link href={props.ws.href("agent-session", { sessionId: s.id })} class="row-link-block">
        <span class="row-title">
          <Name text={s.title} />
          <Badge tone={toneOf(SESSION_STATUS_TONES, s.status)}>
            {labelOf(SESSION_STATUS_LABELS, s.status)}
          </Badge>
        </span>
        <span class="meta break">
          {labelOf(PROVIDER_LABELS, s.provider.kind)} · {s.provider.model} · started{" "}
          {relativeTime(s.created_at)} by{" "}
          <span class="break">{actorName(s.created_by, props.names)}</span>
        </span>
        {s.status === "error" && s.error ? <span class="meta break">{s.error}</span> : null}
      </Link>
      <IdOnDemand id={s.id} />
    </li>
  );
}
