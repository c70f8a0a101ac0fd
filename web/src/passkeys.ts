import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  startRegistration,
  WebAuthnAbortService,
  WebAuthnError,
} from "@simplewebauthn/browser";
import { api, ApiError } from "./api";
import type { Passkey, SignInResult } from "./api";

/** Thrown when the person closed the passkey sheet or no passkey was chosen. */
export class PasskeyCancelled extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PasskeyCancelled";
  }
}

export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

/** True for the rejection of a ceremony we replaced or cancelled ourselves. */
export function isAborted(error: unknown): boolean {
  if (error instanceof WebAuthnError) return error.code === "ERROR_CEREMONY_ABORTED";
  return error instanceof Error && error.name === "AbortError";
}

/** Maps browser WebAuthn failures to sentences; API errors pass through untouched. */
function explain(error: unknown, cancelled: string): unknown {
  if (error instanceof ApiError || isAborted(error)) return error;
  const cause = error instanceof WebAuthnError ? error.cause : error;
  const name = cause instanceof Error ? cause.name : "";
  if (
    error instanceof WebAuthnError &&
    error.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED"
  ) {
    return new Error("This device already has a passkey for your account.");
  }
  if (name === "NotAllowedError") return new PasskeyCancelled(cancelled);
  if (name === "SecurityError") {
    return new Error(
      "Passkeys are not available on this address. Open the console at its usual URL.",
    );
  }
  return new Error("The passkey did not work. Try again, or use an email code instead.");
}

/** "Sign in with a passkey" button: usernameless, any discoverable credential for this site. */
export async function signInWithPasskey(): Promise<SignInResult> {
  try {
    const optionsJSON = await api.passkeySignInOptions();
    const response = await startAuthentication({ optionsJSON });
    return await api.passkeySignIn(response);
  } catch (error) {
    throw explain(error, "No passkey was used. Try again, or sign in with an email code.");
  }
}

/** Whether the browser can offer passkeys in a field's autofill (conditional UI). */
export async function passkeyAutofillSupported(): Promise<boolean> {
  return browserSupportsWebAuthn() && (await browserSupportsWebAuthnAutofill());
}

/**
 * Offers passkeys in the email field's autofill. Resolves with the sign-in once a passkey is
 * picked, stays pending while none is, and rejects with an abort when another ceremony starts.
 */
export async function signInWithPasskeyAutofill(): Promise<SignInResult> {
  try {
    const optionsJSON = await api.passkeySignInOptions();
    const response = await startAuthentication({ optionsJSON, useBrowserAutofill: true });
    return await api.passkeySignIn(response);
  } catch (error) {
    throw explain(error, "No passkey was used.");
  }
}

/** Ends any pending WebAuthn request (e.g. the autofill offer when leaving the sign-in screen). */
export function cancelPasskeyRequests(): void {
  WebAuthnAbortService.cancelCeremony();
}

/** Creates a passkey on this device for the signed-in person. */
export async function addPasskey(name?: string): Promise<Passkey> {
  try {
    const optionsJSON = await api.passkeyRegistrationOptions();
    const response = await startRegistration({ optionsJSON });
    return (await api.addPasskey(response, name)).passkey;
  } catch (error) {
    throw explain(error, "No passkey was created.");
  }
}

/** Step-up: proves a recent sign-in so a sensitive action can proceed. */
export async function confirmItsYou(): Promise<void> {
  try {
    const optionsJSON = await api.stepUpOptions();
    const response = await startAuthentication({ optionsJSON });
    await api.stepUp(response);
  } catch (error) {
    throw explain(
      error,
      "Not confirmed. Use your passkey, or sign out and sign in again with an email code.",
    );
  }
}
