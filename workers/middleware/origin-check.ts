import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { ApiError } from "../../platform/http/errors";
import type { AppEnv } from "../../capabilities/login-sessions/app-env";
import { htmlPage } from "../../platform/http/html-page";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A browser's HTML form submission (the pages behind email links), answered with a page. */
function isFormPost(c: Context<AppEnv>): boolean {
  const type = c.req.header("content-type") ?? "";
  return /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type);
}

const refusedPage = () =>
  htmlPage(
    "This request was refused",
    `<p>Your browser did not say which site this form was sent from, so nothing was changed.
This happens when a page is opened from another site or an extension strips the information.</p>
<p>Open the link from the email again in this browser, or sign in and make the change from your account page.</p>
<p><a href="/">Go to Gatehouse</a></p>`,
    403,
  );

/**
 * CSRF defence: a state-changing request must come from an allowed Origin. Requests with no
 * Origin are accepted only with bearer credentials, which browsers never attach on their own.
 * `Origin: null` (an opaque origin: sandboxed frames, some redirects, a no-referrer page) is a
 * refusal like any other unknown origin; an HTML form gets a readable page, not JSON.
 */
export const originCheck = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  // MCP and its OAuth endpoints never act on a cookie (bearer tokens, PKCE codes, client
  // credentials), and their clients send no Origin; the MCP route checks a present Origin itself.
  if (/^\/(mcp|oauth)\//.test(c.req.path)) return next();
  const origin = c.req.header("origin");
  if (origin) {
    if (!c.var.config.origins.includes(origin)) {
      if (isFormPost(c)) return refusedPage();
      throw new ApiError(403, "origin_not_allowed", "This origin may not make changes here.");
    }
    return next();
  }
  if (/^Bearer\s/i.test(c.req.header("authorization") ?? "")) return next();
  if (isFormPost(c)) return refusedPage();
  throw new ApiError(403, "origin_required", "State-changing requests must send an Origin header.");
});
