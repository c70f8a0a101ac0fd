import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import { hmacHex, importHmacKey } from "../../core/crypto/hash";
import { fromHex, utf8 } from "../../core/encoding";
import { generateOtpCode, otpMessage } from "../../core/otp";
import { iso } from "../../core/time";
import { requireRecentAuth } from "../login-sessions/principal";
import { assertUnderLimit, enforceRateLimit } from "../../platform/rate-limit";
import { database } from "../../platform/db/client";
import {
  attemptEmailChange,
  deleteEmailChange,
  emailInUse,
  insertEmailChange,
  markEmailChangeConfirmed,
  switchEmailAfterConfirm,
  voidPendingEmailChanges,
  voidSignInCodes,
} from "./repository";
import { requestInfo } from "../login-sessions/sign-in";
import { ApiError } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { securityEventQueries, sendSecurityNotice } from "./security-notices";
import { emailChangeCodeMail } from "../../platform/mail/templates";
import { mailTransport } from "../../platform/mail/transport";
import { startEmailChange, confirmEmailChange } from "./contract";

/**
 * Issue 17: changing the account's email address. Step-up at both ends; a 6-digit code to the
 * new address proves it (stored as an HMAC in `email_changes`, never in `otp_challenges`, so it
 * cannot sign anyone in); the confirmed change is in the security log and mailed to the old
 * address with a link that undoes it (`/auth/email-revert`).
 */
export const emailChangeRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const CODE_TTL_MS = 10 * 60 * 1000;
const MAX_ATTEMPTS = 5;
const HOUR = 60 * 60 * 1000;
export const EMAIL_CHANGE_LIMITS = {
  startPerUser: { limit: 5, windowMs: HOUR },
  startPerAddress: { limit: 3, windowMs: HOUR },
  confirmPerUser: { limit: 20, windowMs: HOUR },
} as const;

const codeMessage = (id: string, email: string, code: string) =>
  // Its own domain (the change's id), never a sign-in code's message.
  otpMessage(`email-change:${id}\n${email}`, code);

const invalidCode = () =>
  new ApiError(400, "invalid_code", "That code is wrong or has expired. Ask for a new one.", [
    { path: "code", message: "That code is wrong or has expired." },
  ]);

const addressTaken = () =>
  new ApiError(409, "email_taken", "Another account uses that address.", [
    { path: "new_email", message: "Another account uses that address." },
  ]);

emailChangeRoutes.openapi(startEmailChange, async (c) => {
  const p = requireRecentAuth(c, "account.change_email");
  const { new_email } = c.req.valid("json");
  const db = c.env.DB;
  const now = clock.now();
  if (new_email === p.email) {
    throw new ApiError(400, "same_email", "That is already your address.", [
      { path: "new_email", message: "That is already your address." },
    ]);
  }
  await enforceRateLimit(
    db,
    { key: `email-change:user:${p.userId}`, ...EMAIL_CHANGE_LIMITS.startPerUser },
    now,
  );
  await enforceRateLimit(
    db,
    { key: `email-change:to:${new_email}`, ...EMAIL_CHANGE_LIMITS.startPerAddress },
    now,
  );
  if (await emailInUse(database(db), new_email)) throw addressTaken();
  const id = crypto.randomUUID();
  const code = generateOtpCode();
  const codeHmac = await hmacHex(
    await importHmacKey(c.var.config.authPepper),
    codeMessage(id, new_email, code),
  );
  const orm = database(db);
  await orm.batch([
    voidPendingEmailChanges(orm, p.userId, now),
    insertEmailChange(orm, {
      id,
      userId: p.userId,
      sessionId: p.sessionId,
      fromEmail: p.email,
      toEmail: new_email,
      codeHmac,
      createdAt: now,
      expiresAt: now + CODE_TTL_MS,
    }),
  ]);
  const sent = await mailTransport(c.var.config, db)
    .send({
      to: new_email,
      ...emailChangeCodeMail(code, CODE_TTL_MS / 60_000),
      idempotencyKey: id,
    })
    .catch(() => ({ ok: false as const, error: "send failed", retryable: true }));
  if (!sent.ok) {
    await deleteEmailChange(orm, id);
    throw new ApiError(
      503,
      "mail_unavailable",
      "We could not send the email. Try again shortly.",
      [],
      {
        "Retry-After": "30",
      },
    );
  }
  return c.json(
    { status: "code_sent" as const, new_email, expires_at: iso(now + CODE_TTL_MS) },
    202,
  );
});

emailChangeRoutes.openapi(confirmEmailChange, async (c) => {
  const p = requireRecentAuth(c, "account.change_email");
  const { code } = c.req.valid("json");
  const db = c.env.DB;
  const now = clock.now();
  const limit = { key: `email-confirm:user:${p.userId}`, ...EMAIL_CHANGE_LIMITS.confirmPerUser };
  // The attempt is counted before the comparison, so parallel guesses cannot pass the limit.
  const { hit, change } = await attemptEmailChange(database(db), {
    userId: p.userId,
    limit,
    now,
    maxAttempts: MAX_ATTEMPTS,
  });
  assertUnderLimit(hit, limit, now);
  if (!change || change.fromEmail !== p.email) throw invalidCode();
  const matches = await crypto.subtle.verify(
    "HMAC",
    await importHmacKey(c.var.config.authPepper),
    fromHex(change.codeHmac),
    utf8.encode(codeMessage(change.id, change.toEmail, code)),
  );
  if (!matches) throw invalidCode();

  const orm = database(db);
  const notice = securityEventQueries(orm, {
    userId: p.userId,
    kind: "email_changed",
    detail: { change_id: change.id, from: change.fromEmail, to: change.toEmail },
    ip: requestInfo(c).ip,
    now,
    ifChanged: true,
  });
  try {
    const [confirmed] = await orm.batch([
      markEmailChangeConfirmed(orm, change.id, now),
      switchEmailAfterConfirm(orm, {
        userId: p.userId,
        fromEmail: change.fromEmail,
        toEmail: change.toEmail,
        changeId: change.id,
        now,
      }),
      ...notice.queries,
      // Codes still out for either address no longer sign anyone in.
      voidSignInCodes(orm, [change.fromEmail, change.toEmail], now),
    ]);
    if (confirmed.meta.changes === 0) throw invalidCode();
  } catch (e) {
    if (e instanceof Error && /UNIQUE/i.test(e.message)) throw addressTaken();
    throw e;
  }
  sendSecurityNotice(c, notice);
  return c.json({ ok: true as const, email: change.toEmail }, 200);
});
