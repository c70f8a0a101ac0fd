import { useState } from "hono/jsx/dom";
import { messageOf } from "../../api";
import { Alert, Loading, PageHead, Retry } from "../../components/ui";
import { usePolledResource } from "../../hooks";
import type { Workspace } from "../../workspace";
import { ApprovalCard } from "./ApprovalCard";

/** How often the queue refreshes itself. */
export const APPROVALS_REFRESH_MS = 4000;

/** Tool calls waiting for a person: the screen people open from their phone. */
export function Approvals(props: { ws: Workspace }) {
  const { ws } = props;
  const [list, reload, staleError] = usePolledResource(
    () => ws.api.approvals("pending").then((r) => r.approvals),
    APPROVALS_REFRESH_MS,
  );
  const [notice, setNotice] = useState<string | null>(null);

  const decided = async (message: string) => {
    setNotice(message);
    await reload();
  };

  return (
    <main class="screen" aria-labelledby="approvals-title">
      <PageHead id="approvals-title" title="Approvals" tenant={ws.tenant.name}>
        <p class="muted">Tool calls waiting for a person. This list updates by itself.</p>
      </PageHead>
      <Alert message={notice} tone="info" />
      {staleError && list.state === "ready" ? (
        <Alert message={`Could not refresh: ${messageOf(staleError)}`} />
      ) : null}
      {list.state === "loading" ? <Loading label="Loading approvals…" /> : null}
      {list.state === "error" ? <Retry error={list.error} onRetry={reload} /> : null}
      {list.state === "ready" && list.data.length === 0 ? (
        <div class="card empty-state">
          <p class="empty-title">Nothing is waiting for you</p>
          <p class="muted">
            When a policy says a tool call needs approval, it shows up here within seconds.
          </p>
        </div>
      ) : null}
      {list.state === "ready" && list.data.length > 0 ? (
        <ul class="card-list" aria-label="Pending approvals">
          {list.data.map((a) => (
            <ApprovalCard key={a.id} approval={a} ws={ws} onDecided={decided} />
          ))}
        </ul>
      ) : null}
    </main>
  );
}
