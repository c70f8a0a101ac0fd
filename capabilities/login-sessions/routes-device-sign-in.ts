import { clock } from "../../platform/clock";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { randomToken, sha256Hex } from "../../core/crypto/hash";
import { STEP_UP_WINDOW_MS } from "../../core/step-up";
import { iso } from "../../core/time";
import { describeUserAgent } from "../../core/user-agent";
import { findUserById, hasPasskey, userJson } from "../account/accounts";
import {
  clearDeviceSignInCookie,
  readDeviceCookie,
  readDeviceSignInCookie,
  setDeviceSignInCookie,
} from "./cookies";
import { deviceCodeHash, formatDeviceCode, generateDeviceCode } from "./device-code";
import { requireRecentAuth, requireSession } from "./principal";
import { enforceRateLimit } from "../../platform/rate-limit";
import { finishSignIn, requestInfo, signInStatements } from "./sign-in";
import { ApiError } from "../../platform/http/errors";
import type { AppEnv } from "./app-env";
import { validationHook } from "../../platform/http/validation";
import { securityEventStatements } from "../account/security-notices";
import {
  DeviceCodeBody,
  DeviceSignInPoll,
  DeviceSignInRequest,
  DeviceSignInStarted,
} from "../account/contract";
import { errorResponses, json, jsonBody, Ok } from "../../core/contract/common";

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

deviceSignInRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/auth/device/start",
    tags: ["auth"],
    summary: "Ask to be signed in from another device: a short code and this browser's secret",
    description:
      "Sets an HttpOnly cookie with the request's secret; only a poll carrying it can collect the session.",
    responses: { 201: json(DeviceSignInStarted), ...errorResponses },
  }),
  async (c) => {
    const now = clock.now();
    const db = c.env.DB;
    await enforceRateLimit(
      db,
      { key: `device-start:ip:${ip(c)}`, ...DEVICE_SIGN_IN_LIMITS.startPerIp },
      now,
    );
    const info = requestInfo(c);
    const ua = describeUserAgent(info.userAgent);
    const code = generateDeviceCode();
    const secret = randomToken(32);
    const expiresAt = now + DEVICE_SIGN_IN_TTL_MS;
    await db.batch([
      // Housekeeping: requests an hour past their expiry are of no use to anyone.
      db.prepare("DELETE FROM device_sign_ins WHERE expires_at < ?1").bind(now - 60 * 60 * 1000),
      db
        .prepare(
          `INSERT INTO device_sign_ins (id, code_hash, secret_hash, status, ip, user_agent, device,
             browser, os, location, created_at, expires_at)
           VALUES (?1, ?2, ?3, 'pending', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`,
        )
        .bind(
          crypto.randomUUID(),
          await deviceCodeHash(c.var.config.authPepper, code),
          await sha256Hex(secret),
          info.ip,
          info.userAgent,
          ua.device,
          ua.browser,
          ua.os,
          info.location,
          now,
          expiresAt,
        ),
    ]);
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
  },
);

interface RequestRow {
  id: string;
  status: "pending" | "approved" | "denied" | "completed";
  expires_at: number;
  approved_by: string | null;
}

deviceSignInRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/auth/device/poll",
    tags: ["auth"],
    summary: "The phone's poll: once approved, signs this browser in (needs the request's cookie)",
    responses: { 200: json(DeviceSignInPoll), ...errorResponses },
  }),
  async (c) => {
    const now = clock.now();
    const db = c.env.DB;
    await enforceRateLimit(
      db,
      { key: `device-poll:ip:${ip(c)}`, ...DEVICE_SIGN_IN_LIMITS.pollPerIp },
      now,
    );
    const secret = readDeviceSignInCookie(c);
    const row = secret
      ? await db
          .prepare(
            "SELECT id, status, expires_at, approved_by FROM device_sign_ins WHERE secret_hash = ?1",
          )
          .bind(await sha256Hex(secret))
          .first<RequestRow>()
      : null;
    const ended = (status: "denied" | "expired") => {
      clearDeviceSignInCookie(c);
      return c.json({ status }, 200);
    };
    if (!row || row.status === "completed" || row.expires_at <= now) return ended("expired");
    if (row.status === "denied") return ended("denied");
    if (row.status === "pending") return c.json({ status: "pending" as const }, 200);

    // Approved: exactly one poll claims it, then that browser gets the session.
    const claimed = await db
      .prepare(
        `UPDATE device_sign_ins SET status = 'completed', completed_at = ?2
          WHERE id = ?1 AND status = 'approved' AND expires_at > ?2 RETURNING approved_by`,
      )
      .bind(row.id, now)
      .first<{ approved_by: string }>();
    const user = claimed ? await findUserById(db, claimed.approved_by) : null;
    if (!user) return ended("expired");
    const pending = await signInStatements(db, {
      userId: user.id,
      method: "qr",
      authenticatedBy: `qr:${row.id}`,
      // Being approved from elsewhere is no confirmation of this browser: sensitive actions here
      // still ask for a passkey or an email code.
      confirmedAt: now - STEP_UP_WINDOW_MS - 1,
      lifetimeMs: c.var.config.sessionLifetimeMs,
      info: requestInfo(c),
      now,
      deviceToken: readDeviceCookie(c),
    });
    await db.batch([
      ...pending.statements,
      db
        .prepare("UPDATE device_sign_ins SET session_id = ?2 WHERE id = ?1")
        .bind(row.id, pending.sessionId),
    ]);
    finishSignIn(c, pending);
    clearDeviceSignInCookie(c);
    return c.json(
      {
        status: "signed_in" as const,
        user: userJson(user),
        has_passkey: await hasPasskey(db, user.id),
      },
      200,
    );
  },
);

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

interface PendingRow {
  id: string;
  device: string;
  browser: string;
  os: string;
  location: string | null;
  ip: string | null;
  created_at: number;
  expires_at: number;
}

async function findPending(c: Context<AppEnv>, code: string, now: number) {
  const row = await c.env.DB.prepare(
    `SELECT id, device, browser, os, location, ip, created_at, expires_at FROM device_sign_ins
      WHERE code_hash = ?1 AND status = 'pending' AND expires_at > ?2`,
  )
    .bind(await deviceCodeHash(c.var.config.authPepper, code), now)
    .first<PendingRow>();
  if (!row) throw noSuchCode();
  return row;
}

deviceSignInRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/me/device-sign-ins/lookup",
    tags: ["me"],
    summary: "What is asking to be signed in with this code (device, browser, place)",
    request: { body: jsonBody(DeviceCodeBody) },
    responses: { 200: json(DeviceSignInRequest), 404: json(Ok, "No such code"), ...errorResponses },
  }),
  async (c) => {
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
        created_at: iso(row.created_at),
        expires_at: iso(row.expires_at),
      },
      200,
    );
  },
);

async function decide(c: Context<AppEnv>, decision: "approved" | "denied", code: string) {
  const p =
    decision === "approved"
      ? requireRecentAuth(c, "account.approve_device_sign_in")
      : requireSession(c);
  const now = clock.now();
  const db = c.env.DB;
  await limitCodes(c, p.userId, now);
  const row = await findPending(c, code, now);
  const logged = securityEventStatements(db, {
    userId: p.userId,
    kind: decision === "approved" ? "device_sign_in_approved" : "device_sign_in_denied",
    detail: {
      request_id: row.id,
      device: row.device,
      browser: row.browser,
      os: row.os,
      location: row.location,
    },
    ip: requestInfo(c).ip,
    now,
    ifChanged: true,
  });
  const [updated] = await db.batch([
    db
      .prepare(
        `UPDATE device_sign_ins SET status = ?2, approved_by = ?3, decided_at = ?4
          WHERE id = ?1 AND status = 'pending' AND expires_at > ?4`,
      )
      .bind(row.id, decision, decision === "approved" ? p.userId : null, now),
    ...logged.statements,
  ]);
  if (updated!.meta.changes === 0) throw noSuchCode();
}

deviceSignInRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/me/device-sign-ins/approve",
    tags: ["me"],
    summary: "Sign the device showing this code in as you (step-up)",
    request: { body: jsonBody(DeviceCodeBody) },
    responses: { 200: json(Ok), 404: json(Ok, "No such code"), ...errorResponses },
  }),
  async (c) => {
    await decide(c, "approved", c.req.valid("json").code);
    return c.json({ ok: true as const }, 200);
  },
);

deviceSignInRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/me/device-sign-ins/deny",
    tags: ["me"],
    summary: "Refuse the sign-in request showing this code",
    request: { body: jsonBody(DeviceCodeBody) },
    responses: { 200: json(Ok), 404: json(Ok, "No such code"), ...errorResponses },
  }),
  async (c) => {
    await decide(c, "denied", c.req.valid("json").code);
    return c.json({ ok: true as const }, 200);
  },
);
