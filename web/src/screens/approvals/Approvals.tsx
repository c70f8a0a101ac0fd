import { useEffect, useState } from "hono/jsx/dom";
import { messageOf } from "../../api";
import { useActorNames } from "../../actor-names";
import { LoadFailure } from "../../components/LoadFailure";
import { Alert, Loading, PageHead } from "../../components/ui";
import { usePolledResource } from "../../hooks";
import type { Workspace } from "../../workspace";
import { ApprovalCard } from "./ApprovalCard";

/** How often the queue refreshes itself. */
export const APPROVALS_REFRESH_MS = 4000;

type Tab = "pending" | "decided";

/** Tool calls waiting for a person, and the ones decided: the screen people open from their phone. */
export function Approvals(props: { ws: Workspace; tab: Tab; focus: string | null }) {
  const { ws } = props;
  const [tab, setTab] = useState<Tab>(props.tab);
  const names = useActorNames(ws);
  const [list, reload, staleError] = usePolledResource(
    () =>
      tab === "pending"
        ? ws.api.approvals("pending").then((r) => r.approvals)
        : ws.api.approvals("all").then((r) => r.approvals.filter((a) => a.status !== "pending")),
    APPROVALS_REFRESH_MS,
  );
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => void reload(), [tab]);
  // A deep link opens at its approval once the list is there.
  useEffect(() => {
    if (list.state !== "ready" || !props.focus) return;
    document.getElementById(`approval-${props.focus}`)?.scrollIntoView({ block: "start" });
  }, [list.state]);

  const choose = (next: Tab) => {
    setTab(next);
    history.replaceState(
      null,
      "",
      ws.href("approvals", {}, { tab: next === "decided" ? next : null }),
    );
  };

  const decided = async (message: string) => {
    setNotice(message);
    await reload();
  };

  const focused =
    list.state === "ready" && props.focus !== null
      ? list.data.some((a) => a.id === props.focus)
      : true;
  return (
    <main class="screen" aria-labelledby="approvals-title">
      <PageHead id="approvals-title" title="Approvals" tenant={ws.tenant.name}>
        <p class="muted">Tool calls that need a person. This list updates by itself.</p>
      </PageHead>
      <div class="tabs" role="group" aria-label="Which approvals">
        <button
          type="button"
          class="btn btn-quiet"
          aria-pressed={tab === "pending" ? "true" : "false"}
          onClick={() => choose("pending")}
        >
          Waiting
        </button>
        <button
          type="button"
          class="btn btn-quiet"
          aria-pressed={tab === "decided" ? "true" : "false"}
          onClick={() => choose("decided")}
        >
          Decided
        </button>
      </div>
      <Alert message={notice} tone="info" />
      {!focused ? (
        <Alert
          tone="info"
          message={
            tab === "pending"
              ? "The approval you followed a link to is no longer waiting: it was decided or expired. Look under Decided."
              : "The approval you followed a link to is not in this list."
          }
        />
      ) : null}
      {staleError && list.state === "ready" ? (
        <Alert message={`Could not refresh: ${messageOf(staleError)}`} />
      ) : null}
      {list.state === "loading" ? <Loading label="Loading approvals…" /> : null}
      {list.state === "error" ? (
        <LoadFailure
          error={list.error}
          what="list of approvals"
          back={{ href: "/", label: "Your account" }}
          onRetry={reload}
        />
      ) : null}
      {list.state === "ready" && list.data.length === 0 ? (
        <div class="card empty-state">
          <p class="empty-title">
            {tab === "pending" ? "Nothing is waiting for you" : "Nothing decided yet"}
          </p>
          <p class="muted">
            {tab === "pending"
              ? "When a policy says a tool call needs approval, it shows up here within seconds."
              : "Approvals appear here once someone approves or denies them, or they expire."}
          </p>
        </div>
      ) : null}
      {list.state === "ready" && list.data.length > 0 ? (
        <ul
          class="card-list wide-grid"
          aria-label={tab === "pending" ? "Pending approvals" : "Decided approvals"}
        >
          {list.data.map((a) => (
            <ApprovalCard
              key={a.id}
              approval={a}
              ws={ws}
              names={names}
              focused={a.id === props.focus}
              onDecided={decided}
            />
          ))}
        </ul>
      ) : null}
    </main>
  );
}
