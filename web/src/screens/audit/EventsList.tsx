import { useState } from "hono/jsx/dom";
import { messageOf } from "../../api";
import { LoadFailure } from "../../components/LoadFailure";
import { Alert, Button, JsonDetails, Loading } from "../../components/ui";
import { formatDateTime, shortId } from "../../format";
import { useResource } from "../../hooks";
import { Link } from "../../router";
import type { AuditEvent, AuditQuery } from "../../tenant-api";
import { actorName, useActorNames } from "../../actor-names";
import type { ActorNames } from "../../actor-names";
import { localToIso } from "./FiltersForm";
import type { AuditFilters } from "./FiltersForm";
import type { Workspace } from "../../workspace";

export const EVENTS_PAGE = 50;

/** Events newest first, a page at a time (`before` the last seq shown), filtered. */
export function EventsList(props: { ws: Workspace; filters: AuditFilters }) {
  const { ws, filters } = props;
  const query = (before: number | null): AuditQuery => ({
    order: "desc",
    limit: EVENTS_PAGE,
    ...(before !== null ? { before } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(filters.run ? { run: filters.run } : {}),
    ...(localToIso(filters.from) ? { since: localToIso(filters.from) } : {}),
    ...(localToIso(filters.to) ? { until: localToIso(filters.to) } : {}),
    ...(filters.q ? { q: filters.q } : {}),
  });
  const [first, reload] = useResource(() => ws.api.auditEvents(query(null)));
  const [more, setMore] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<number | null | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const names = useActorNames(ws);

  const events = first.state === "ready" ? [...first.data.events, ...more] : [];
  const next =
    cursor === undefined ? (first.state === "ready" ? first.data.next_cursor : null) : cursor;
  const filtered = Object.values(filters).some((v) => v !== "");

  const loadMore = async () => {
    if (next === null) return;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await ws.api.auditEvents(query(next));
      setMore([...more, ...page.events]);
      setCursor(page.next_cursor);
    } catch (e) {
      setError(e);
    }
    setLoadingMore(false);
  };

  return (
    <>
      {first.state === "loading" ? <Loading label="Loading events…" /> : null}
      {first.state === "error" ? (
        <LoadFailure
          error={first.error}
          what="audit log"
          back={{ href: "/", label: "Your account" }}
          onRetry={reload}
        />
      ) : null}
      {first.state === "ready" ? (
        <p class="meta">
          {first.data.size} {first.data.size === 1 ? "event" : "events"} in the log
          {filtered ? "; showing those that match the filters" : ""}.
        </p>
      ) : null}
      {first.state === "ready" && events.length === 0 ? (
        <p class="empty">{filtered ? "No events match these filters." : "No events yet."}</p>
      ) : null}
      {events.length > 0 ? (
        <ol class="rows" aria-label="Audit events">
          {events.map((e) => (
            <EventRow key={e.seq} event={e} names={names} ws={ws} />
          ))}
        </ol>
      ) : null}
      <Alert message={error ? messageOf(error) : null} />
      {next !== null && first.state === "ready" ? (
        <div class="actions">
          <Button busy={loadingMore} busyLabel="Loading…" onClick={loadMore}>
            Show {EVENTS_PAGE} older
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** Saves the event's `.tlog-proof` (inclusion proof + signed head) as a file. */
async function downloadProof(ws: Workspace, seq: number): Promise<void> {
  const { text, filename } = await ws.api.auditTlogProof(seq);
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename ?? `audit-${ws.tenant.id}-${seq}.tlog-proof`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function EventRow(props: { event: AuditEvent; names: ActorNames; ws: Workspace }) {
  const e = props.event;
  const [proofError, setProofError] = useState<unknown>(null);
  const [proofBusy, setProofBusy] = useState(false);
  const proof = async () => {
    setProofBusy(true);
    setProofError(null);
    try {
      await downloadProof(props.ws, e.seq);
    } catch (error) {
      setProofError(error);
    }
    setProofBusy(false);
  };
  return (
    <li class="row event" data-seq={e.seq}>
      <div class="row-main">
        <p class="row-title">
          <span class="seq">#{e.seq}</span>
          <code class="break">{e.type}</code>
          <time class="row-time" datetime={e.ts}>
            {formatDateTime(e.ts)}
          </time>
        </p>
        <p class="meta">
          By <span class="break">{actorName(e.actor, props.names)}</span>
          {e.step_id ? (
            <>
              {" "}
              · step <span class="mono">{shortId(e.step_id, 13)}</span>
            </>
          ) : null}
        </p>
        <p class="meta mono break">hash {shortId(e.hash, 16)}</p>
        <JsonDetails summary="Details" value={e.data} />
        <EventDetail event={e} names={props.names} />
        <Alert message={proofError ? messageOf(proofError) : null} />
      </div>
      <div class="row-actions">
        <Button busy={proofBusy} busyLabel="Preparing…" onClick={() => void proof()}>
          <span class="visually-hidden">Download the .tlog-proof of event {e.seq}</span>
          <span aria-hidden="true">Proof</span>
        </Button>
        {e.run_id ? (
          <Link href={props.ws.href("run", { runId: e.run_id })} class="btn btn-quiet">
            <span class="visually-hidden">Open the run of event {e.seq}</span>
            <span aria-hidden="true">Run</span>
          </Link>
        ) : null}
      </div>
    </li>
  );
}

/** Everything the log holds about one event, ids included (the chain's fields too). */
function EventDetail(props: { event: AuditEvent; names: ActorNames }) {
  const e = props.event;
  return (
    <details class="event-detail">
      <summary>Event {e.seq} in full</summary>
      <dl class="context-list">
        <dt>When</dt>
        <dd>
          <time dateTime={e.ts}>{formatDateTime(e.ts)}</time> <span class="mono">({e.ts})</span>
        </dd>
        <dt>Type</dt>
        <dd>
          <code>{e.type}</code>
        </dd>
        <dt>Actor</dt>
        <dd>
          {actorName(e.actor, props.names)}{" "}
          <span class="mono break">
            {e.actor.kind}:{e.actor.id}
          </span>
        </dd>
        {e.run_id ? (
          <>
            <dt>Run</dt>
            <dd class="mono break">{e.run_id}</dd>
          </>
        ) : null}
        {e.step_id ? (
          <>
            <dt>Step</dt>
            <dd class="mono break">{e.step_id}</dd>
          </>
        ) : null}
        <dt>Hash</dt>
        <dd class="mono break">{e.hash}</dd>
        <dt>Previous</dt>
        <dd class="mono break">{e.prev}</dd>
      </dl>
    </details>
  );
}
