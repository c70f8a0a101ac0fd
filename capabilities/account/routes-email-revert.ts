import { clock } from "../../platform/clock";
import { Hono } from "hono";
import { escapeHtml } from "../../core/html";
import { checkEmailRevertToken } from "./email-revert-token";
import { clearSessionCookie } from "../login-sessions/cookies";
import type { AppEnv } from "../login-sessions/app-env";
import { htmlPage } from "../../platform/http/html-page";
import { securityEventQueries, sendSecurityNotice } from "./security-notices";
import { database, type Database } from "../../platform/db/client";
import {
  confirmedEmailChange,
  deletePasskeysAddedSince,
  markEmailChangeReverted,
  passkeysAddedSinceCount,
  restoreEmailAfterRevert,
  voidPendingEmailChanges,
  voidSignInCodes,
} from "./repository";
import { revokeSessionsOf, unrevokedSessionCount } from "../login-sessions/repository";

/**
 * Issue 17: the "this wasn't me" link of the notice an old address gets after an email change.
 * GET shows what the button will do (mail scanners follow links); the button POSTs. While the
 * change is the account's latest, it puts the old address back, signs out every session and
 * removes the passkeys the session that made the change added. After a newer change it no longer
 * puts the old address back (that would hand the account to a mailbox the person already moved
 * away from) and only signs out every session. Each link works once.
 */
export const emailRevertRoutes = new Hono<AppEnv>();

const MAX_TOKEN = 2048;
const HOME = '<p><a href="/">Go to sign in</a></p>';

const invalid = () =>
  htmlPage(
    "This link is not valid",
    `<p>The link was altered or is incomplete. Open it again from the email.</p>${HOME}`,
    400,
  );
const expired = () =>
  htmlPage(
    "This link has expired",
    `<p>These links work for 7 days. If you are still worried, sign in and use “Sign out everywhere” on your account page.</p>${HOME}`,
    410,
  );
const alreadyUsed = () =>
  htmlPage(
    "This link was already used",
    `<p>This link already did its work. Sign in again with a new code or your passkey, then review your passkeys and sessions.</p>${HOME}`,
    410,
  );

type ChangeRow = NonNullable<Awaited<ReturnType<typeof confirmedEmailChange>>>;

type Checked = { ok: true; change: ChangeRow; canRevert: boolean } | { ok: false; page: Response };

async function check(db: Database, pepper: string, token: string): Promise<Checked> {
  if (token.length > MAX_TOKEN) return { ok: false, page: invalid() };
  const claim = await checkEmailRevertToken(pepper, token);
  if (claim.status === "expired") return { ok: false, page: expired() };
  if (claim.status === "invalid") return { ok: false, page: invalid() };
  const change = await confirmedEmailChange(db, claim.changeId, claim.userId);
  // A deleted account, or a change that was never confirmed: nothing this link could act on.
  if (!change) return { ok: false, page: invalid() };
  if (change.revertedAt !== null || change.locked) return { ok: false, page: alreadyUsed() };
  const canRevert = !change.newer && change.currentEmail === change.toEmail;
  return { ok: true, change, canRevert };
}

const form = (token: string, label: string) =>
  `<form method="post" action="/auth/email-revert"><input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit" class="danger">${escapeHtml(label)}</button></form>`;

emailRevertRoutes.get("/auth/email-revert", async (c) => {
  const token = c.req.query("token") ?? "";
  const checked = await check(database(c.env.DB), c.var.config.authPepper, token);
  if (!checked.ok) return checked.page;
  const { change } = checked;
  if (!checked.canRevert) {
    return htmlPage(
      "Secure your account",
      `<p>The address of this account was changed again after the change this email is about, so this link can no longer put back <strong>${escapeHtml(change.fromEmail)}</strong>.</p>
<p>It can still sign out every session of the account.</p>${form(token, "Sign out everywhere")}`,
    );
  }
  return htmlPage(
    "Undo the email change",
    `<p>The address of your account was changed from <strong>${escapeHtml(change.fromEmail)}</strong> to <strong>${escapeHtml(change.toEmail)}</strong>.</p>
<p>If you did not do this, put your address back: every session is signed out and passkeys added by the session that made the change are removed. Sign in again with a code sent to ${escapeHtml(change.fromEmail)}.</p>
${form(token, `Put back ${change.fromEmail} and sign out everywhere`)}`,
  );
});

emailRevertRoutes.post("/auth/email-revert", async (c) => {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const token = typeof body.token === "string" ? body.token : "";
  const db = database(c.env.DB);
  const checked = await check(db, c.var.config.authPepper, token);
  if (!checked.ok) return checked.page;
  const { change } = checked;
  const now = clock.now();
  const ip = c.req.header("cf-connecting-ip") ?? null;
  const active = await unrevokedSessionCount(db, change.userId);
  const revokeSessions = revokeSessionsOf(db, change.userId, now);

  if (checked.canRevert) {
    const added = await passkeysAddedSinceCount(db, change.userId, change.sessionId);
    const notice = securityEventQueries(db, {
      userId: change.userId,
      kind: "email_change_reverted",
      detail: {
        change_id: change.id,
        from: change.fromEmail,
        to: change.toEmail,
        sessions: active,
        passkeys_removed: added,
      },
      ip,
      now,
      ifChanged: true,
    });
    try {
      await db.batch([
        markEmailChangeReverted(db, change.id, now),
        restoreEmailAfterRevert(db, {
          userId: change.userId,
          fromEmail: change.fromEmail,
          toEmail: change.toEmail,
          changeId: change.id,
          now,
        }),
        ...notice.queries,
        revokeSessions,
        deletePasskeysAddedSince(db, change.userId, change.sessionId),
        voidPendingEmailChanges(db, change.userId, now),
        voidSignInCodes(db, [change.toEmail], now),
      ]);
      clearSessionCookie(c);
      sendSecurityNotice(c, notice);
      return htmlPage(
        "Your address is back",
        `<p>Your account's address is <strong>${escapeHtml(change.fromEmail)}</strong> again and ${active} session(s) were signed out. Sign in with a code sent to it, then review your passkeys and sign-in history.</p>${HOME}`,
      );
    } catch (e) {
      // The old address now belongs to another account: fall through to signing out everywhere.
      if (!(e instanceof Error && /UNIQUE/i.test(e.message))) throw e;
    }
  }

  const notice = securityEventQueries(db, {
    userId: change.userId,
    kind: "not_me_revoke_all",
    detail: { login_event_id: change.id, sessions: active },
    ip,
    now,
  });
  await db.batch([revokeSessions, ...notice.queries]);
  clearSessionCookie(c);
  sendSecurityNotice(c, notice);
  return htmlPage(
    "All sessions signed out",
    `<p>${active} session(s) were signed out. The address was not changed back, because it was changed again after that email.</p>${HOME}`,
  );
});
