import { DecisionForm } from "../../components/DecisionForm";
import { Badge } from "../../components/ui";
import { prettyJson, relativeTime, shortId, timeLeft } from "../../format";
import { useSecondsLeft } from "../../hooks";
import { Link } from "../../router";
import { paths } from "../../routes";
import type { Approval } from "../../tenant-api";
import type { Workspace } from "../../workspace";

/** Under five minutes left, the countdown turns urgent. */
const URGENT_SECONDS = 300;

export function ApprovalCard(props: {
  approval: Approval;
  ws: Workspace;
  onDecided: (message: string) => Promise<void>;
}) {
  const a = props.approval;
  const seconds = useSecondsLeft(Date.parse(a.expires_at));
  const canDecide = props.ws.can("approvals.decide");
  const titleId = `approval-${a.id}`;

  return (
    <li class="card approval" aria-labelledby={titleId}>
      <div class="approval-head">
        <h2 id={titleId} class="approval-tool break">
          <code>{a.tool}</code>
        </h2>
        <span
          class={seconds > 0 && seconds < URGENT_SECONDS ? "countdown urgent" : "countdown"}
          role="timer"
          aria-label={seconds > 0 ? `Expires in ${timeLeft(seconds)}` : "Expired"}
        >
          {seconds > 0 ? `Expires in ${timeLeft(seconds)}` : "Expired"}
        </span>
      </div>
      <p class="meta">
        {a.created_at ? `Requested ${relativeTime(a.created_at)} · ` : ""}Run{" "}
        <span class="mono">{shortId(a.run_id, 12)}</span>
      </p>
      <p class="meta">
        Approvers:{" "}
        {a.approvers.length > 0
          ? a.approvers.map((who) => (
              <Badge key={who} tone="neutral">
                {who}
              </Badge>
            ))
          : "any member who may decide"}
      </p>
      <p class="label">Arguments</p>
      <pre class="code-block args" aria-label={`Arguments of ${a.tool}`}>
        {prettyJson(a.args ?? {})}
      </pre>
      {canDecide ? (
        <DecisionForm
          ws={props.ws}
          approvalId={a.id}
          tool={a.tool}
          class="stack decision"
          expired={seconds === 0}
          onDecided={(outcome) =>
            props.onDecided(
              "closed" in outcome
                ? outcome.closed
                : outcome.decision === "approve"
                  ? `Approved ${a.tool}. The agent can go ahead.`
                  : `Denied ${a.tool}.`,
            )
          }
        />
      ) : (
        <p class="muted">Your role can see approvals but not decide them.</p>
      )}
      <Link href={paths.run(a.run_id)} class="btn btn-quiet row-link">
        Open the run
      </Link>
    </li>
  );
}
