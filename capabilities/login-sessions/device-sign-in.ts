import { randomToken, sha256Hex } from "../../core/crypto/hash";
import { STEP_UP_WINDOW_MS } from "../../core/step-up";
import { describeUserAgent } from "../../core/user-agent";
import type { Config } from "../../platform/config";
import { database } from "../../platform/db/client";
import { findUserById, hasPasskey, type UserRow } from "../account/accounts";
import { securityEventQueries } from "../account/security-notices";
import { deviceCodeHash, generateDeviceCode } from "./device-code";
import {
  claimApprovedDeviceSignIn,
  decideDeviceSignIn,
  deviceSignInBySecret,
  insertDeviceSignIn,
  linkDeviceSignInSession,
  pendingDeviceSignInByCode,
} from "./repository";
import { signInStatements, type PendingSignIn, type RequestInfo } from "./sign-in";

/** A new cross-device request: its short code (to show) and the browser's secret (a cookie). */
export async function startDeviceSignIn(
  config: Config,
  d1: D1Database,
  args: { info: RequestInfo; now: number; ttlMs: number },
): Promise<{ code: string; secret: string; expiresAt: number }> {
  const { info, now } = args;
  const ua = describeUserAgent(info.userAgent);
  const code = generateDeviceCode();
  const secret = randomToken(32);
  const expiresAt = now + args.ttlMs;
  await insertDeviceSignIn(
    database(d1),
    {
      id: crypto.randomUUID(),
      codeHash: await deviceCodeHash(config.authPepper, code),
      secretHash: await sha256Hex(secret),
      ip: info.ip,
      userAgent: info.userAgent,
      device: ua.device,
      browser: ua.browser,
      os: ua.os,
      location: info.location,
      createdAt: now,
      expiresAt,
    },
    now,
  );
  return { code, secret, expiresAt };
}

export type DevicePoll =
  | { status: "expired" | "denied" | "pending" }
  | { status: "signed_in"; user: UserRow; hasPasskey: boolean; pending: PendingSignIn };

/** The phone's poll: once approved, exactly one poll claims the request and signs in. */
export async function pollDeviceSignIn(
  config: Config,
  d1: D1Database,
  args: { secret: string | undefined; info: RequestInfo; now: number; deviceToken?: string },
): Promise<DevicePoll> {
  const { now } = args;
  const db = database(d1);
  const row = args.secret ? await deviceSignInBySecret(db, await sha256Hex(args.secret)) : null;
  if (!row || row.status === "completed" || row.expiresAt <= now) return { status: "expired" };
  if (row.status === "denied") return { status: "denied" };
  if (row.status === "pending") return { status: "pending" };

  const approvedBy = await claimApprovedDeviceSignIn(db, row.id, now);
  const user = approvedBy ? await findUserById(db, approvedBy) : null;
  if (!user) return { status: "expired" };
  const pending = await signInStatements(db, {
    userId: user.id,
    method: "qr",
    authenticatedBy: `qr:${row.id}`,
    // Being approved from elsewhere is no confirmation of this browser: sensitive actions here
    // still ask for a passkey or an email code.
    confirmedAt: now - STEP_UP_WINDOW_MS - 1,
    lifetimeMs: config.sessionLifetimeMs,
    info: args.info,
    now,
    deviceToken: args.deviceToken,
  });
  await db.batch([...pending.statements, linkDeviceSignInSession(db, row.id, pending.sessionId)]);
  return { status: "signed_in", user, hasPasskey: await hasPasskey(db, user.id), pending };
}

export async function findPendingDeviceSignIn(
  config: Config,
  d1: D1Database,
  code: string,
  now: number,
) {
  return pendingDeviceSignInByCode(
    database(d1),
    await deviceCodeHash(config.authPepper, code),
    now,
  );
}

/** Approves or denies a pending request, with its security-log entry; false if it was not. */
export async function decideDeviceSignInRequest(
  d1: D1Database,
  args: {
    request: NonNullable<Awaited<ReturnType<typeof findPendingDeviceSignIn>>>;
    decision: "approved" | "denied";
    userId: string;
    ip: string | null;
    now: number;
  },
): Promise<boolean> {
  const { request: row, decision, userId, now } = args;
  const db = database(d1);
  const logged = securityEventQueries(db, {
    userId,
    kind: decision === "approved" ? "device_sign_in_approved" : "device_sign_in_denied",
    detail: {
      request_id: row.id,
      device: row.device,
      browser: row.browser,
      os: row.os,
      location: row.location,
    },
    ip: args.ip,
    now,
    ifChanged: true,
  });
  const [updated] = await db.batch([
    decideDeviceSignIn(db, row.id, decision, decision === "approved" ? userId : null, now),
    ...logged.queries,
  ]);
  return updated.meta.changes > 0;
}
