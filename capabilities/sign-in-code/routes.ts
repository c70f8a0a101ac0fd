import { clock } from "../../platform/clock";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { OTP_RESEND_COOLDOWN_MS, OTP_TTL_MS, signInWithOtp, startOtp } from "./otp-service";
import { userJson } from "../account/accounts";
import { clearSessionCookie, readDeviceCookie } from "../login-sessions/cookies";
import { finishSignIn, requestInfo } from "../login-sessions/sign-in";
import { ApiError } from "../../platform/http/errors";
import { database } from "../../platform/db/client";
import { revokeSession } from "../login-sessions/repository";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { OtpStartBody, OtpStartResponse, OtpVerifyBody, SignInResponse } from "./contract";
import { errorResponses, json, jsonBody, Ok } from "../../core/contract/common";

export const authRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const clientIp = (ip: string | null) => ip ?? "unknown";

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/auth/otp/start",
    tags: ["auth"],
    summary: "Email a 6-digit sign-in code (sign-up and sign-in are one flow)",
    description:
      "Always answers 202 with the same body whether or not an account exists. A new code voids the previous one.",
    request: { body: jsonBody(OtpStartBody) },
    responses: { 202: json(OtpStartResponse, "Code sent"), ...errorResponses },
  }),
  async (c) => {
    const { email } = c.req.valid("json");
    await startOtp(c.var.config, c.env.DB, {
      email,
      ip: clientIp(requestInfo(c).ip),
      now: clock.now(),
    });
    return c.json(
      {
        status: "code_sent" as const,
        message: "If this address can receive email, a sign-in code is on its way.",
        expires_in_seconds: OTP_TTL_MS / 1000,
        resend_after_seconds: OTP_RESEND_COOLDOWN_MS / 1000,
      },
      202,
    );
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/auth/otp/verify",
    tags: ["auth"],
    summary: "Exchange an email code for a session (creates the account on first use)",
    request: { body: jsonBody(OtpVerifyBody) },
    responses: { 200: json(SignInResponse, "Signed in; session cookie set"), ...errorResponses },
  }),
  async (c) => {
    const { email, code } = c.req.valid("json");
    const info = requestInfo(c);
    const signedIn = await signInWithOtp(c.var.config, c.env.DB, {
      email,
      code,
      ip: clientIp(info.ip),
      info,
      now: clock.now(),
      deviceToken: readDeviceCookie(c),
    });
    finishSignIn(c, signedIn.pending);
    return c.json(
      {
        user: userJson(signedIn.user),
        new_user: signedIn.newUser,
        has_passkey: signedIn.hasPasskey,
      },
      200,
    );
  },
);

authRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/auth/logout",
    tags: ["auth"],
    summary: "Sign out this session",
    responses: { 200: json(Ok), ...errorResponses },
  }),
  async (c) => {
    const p = c.var.principal;
    if (p?.kind === "session") {
      await revokeSession(database(c.env.DB), p.sessionId, clock.now());
    }
    clearSessionCookie(c);
    return c.json({ ok: true as const }, 200);
  },
);
