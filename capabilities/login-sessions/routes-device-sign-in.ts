import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";

import { iso } from "../../core/time";

import { userJson } from "../account/accounts";
import {
  clearDeviceSignInCookie,
  readDeviceCookie,
  readDeviceSignInCookie,
  setDeviceSignInCookie,
} from "./cookies";
import { formatDeviceCode } from "./device-code";
import { requireRecentAuth, requireSession } from "./principal";
import { enforceRateLimit } from "../../platform/rate-limit";
import { finishSignIn, requestInfo } from "./sign-in";
import {
  decideDeviceSignInRequest,
  findPendingDeviceSignIn,
  pollDeviceSignIn,
  startDeviceSignIn,
} from "./device-sign-in";
import { ApiError } from "../../platform/http/errors";
import type { AppEnv } from "./app-env";
import { validationHook } from "../../platform/http/validation";
import {
  startDeviceSignInRoute,
  pollDeviceSignInRoute,
  lookupDeviceSignIn,
  approveDeviceSignIn,
  denyDeviceSignIn,
} from "./contract";

/**
 * Issue 17: signing in a phone (or any browser without a passkey here) from a device where the
 * person is already signed in. The phone starts a request and gets a short code (shown as text
 * and as a QR code of the approval address) plus an HttpOnly cookie holding the request's
 * secret; the signed-in device looks the code up, sees the phone's device, browser and place,
 * and approves with step-up; the phone's next poll, with the cookie, collects the session. A
 * request lives 2 minutes and yields at most one session, only to the browser holding the secret.
 */
export const deviceSignInRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

export const DEVICE_SIGN_IN_TTL_MS = 2 * 60 * 1000;
const TEN_MINUTES = 10 * 60 * 1000;
export const DEVICE_SIGN_IN_LIMITS = {
  startPerIp: { limit: 10, windowMs: TEN_MINUTES },
  pollPerIp: { limit: 600, windowMs: TEN_MINUTES },
  /** Looking up, approving and denying codes: what bounds guessing a short code. */
  codesPerUser: { limit: 10, windowMs: TEN_MINUTES },
  codesPerIp: { limit: 30, windowMs: TEN_MINUTES },
} as const;

const ip = (c: Context<AppEnv>) => requestInfo(c).ip ?? "unknown";

const noSuchCode = () =>
  new ApiError(
    404,
    "no_such_code",
    "No sign-in is waiting for that code. Codes work once, for 2 minutes: ask for a new one on the other device.",
    [{ path: "code", message: "No sign-in is waiting for that code." }],
  );

deviceSignInRoutes.openapi(startDeviceSignInRoute, async (c) => {
  const now = clock.now();
  const db = c.env.DB;
  await enforceRateLimit(
    db,
    { key: `device-start:ip:${ip(c)}`, ...DEVICE_SIGN_IN_LIMITS.startPerIp },
    now,
  );
  const { code, secret, expiresAt } = await startDeviceSignIn(c.var.config, db, {
    info: requestInfo(c),
    now,
    ttlMs: DEVICE_SIGN_IN_TTL_MS,
  });
  setDeviceSignInCookie(c, secret);
  const shown = formatDeviceCode(code);
  return c.json(
    {
      code: shown,
      approve_url: `${c.var.config.origins[0]}/device?code=${shown}`,
      expires_at: iso(expiresAt),
    },
    201,
  );
});

deviceSignInRoutes.openapi(pollDeviceSignInRoute, async (c) => {
  const now = clock.now();
  const db = c.env.DB;
  await enforceRateLimit(
    db,
    { key: `device-poll:ip:${ip(c)}`, ...DEVICE_SIGN_IN_LIMITS.pollPerIp },
    now,
  );
  const polled = await pollDeviceSignIn(c.var.config, db, {
    secret: readDeviceSignInCookie(c),
    info: requestInfo(c),
    now,
    deviceToken: readDeviceCookie(c),
  });
  if (polled.status === "pending") return c.json({ status: "pending" as const }, 200);
  clearDeviceSignInCookie(c);
  if (polled.status !== "signed_in") return c.json({ status: polled.status }, 200);
  finishSignIn(c, polled.pending);
  return c.json(
    {
      status: "signed_in" as const,
      user: userJson(polled.user),
      has_passkey: polled.hasPasskey,
    },
    200,
  );
});

/** Counts a code look-up, approval or denial against the person and their IP. */
async function limitCodes(c: Context<AppEnv>, userId: string, now: number) {
  const db = c.env.DB;
  await enforceRateLimit(
    db,
    { key: `device-code:user:${userId}`, ...DEVICE_SIGN_IN_LIMITS.codesPerUser },
    now,
  );
  await enforceRateLimit(
    db,
    { key: `device-code:ip:${ip(c)}`, ...DEVICE_SIGN_IN_LIMITS.codesPerIp },
    now,
  );
}

async function findPending(c: Context<AppEnv>, code: string, now: number) {
  const row = await findPendingDeviceSignIn(c.var.config, c.env.DB, code, now);
  if (!row) throw noSuchCode();
  return row;
}

deviceSignInRoutes.openapi(lookupDeviceSignIn, async (c) => {
  const p = requireSession(c);
  const { code } = c.req.valid("json");
  const now = clock.now();
  await limitCodes(c, p.userId, now);
  const row = await findPending(c, code, now);
  return c.json(
    {
      code: formatDeviceCode(code),
      device: row.device,
      browser: row.browser,
      os: row.os,
      location: row.location,
      ip: row.ip,
      created_at: iso(row.createdAt),
      expires_at: iso(row.expiresAt),
    },
    200,
  );
});

async function decide(c: Context<AppEnv>, decision: "approved" | "denied", code: string) {
  const p =
    decision === "approved"
      ? requireRecentAuth(c, "account.approve_device_sign_in")
      : requireSession(c);
  const now = clock.now();
  const db = c.env.DB;
  await limitCodes(c, p.userId, now);
  const row = await findPending(c, code, now);
  const decided = await decideDeviceSignInRequest(db, {
    request: row,
    decision,
    userId: p.userId,
    ip: requestInfo(c).ip,
    now,
  });
  if (!decided) throw noSuchCode();
}

deviceSignInRoutes.openapi(approveDeviceSignIn, async (c) => {
  await decide(c, "approved", c.req.valid("json").code);
  return c.json({ ok: true as const }, 200);
});

deviceSignInRoutes.openapi(denyDeviceSignIn, async (c) => {
  await decide(c, "denied", c.req.valid("json").code);
  return c.json({ ok: true as const }, 200);
});
