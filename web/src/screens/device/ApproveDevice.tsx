import { useState } from "hono/jsx/dom";
import { api, ApiError, messageOf } from "../../api";
import type { DeviceSignInRequest } from "../../api";
import { needsStepUp } from "../../components/Confirm";
import { StepUp } from "../../components/StepUp";
import { Alert, Button, Section } from "../../components/ui";
import { countdown, deviceLabel, formatDateTime } from "../../format";
import { useSecondsLeft } from "../../hooks";

type State =
  | { kind: "enter" }
  | { kind: "review"; request: DeviceSignInRequest }
  | { kind: "done"; message: string };

/**
 * "Sign in another device": the person types (or scans into the address) the code another
 * browser shows, sees what is asking, and approves with step-up, or refuses.
 */
export function ApproveDevice(props: { email: string; code: string }) {
  const [code, setCode] = useState(props.code);
  const [state, setState] = useState<State>({ kind: "enter" });
  const [busy, setBusy] = useState<"lookup" | "approve" | "deny" | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async (kind: "lookup" | "approve" | "deny", action: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    }
    setBusy(null);
  };
  const lookup = (event: Event) => {
    event.preventDefault();
    return run("lookup", async () => {
      setState({ kind: "review", request: await api.deviceSignInLookup(code) });
    });
  };
  const approve = () =>
    run("approve", async () => {
      await api.deviceSignInApprove(code);
      setState({ kind: "done", message: "Approved: the other device is signing in as you now." });
    });
  const deny = () =>
    run("deny", async () => {
      await api.deviceSignInDeny(code);
      setState({ kind: "done", message: "Refused: the other device was not signed in." });
    });

  const codeIssue = error instanceof ApiError ? error.issueFor("code") : undefined;
  return (
    <main class="screen narrow" aria-labelledby="device-title">
      <header class="page-head">
        <h1 id="device-title">Sign in another device</h1>
        <p class="muted">
          On the other device, choose “Sign in with another device” on the sign-in screen. Enter the
          code it shows.
        </p>
      </header>
      {state.kind === "enter" ? (
        <form class="stack" onSubmit={lookup} noValidate>
          <div class="field">
            <label for="device-code">Code from the other device</label>
            <input
              id="device-code"
              class="code-input"
              type="text"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              placeholder="ABCD-2345"
              value={code}
              aria-invalid={codeIssue ? "true" : undefined}
              onInput={(e) => setCode((e.target as HTMLInputElement).value.toUpperCase())}
            />
          </div>
          <Alert message={error ? messageOf(error) : null} />
          <Button
            type="submit"
            variant="primary"
            wide
            busy={busy === "lookup"}
            busyLabel="Looking up…"
          >
            Continue
          </Button>
        </form>
      ) : null}
      {state.kind === "review" ? (
        <Review
          request={state.request}
          email={props.email}
          busy={busy}
          error={error}
          onApprove={approve}
          onDeny={deny}
        />
      ) : null}
      {state.kind === "done" ? <Alert message={state.message} tone="info" /> : null}
    </main>
  );
}

function Review(props: {
  request: DeviceSignInRequest;
  email: string;
  busy: string | null;
  error: unknown;
  onApprove: () => Promise<void>;
  onDeny: () => Promise<void>;
}) {
  const r = props.request;
  const secondsLeft = useSecondsLeft(Date.parse(r.expires_at));
  return (
    <Section id="device-request" title={`Sign in ${deviceLabel(r)}?`}>
      <dl class="facts">
        <Fact term="Device" value={r.device} />
        <Fact term="Browser" value={`${r.browser} on ${r.os}`} />
        <Fact term="Approximate place" value={r.location ?? "unknown"} />
        <Fact term="IP address" value={r.ip ?? "unknown"} />
        <Fact term="Asked" value={formatDateTime(r.created_at)} />
      </dl>
      <div class="warning" role="note">
        <p>
          <strong>Only approve a sign-in you started yourself, on a device in front of you.</strong>{" "}
          If someone sent you this code, or asked you to read out or scan one, refuse: approving
          signs <em>them</em> in as you.
        </p>
      </div>
      <p class="muted" role="status">
        {secondsLeft > 0
          ? `The code expires in ${countdown(secondsLeft)}.`
          : "The code has expired."}
      </p>
      {needsStepUp(props.error) ? (
        <StepUp email={props.email} onConfirmed={props.onApprove} />
      ) : (
        <Alert message={props.error ? messageOf(props.error) : null} />
      )}
      <div class="actions">
        {needsStepUp(props.error) ? null : (
          <Button
            variant="primary"
            busy={props.busy === "approve"}
            busyLabel="Approving…"
            disabled={props.busy !== null || secondsLeft === 0}
            onClick={() => void props.onApprove()}
          >
            Approve sign-in
          </Button>
        )}
        <Button
          variant="danger"
          busy={props.busy === "deny"}
          busyLabel="Refusing…"
          disabled={props.busy !== null}
          onClick={() => void props.onDeny()}
        >
          Refuse
        </Button>
      </div>
    </Section>
  );
}

function Fact(props: { term: string; value: string }) {
  return (
    <div>
      <dt>{props.term}</dt>
      <dd class="break">{props.value}</dd>
    </div>
  );
}
