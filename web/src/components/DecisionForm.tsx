import type { Child } from "hono/jsx";
import { useRef, useState } from "hono/jsx/dom";
import { ApiError, messageOf } from "../api";
import { useAction } from "../hooks";
import type { Workspace } from "../workspace";
import { Alert, Button } from "./ui";

/** How a decision ended: ours, or someone else's first (or the approval expired). */
export type DecisionOutcome = { decision: "approve" | "deny"; reason: string } | { closed: string };

/** Approve / Deny with a required reason, for the approvals queue and the chat alike. */
export function DecisionForm(props: {
  ws: Workspace;
  approvalId: string;
  tool: string;
  class: string;
  ariaLabel?: string;
  intro?: Child;
  /** The approval has expired: nothing can be decided any more. */
  expired?: boolean;
  onDecided: (outcome: DecisionOutcome) => void | Promise<void>;
}) {
  const [reason, setReason] = useState("");
  const [reasonIssue, setReasonIssue] = useState<string | null>(null);
  const { busy, error, run } = useAction<"approve" | "deny">();
  const field = useRef<HTMLInputElement>(null);
  const reasonId = `reason-${props.approvalId}`;

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
        // Someone else decided first, or it expired: there is nothing left to decide.
        if (e instanceof ApiError && e.code === "approval_closed") {
          await props.onDecided({ closed: e.message });
          return;
        }
        throw e;
      }
      await props.onDecided({ decision, reason: why });
    });
  };

  const serverIssue = error instanceof ApiError ? error.issueFor("reason") : undefined;
  const issue = reasonIssue ?? serverIssue ?? null;
  const locked = busy !== null || props.expired === true;
  return (
    <form
      class={props.class}
      aria-label={props.ariaLabel}
      onSubmit={(e: Event) => e.preventDefault()}
      noValidate
    >
      {props.intro ?? null}
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
          disabled={locked}
          onClick={() => void decide("approve")}
        >
          Approve
        </Button>
        <Button
          variant="danger"
          label={`Deny ${props.tool}`}
          busy={busy === "deny"}
          busyLabel="Denying…"
          disabled={locked}
          onClick={() => void decide("deny")}
        >
          Deny
        </Button>
      </div>
    </form>
  );
}
