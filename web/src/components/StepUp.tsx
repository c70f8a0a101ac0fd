import { useState } from "hono/jsx/dom";
import { api, messageOf } from "../api";
import { confirmItsYou, PasskeyCancelled, passkeysSupported } from "../passkeys";
import { Alert, Button } from "./ui";

/**
 * "Confirm it's you" for sensitive actions: a passkey, or a fresh email code. Calls
 * `onConfirmed` (which retries the action) once the server accepts either.
 */
export function StepUp(props: { email: string; onConfirmed: () => Promise<void> }) {
  const [busy, setBusy] = useState<"passkey" | "send" | "code" | null>(null);
  const [codeSent, setCodeSent] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<unknown>(null);

  const run = async (kind: "passkey" | "send" | "code", action: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    }
    setBusy(null);
  };

  const withPasskey = () =>
    run("passkey", async () => {
      await confirmItsYou();
      await props.onConfirmed();
    });
  const sendCode = () =>
    run("send", async () => {
      await api.startOtp(props.email);
      setCodeSent(true);
    });
  const withCode = (event: Event) => {
    event.preventDefault();
    return run("code", async () => {
      await api.stepUpWithCode(code);
      await props.onConfirmed();
    });
  };

  return (
    <div class="stack step-up">
      <p>
        <strong>Confirm it's you.</strong> This needs a sign-in from the last 10 minutes.
      </p>
      <Alert
        message={error ? messageOf(error) : null}
        tone={error instanceof PasskeyCancelled ? "info" : "error"}
      />
      {codeSent ? (
        <form class="stack" onSubmit={withCode} noValidate>
          <div class="field">
            <label for="step-up-code">Code from your email</label>
            <input
              id="step-up-code"
              class="code-input"
              type="text"
              inputmode="numeric"
              autocomplete="one-time-code"
              value={code}
              onInput={(e) => {
                const field = e.target as HTMLInputElement;
                const digits = field.value.replace(/\D/g, "").slice(0, 6);
                if (field.value !== digits) field.value = digits;
                setCode(digits);
              }}
            />
          </div>
          <Button type="submit" variant="primary" busy={busy === "code"} busyLabel="Checking…">
            Confirm
          </Button>
        </form>
      ) : (
        <div class="actions">
          {passkeysSupported() ? (
            <Button
              variant="primary"
              busy={busy === "passkey"}
              busyLabel="Waiting for your passkey…"
              disabled={busy !== null}
              onClick={withPasskey}
            >
              Confirm it's you
            </Button>
          ) : null}
          <Button
            busy={busy === "send"}
            busyLabel="Sending…"
            disabled={busy !== null}
            onClick={sendCode}
          >
            Email me a code
          </Button>
        </div>
      )}
    </div>
  );
}
