import type { Child } from "hono/jsx";
import { useState } from "hono/jsx/dom";
import type { StepUpOperationName } from "../../../core/step-up";
import { ApiError, messageOf } from "../api";
import { StepUp } from "./StepUp";
import { Alert, Button } from "./ui";

/** The API refused because the last sign-in is older than 10 minutes. */
export const needsStepUp = (error: unknown): boolean =>
  error instanceof ApiError && error.code === "step_up_required";

/** A step-up-list operation (core/step-up.ts) and until when this session may do it. */
export interface StepUpNeed {
  operation: StepUpOperationName;
  validUntil: string;
}

/**
 * "Are you sure?" under a row. An operation of the step-up list asks "Confirm it's you" first
 * when the session's confirmation has lapsed; a sensitive action the server refuses with
 * `step_up_required` turns into the same flow. Either way the action runs once confirmed.
 */
export function ConfirmPanel(props: {
  children: Child;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  error: unknown;
  email: string;
  danger?: boolean;
  stepUp?: StepUpNeed;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const [confirmed, setConfirmed] = useState(false);
  const lapsed =
    props.stepUp !== undefined && !confirmed && Date.now() >= Date.parse(props.stepUp.validUntil);
  const stepUp = lapsed || needsStepUp(props.error);
  const confirmThenAct = async () => {
    setConfirmed(true);
    await props.onConfirm();
  };
  return (
    <div class="stack inline-panel">
      <div class="confirm-question">{props.children}</div>
      {stepUp ? (
        <StepUp email={props.email} onConfirmed={confirmThenAct} />
      ) : (
        <Alert message={props.error ? messageOf(props.error) : null} />
      )}
      <div class="actions">
        {stepUp ? null : (
          <Button
            variant={props.danger ? "danger" : "primary"}
            busy={props.busy}
            busyLabel={props.busyLabel}
            onClick={() => void props.onConfirm()}
          >
            {props.confirmLabel}
          </Button>
        )}
        <Button variant="quiet" disabled={props.busy} onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/**
 * Where a form shows its error: a `step_up_required` refusal (an operation of the step-up list
 * whose condition the server decides, like granting admin) becomes "Confirm it's you"; once
 * confirmed the error clears and the form can be sent again.
 */
export function ErrorOrStepUp(props: {
  error: unknown;
  email: string;
  onConfirmed: () => void;
  tone?: "info" | "error";
}) {
  if (needsStepUp(props.error)) {
    return <StepUp email={props.email} onConfirmed={async () => props.onConfirmed()} />;
  }
  return <Alert message={props.error ? messageOf(props.error) : null} tone={props.tone} />;
}
