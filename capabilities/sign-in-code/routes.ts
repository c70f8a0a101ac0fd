import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import { OTP_RESEND_COOLDOWN_MS, OTP_TTL_MS, signInWithOtp, startOtp } from "./otp-service";
import { userJson } from "../account/accounts";
import { clearSessionCookie, readDeviceCookie } from "../login-sessions/cookies";
import { finishSignIn, requestInfo } from "../login-sessions/sign-in";

import { database } from "../../platform/db/client";
import { revokeSession } from "../login-sessions/repository";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { startOtpRoute, verifyOtp, logout } from "./contract";

export const authRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const clientIp = (ip: string | null) => ip ?? "unknown";

authRoutes.openapi(startOtpRoute, async (c) => {
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
});

authRoutes.openapi(verifyOtp, async (c) => {
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
});

authRoutes.openapi(logout, async (c) => {
  const p = c.var.principal;
  if (p?.kind === "session") {
    await revokeSession(database(c.env.DB), p.sessionId, clock.now());
  }
  clearSessionCookie(c);
  return c.json({ ok: true as const }, 200);
});
