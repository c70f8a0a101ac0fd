import { DecisionForm, type DecisionOutcome } from "../../components/DecisionForm";
import { Badge, JsonDetails } from "../../components/ui";
import { labelOf, toneOf, VERDICT_LABELS } from "../../labels";
import { Link } from "../../router";
import type { Workspace } from "../../workspace";
import { SESSION_VERDICT_TONES } from "./session-labels";
import type { ToolCard } from "./transcript";

export type Decision = DecisionOutcome;

/** One tool call in the conversation: verdict, rule and reason, result, and approval inline. */
export function ToolCallCard(props: {
  ws: Workspace;
  card: ToolCard;
  /** The session is waiting for this card's approval right now. */
  awaiting: boolean;
  decision: Decision | undefined;
  onDecided: (approvalId: string, decision: Decision) => void;
}) {
  const c = props.card;
  const titleId = `call-${c.stepId}`;
  const outcome = outcomeOf(c, props.awaiting);
  return (
    <li
      class={`card step tool-card verdict-${c.verdict}`}
      aria-labelledby={titleId}
      data-tool={c.tool}
      data-verdict={c.verdict}
    >
      <div class="step-head">
        <h3 id={titleId} class="step-tool break">
          <span class="visually-hidden">Tool call: </span>
          <code>{c.tool}</code>
        </h3>
      </div>
      <p class="badges">
        <Badge tone={toneOf(SESSION_VERDICT_TONES, c.verdict)}>
          {labelOf(VERDICT_LABELS, c.verdict)}
        </Badge>
        {outcome ? <Badge tone={outcome.tone}>{outcome.label}</Badge> : null}
      </p>
      <dl class="facts">
        <div>
          <dt>Rule</dt>
          <dd class="mono break">{c.ruleId ?? "default (no rule matched)"}</dd>
        </div>
        {c.reason ? (
          <div>
            <dt>Reason</dt>
            <dd class="break">{c.reason}</dd>
          </div>
        ) : null}
      </dl>
      <JsonDetails summary="Arguments" value={c.args} />
      {c.warnings.map((w, i) => (
        <div key={i} class="alert alert-warning" role="alert">
          <strong>Warning:</strong> {w}
        </div>
      ))}
      {props.decision ? <DecisionNote decision={props.decision} /> : null}
      {props.awaiting && c.approvalId && !props.decision ? (
        <InlineApproval
          ws={props.ws}
          approvalId={c.approvalId}
          tool={c.tool}
          onDecided={props.onDecided}
        />
      ) : null}
      {c.result ? (
        <details class="json-details tool-result" open={c.result.isError}>
          <summary>{c.result.isError ? "Result (error)" : "Result"}</summary>
          <pre class="code-block">{c.result.summary}</pre>
        </details>
      ) : null}
    </li>
  );
}

function outcomeOf(c: ToolCard, awaiting: boolean) {
  if (c.result) {
    return c.result.isError
      ? { label: "Failed", tone: "danger" as const }
      : { label: "Done", tone: "success" as const };
  }
  if (awaiting) return { label: "Waiting for approval", tone: "warning" as const };
  return null;
}

function DecisionNote(props: { decision: Decision }) {
  const d = props.decision;
  if ("closed" in d) return <p class="meta">{d.closed}</p>;
  return (
    <p class="meta decision-note">
      You {d.decision === "approve" ? "approved" : "denied"} this: <q class="break">{d.reason}</q>
    </p>
  );
}

function InlineApproval(props: {
  ws: Workspace;
  approvalId: string;
  tool: string;
  onDecided: (approvalId: string, decision: Decision) => void;
}) {
  if (!props.ws.can("approvals.decide")) {
    return (
      <div class="stack inline-panel">
        <p class="muted">A person who may approve must decide before the agent can go on.</p>
        <Link href={props.ws.href("approvals", {})} class="btn btn-secondary">
          Open Approvals
        </Link>
      </div>
    );
  }

  return (
    <DecisionForm
      ws={props.ws}
      approvalId={props.approvalId}
      tool={props.tool}
      class="stack inline-panel decision"
      ariaLabel={`Approve or deny ${props.tool}`}
      intro={
        <p>
          <strong>This call needs your approval.</strong> The agent waits until someone decides.
        </p>
      }
      onDecided={(outcome) => props.onDecided(props.approvalId, outcome)}
    />
  );
}
