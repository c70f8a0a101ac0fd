import { useState } from "hono/jsx/dom";
import { ConfirmPanel } from "../../components/Confirm";
import { Button } from "../../components/ui";
import { useAction } from "../../hooks";
import type { Workspace } from "../../workspace";

/** Activate a version, after saying what that means. */
export function ActivateButton(props: {
  ws: Workspace;
  version: number;
  active: number | null;
  onActivated: (message: string) => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const { busy, error, setError, run } = useAction<"activate">();
  const activate = async () => {
    await run("activate", async () => {
      await props.ws.api.activatePolicy(props.version);
      setConfirming(false);
      await props.onActivated(`Version ${props.version} is now the active policy.`);
    });
  };
  if (!confirming) {
    return (
      <Button label={`Activate version ${props.version}`} onClick={() => setConfirming(true)}>
        Activate
      </Button>
    );
  }
  return (
    <ConfirmPanel
      confirmLabel={`Activate version ${props.version}`}
      busyLabel="Activating…"
      busy={busy === "activate"}
      error={error}
      email={props.ws.me.user.email}
      stepUp={{
        operation: "policies.activate",
        validUntil: props.ws.me.session.step_up_valid_until,
      }}
      onConfirm={activate}
      onCancel={() => {
        setConfirming(false);
        setError(null);
      }}
    >
      <p>
        Every new step is decided by version {props.version}
        {props.active !== null ? ` instead of version ${props.active}` : ""}. The change is recorded
        in the audit log.
      </p>
    </ConfirmPanel>
  );
}
