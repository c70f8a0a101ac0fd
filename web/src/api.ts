import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/browser";

import { plainError } from "./format";

import type { z } from "zod";
import {
  ApiError,
  apiClient,
  errorFromResponse as errorFrom,
  parseRetryAfter as parseRetryAfterAt,
  type ApiClient,
  type CallOutput,
} from "../../core/contract/client";
import type * as account from "../../capabilities/account/contract";
import {
  confirmEmailChange,
  deleteAccount,
  getMe,
  listLoginEvents,
  listLoginSessions,
  listSecurityEvents,
  revokeAllLoginSessions,
  revokeLoginSession,
  startEmailChange,
} from "../../capabilities/account/contract";
import type * as loginSessions from "../../capabilities/login-sessions/contract";
import {
  approveDeviceSignIn,
  denyDeviceSignIn,
  lookupDeviceSignIn,
  pollDeviceSignInRoute,
  startDeviceSignInRoute,
} from "../../capabilities/login-sessions/contract";
import { getDoctor, type Check } from "../../capabilities/operator/contract";
import type * as passkeys from "../../capabilities/passkeys/contract";
import {
  deletePasskey,
  listPasskeysRoute,
  passkeyRegistrationOptions,
  passkeySignInOptions,
  registerPasskeyRoute,
  renamePasskey,
  stepUpOptions,
  stepUpWithCode,
  verifyPasskeySignIn,
  verifyStepUp,
} from "../../capabilities/passkeys/contract";
import type * as signInCode from "../../capabilities/sign-in-code/contract";
import { logout, startOtpRoute, verifyOtp } from "../../capabilities/sign-in-code/contract";
import type * as tenancy from "../../capabilities/tenancy/contract";
import {
  acceptInviteRoute,
  acceptOwnershipTransfer,
  createTenantRoute,
  declineOwnershipTransfer,
  listMyOwnershipTransfers,
  previewInvite,
} from "../../capabilities/tenancy/contract";

export { ApiError, type ErrorIssue } from "../../core/contract/client";

/** The answers' types, as the contracts define them (what the server validates and returns). */
export type SignInMethod = z.output<typeof loginSessions.SignInMethod>;
export type User = z.output<typeof signInCode.User>;
export type SignInResult = z.output<typeof signInCode.SignInResponse>;
export type Membership = z.output<typeof account.Membership>;
export type Me = z.output<typeof account.MeResponse>;
export type CodeSent = z.output<typeof signInCode.OtpStartResponse>;
export type Passkey = z.output<typeof passkeys.Passkey>;
export type SessionInfo = z.output<typeof loginSessions.SessionInfo>;
export type LoginEvent = z.output<typeof loginSessions.LoginEvent>;
export type LoginEventPage = z.output<typeof loginSessions.LoginEventList>;
export type SecurityEvent = z.output<typeof account.SecurityEvent>;
export type SecurityEventPage = z.output<typeof account.SecurityEventList>;
export type DeviceSignInStarted = z.output<typeof loginSessions.DeviceSignInStarted>;
export type DeviceSignInPoll = z.output<typeof loginSessions.DeviceSignInPoll>;
export type DeviceSignInRequest = z.output<typeof loginSessions.DeviceSignInRequest>;
export type AccountDeleted = z.output<typeof account.AccountDeleted>;
export type TenantInfo = z.output<typeof tenancy.Tenant>;
export type InvitePreview = z.output<typeof tenancy.InvitePreview>;
export type OwnershipTransfer = z.output<typeof tenancy.Transfer>;
export type DoctorReport = CallOutput<typeof getDoctor>;
export type CheckStatus = z.output<typeof Check>["status"];

/** Reads `Retry-After` as whole seconds (delta-seconds or an HTTP date), or null. */
export const parseRetryAfter = (value: string | null, now = Date.now()) =>
  parseRetryAfterAt(value, now);

/** Turns a non-2xx response into an ApiError, tolerating bodies that are not the API's shape. */
export const errorFromResponse = (response: Response) => errorFrom(response, Date.now());

type UnauthenticatedListener = () => void;
let onUnauthenticated: UnauthenticatedListener = () => {};

/** Called whenever a request answers 401, e.g. because the session was revoked elsewhere. */
export function setUnauthenticatedListener(listener: UnauthenticatedListener): void {
  onUnauthenticated = listener;
}

const consoleClient = (onError?: (error: ApiError) => void): ApiClient =>
  apiClient({
    fetch: (url, init) => fetch(url, init),
    baseUrl: "",
    init: { credentials: "same-origin" },
    now: () => Date.now(),
    onError,
  });

/** Sign-in and public calls: their 401 is their own answer (a wrong code), not a lost session. */
export const publicApi = consoleClient();
/** Account and tenant calls: a 401 means the session is gone (revoked elsewhere, expired). */
export const sessionApi = consoleClient((error) => {
  if (error.status === 401) onUnauthenticated();
});

/** The JSON-free answer of a GET (e.g. the JSONL audit export), with the file name it suggests. */
export async function textOf(
  response: Response,
): Promise<{ text: string; bytes: Uint8Array; filename: string | null }> {
  const disposition = response.headers.get("content-disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? null;
  // The bytes as sent, for checks that must see invalid UTF-8 rather than U+FFFD.
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { text: new TextDecoder().decode(bytes), bytes, filename };
}

/** WebAuthn options come from @simplewebauthn/server; the library's types are the precise ones. */
const requestOptions = (options: Promise<{ challenge: string }>) =>
  options as Promise<unknown> as Promise<PublicKeyCredentialRequestOptionsJSON>;
const creationOptions = (options: Promise<{ challenge: string }>) =>
  options as Promise<unknown> as Promise<PublicKeyCredentialCreationOptionsJSON>;

/**
 * The browser library's credential, as the contract's body type: the same JSON, but its
 * `clientExtensionResults` is an interface (no index signature), which TypeScript will not take
 * for the contract's record. The server validates it with the contract.
 */
const assertion = (response: AuthenticationResponseJSON) =>
  response as unknown as z.input<typeof passkeys.AuthenticationResponse>;
const attestation = (response: RegistrationResponseJSON) =>
  response as unknown as z.input<typeof passkeys.RegistrationResponse>;

export const api = {
  startOtp: (email: string) => publicApi.call(startOtpRoute, { body: { email } }),
  verifyOtp: (email: string, code: string) => publicApi.call(verifyOtp, { body: { email, code } }),
  passkeySignInOptions: () => requestOptions(publicApi.call(passkeySignInOptions)),
  passkeySignIn: (response: AuthenticationResponseJSON) =>
    publicApi.call(verifyPasskeySignIn, { body: { response: assertion(response) } }),
  stepUpOptions: () => requestOptions(publicApi.call(stepUpOptions)),
  stepUp: (response: AuthenticationResponseJSON) =>
    publicApi.call(verifyStepUp, { body: { response: assertion(response) } }),
  stepUpWithCode: (code: string) => publicApi.call(stepUpWithCode, { body: { code } }),
  logout: () => publicApi.call(logout),

  me: () => sessionApi.call(getMe),

  passkeyRegistrationOptions: () => creationOptions(sessionApi.call(passkeyRegistrationOptions)),
  addPasskey: (response: RegistrationResponseJSON, name?: string) =>
    sessionApi.call(registerPasskeyRoute, {
      body: name ? { response: attestation(response), name } : { response: attestation(response) },
    }),
  passkeys: () => sessionApi.call(listPasskeysRoute),
  renamePasskey: (passkeyId: string, name: string) =>
    sessionApi.call(renamePasskey, { params: { id: passkeyId }, body: { name } }),
  deletePasskey: (passkeyId: string) =>
    sessionApi.call(deletePasskey, { params: { id: passkeyId } }),

  sessions: () => sessionApi.call(listLoginSessions),
  revokeSession: (sessionId: string) =>
    sessionApi.call(revokeLoginSession, { params: { id: sessionId } }),
  revokeAllSessions: (keepCurrent: boolean) =>
    sessionApi.call(revokeAllLoginSessions, { body: { keep_current: keepCurrent } }),

  loginEvents: (cursor: string | null, limit = 20) =>
    sessionApi.call(listLoginEvents, { query: { limit, cursor: cursor ?? undefined } }),
  securityEvents: (cursor: string | null, limit = 20) =>
    sessionApi.call(listSecurityEvents, { query: { limit, cursor: cursor ?? undefined } }),

  changeEmail: (newEmail: string) =>
    sessionApi.call(startEmailChange, { body: { new_email: newEmail } }),
  confirmEmail: (code: string) => sessionApi.call(confirmEmailChange, { body: { code } }),
  deleteAccount: () => sessionApi.call(deleteAccount),

  deviceSignInStart: () => publicApi.call(startDeviceSignInRoute),
  deviceSignInPoll: () => publicApi.call(pollDeviceSignInRoute),
  deviceSignInLookup: (code: string) => sessionApi.call(lookupDeviceSignIn, { body: { code } }),
  deviceSignInApprove: (code: string) => sessionApi.call(approveDeviceSignIn, { body: { code } }),
  deviceSignInDeny: (code: string) => sessionApi.call(denyDeviceSignIn, { body: { code } }),

  createTenant: (name: string) => sessionApi.call(createTenantRoute, { body: { name } }),
  previewInvite: (token: string) => publicApi.call(previewInvite, { body: { token } }),
  acceptInvite: (token: string) => sessionApi.call(acceptInviteRoute, { body: { token } }),
  doctor: () => publicApi.call(getDoctor),

  ownershipOffers: () => sessionApi.call(listMyOwnershipTransfers),
  acceptOwnership: (transferId: string) =>
    sessionApi.call(acceptOwnershipTransfer, { params: { id: transferId } }),
  declineOwnership: (transferId: string) =>
    sessionApi.call(declineOwnershipTransfer, { params: { id: transferId } }),
};

/** A message fit to show people, whatever was thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return plainError(error.message);
  if (error instanceof Error && error.message) return plainError(error.message);
  return "Something went wrong. Try again.";
}
