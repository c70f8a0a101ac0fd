import { Hono } from "hono";
import { escapeHtml } from "../../core/html";
import { verifyNotMeToken } from "../auth/not-me-token";
import { clearSessionCookie } from "../auth/cookies";
import type { AppEnv } from "../http/context";
import { htmlPage } from "../http/html-page";

/**
 * The "this wasn't me" link from the sign-in email. GET only shows a confirmation page (mail
 * scanners follow links); the button POSTs and revokes every session of the person.
 */
export const notMeRoutes = new Hono<AppEnv>();

const invalid = () =>
  htmlPage(
    "This link is not valid",
    "<p>The link has expired or was altered. Sign in and use “Sign out everywhere” on your account page.</p>",
    400,
  );

notMeRoutes.get("/auth/not-me", async (c) => {
  const token = c.req.query("token") ?? "";
  if (token.length > 2048 || !(await verifyNotMeToken(c.var.config.authPepper, token)))
    return invalid();
  return htmlPage(
    "Secure your account",
    `<p>If you did not just sign in, sign out every session now. You can then sign in again with a new code or your passkey.</p>
<form method="post" action="/auth/not-me"><input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit" class="danger">Sign out everywhere</button></form>`,
  );
});

notMeRoutes.post("/auth/not-me", async (c) => {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const token = typeof form.token === "string" ? form.token : "";
  const claim =
    token.length <= 2048 ? await verifyNotMeToken(c.var.config.authPepper, token) : null;
  if (!claim) return invalid();
  const now = Date.now();
  const [revoked] = await c.env.DB.batch([
    c.env.DB.prepare(
      "UPDATE sessions SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL",
    ).bind(claim.userId, now),
    c.env.DB.prepare(
      `INSERT INTO security_events (id, user_id, kind, detail, ip, created_at)
       VALUES (?1, ?2, 'not_me_revoke_all', ?3, ?4, ?5)`,
    ).bind(
      crypto.randomUUID(),
      claim.userId,
      JSON.stringify({ login_event_id: claim.loginEventId }),
      c.req.header("cf-connecting-ip") ?? null,
      now,
    ),
  ]);
  clearSessionCookie(c);
  return htmlPage(
    "All sessions signed out",
    `<p>${revoked!.meta.changes} session(s) were signed out. Sign in again to add a new passkey or review your sign-in history.</p><p><a href="/">Go to sign in</a></p>`,
  );
});
