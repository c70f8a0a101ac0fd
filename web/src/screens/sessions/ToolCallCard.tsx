import { useRef, useState } from "hono/jsx/dom";
import { ApiError, messageOf } from "../../api";
import { Alert, Badge, Button, JsonDetails } from "../../components/ui";
import { useAction } from "../../hooks";
import { labelOf, toneOf, VERDICT_LABELS } from "../../labels";
import { Link } from "../../router";
import type { Workspace } from "../../workspace";
import { SESSION_VERDICT_TONES } from "./session-labels";
import type { ToolCard } from "./transcript";

export type Decision = { decision: "approve" | "deny"; reason: string } | { closed: string };

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
  const [reason, setReason] = useState("");
  const [reasonIssue, setReasonIssue] = useState<string | null>(null);
  const { busy, error, run } = useAction<"approve" | "deny">();
  const field = useRef<HTMLInputElement>(null);
  const reasonId = `reason-${props.approvalId}`;

  if (!props.ws.can("approvals.decide")) {
    return (
      <div class="stack inline-panel">
        <p class="muted">A person who may approve must decide before the agent can go on.</p>
        <Link href="/approvals" class="btn btn-secondary">
          Open Approvals
        </Link>
      </div>
    );
  }

  const decide = async (decision: "approve" | "deny") => {
    const why = reason.trim();
    if (!why) {
      setReasonIssue("Give a reason. It is recorded in the audit log.");
      field.current?.focus();
      return;
    }
    setReasonIssue(null);
    await run(decision, async () => {
      try {
        await props.ws.api.decide(props.approvalId, decision, why);
      } catch (e) {
        // Decided elsewhere first, or expired: nothing left to decide here.
        if (e instanceof ApiError && e.code === "approval_closed") {
          props.onDecided(props.approvalId, { closed: e.message });
          return;
        }
        throw e;
      }
      props.onDecided(props.approvalId, { decision, reason: why });
    });
  };

  const serverIssue = error instanceof ApiError ? error.issueFor("reason") : undefined;
  const issue = reasonIssue ?? serverIssue ?? null;
  return (
    <form
      class="stack inline-panel decision"
      aria-label={`Approve or deny ${props.tool}`}
      onSubmit={(e: Event) => e.preventDefault()}
      noValidate
    >
      <p>
        <strong>This call needs your approval.</strong> The agent waits until someone decides.
      </p>
      <div class="field">
        <label for={reasonId}>Reason (required)</label>
        <input
          id={reasonId}
          ref={field}
          type="text"
          maxlength={500}
          required
          autocomplete="off"
          enterkeyhint="done"
          value={reason}
          aria-invalid={issue ? "true" : undefined}
          aria-describedby={issue ? `${reasonId}-issue` : undefined}
          onInput={(e: Event) => {
            setReason((e.target as HTMLInputElement).value);
            if (reasonIssue) setReasonIssue(null);
          }}
        />
        {issue ? (
          <p id={`${reasonId}-issue`} class="field-issue" role="alert">
            {issue}
          </p>
        ) : null}
      </div>
      <Alert message={error && !serverIssue ? messageOf(error) : null} />
      <div class="decision-actions">
        <Button
          variant="primary"
          label={`Approve ${props.tool}`}
          busy={busy === "approve"}
          busyLabel="Approving…"
          disabled={busy !== null}
          onClick={() => void decide("approve")}
        >
          Approve
        </Button>
        <Button
          variant="danger"
          label={`Deny ${props.tool}`}
          busy={busy === "deny"}
          busyLabel="Denying…"
          disabled={busy !== null}
          onClick={() => void decide("deny")}
        >
          Deny
        </Button>
      </div>
    </form>
  );
}
