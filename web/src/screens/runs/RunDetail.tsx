import { useEffect, useState } from "hono/jsx/dom";
import { messageOf } from "../../api";
import { actorName, useActorNames } from "../../actor-names";
import { LoadFailure } from "../../components/LoadFailure";
import { Alert, Badge, Button, Loading, PageHead } from "../../components/ui";
import { formatDateTime, relativeTime } from "../../format";
import { useAction, usePolledResource } from "../../hooks";
import { labelOf, RUN_STATUS_LABELS, RUN_STATUS_TONES, toneOf } from "../../labels";
import { Link } from "../../router";
import type { RunDetail as RunDetailData } from "../../tenant-api";
import type { Workspace } from "../../workspace";
import { StepCard } from "./StepCard";

const REFRESH_MS = 5000;

/** One run: who started it, and its step trace with each verdict. */
export function RunDetail(props: { ws: Workspace; runId: string }) {
  const { ws } = props;
  // Only an open run can still change: polling stops once it is closed.
  const [open, setOpen] = useState(true);
  const [run, reload, staleError] = usePolledResource(
    () => ws.api.run(props.runId).then((r) => r.run),
    REFRESH_MS,
    open,
  );
  useEffect(() => {
    if (run.state === "ready") setOpen(run.data.status === "open");
  }, [run]);
  return (
    <main class="screen" aria-labelledby="run-title">
      <p class="back">
        <Link href={ws.href("runs", {})} class="btn btn-quiet">
          ← All runs
        </Link>
      </p>
      {run.state === "loading" ? <Loading label="Loading the run…" /> : null}
      {run.state === "error" ? (
        <LoadFailure
          error={run.error}
          what="run"
          back={{ href: ws.href("runs", {}), label: "All runs" }}
          onRetry={reload}
        />
      ) : null}
      {run.state === "ready" ? (
        <RunView ws={ws} run={run.data} reload={reload} staleError={staleError} />
      ) : null}
    </main>
  );
}

function RunView(props: {
  ws: Workspace;
  run: RunDetailData;
  reload: () => Promise<void>;
  staleError: unknown;
}) {
  const { ws, run } = props;
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run: act } = useAction<"cancel">();
  const names = useActorNames(ws);
  const by = actorName(run.created_by, names);

  const cancel = () =>
    act("cancel", async () => {
      await ws.api.cancelRun(run.id, reason.trim() || undefined);
      setConfirming(false);
      setNotice("Run cancelled. Steps waiting for approval were cancelled with it.");
      await props.reload();
    });

  // At desktop width the summary sits beside the (long) step trace; on a phone they stack.
  return (
    <div class="two-column">
      <div class="run-summary">
        <PageHead id="run-title" title={run.agent} tenant={ws.tenant.name}>
          <p class="badges">
            <Badge tone={toneOf(RUN_STATUS_TONES, run.status)}>
              {labelOf(RUN_STATUS_LABELS, run.status)}
            </Badge>
          </p>
          <p class="meta">
            Started {relativeTime(run.created_at)} by <span class="break">{by}</span>
          </p>
          <p class="meta mono break">{run.id}</p>
          {run.closed_at ? (
            <p class="meta">
              Closed {formatDateTime(run.closed_at)}
              {run.close_reason === "idle_timeout" ? " after being idle" : ""}
            </p>
          ) : null}
        </PageHead>
        <Alert message={notice} tone="info" />
        {props.staleError ? (
          <Alert message={`Could not refresh: ${messageOf(props.staleError)}`} />
        ) : null}
        {run.status === "open" && ws.can("runs.cancel") ? (
          confirming ? (
            <div class="stack inline-panel">
              <p>Cancel this run? The agent can no longer propose steps in it.</p>
              <div class="field">
                <label for="cancel-reason">Reason (optional)</label>
                <input
                  id="cancel-reason"
                  type="text"
                  maxlength={500}
                  value={reason}
                  onInput={(e: Event) => setReason((e.target as HTMLInputElement).value)}
                />
              </div>
              <Alert message={error ? messageOf(error) : null} />
              <div class="actions">
                <Button
                  variant="danger"
                  busy={busy === "cancel"}
                  busyLabel="Cancelling…"
                  onClick={cancel}
                >
                  Cancel run
                </Button>
                <Button
                  variant="quiet"
                  disabled={busy !== null}
                  onClick={() => setConfirming(false)}
                >
                  Keep it running
                </Button>
              </div>
            </div>
          ) : (
            <div class="actions">
              <Button variant="danger" onClick={() => setConfirming(true)}>
                Cancel run…
              </Button>
            </div>
          )
        ) : null}
      </div>
      <section class="trace" aria-labelledby="trace-title">
        <h2 id="trace-title">
          Steps <span class="muted">({run.steps.length})</span>
        </h2>
        {run.steps.length === 0 ? (
          <p class="empty">No steps proposed yet.</p>
        ) : (
          <ol class="card-list" aria-label="Step trace">
            {run.steps.map((step) => (
              <StepCard key={step.step_id} ws={ws} step={step} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
