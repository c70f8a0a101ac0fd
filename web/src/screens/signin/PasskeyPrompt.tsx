import { useState } from "hono/jsx/dom";
import { messageOf } from "../../api";
import { Alert, Button } from "../../components/ui";
import { addPasskey, PasskeyCancelled } from "../../passkeys";

/** Offered once after an email-code sign-in when the person has no passkey yet. */
export function PasskeyPrompt(props: { onDone: (added: boolean) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      await addPasskey();
      props.onDone(true);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <main class="screen narrow" aria-labelledby="prompt-title">
      <div class="hero-icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="32" height="32" fill="none" stroke="currentColor">
          <circle cx="8" cy="9" r="4" stroke-width="1.8" />
          <path d="M11 12.5 20 20M16.5 16.5l2-2M14.5 14.5l2-2" stroke-width="1.8" />
        </svg>
      </div>
      <h1 id="prompt-title">Sign in faster with a passkey</h1>
      <p class="muted">
        Next time, unlock with your fingerprint, face or screen lock instead of waiting for an
        email. Passkeys stay on your device and cannot be phished.
      </p>
      <Alert
        message={error ? messageOf(error) : null}
        tone={error instanceof PasskeyCancelled ? "info" : "error"}
      />
      <div class="stack">
        <Button
          variant="primary"
          wide
          busy={busy}
          busyLabel="Waiting for your device…"
          onClick={add}
        >
          Add a passkey
        </Button>
        <Button variant="quiet" wide disabled={busy} onClick={() => props.onDone(false)}>
          Not now
        </Button>
      </div>
    </main>
  );
}
