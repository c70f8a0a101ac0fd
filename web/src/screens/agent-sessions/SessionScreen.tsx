import { useEffect, useMemo, useRef, useState } from "hono/jsx/dom";
import { messageOf } from "../../api";
import { actorName, useActorNames } from "../../actor-names";
import { IdOnDemand } from "../../components/IdOnDemand";
import { LoadFailure } from "../../components/LoadFailure";
import { Alert, Badge, Button, Loading, PageHead } from "../../components/ui";
import { relativeTime } from "../../format";
import { useAction, useResource } from "../../hooks";
import { labelOf, toneOf } from "../../labels";
import { Link } from "../../router";
import { eventsSocketUrl, sessionsApi } from "../../sessions-api";
import type { HostedSession, SessionsApi } from "../../sessions-api";
import type { Workspace } from "../../workspace";
import { Composer } from "./Composer";
import { Conversation } from "./Conversation";
import { openEventStream } from "./event-stream";
import type { StreamMode } from "./event-stream";
import { PROVIDER_LABELS, SESSION_STATUS_LABELS, SESSION_STATUS_TONES } from "./session-labels";
import type { Decision } from "./ToolCallCard";
import {
  applyDelta,
  applyEvent,
  applyEvents,
  awaitingApproval,
  emptyTranscript,
  isBusy,
  pendingRetry,
} from "./transcript";
import type { ToolCard, Transcript } from "./transcript";

/** Within this distance of the bottom, new messages keep the view scrolled down. */
const STICK_PX = 160;

/** One hosted session: the conversation, live, with tool calls, verdicts and approvals inline. */
export function SessionScreen(props: { ws: Workspace; id: string }) {
  const { ws } = props;
  const api = useMemo(() => sessionsApi(ws.tenant.id), [ws.tenant.id]);
  const [loaded, reload] = useResource(async () => {
    const { session } = await api.get(props.id);
    const events = await api.events(props.id, 0);
    return {
      session,
      transcript: applyEvents(emptyTranscript(session.status, session.error), events),
    };
  });
  return (
    <main class="screen session-screen" aria-labelledby="session-title">
      <p class="back">
        <Link href={props.ws.href("agent-sessions", {})} class="btn btn-quiet">
          ← All conversations
        </Link>
      </p>
      {loaded.state === "loading" ? <Loading label="Loading the session…" /> : null}
      {loaded.state === "error" ? (
        <LoadFailure
          error={loaded.error}
          what="conversation"
          back={{ href: props.ws.href("agent-sessions", {}), label: "All conversations" }}
          onRetry={reload}
        />
      ) : null}
      {loaded.state === "ready" ? (
        <SessionView
          ws={ws}
          api={api}
          session={loaded.data.session}
          initial={loaded.data.transcript}
        />
      ) : null}
    </main>
  );
}

function SessionView(props: {
  ws: Workspace;
  api: SessionsApi;
  session: HostedSession;
  initial: Transcript;
}) {
  const { ws, api, session } = props;
  const [t, setT] = useState(props.initial);
  const lastSeq = useRef(props.initial.lastSeq);
  const [mode, setMode] = useState<StreamMode>("connecting");
  const [pollError, setPollError] = useState<unknown>(null);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  // After a send, the box stays locked until the server's echo of the message arrives.
  const [sentAfter, setSentAfter] = useState<number | null>(null);
  const [stopping, setStopping] = useState(false);
  const stop = useAction<"stop">();
  const stick = useRef(true);

  useEffect(() => {
    const stream = openEventStream({
      socketUrl: (after) => eventsSocketUrl(location.origin, ws.tenant.id, session.id, after),
      fetchEvents: (after) => api.events(session.id, after),
      lastSeq: () => lastSeq.current,
      onEvent: (event) => {
        if (event.seq <= lastSeq.current) return;
        lastSeq.current = event.seq;
        setT((current) => applyEvent(current, event));
      },
      onDelta: (text) => setT((current) => applyDelta(current, text)),
      onMode: setMode,
      onPollError: setPollError,
    });
    return () => stream.close();
  }, []);

  useEffect(() => {
    const onScroll = () => {
      const doc = document.documentElement;
      stick.current = doc.scrollHeight - (window.scrollY + window.innerHeight) < STICK_PX;
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => window.removeEventListener("scroll", onScroll);
  }, []);

  useEffect(() => {
    if (stick.current) window.scrollTo(0, document.documentElement.scrollHeight);
  }, [t.items.length, t.streaming, t.status, t.lastSeq]);

  // A finished turn closes an open "Stop this session?" question.
  useEffect(() => {
    if (!isBusy(t.status)) setStopping(false);
  }, [t.status]);

  const echoPending = sentAfter !== null && t.lastUserSeq <= sentAfter;
  const busy = isBusy(t.status) || echoPending;
  const cancelled = t.status === "cancelled";
  const awaiting: ToolCard | null = awaitingApproval(t);
  const canSend = ws.can("agent_sessions.create");

  const send = async (content: string) => {
    const before = lastSeq.current;
    await api.send(session.id, content);
    setSentAfter(before);
  };

  const names = useActorNames(ws);
  const stopSession = () =>
    stop.run("stop", async () => {
      await api.cancel(session.id);
      setStopping(false);
    });

  return (
    <>
      <PageHead id="session-title" title={session.title} tenant={ws.tenant.name}>
        <p class="badges">
          <Badge tone={toneOf(SESSION_STATUS_TONES, t.status)}>
            {labelOf(SESSION_STATUS_LABELS, t.status)}
          </Badge>
          {mode === "live" ? <Badge tone="neutral">Live</Badge> : null}
        </p>
        <p class="meta break">
          {labelOf(PROVIDER_LABELS, session.provider.kind)} · <code>{session.provider.model}</code>{" "}
          · key <code>{session.key_secret}</code>
        </p>
        <p class="meta mono break">{session.provider.base_url}</p>
        <p class="meta">
          Started {relativeTime(session.created_at)} by{" "}
          <span class="break">{actorName(session.created_by, names)}</span>
        </p>
        <IdOnDemand id={session.id} />
      </PageHead>
      {mode === "polling" ? (
        <Alert
          tone="info"
          message="Live updates are interrupted. Checking for news every 2 seconds while reconnecting…"
        />
      ) : null}
      {pollError ? <Alert message={`Could not refresh: ${messageOf(pollError)}`} /> : null}
      <section class="conversation-wrap" aria-label="Conversation with the agent">
        <Conversation
          ws={ws}
          transcript={t}
          awaiting={awaiting}
          decisions={decisions}
          onDecided={(approvalId, decision) =>
            setDecisions((d) => ({ ...d, [approvalId]: decision }))
          }
        />
      </section>
      <div class="composer-dock">
        <div class="dock-status">
          <StatusLine transcript={t} awaiting={awaiting} echoPending={echoPending} />
          {isBusy(t.status) && canSend && !stopping ? (
            <Button variant="danger" onClick={() => setStopping(true)}>
              Stop…
            </Button>
          ) : null}
        </div>
        {isBusy(t.status) && canSend && stopping ? (
          <div class="stack inline-panel stop-panel">
            <p>Stop this session? The agent stops now and its run is cancelled.</p>
            <Alert message={stop.error ? messageOf(stop.error) : null} />
            <div class="actions">
              <Button
                variant="danger"
                busy={stop.busy === "stop"}
                busyLabel="Stopping…"
                onClick={() => void stopSession()}
              >
                Stop session
              </Button>
              <Button
                variant="quiet"
                disabled={stop.busy !== null}
                onClick={() => setStopping(false)}
              >
                Keep working
              </Button>
            </div>
          </div>
        ) : null}
        {canSend ? (
          <Composer
            disabled={busy || cancelled}
            placeholder={
              cancelled
                ? "This session was stopped"
                : t.status === "waiting_approval"
                  ? "Waiting for approval…"
                  : busy
                    ? "The agent is working…"
                    : "Message the agent"
            }
            onSend={send}
          />
        ) : (
          <p class="muted">Your role can follow sessions but not send messages.</p>
        )}
      </div>
    </>
  );
}

/** What the agent is doing now, announced politely; an error is announced at once. */
function StatusLine(props: {
  transcript: Transcript;
  awaiting: ToolCard | null;
  echoPending: boolean;
}) {
  const t = props.transcript;
  const retryAt = pendingRetry(t, Date.now());
  if (t.status === "error") {
    return (
      <p class="status-line status-error" role="alert">
        The agent stopped with an error{t.error ? `: ${t.error}` : "."} Send a message to try again.
      </p>
    );
  }
  let content: string | null = null;
  let spinner = false;
  if (t.status === "running" || props.echoPending) {
    spinner = true;
    content = retryAt
      ? `The model call failed; retrying at ${new Date(retryAt).toLocaleTimeString()}…`
      : t.streaming
        ? "The agent is writing…"
        : "The agent is working…";
  } else if (t.status === "waiting_approval") {
    content = props.awaiting
      ? `Waiting for approval of ${props.awaiting.tool}.`
      : "Waiting for approval.";
  } else if (t.status === "cancelled") {
    content = "This session was stopped. Start a new one to continue.";
  }
  return (
    <p
      class={`status-line status-${t.status}`}
      role="status"
      data-status={t.status}
      hidden={content === null}
    >
      {spinner ? <span class="spinner" aria-hidden="true" /> : null}
      {content ?? ""}
    </p>
  );
}
