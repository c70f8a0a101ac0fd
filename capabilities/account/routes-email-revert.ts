import { clock } from "../../platform/clock";
import { Hono } from "hono";
import { escapeHtml } from "../../core/html";
import { checkEmailRevertToken } from "./email-revert-token";
import { clearSessionCookie } from "../login-sessions/cookies";
import type { AppEnv } from "../login-sessions/app-env";
import { htmlPage } from "../../platform/http/html-page";
import { securityEventStatements, sendSecurityNotice } from "./security-notices";

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

interface ChangeRow {
  id: string;
  user_id: string;
  session_id: string;
  from_email: string;
  to_email: string;
  confirmed_at: number | null;
  reverted_at: number | null;
  current_email: string;
  newer: number;
  locked: number;
}

type Checked = { ok: true; change: ChangeRow; canRevert: boolean } | { ok: false; page: Response };

async function check(db: D1Database, pepper: string, token: string): Promise<Checked> {
  if (token.length > MAX_TOKEN) return { ok: false, page: invalid() };
  const claim = await checkEmailRevertToken(pepper, token);
  if (claim.status === "expired") return { ok: false, page: expired() };
  if (claim.status === "invalid") return { ok: false, page: invalid() };
  const change = await db
    .prepare(
      `SELECT ch.id, ch.user_id, ch.session_id, ch.from_email, ch.to_email, ch.confirmed_at,
              ch.reverted_at, u.email AS current_email,
              EXISTS (SELECT 1 FROM email_changes n WHERE n.user_id = ch.user_id
                        AND n.confirmed_at > ch.confirmed_at) AS newer,
              EXISTS (SELECT 1 FROM security_events e WHERE e.user_id = ch.user_id
                        AND e.kind = 'not_me_revoke_all'
                        AND json_extract(e.detail, '$.login_event_id') = ch.id) AS locked
         FROM email_changes ch JOIN users u ON u.id = ch.user_id
        WHERE ch.id = ?1 AND ch.user_id = ?2 AND ch.confirmed_at IS NOT NULL`,
    )
    .bind(claim.changeId, claim.userId)
    .first<ChangeRow>();
  // A deleted account, or a change that was never confirmed: nothing this link could act on.
  if (!change) return { ok: false, page: invalid() };
  if (change.reverted_at !== null || change.locked === 1) return { ok: false, page: alreadyUsed() };
  const canRevert = change.newer === 0 && change.current_email === change.to_email;
  return { ok: true, change, canRevert };
}

const form = (token: string, label: string) =>
  `<form method="post" action="/auth/email-revert"><input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit" class="danger">${escapeHtml(label)}</button></form>`;

emailRevertRoutes.get("/auth/email-revert", async (c) => {
  const token = c.req.query("token") ?? "";
  const checked = await check(c.env.DB, c.var.config.authPepper, token);
  if (!checked.ok) return checked.page;
  const { change } = checked;
  if (!checked.canRevert) {
    return htmlPage(
      "Secure your account",
      `<p>The address of this account was changed again after the change this email is about, so this link can no longer put back <strong>${escapeHtml(change.from_email)}</strong>.</p>
<p>It can still sign out every session of the account.</p>${form(token, "Sign out everywhere")}`,
    );
  }
  return htmlPage(
    "Undo the email change",
    `<p>The address of your account was changed from <strong>${escapeHtml(change.from_email)}</strong> to <strong>${escapeHtml(change.to_email)}</strong>.</p>
<p>If you did not do this, put your address back: every session is signed out and passkeys added by the session that made the change are removed. Sign in again with a code sent to ${escapeHtml(change.from_email)}.</p>
${form(token, `Put back ${change.from_email} and sign out everywhere`)}`,
  );
});

emailRevertRoutes.post("/auth/email-revert", async (c) => {
  const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const token = typeof body.token === "string" ? body.token : "";
  const db = c.env.DB;
  const checked = await check(db, c.var.config.authPepper, token);
  if (!checked.ok) return checked.page;
  const { change } = checked;
  const now = clock.now();
  const ip = c.req.header("cf-connecting-ip") ?? null;
  const active = await db
    .prepare("SELECT COUNT(*) AS n FROM login_sessions WHERE user_id = ?1 AND revoked_at IS NULL")
    .bind(change.user_id)
    .first<{ n: number }>();
  const revokeSessions = db
    .prepare("UPDATE login_sessions SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL")
    .bind(change.user_id, now);

  if (checked.canRevert) {
    const added = await db
      .prepare(
        `SELECT COUNT(*) AS n FROM passkeys WHERE user_id = ?1
           AND created_at >= (SELECT created_at FROM login_sessions WHERE id = ?2)`,
      )
      .bind(change.user_id, change.session_id)
      .first<{ n: number }>();
    const notice = securityEventStatements(db, {
      userId: change.user_id,
      kind: "email_change_reverted",
      detail: {
        change_id: change.id,
        from: change.from_email,
        to: change.to_email,
        sessions: active?.n ?? 0,
        passkeys_removed: added?.n ?? 0,
      },
      ip,
      now,
      ifChanged: true,
    });
    try {
      await db.batch([
        db
          .prepare(
            "UPDATE email_changes SET reverted_at = ?2 WHERE id = ?1 AND reverted_at IS NULL",
          )
          .bind(change.id, now),
        db
          .prepare(
            `UPDATE users SET email = ?2 WHERE id = ?1 AND email = ?3
               AND EXISTS (SELECT 1 FROM email_changes WHERE id = ?4 AND reverted_at = ?5)`,
          )
          .bind(change.user_id, change.from_email, change.to_email, change.id, now),
        ...notice.statements,
        revokeSessions,
        db
          .prepare(
            `DELETE FROM passkeys WHERE user_id = ?1
               AND created_at >= (SELECT created_at FROM login_sessions WHERE id = ?2)`,
          )
          .bind(change.user_id, change.session_id),
        db
          .prepare(
            `UPDATE email_changes SET voided_at = ?2
              WHERE user_id = ?1 AND confirmed_at IS NULL AND voided_at IS NULL`,
          )
          .bind(change.user_id, now),
        db
          .prepare(
            `UPDATE otp_challenges SET voided_at = ?2
              WHERE email = ?1 AND consumed_at IS NULL AND voided_at IS NULL`,
          )
          .bind(change.to_email, now),
      ]);
      clearSessionCookie(c);
      sendSecurityNotice(c, notice);
      return htmlPage(
        "Your address is back",
        `<p>Your account's address is <strong>${escapeHtml(change.from_email)}</strong> again and ${active?.n ?? 0} session(s) were signed out. Sign in with a code sent to it, then review your passkeys and sign-in history.</p>${HOME}`,
      );
    } catch (e) {
      // The old address now belongs to another account: fall through to signing out everywhere.
      if (!(e instanceof Error && /UNIQUE/i.test(e.message))) throw e;
    }
  }

  const notice = securityEventStatements(db, {
    userId: change.user_id,
    kind: "not_me_revoke_all",
    detail: { login_event_id: change.id, sessions: active?.n ?? 0 },
    ip,
    now,
  });
  await db.batch([revokeSessions, ...notice.statements]);
  clearSessionCookie(c);
  sendSecurityNotice(c, notice);
  return htmlPage(
    "All sessions signed out",
    `<p>${active?.n ?? 0} session(s) were signed out. The address was not changed back, because it was changed again after that email.</p>${HOME}`,
  );
});
