import { messageOf } from "../../api";
import { actorName, useActorNames } from "../../actor-names";
import { IdOnDemand } from "../../components/IdOnDemand";
import { LoadFailure } from "../../components/LoadFailure";
import { Name } from "../../components/Name";
import { Alert, Badge, Button, Loading, PageHead } from "../../components/ui";
import { relativeTime } from "../../format";
import { usePages } from "../../hooks";
import { labelOf, RUN_STATUS_LABELS, RUN_STATUS_TONES, toneOf } from "../../labels";
import { Link } from "../../router";
import type { Run } from "../../tenant-api";
import type { Workspace } from "../../workspace";

const PAGE_SIZE = 25;

/** Agent runs, newest first. */
export function Runs(props: { ws: Workspace }) {
  const { ws } = props;
  const names = useActorNames(ws);
  const runsPage = (p: { runs: Run[]; next_cursor: string | null }) => ({
    items: p.runs,
    next_cursor: p.next_cursor,
  });
  const {
    first,
    reload,
    refresh,
    items: runs,
    cursor,
    loadMore,
    loadingMore,
    error,
  } = usePages((c) => ws.api.runs(c, PAGE_SIZE).then(runsPage));

  return (
    <main class="screen" aria-labelledby="runs-title">
      <PageHead id="runs-title" title="Runs" tenant={ws.tenant.name}>
        <p class="muted">Every agent run and the tool calls it proposed.</p>
      </PageHead>
      {first.state === "loading" ? <Loading label="Loading runs…" /> : null}
      {first.state === "error" ? (
        <LoadFailure
          error={first.error}
          what="list of runs"
          back={{ href: "/", label: "Your account" }}
          onRetry={reload}
        />
      ) : null}
      {first.state === "ready" && runs.length === 0 ? (
        <div class="card empty-state">
          <p class="empty-title">No runs yet</p>
          <p class="muted">
            An agent opens a run with <code>POST /api/tenants/…/runs</code> and proposes each tool
            call as a step; they appear here.
          </p>
        </div>
      ) : null}
      {runs.length > 0 ? (
        <section class="card" aria-label="Runs">
          <ul class="rows" aria-label="Runs">
            {runs.map((run) => (
              <li key={run.id} class="row">
                <Link href={ws.href("run", { runId: run.id })} class="row-link-block">
                  <span class="row-title">
                    <Name text={run.agent} />
                    <Badge tone={toneOf(RUN_STATUS_TONES, run.status)}>
                      {labelOf(RUN_STATUS_LABELS, run.status)}
                    </Badge>
                  </span>
                  <span class="meta">
                    {run.step_count} {run.step_count === 1 ? "step" : "steps"} · started{" "}
                    {relativeTime(run.created_at)} by{" "}
                    <span class="break">{actorName(run.created_by, names)}</span>
                  </span>
                </Link>
                <IdOnDemand id={run.id} />
              </li>
            ))}
          </ul>
          <Alert message={error ? messageOf(error) : null} />
          <div class="actions">
            {cursor ? (
              <Button busy={loadingMore} busyLabel="Loading…" onClick={loadMore}>
                Show older runs
              </Button>
            ) : null}
            <Button variant="quiet" onClick={() => void refresh()}>
              Refresh
            </Button>
          </div>
        </section>
      ) : null}
    </main>
  );
}
