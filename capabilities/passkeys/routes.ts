import { clock } from "../../platform/clock";
import { securityEventQueries, sendSecurityNotice } from "../account/security-notices";
import type { PendingSecurityQueries } from "../account/security-notices";
import { database } from "../../platform/db/client";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { userJson } from "../account/accounts";
import { credentialMayStepUp } from "../../core/step-up";
import { checkOtp } from "../sign-in-code/otp-service";
import {
  authenticationOptions,
  listPasskeys,
  markStepUp,
  passkeyJson,
  registerPasskey,
  removePasskey,
  renamePasskeyOf,
  registrationOptions,
  signInWithPasskey,
  verifyAssertion,
} from "./passkeys";
import { requireRecentAuth, requireSession, STEP_UP_WINDOW_MS } from "../login-sessions/principal";
import { enforceRateLimit } from "../../platform/rate-limit";
import { finishSignIn, requestInfo } from "../login-sessions/sign-in";
import { readDeviceCookie } from "../login-sessions/cookies";
import { iso } from "../../core/time";
import { ApiError, errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";

import {
  passkeySignInOptions,
  verifyPasskeySignIn,
  passkeyRegistrationOptions,
  registerPasskeyRoute,
  listPasskeysRoute,
  renamePasskey,
  deletePasskey,
  stepUpOptions,
  verifyStepUp,
  stepUpWithCode,
} from "./contract";

export const passkeyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const noEligiblePasskey = () =>
  new ApiError(
    409,
    "no_passkey",
    "None of your passkeys existed before this session was last confirmed: confirm with an email code.",
  );

const ASSERTION_LIMIT = { limit: 60, windowMs: 10 * 60 * 1000 };
const ipKey = (ip: string | null) => ip ?? "unknown";

passkeyRoutes.openapi(passkeySignInOptions, async (c) => {
  const now = clock.now();
  await enforceRateLimit(
    c.env.DB,
    { key: `passkey-options:ip:${ipKey(requestInfo(c).ip)}`, ...ASSERTION_LIMIT },
    now,
  );
  return c.json(
    await authenticationOptions(c.var.config, c.env.DB, { purpose: "authenticate", now }),
    200,
  );
});

passkeyRoutes.openapi(verifyPasskeySignIn, async (c) => {
  const { response } = c.req.valid("json");
  const info = requestInfo(c);
  const signedIn = await signInWithPasskey(c.var.config, c.env.DB, {
    response: response as AuthenticationResponseJSON,
    rateLimit: { key: `passkey-verify:ip:${ipKey(info.ip)}`, ...ASSERTION_LIMIT },
    info,
    now: clock.now(),
    deviceToken: readDeviceCookie(c),
  });
  finishSignIn(c, signedIn.pending, signedIn.confirm);
  return c.json({ user: userJson(signedIn.user), new_user: false, has_passkey: true }, 200);
});

passkeyRoutes.openapi(passkeyRegistrationOptions, async (c) => {
  const p = requireRecentAuth(c, "passkeys.add");
  const options = await registrationOptions(
    c.var.config,
    c.env.DB,
    { id: p.userId, email: p.email },
    p.sessionId,
    clock.now(),
  );
  return c.json(options, 200);
});

passkeyRoutes.openapi(registerPasskeyRoute, async (c) => {
  const p = requireRecentAuth(c, "passkeys.add");
  const { response, name } = c.req.valid("json");
  const now = clock.now();
  let notice: PendingSecurityQueries | null = null;
  const row = await registerPasskey(c.var.config, c.env.DB, {
    userId: p.userId,
    sessionId: p.sessionId,
    response: response as RegistrationResponseJSON,
    name,
    userAgent: requestInfo(c).userAgent,
    now,
    records: (added) => {
      notice = securityEventQueries(database(c.env.DB), {
        userId: p.userId,
        kind: "passkey_added",
        detail: { passkey_id: added.id, name: added.name },
        ip: requestInfo(c).ip,
        now,
      });
      return notice.queries;
    },
  });
  if (notice) sendSecurityNotice(c, notice);
  return c.json({ passkey: passkeyJson(row) }, 201);
});

passkeyRoutes.openapi(listPasskeysRoute, async (c) => {
  const p = requireSession(c);
  return c.json({ passkeys: (await listPasskeys(c.env.DB, p.userId)).map(passkeyJson) }, 200);
});

passkeyRoutes.openapi(renamePasskey, async (c) => {
  const p = requireSession(c);
  const { id } = c.req.valid("param");
  const { name } = c.req.valid("json");
  const row = await renamePasskeyOf(c.env.DB, { userId: p.userId, id, name });
  if (!row) throw errors.notFound("Passkey");
  return c.json({ passkey: passkeyJson(row) }, 200);
});

passkeyRoutes.openapi(deletePasskey, async (c) => {
  const p = requireRecentAuth(c, "passkeys.remove");
  const { id } = c.req.valid("param");
  const db = c.env.DB;
  const notice = await removePasskey(db, {
    userId: p.userId,
    id,
    ip: requestInfo(c).ip,
    now: clock.now(),
  });
  if (!notice) throw errors.notFound("Passkey");
  sendSecurityNotice(c, notice);
  return c.json({ ok: true as const }, 200);
});

async function stepUp(db: D1Database, sessionId: string, by: string, now: number) {
  await markStepUp(db, sessionId, by, now);
  return { ok: true as const, step_up_valid_until: iso(now + STEP_UP_WINDOW_MS) };
}

passkeyRoutes.openapi(stepUpOptions, async (c) => {
  const p = requireSession(c);
  const eligible = (await listPasskeys(c.env.DB, p.userId)).filter((k) =>
    credentialMayStepUp(k.createdAt, p.authenticatedAt),
  );
  if (eligible.length === 0) throw noEligiblePasskey();
  const options = await authenticationOptions(c.var.config, c.env.DB, {
    purpose: "step_up",
    userId: p.userId,
    sessionId: p.sessionId,
    allow: eligible,
    now: clock.now(),
  });
  return c.json(options, 200);
});

passkeyRoutes.openapi(verifyStepUp, async (c) => {
  const p = requireSession(c);
  const { response } = c.req.valid("json");
  const now = clock.now();
  const verified = await verifyAssertion(c.var.config, c.env.DB, {
    response: response as AuthenticationResponseJSON,
    purpose: "step_up",
    rateLimit: { key: `step-up:session:${p.sessionId}`, ...ASSERTION_LIMIT },
    userId: p.userId,
    sessionId: p.sessionId,
    ip: requestInfo(c).ip,
    now,
  });
  // A passkey added after this session's last confirmation cannot confirm it: otherwise a
  // stolen session could register its own passkey and mint step-up with it.
  if (!credentialMayStepUp(verified.passkey.createdAt, p.authenticatedAt)) {
    throw noEligiblePasskey();
  }
  await verified.update();
  return c.json(await stepUp(c.env.DB, p.sessionId, `passkey:${verified.passkey.id}`, now), 200);
});

passkeyRoutes.openapi(stepUpWithCode, async (c) => {
  const p = requireSession(c);
  const { code } = c.req.valid("json");
  const now = clock.now();
  // Consumes the code when it matches (one round trip with the attempt and the limit).
  await checkOtp(c.var.config, c.env.DB, {
    email: p.email,
    code,
    ip: ipKey(requestInfo(c).ip),
    now,
  });
  return c.json(await stepUp(c.env.DB, p.sessionId, "email_code", now), 200);
});
