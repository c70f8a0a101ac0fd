import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/browser";

import { plainError } from "./format";

export type SignInMethod = "email_code" | "passkey" | "qr";

export interface User {
  id: string;
  email: string;
  created_at: string;
}

export interface SignInResult {
  user: User;
  new_user: boolean;
  has_passkey: boolean;
}

export interface Membership {
  tenant_id: string;
  tenant_name: string;
  role: string;
}

export interface Me {
  user: User;
  memberships: Membership[];
  session: { id: string; authenticated_at: string; step_up_valid_until: string };
  has_passkey: boolean;
}

export interface CodeSent {
  status: "code_sent";
  message: string;
  expires_in_seconds: number;
  resend_after_seconds: number;
}

export interface Passkey {
  id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  device_type: "singleDevice" | "multiDevice";
  backed_up: boolean;
  transports: string[];
  aaguid: string | null;
}

export interface SessionInfo {
  id: string;
  current: boolean;
  auth_method: SignInMethod;
  /** Where the session started (approximate), when known. */
  location: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  device: string;
  browser: string;
  os: string;
}

export interface LoginEvent {
  id: string;
  session_id: string;
  method: SignInMethod;
  /** The first sign-in to this account from this browser. */
  new_device: boolean;
  created_at: string;
  ip: string | null;
  location: string | null;
  device: string;
  browser: string;
  os: string;
}

export interface LoginEventPage {
  events: LoginEvent[];
  next_cursor: string | null;
}

export interface SecurityEvent {
  id: string;
  kind: string;
  detail: Record<string, string | number | null>;
  ip: string | null;
  created_at: string;
}

export interface SecurityEventPage {
  events: SecurityEvent[];
  next_cursor: string | null;
}

/** Issue 17: a phone's request to be signed in from a device where you are signed in. */
export interface DeviceSignInStarted {
  code: string;
  approve_url: string;
  expires_at: string;
}

export type DeviceSignInPoll =
  | { status: "pending" | "denied" | "expired" }
  | { status: "signed_in"; user: User; has_passkey: boolean };

export interface DeviceSignInRequest {
  code: string;
  device: string;
  browser: string;
  os: string;
  location: string | null;
  ip: string | null;
  created_at: string;
  expires_at: string;
}

export interface AccountDeleted {
  ok: true;
  deleted_tenants: { id: string; name: string }[];
  left_tenants: { id: string; name: string }[];
}

export interface TenantInfo {
  id: string;
  name: string;
  created_at: string;
  role: string;
}

export interface InvitePreview {
  tenant_name: string;
  role: string;
  email: string;
  invited_by: string;
  expires_at: string;
}

export type CheckStatus = "ok" | "warn" | "error";

export interface DoctorReport {
  status: CheckStatus;
  checks: { id: string; status: CheckStatus; message: string }[];
}

export interface ErrorIssue {
  path: string;
  message: string;
}

/** A failed request, carrying the API's stable error code and a message meant for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
    /** Seconds from `Retry-After` on a 429, otherwise null. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The message of the first issue about `field`, if the server pointed at it. */
  issueFor(field: string): string | undefined {
    return this.issues.find((i) => i.path === field)?.message;
  }
}

const NETWORK_MESSAGE = "Could not reach Gatehouse. Check your connection and try again.";

/** Reads `Retry-After` as whole seconds (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === "") return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function isIssue(value: unknown): value is ErrorIssue {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.path === "string" && typeof v.message === "string";
}

/** Turns a non-2xx response into an ApiError, tolerating bodies that are not the API's shape. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to the generic message.
  }
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === "object" && error !== null) {
    const e = error as Record<string, unknown>;
    if (typeof e.code === "string" && typeof e.message === "string") {
      const issues = Array.isArray(e.issues) ? e.issues.filter(isIssue) : [];
      return new ApiError(response.status, e.code, e.message, issues, retryAfter);
    }
  }
  const message =
    response.status >= 500
      ? "Gatehouse had a problem. Try again in a moment."
      : `The request failed (HTTP ${response.status}).`;
  return new ApiError(response.status, `http_${response.status}`, message, [], retryAfter);
}

type UnauthenticatedListener = () => void;
let onUnauthenticated: UnauthenticatedListener = () => {};

/** Called whenever a request answers 401, e.g. because the session was revoked elsewhere. */
export function setUnauthenticatedListener(listener: UnauthenticatedListener): void {
  onUnauthenticated = listener;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Account and tenant calls answer 401 only when the session is gone; auth calls 401 for their own reasons. */
const SESSION_PATHS = ["/api/me", "/api/tenants", "/api/invites/accept"];

async function send(method: Method, path: string, body: unknown, accept: string) {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? { accept } : { accept, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network_error", NETWORK_MESSAGE);
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    if (response.status === 401 && SESSION_PATHS.some((p) => path.startsWith(p))) {
      onUnauthenticated();
    }
    throw error;
  }
  return response;
}

/** A JSON call to the API; throws `ApiError` for every failure. */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return (await (await send(method, path, body, "application/json")).json()) as T;
}

/** A GET whose answer is text (e.g. the JSONL audit export), with the file name it suggests. */
export async function requestText(
  path: string,
): Promise<{ text: string; bytes: Uint8Array; filename: string | null }> {
  const response = await send("GET", path, undefined, "*/*");
  const disposition = response.headers.get("content-disposition") ?? "";
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? null;
  // The bytes as sent, for checks that must see invalid UTF-8 rather than U+FFFD.
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { text: new TextDecoder().decode(bytes), bytes, filename };
}

/** A path segment, escaped. */
export const id = (value: string) => encodeURIComponent(value);

export const api = {
  startOtp: (email: string) => request<CodeSent>("POST", "/api/auth/otp/start", { email }),
  verifyOtp: (email: string, code: string) =>
    request<SignInResult>("POST", "/api/auth/otp/verify", { email, code }),
  passkeySignInOptions: () =>
    request<PublicKeyCredentialRequestOptionsJSON>("POST", "/api/auth/passkey/options", {}),
  passkeySignIn: (response: AuthenticationResponseJSON) =>
    request<SignInResult>("POST", "/api/auth/passkey/verify", { response }),
  stepUpOptions: () =>
    request<PublicKeyCredentialRequestOptionsJSON>("POST", "/api/auth/step-up/options", {}),
  stepUp: (response: AuthenticationResponseJSON) =>
    request<{ ok: true; step_up_valid_until: string }>("POST", "/api/auth/step-up/verify", {
      response,
    }),
  stepUpWithCode: (code: string) =>
    request<{ ok: true; step_up_valid_until: string }>("POST", "/api/auth/step-up/otp", { code }),
  logout: () => request<{ ok: true }>("POST", "/api/auth/logout", {}),

  me: () => request<Me>("GET", "/api/me"),

  passkeyRegistrationOptions: () =>
    request<PublicKeyCredentialCreationOptionsJSON>("POST", "/api/me/passkeys/options", {}),
  addPasskey: (response: RegistrationResponseJSON, name?: string) =>
    request<{ passkey: Passkey }>(
      "POST",
      "/api/me/passkeys",
      name ? { response, name } : { response },
    ),
  passkeys: () => request<{ passkeys: Passkey[] }>("GET", "/api/me/passkeys"),
  renamePasskey: (passkeyId: string, name: string) =>
    request<{ passkey: Passkey }>("PATCH", `/api/me/passkeys/${id(passkeyId)}`, { name }),
  deletePasskey: (passkeyId: string) =>
    request<{ ok: true }>("DELETE", `/api/me/passkeys/${id(passkeyId)}`),

  sessions: () => request<{ sessions: SessionInfo[] }>("GET", "/api/me/sessions"),
  revokeSession: (sessionId: string) =>
    request<{ ok: true }>("DELETE", `/api/me/sessions/${id(sessionId)}`),
  revokeAllSessions: (keepCurrent: boolean) =>
    request<{ revoked: number }>("POST", "/api/me/sessions/revoke-all", {
      keep_current: keepCurrent,
    }),

  loginEvents: (cursor: string | null, limit = 20) =>
    request<LoginEventPage>(
      "GET",
      `/api/me/login-events?limit=${limit}${cursor ? `&cursor=${id(cursor)}` : ""}`,
    ),

  securityEvents: (cursor: string | null, limit = 20) =>
    request<SecurityEventPage>(
      "GET",
      `/api/me/security-events?limit=${limit}${cursor ? `&cursor=${id(cursor)}` : ""}`,
    ),

  changeEmail: (newEmail: string) =>
    request<{ status: "code_sent"; new_email: string; expires_at: string }>(
      "POST",
      "/api/me/email/change",
      { new_email: newEmail },
    ),
  confirmEmail: (code: string) =>
    request<{ ok: true; email: string }>("POST", "/api/me/email/confirm", { code }),
  deleteAccount: () => request<AccountDeleted>("DELETE", "/api/me"),

  deviceSignInStart: () => request<DeviceSignInStarted>("POST", "/api/auth/device/start", {}),
  deviceSignInPoll: () => request<DeviceSignInPoll>("POST", "/api/auth/device/poll", {}),
  deviceSignInLookup: (code: string) =>
    request<DeviceSignInRequest>("POST", "/api/me/device-sign-ins/lookup", { code }),
  deviceSignInApprove: (code: string) =>
    request<{ ok: true }>("POST", "/api/me/device-sign-ins/approve", { code }),
  deviceSignInDeny: (code: string) =>
    request<{ ok: true }>("POST", "/api/me/device-sign-ins/deny", { code }),

  createTenant: (name: string) => request<{ tenant: TenantInfo }>("POST", "/api/tenants", { name }),
  previewInvite: (token: string) =>
    request<InvitePreview>("POST", "/api/invites/preview", { token }),
  acceptInvite: (token: string) =>
    request<{ tenant: TenantInfo }>("POST", "/api/invites/accept", { token }),
  doctor: () => request<DoctorReport>("GET", "/api/doctor"),

  ownershipOffers: () =>
    request<{ transfers: OwnershipTransfer[] }>("GET", "/api/me/ownership-transfers"),
  acceptOwnership: (transferId: string) =>
    request<{ ok: true }>("POST", `/api/me/ownership-transfers/${id(transferId)}/accept`, {}),
  declineOwnership: (transferId: string) =>
    request<{ ok: true }>("POST", `/api/me/ownership-transfers/${id(transferId)}/decline`, {}),
};

/** An owner's offer to hand a tenant to a member; roles change only when they accept. */
export interface OwnershipTransfer {
  id: string;
  tenant_id: string;
  tenant_name: string;
  from: { user_id: string; email: string };
  to: { user_id: string; email: string };
  created_at: string;
  expires_at: string;
}

/** A message fit to show people, whatever was thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return plainError(error.message);
  if (error instanceof Error && error.message) return plainError(error.message);
  return "Something went wrong. Try again.";
}
