import { actorName } from "../../actor-names";
import { IdOnDemand } from "../../components/IdOnDemand";
import type { ActorNames } from "../../actor-names";
import { DecisionForm } from "../../components/DecisionForm";
import { Badge } from "../../components/ui";
import { formatDateTime, prettyJson, relativeTime, timeLeft } from "../../format";
import { useSecondsLeft } from "../../hooks";
import { Link } from "../../router";
import type { Approval } from "../../tenant-api";
import type { Workspace } from "../../workspace";

/** Under five minutes left, the countdown turns urgent. */
const URGENT_SECONDS = 300;

const OUTCOME: Readonly<Record<string, { label: string; tone: "success" | "danger" | "neutral" }>> =
  {
    approved: { label: "Approved", tone: "success" },
    denied: { label: "Denied", tone: "danger" },
    expired: { label: "Expired", tone: "neutral" },
    cancelled: { label: "Cancelled", tone: "neutral" },
  };

/**
 * One approval with what a person needs to decide it: the tool and its arguments (secrets stay
 * `secret:NAME` references), the rule and its reason, the agent, run and who opened the run,
 * when it was asked and when it expires (in the viewer's time zone). Decided: who, when and why.
 */
export function ApprovalCard(props: {
  approval: Approval;
  ws: Workspace;
  names: ActorNames;
  focused: boolean;
  onDecided: (message: string) => Promise<void>;
}) {
  const a = props.approval;
  const pending = a.status === "pending";
  const seconds = useSecondsLeft(pending ? Date.parse(a.expires_at) : 0);
  const canDecide = props.ws.can("approvals.decide");
  const titleId = `approval-title-${a.id}`;
  const outcome = OUTCOME[a.status];

  return (
    <li
      id={`approval-${a.id}`}
      class={props.focused ? "card approval focused" : "card approval"}
      aria-labelledby={titleId}
      data-approval={a.id}
    >
      <div class="approval-head">
        <h2 id={titleId} class="approval-tool break">
          <code>{a.tool}</code>
        </h2>
        {pending ? (
          <span
            class={seconds > 0 && seconds < URGENT_SECONDS ? "countdown urgent" : "countdown"}
            role="timer"
            aria-label={seconds > 0 ? `Expires in ${timeLeft(seconds)}` : "Expired"}
          >
            {seconds > 0 ? `Expires in ${timeLeft(seconds)}` : "Expired"}
          </span>
        ) : outcome ? (
          <Badge tone={outcome.tone}>{outcome.label}</Badge>
        ) : null}
      </div>
      <dl class="context-list" aria-label={`Context of ${a.tool}`}>
        <dt>Rule</dt>
        <dd>{a.rule_id ? <code>{a.rule_id}</code> : "the policy's default"}</dd>
        {a.policy_reason ? (
          <>
            <dt>Why</dt>
            <dd>{a.policy_reason}</dd>
          </>
        ) : null}
        <dt>Agent</dt>
        <dd>{a.agent ?? "unknown"}</dd>
        <dt>Run</dt>
        <dd>
          <Link href={props.ws.href("run", { runId: a.run_id })} class="inline-link">
            {a.agent ? `${a.agent} run` : "the run"}
          </Link>{" "}
          <IdOnDemand id={a.run_id} />
        </dd>
        {a.requested_by ? (
          <>
            <dt>Started by</dt>
            <dd>{actorName(a.requested_by, props.names)}</dd>
          </>
        ) : null}
        {a.created_at ? (
          <>
            <dt>Asked</dt>
            <dd>
              <time dateTime={a.created_at}>{formatDateTime(a.created_at)}</time> (
              {relativeTime(a.created_at)})
            </dd>
          </>
        ) : null}
        <dt>{pending ? "Expires" : "Expired at"}</dt>
        <dd>
          <time dateTime={a.expires_at}>{formatDateTime(a.expires_at)}</time>
        </dd>
        <dt>Approvers</dt>
        <dd>
          {a.approvers.length > 0
            ? a.approvers.map((who) => (
                <Badge key={who} tone="neutral">
                  {who}
                </Badge>
              ))
            : "any member who may decide"}
        </dd>
        {!pending && a.decided_by ? (
          <>
            <dt>Decided by</dt>
            <dd>{actorName(a.decided_by, props.names)}</dd>
          </>
        ) : null}
        {!pending && a.decided_at ? (
          <>
            <dt>Decided</dt>
            <dd>
              <time dateTime={a.decided_at}>{formatDateTime(a.decided_at)}</time>
            </dd>
          </>
        ) : null}
        {!pending && a.reason ? (
          <>
            <dt>Their reason</dt>
            <dd class="break">{a.reason}</dd>
          </>
        ) : null}
      </dl>
      <p class="label">Arguments</p>
      <pre class="code-block args" aria-label={`Arguments of ${a.tool}`}>
        {prettyJson(a.args ?? {})}
      </pre>
      {pending && canDecide ? (
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
      ) : null}
      {pending && !canDecide ? (
        <p class="muted">Your role can see approvals but not decide them.</p>
      ) : null}
      <Link
        href={props.ws.href("approvals", {}, { tab: pending ? null : "decided", id: a.id })}
        class="btn btn-quiet row-link"
      >
        Link to this approval
      </Link>
    </li>
  );
}
