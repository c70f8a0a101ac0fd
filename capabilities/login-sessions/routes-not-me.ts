import { clock } from "../../platform/clock";
import { Hono } from "hono";
import { escapeHtml } from "../../core/html";
import { checkNotMeToken } from "./not-me-token";
import { clearSessionCookie } from "./cookies";
import type { AppEnv } from "./app-env";
import { htmlPage } from "../../platform/http/html-page";
import { securityEventQueries, sendSecurityNotice } from "../account/security-notices";
import { database, type Database } from "../../platform/db/client";
import { notMeLinkUsed } from "../account/repository";
import { revokeSessionsOf, unrevokedSessionCount } from "./repository";

/**
 * The "this wasn't me" link of every security email. GET only shows a confirmation page (mail
 * scanners follow links); the button POSTs and revokes every session of the person. Each link
 * works once; an expired, reused or altered link gets a page that says which.
 */
export const notMeRoutes = new Hono<AppEnv>();

const MAX_TOKEN = 2048;

const invalid = () =>
  htmlPage(
    "This link is not valid",
    '<p>The link was altered or is incomplete. Open it again from the email, or sign in and use “Sign out everywhere” on your account page.</p><p><a href="/">Go to sign in</a></p>',
    400,
  );

const expired = () =>
  htmlPage(
    "This link has expired",
    '<p>“This wasn\'t me” links work for 7 days. If you are still worried, sign in and use “Sign out everywhere” on your account page.</p><p><a href="/">Go to sign in</a></p>',
    410,
  );

const alreadyUsed = () =>
  htmlPage(
    "This link was already used",
    '<p>Every session was already signed out with this link. Sign in again with a new code or your passkey, then review your passkeys and sessions.</p><p><a href="/">Go to sign in</a></p>',
    410,
  );

type Checked = { ok: true; userId: string; linkEventId: string } | { ok: false; page: Response };

async function check(db: Database, pepper: string, token: string): Promise<Checked> {
  if (token.length > MAX_TOKEN) return { ok: false, page: invalid() };
  const claim = await checkNotMeToken(pepper, token);
  if (claim.status === "expired") return { ok: false, page: expired() };
  if (claim.status === "invalid") return { ok: false, page: invalid() };
  if (await notMeLinkUsed(db, claim.userId, claim.loginEventId))
    return { ok: false, page: alreadyUsed() };
  return { ok: true, userId: claim.userId, linkEventId: claim.loginEventId };
}

notMeRoutes.get("/auth/not-me", async (c) => {
  const token = c.req.query("token") ?? "";
  const checked = await check(database(c.env.DB), c.var.config.authPepper, token);
  if (!checked.ok) return checked.page;
  return htmlPage(
    "Secure your account",
    `<p>If you did not do what the email describes, sign out every session now. You can then sign in again with a new code or your passkey.</p>
<form method="post" action="/auth/not-me"><input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit" class="danger">Sign out everywhere</button></form>`,
  );
});

notMeRoutes.post("/auth/not-me", async (c) => {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const token = typeof form.token === "string" ? form.token : "";
  const db = database(c.env.DB);
  const checked = await check(db, c.var.config.authPepper, token);
  if (!checked.ok) return checked.page;
  const now = clock.now();
  const active = await unrevokedSessionCount(db, checked.userId);
  const notice = securityEventQueries(db, {
    userId: checked.userId,
    kind: "not_me_revoke_all",
    detail: { login_event_id: checked.linkEventId, sessions: active },
    ip: c.req.header("cf-connecting-ip") ?? null,
    now,
  });
  const [revoked] = await db.batch([revokeSessionsOf(db, checked.userId, now), ...notice.queries]);
  clearSessionCookie(c);
  sendSecurityNotice(c, notice);
  return htmlPage(
    "All sessions signed out",
    `<p>${revoked.meta.changes} session(s) were signed out. Sign in again to add a new passkey or review your sign-in history.</p><p><a href="/">Go to sign in</a></p>`,
  );
});
