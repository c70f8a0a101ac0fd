import { useEffect, useRef, useState } from "hono/jsx/dom";
import { api, ApiError, messageOf } from "../../api";
import type { SignInMethod, SignInResult } from "../../api";
import { Alert, Button } from "../../components/ui";
import { countdown } from "../../format";
import { useSecondsLeft } from "../../hooks";
import {
  cancelPasskeyRequests,
  isAborted,
  PasskeyCancelled,
  passkeyAutofillSupported,
  passkeysSupported,
  signInWithPasskey,
  signInWithPasskeyAutofill,
} from "../../passkeys";
import { OtherDevice } from "./OtherDevice";

export type SignedIn = (result: SignInResult, method: SignInMethod) => void;

type Step =
  | { kind: "email" }
  | { kind: "code"; email: string; resendAt: number; notice: string | null }
  | { kind: "other-device" };

const RECENTLY_SENT =
  "A code was sent to this address moments ago. Use the newest one in your inbox, or ask for a new code when the timer ends.";

/** Sign-in and sign-up in one flow: passkey (autofill or button) or a code sent by email. */
export function SignIn(props: { notice?: string | undefined; onSignedIn: SignedIn }) {
  const [step, setStep] = useState<Step>({ kind: "email" });
  const [email, setEmail] = useState("");
  if (step.kind === "other-device") {
    return (
      <OtherDevice
        onSignedIn={(result) => props.onSignedIn(result, "qr")}
        onBack={() => setStep({ kind: "email" })}
      />
    );
  }
  return step.kind === "email" ? (
    <EmailStep
      notice={props.notice}
      email={email}
      onEmail={setEmail}
      onCodeSent={(resendAt, notice) => setStep({ kind: "code", email, resendAt, notice })}
      onOtherDevice={() => setStep({ kind: "other-device" })}
      onSignedIn={props.onSignedIn}
    />
  ) : (
    <CodeStep
      email={step.email}
      resendAt={step.resendAt}
      notice={step.notice}
      onResent={(resendAt) => setStep({ ...step, resendAt })}
      onBack={() => setStep({ kind: "email" })}
      onSignedIn={props.onSignedIn}
    />
  );
}

function EmailStep(props: {
  notice: string | undefined;
  email: string;
  onEmail: (email: string) => void;
  onCodeSent: (resendAt: number, notice: string | null) => void;
  onOtherDevice: () => void;
  onSignedIn: SignedIn;
}) {
  const [busy, setBusy] = useState<"code" | "passkey" | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Bumped to restart the autofill offer after a button ceremony replaced it.
  const [autofillRound, setAutofillRound] = useState(0);

  useEffect(() => {
    let active = true;
    void (async () => {
      if (!(await passkeyAutofillSupported()) || !active) return;
      try {
        const result = await signInWithPasskeyAutofill();
        if (active) props.onSignedIn(result, "passkey");
      } catch (e) {
        if (active && !isAborted(e) && !(e instanceof PasskeyCancelled)) setError(e);
      }
    })();
    return () => {
      active = false;
      cancelPasskeyRequests();
    };
  }, [autofillRound]);

  const sendCode = async (event: Event) => {
    event.preventDefault();
    setBusy("code");
    setError(null);
    try {
      const sent = await api.startOtp(props.email);
      props.onCodeSent(Date.now() + sent.resend_after_seconds * 1000, null);
    } catch (e) {
      // A code went out moments ago (this tab or another): enter it, or resend after the timer.
      if (e instanceof ApiError && e.code === "rate_limited" && e.retryAfterSeconds !== null) {
        props.onCodeSent(Date.now() + e.retryAfterSeconds * 1000, RECENTLY_SENT);
        return;
      }
      setError(e);
      setBusy(null);
    }
  };

  const usePasskey = async () => {
    setBusy("passkey");
    setError(null);
    try {
      props.onSignedIn(await signInWithPasskey(), "passkey");
    } catch (e) {
      setError(e);
      setBusy(null);
      setAutofillRound((n) => n + 1);
    }
  };

  const emailIssue = error instanceof ApiError ? error.issueFor("email") : undefined;
  return (
    <main class="screen narrow" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in to Gatehouse</h1>
      <p class="muted">New here? Enter your email and we will create your account.</p>
      <Alert message={props.notice} tone="info" />
      <form class="stack" onSubmit={sendCode} noValidate>
        <div class="field">
          <label for="email">Email address</label>
          <input
            id="email"
            name="email"
            type="email"
            inputmode="email"
            autocomplete="username webauthn"
            autocapitalize="none"
            spellcheck={false}
            required
            value={props.email}
            aria-invalid={emailIssue ? "true" : undefined}
            aria-describedby={emailIssue ? "email-issue" : undefined}
            onInput={(e) => props.onEmail((e.target as HTMLInputElement).value)}
          />
          {emailIssue ? (
            <p id="email-issue" class="field-issue" role="alert">
              {emailIssue}
            </p>
          ) : null}
        </div>
        <Alert message={error && !emailIssue ? messageOf(error) : null} />
        <Button
          type="submit"
          variant="primary"
          wide
          busy={busy === "code"}
          busyLabel="Sending code…"
          disabled={busy !== null}
        >
          Email me a sign-in code
        </Button>
      </form>
      {passkeysSupported() ? (
        <div class="stack">
          <p class="divider">
            <span>or</span>
          </p>
          <Button
            wide
            busy={busy === "passkey"}
            busyLabel="Waiting for your passkey…"
            disabled={busy !== null}
            onClick={usePasskey}
          >
            Sign in with a passkey
          </Button>
          <p class="muted small">
            No passkey on this device? Your browser can offer one from your phone through its own QR
            code.
          </p>
        </div>
      ) : null}
      <div class="stack">
        <Button wide variant="quiet" disabled={busy !== null} onClick={props.onOtherDevice}>
          Sign in with another device
        </Button>
      </div>
    </main>
  );
}

function CodeStep(props: {
  email: string;
  resendAt: number;
  notice: string | null;
  onResent: (resendAt: number) => void;
  onBack: () => void;
  onSignedIn: SignedIn;
}) {
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState<"verify" | "resend" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(props.notice);
  const secondsLeft = useSecondsLeft(props.resendAt);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const verify = async (event: Event) => {
    event.preventDefault();
    setNotice(null);
    if (code.length !== 6) {
      setError(new Error("Enter the 6 digits from the email."));
      input.current?.focus();
      return;
    }
    setBusy("verify");
    setError(null);
    try {
      props.onSignedIn(await api.verifyOtp(props.email, code), "email_code");
    } catch (e) {
      setError(e);
      setBusy(null);
      input.current?.select();
    }
  };

  const resend = async () => {
    setBusy("resend");
    setError(null);
    setNotice(null);
    try {
      const sent = await api.startOtp(props.email);
      props.onResent(Date.now() + sent.resend_after_seconds * 1000);
      setCode("");
      setNotice("We sent a new code. Earlier codes no longer work.");
    } catch (e) {
      if (e instanceof ApiError && e.retryAfterSeconds !== null) {
        props.onResent(Date.now() + e.retryAfterSeconds * 1000);
      }
      setError(e);
    }
    setBusy(null);
  };

  const codeIssue = error instanceof ApiError ? error.issueFor("code") : undefined;
  return (
    <main class="screen narrow" aria-labelledby="code-title">
      <h1 id="code-title">Check your email</h1>
      <p class="muted">
        Enter the 6-digit code we sent to <strong class="break">{props.email}</strong>. It expires
        in 10 minutes.
      </p>
      <form class="stack" onSubmit={verify} noValidate>
        <div class="field">
          <label for="code">Sign-in code</label>
          <input
            id="code"
            ref={input}
            name="code"
            class="code-input"
            type="text"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9]{6}"
            required
            value={code}
            aria-invalid={codeIssue ? "true" : undefined}
            aria-describedby={codeIssue ? "code-issue" : undefined}
            onInput={(e) => {
              // Keep digits only, so a pasted "123 456" works; write back to the field too.
              const field = e.target as HTMLInputElement;
              const digits = field.value.replace(/\D/g, "").slice(0, 6);
              if (field.value !== digits) field.value = digits;
              setCode(digits);
            }}
          />
          {codeIssue ? (
            <p id="code-issue" class="field-issue" role="alert">
              {codeIssue}
            </p>
          ) : null}
        </div>
        <Alert message={error && !codeIssue ? messageOf(error) : null} />
        <Alert message={notice} tone="info" />
        <Button
          type="submit"
          variant="primary"
          wide
          busy={busy === "verify"}
          busyLabel="Checking…"
          disabled={busy !== null}
        >
          Sign in
        </Button>
      </form>
      <div class="stack secondary-actions">
        <Button
          variant="quiet"
          wide
          busy={busy === "resend"}
          busyLabel="Sending…"
          disabled={busy !== null || secondsLeft > 0}
          onClick={resend}
        >
          {secondsLeft > 0 ? `Resend code in ${countdown(secondsLeft)}` : "Resend code"}
        </Button>
        <Button variant="quiet" wide disabled={busy === "verify"} onClick={props.onBack}>
          Use a different email
        </Button>
      </div>
    </main>
  );
}
