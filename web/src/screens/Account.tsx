import type { Me } from "../api";
import { Alert } from "../components/ui";
import { LoginHistorySection } from "./account/LoginHistorySection";
import { PasskeysSection } from "./account/PasskeysSection";
import { SessionsSection } from "./account/SessionsSection";

/** The signed-in person's own security: passkeys, sessions and sign-in history. */
export function Account(props: {
  me: Me;
  notice: string | null;
  onSignedOut: (notice: string) => void;
}) {
  return (
    <main class="screen" aria-labelledby="account-title">
      <header class="page-head">
        <h1 id="account-title">Your account</h1>
        <p class="muted break">{props.me.user.email}</p>
      </header>
      <Alert message={props.notice} tone="info" />
      <PasskeysSection email={props.me.user.email} />
      <SessionsSection onSignedOut={props.onSignedOut} />
      <LoginHistorySection />
    </main>
  );
}
