import type { Child } from "hono/jsx";
import { ApiError, messageOf } from "../api";
import { StepUp } from "./StepUp";
import { Alert, Button } from "./ui";

/** The API refused because the last sign-in is older than 10 minutes. */
export const needsStepUp = (error: unknown): boolean =>
  error instanceof ApiError && error.code === "step_up_required";

/**
 * "Are you sure?" under a row. A sensitive action the server refuses with `step_up_required`
 * turns into the "Confirm it's you" flow, which retries the action once confirmed.
 */
export function ConfirmPanel(props: {
  children: Child;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  error: unknown;
  email: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}) {
  const stepUp = needsStepUp(props.error);
  return (
    <div class="stack inline-panel">
      <div class="confirm-question">{props.children}</div>
      {stepUp ? (
        <StepUp email={props.email} onConfirmed={props.onConfirm} />
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
