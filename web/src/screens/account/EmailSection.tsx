import { useState } from "hono/jsx/dom";
import { api, ApiError, messageOf } from "../../api";
import type { Me } from "../../api";
import { needsStepUp } from "../../components/Confirm";
import { StepUp } from "../../components/StepUp";
import { Alert, Button, Section } from "../../components/ui";

type Step = { kind: "idle" } | { kind: "address" } | { kind: "code"; newEmail: string };

/**
 * Change of email address: the new address gets a code; once it is entered the account moves
 * there, and the old address is told, with a link that undoes the change. Step-up first.
 */
export function EmailSection(props: { email: string; refreshMe: () => Promise<Me> }) {
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [newEmail, setNewEmail] = useState("");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };
  const sendCode = () =>
    run(async () => {
      const started = await api.changeEmail(newEmail);
      setCode("");
      setStep({ kind: "code", newEmail: started.new_email });
    });
  const confirm = () =>
    run(async () => {
      const previous = props.email;
      const done = await api.confirmEmail(code);
      await props.refreshMe();
      setStep({ kind: "idle" });
      setNotice(
        `Your address is now ${done.email}. We told ${previous}, with a link to undo the change.`,
      );
    });

  const issue =
    error instanceof ApiError ? (error.issueFor("new_email") ?? error.issueFor("code")) : undefined;
  const feedback = needsStepUp(error) ? (
    <StepUp email={props.email} onConfirmed={step.kind === "code" ? confirm : sendCode} />
  ) : (
    <Alert message={error ? (issue ?? messageOf(error)) : null} />
  );
  return (
    <Section id="email" title="Email address" intro="Sign-in codes and security emails go here.">
      <p class="break">
        <strong>{props.email}</strong>
      </p>
      <Alert message={notice} tone="info" />
      {step.kind === "idle" ? (
        <Button
          onClick={() => {
            setNotice(null);
            setError(null);
            setStep({ kind: "address" });
          }}
        >
          Change email address
        </Button>
      ) : null}
      {step.kind === "address" ? (
        <form
          class="stack inline-panel"
          noValidate
          onSubmit={(e: Event) => {
            e.preventDefault();
            void sendCode();
          }}
        >
          <div class="field">
            <label for="new-email">New email address</label>
            <input
              id="new-email"
              type="email"
              inputmode="email"
              autocomplete="email"
              autocapitalize="none"
              spellcheck={false}
              value={newEmail}
              onInput={(e) => setNewEmail((e.target as HTMLInputElement).value)}
            />
          </div>
          {feedback}
          <div class="actions">
            <Button type="submit" variant="primary" busy={busy} busyLabel="Sending code…">
              Send a code to the new address
            </Button>
            <Button variant="quiet" onClick={() => setStep({ kind: "idle" })}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {step.kind === "code" ? (
        <form
          class="stack inline-panel"
          noValidate
          onSubmit={(e: Event) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <p>
            Enter the 6-digit code we sent to <strong class="break">{step.newEmail}</strong>. It
            expires in 10 minutes.
          </p>
          <div class="field">
            <label for="email-change-code">Code from the new address</label>
            <input
              id="email-change-code"
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
          {feedback}
          <div class="actions">
            <Button type="submit" variant="primary" busy={busy} busyLabel="Checking…">
              Change address
            </Button>
            <Button variant="quiet" onClick={() => setStep({ kind: "idle" })}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
    </Section>
  );
}
