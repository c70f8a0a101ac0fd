import { z, createRoute } from "@hono/zod-openapi";
import { Email, IsoTime, errorResponses, Ok, json, jsonBody } from "../../core/contract/common";

export const OtpStartBody = z.strictObject({ email: Email }).openapi("OtpStartBody");

export const OtpStartResponse = z
  .object({
    status: z.literal("code_sent"),
    message: z.string(),
    expires_in_seconds: z.number().int(),
    resend_after_seconds: z.number().int(),
  })
  .openapi("OtpStartResponse");

export const OtpVerifyBody = z
  .strictObject({
    email: Email,
    code: z.string().regex(/^[0-9]{6}$/, "The code is 6 digits."),
  })
  .openapi("OtpVerifyBody");

export const User = z
  .object({ id: z.string(), email: z.string(), created_at: IsoTime })
  .openapi("User");

export const SignInResponse = z
  .object({ user: User, new_user: z.boolean(), has_passkey: z.boolean() })
  .openapi("SignInResponse");

export const startOtpRoute = createRoute({
  method: "post",
  path: "/api/auth/otp/start",
  tags: ["auth"],
  summary: "Email a 6-digit sign-in code (sign-up and sign-in are one flow)",
  description:
    "Always answers 202 with the same body whether or not an account exists. A new code voids the previous one.",
  request: { body: jsonBody(OtpStartBody) },
  responses: { 202: json(OtpStartResponse, "Code sent"), ...errorResponses },
});

export const verifyOtp = createRoute({
  method: "post",
  path: "/api/auth/otp/verify",
  tags: ["auth"],
  summary: "Exchange an email code for a session (creates the account on first use)",
  request: { body: jsonBody(OtpVerifyBody) },
  responses: { 200: json(SignInResponse, "Signed in; session cookie set"), ...errorResponses },
});

export const logout = createRoute({
  method: "post",
  path: "/api/auth/logout",
  tags: ["auth"],
  summary: "Sign out this session",
  responses: { 200: json(Ok), ...errorResponses },
});
