import { useEffect, useState } from "hono/jsx/dom";
import { api, messageOf } from "../../api";
import type { DeviceSignInStarted, SignInResult } from "../../api";
import { Alert, Button, Loading } from "../../components/ui";
import { countdown } from "../../format";
import { useSecondsLeft } from "../../hooks";
import { qrDataUrl } from "../../qr";

const POLL_MS = 2000;

type State =
  | { kind: "starting" }
  | { kind: "waiting"; started: DeviceSignInStarted; qr: string }
  | { kind: "ended"; message: string }
  | { kind: "error"; error: unknown };

/**
 * "Sign in with another device": a short code and its QR code for a device where the person is
 * signed in already. This browser holds the request's secret (an HttpOnly cookie) and polls; when
 * the other device approves, the poll signs this browser in.
 */
export function OtherDevice(props: {
  onSignedIn: (result: SignInResult) => void;
  onBack: () => void;
}) {
  const [state, setState] = useState<State>({ kind: "starting" });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pollOnce = async () => {
      try {
        const answer = await api.deviceSignInPoll();
        if (!active) return;
        if (answer.status === "signed_in") {
          props.onSignedIn({ user: answer.user, new_user: false, has_passkey: answer.has_passkey });
          return;
        }
        if (answer.status === "pending") {
          timer = setTimeout(() => void pollOnce(), POLL_MS);
          return;
        }
        setState({
          kind: "ended",
          message:
            answer.status === "denied"
              ? "The other device refused this sign-in."
              : "This code has expired. Get a new one.",
        });
      } catch (e) {
        if (active) setState({ kind: "error", error: e });
      }
    };
    void (async () => {
      setState({ kind: "starting" });
      try {
        const started = await api.deviceSignInStart();
        const qr = await qrDataUrl(started.approve_url);
        if (!active) return;
        setState({ kind: "waiting", started, qr });
        timer = setTimeout(() => void pollOnce(), POLL_MS);
      } catch (e) {
        if (active) setState({ kind: "error", error: e });
      }
    })();
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [round]);

  return (
    <main class="screen narrow" aria-labelledby="other-device-title">
      <h1 id="other-device-title">Sign in with another device</h1>
      <p class="muted">
        On a computer or phone where you are signed in to Gatehouse, open{" "}
        <strong>Your account → Sign in another device</strong> and enter this code, or scan the QR
        code with it.
      </p>
      {state.kind === "starting" ? <Loading label="Getting a code…" /> : null}
      {state.kind === "waiting" ? <Waiting started={state.started} qr={state.qr} /> : null}
      {state.kind === "ended" ? <Alert message={state.message} tone="info" /> : null}
      {state.kind === "error" ? <Alert message={messageOf(state.error)} /> : null}
      <div class="stack secondary-actions">
        {state.kind === "ended" || state.kind === "error" ? (
          <Button variant="primary" wide onClick={() => setRound((n) => n + 1)}>
            Get a new code
          </Button>
        ) : null}
        <Button variant="quiet" wide onClick={props.onBack}>
          Back to sign in
        </Button>
      </div>
    </main>
  );
}

function Waiting(props: { started: DeviceSignInStarted; qr: string }) {
  const secondsLeft = useSecondsLeft(Date.parse(props.started.expires_at));
  return (
    <div class="stack device-code-panel">
      <img
        class="qr-code"
        src={props.qr}
        width={220}
        height={220}
        alt={`QR code for ${props.started.code}`}
      />
      <p class="device-code" aria-label="Your code" data-code={props.started.code}>
        {props.started.code}
      </p>
      <p class="muted" role="status">
        {secondsLeft > 0
          ? `Waiting for approval · expires in ${countdown(secondsLeft)}`
          : "Checking…"}
      </p>
      <p class="muted">
        Only enter this code on a device of your own. Never send it to anyone: whoever approves it
        signs this browser in as themselves.
      </p>
    </div>
  );
}
