import { useRef, useState } from "hono/jsx/dom";
import { ApiError, messageOf } from "../../api";
import { Alert, Badge, Button } from "../../components/ui";
import { prettyJson, relativeTime, shortId, timeLeft } from "../../format";
import { useAction, useSecondsLeft } from "../../hooks";
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
  const [reason, setReason] = useState("");
  const [reasonIssue, setReasonIssue] = useState<string | null>(null);
  const { busy, error, run } = useAction<"approve" | "deny">();
  const reasonField = useRef<HTMLInputElement>(null);
  const canDecide = props.ws.can("approvals.decide");
  const reasonId = `reason-${a.id}`;
  const titleId = `approval-${a.id}`;

  const decide = async (decision: "approve" | "deny") => {
    const why = reason.trim();
    if (!why) {
      setReasonIssue("Give a reason. It is recorded in the audit log.");
      reasonField.current?.focus();
      return;
    }
    setReasonIssue(null);
    await run(decision, async () => {
      try {
        await props.ws.api.decide(a.id, decision, why);
      } catch (e) {
        // Someone else decided first, or it expired: the list will no longer show it.
        if (e instanceof ApiError && e.code === "approval_closed") {
          await props.onDecided(e.message);
          return;
        }
        throw e;
      }
      await props.onDecided(
        decision === "approve"
          ? `Approved ${a.tool}. The agent can go ahead.`
          : `Denied ${a.tool}.`,
      );
    });
  };

  const serverIssue = error instanceof ApiError ? error.issueFor("reason") : undefined;
  const issue = reasonIssue ?? serverIssue ?? null;
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
        <form class="stack decision" onSubmit={(e: Event) => e.preventDefault()} noValidate>
          <div class="field">
            <label for={reasonId}>Reason (required)</label>
            <input
              id={reasonId}
              ref={reasonField}
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
              label={`Approve ${a.tool}`}
              busy={busy === "approve"}
              busyLabel="Approving…"
              disabled={busy !== null || seconds === 0}
              onClick={() => void decide("approve")}
            >
              Approve
            </Button>
            <Button
              variant="danger"
              label={`Deny ${a.tool}`}
              busy={busy === "deny"}
              busyLabel="Denying…"
              disabled={busy !== null || seconds === 0}
              onClick={() => void decide("deny")}
            >
              Deny
            </Button>
          </div>
        </form>
      ) : (
        <p class="muted">Your role can see approvals but not decide them.</p>
      )}
      <Link href={paths.run(a.run_id)} class="btn btn-quiet row-link">
        Open the run
      </Link>
    </li>
  );
}
