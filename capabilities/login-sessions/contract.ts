import { z, createRoute } from "@hono/zod-openapi";
import { User } from "../sign-in-code/contract";
import { IsoTime, errorResponses, Ok, json, jsonBody } from "../../core/contract/common";

/** `ABCD-EFGH`: 8 characters of Crockford base32 (no I, L, O, U), the dash optional. */
export const DeviceCode = z
  .string()
  .max(16)
  .transform((value, ctx) => {
    const compact = value.toUpperCase().replace(/[\s-]/g, "");
    if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(compact)) {
      ctx.addIssue({
        code: "custom",
        message: "The code is 8 letters and digits, like ABCD-2345.",
      });
      return z.NEVER;
    }
    return compact;
  })
  .openapi({ type: "string", example: "K7QM-4XPD" });

export const DeviceSignInStarted = z
  .object({
    code: z.string(),
    /** The console address a signed-in device opens (what the QR code holds). */
    approve_url: z.string(),
    expires_at: IsoTime,
  })
  .openapi("DeviceSignInStarted");

export const DeviceSignInPoll = z
  .union([
    z.object({ status: z.enum(["pending", "denied", "expired"]) }),
    z.object({ status: z.literal("signed_in"), user: User, has_passkey: z.boolean() }),
  ])
  .openapi("DeviceSignInPoll");

export const DeviceCodeBody = z.strictObject({ code: DeviceCode }).openapi("DeviceCodeBody");

export const DeviceSignInRequest = z
  .object({
    code: z.string(),
    device: z.string(),
    browser: z.string(),
    os: z.string(),
    location: z.string().nullable(),
    ip: z.string().nullable(),
    created_at: IsoTime,
    expires_at: IsoTime,
  })
  .openapi("DeviceSignInRequest");

export { User };

export const SignInMethod = z.enum(["email_code", "passkey", "qr"]);

export const SessionInfo = z
  .object({
    id: z.string(),
    current: z.boolean(),
    auth_method: SignInMethod,
    /** Where the session started (its sign-in's approximate place), when known. */
    location: z.string().nullable(),
    created_at: IsoTime,
    last_seen_at: IsoTime,
    expires_at: IsoTime,
    ip: z.string().nullable(),
    device: z.string(),
    browser: z.string(),
    os: z.string(),
  })
  .openapi("Session");

export const SessionList = z.object({ sessions: z.array(SessionInfo) }).openapi("SessionList");

export const LoginEvent = z
  .object({
    id: z.string(),
    method: SignInMethod,
    /** The first sign-in to this account from this browser. */
    new_device: z.boolean(),
    /** The session it started (to match with the sessions list). */
    session_id: z.string(),
    created_at: IsoTime,
    ip: z.string().nullable(),
    location: z.string().nullable(),
    device: z.string(),
    browser: z.string(),
    os: z.string(),
  })
  .openapi("LoginEvent");

export const LoginEventList = z
  .object({ events: z.array(LoginEvent), next_cursor: z.string().nullable() })
  .openapi("LoginEventList");

export const RevokeAllBody = z
  .strictObject({ keep_current: z.boolean().default(false) })
  .openapi("RevokeAllBody");

export const RevokedCount = z.object({ revoked: z.number().int() }).openapi("RevokedCount");

export const startDeviceSignInRoute = createRoute({
  method: "post",
  path: "/api/auth/device/start",
  tags: ["auth"],
  summary: "Ask to be signed in from another device: a short code and this browser's secret",
  description:
    "Sets an HttpOnly cookie with the request's secret; only a poll carrying it can collect the session.",
  responses: { 201: json(DeviceSignInStarted), ...errorResponses },
});

export const pollDeviceSignInRoute = createRoute({
  method: "post",
  path: "/api/auth/device/poll",
  tags: ["auth"],
  summary: "The phone's poll: once approved, signs this browser in (needs the request's cookie)",
  responses: { 200: json(DeviceSignInPoll), ...errorResponses },
});

export const lookupDeviceSignIn = createRoute({
  method: "post",
  path: "/api/me/device-sign-ins/lookup",
  tags: ["me"],
  summary: "What is asking to be signed in with this code (device, browser, place)",
  request: { body: jsonBody(DeviceCodeBody) },
  responses: { 200: json(DeviceSignInRequest), 404: json(Ok, "No such code"), ...errorResponses },
});

export const approveDeviceSignIn = createRoute({
  method: "post",
  path: "/api/me/device-sign-ins/approve",
  tags: ["me"],
  summary: "Sign the device showing this code in as you (step-up)",
  request: { body: jsonBody(DeviceCodeBody) },
  responses: { 200: json(Ok), 404: json(Ok, "No such code"), ...errorResponses },
});

export const denyDeviceSignIn = createRoute({
  method: "post",
  path: "/api/me/device-sign-ins/deny",
  tags: ["me"],
  summary: "Refuse the sign-in request showing this code",
  request: { body: jsonBody(DeviceCodeBody) },
  responses: { 200: json(Ok), 404: json(Ok, "No such code"), ...errorResponses },
});
