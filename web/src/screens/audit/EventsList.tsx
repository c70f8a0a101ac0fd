import { useState } from "hono/jsx/dom";
import { messageOf } from "../../api";
import { Alert, Button, JsonDetails, Loading, Retry } from "../../components/ui";
import { formatDateTime, shortId } from "../../format";
import { useResource } from "../../hooks";
import { useMemberEmails } from "../../member-emails";
import { Link } from "../../router";
import { paths } from "../../routes";
import type { AuditEvent } from "../../tenant-api";
import type { Workspace } from "../../workspace";

export const EVENTS_PAGE = 50;

/** Events in log order, a page at a time (`after` the last seq shown). */
export function EventsList(props: { ws: Workspace; type: string }) {
  const { ws, type } = props;
  const query = (after: number) => ({
    after,
    limit: EVENTS_PAGE,
    ...(type ? { type } : {}),
  });
  const [first, reload] = useResource(() => ws.api.auditEvents(query(0)));
  const [more, setMore] = useState<AuditEvent[]>([]);
  const [done, setDone] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const emails = useMemberEmails(ws.api);

  const events = first.state === "ready" ? [...first.data.events, ...more] : [];
  const hasMore =
    first.state === "ready" &&
    !done &&
    (more.length > 0 ? more.length % EVENTS_PAGE === 0 : first.data.events.length === EVENTS_PAGE);

  const loadMore = async () => {
    const last = events[events.length - 1];
    if (!last) return;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await ws.api.auditEvents(query(last.seq));
      setMore([...more, ...page.events]);
      if (page.events.length < EVENTS_PAGE) setDone(true);
    } catch (e) {
      setError(e);
    }
    setLoadingMore(false);
  };

  return (
    <>
      {first.state === "loading" ? <Loading label="Loading events…" /> : null}
      {first.state === "error" ? <Retry error={first.error} onRetry={reload} /> : null}
      {first.state === "ready" ? (
        <p class="meta">
          {first.data.size} {first.data.size === 1 ? "event" : "events"} in the log
          {type ? `; showing ${type}` : ""}.
        </p>
      ) : null}
      {first.state === "ready" && events.length === 0 ? (
        <p class="empty">No events{type ? ` of type ${type}` : ""}.</p>
      ) : null}
      {events.length > 0 ? (
        <ol class="rows" aria-label="Audit events">
          {events.map((e) => (
            <EventRow key={e.seq} event={e} emails={emails} ws={ws} />
          ))}
        </ol>
      ) : null}
      <Alert message={error ? messageOf(error) : null} />
      {hasMore ? (
        <div class="actions">
          <Button busy={loadingMore} busyLabel="Loading…" onClick={loadMore}>
            Show the next {EVENTS_PAGE}
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** "ada@example.com" for a member, "token 1f2e…" or "agent run_…" otherwise. */
function actorText(actor: AuditEvent["actor"], emails: ReadonlyMap<string, string>): string {
  if (actor.kind === "user") return emails.get(actor.id) ?? `user ${shortId(actor.id, 8)}`;
  if (actor.kind === "system") return "Gatehouse";
  return `${actor.kind} ${shortId(actor.id, 12)}`;
}

/** Saves the event's `.tlog-proof` (inclusion proof + signed checkpoint) as a file. */
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

function EventRow(props: {
  event: AuditEvent;
  emails: ReadonlyMap<string, string>;
  ws: Workspace;
}) {
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
          By <span class="break">{actorText(e.actor, props.emails)}</span>
          {e.step_id ? (
            <>
              {" "}
              · step <span class="mono">{shortId(e.step_id, 13)}</span>
            </>
          ) : null}
        </p>
        <p class="meta mono break">hash {shortId(e.hash, 16)}</p>
        <JsonDetails summary="Details" value={e.data} />
        <Alert message={proofError ? messageOf(proofError) : null} />
      </div>
      <div class="row-actions">
        <Button busy={proofBusy} busyLabel="Preparing…" onClick={() => void proof()}>
          <span class="visually-hidden">Download the .tlog-proof of event {e.seq}</span>
          <span aria-hidden="true">Proof</span>
        </Button>
        {e.run_id ? (
          <Link href={paths.run(e.run_id)} class="btn btn-quiet">
            <span class="visually-hidden">Open the run of event {e.seq}</span>
            <span aria-hidden="true">Run</span>
          </Link>
        ) : null}
      </div>
    </li>
  );
}
