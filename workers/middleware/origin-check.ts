import { createMiddleware } from "hono/factory";
import { ApiError } from "../http/errors";
import type { AppEnv } from "../http/context";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence: a state-changing request must come from an allowed Origin. Requests with no
 * Origin are accepted only with bearer credentials, which browsers never attach on their own.
 */
export const originCheck = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  // MCP and its OAuth endpoints never act on a cookie (bearer tokens, PKCE codes, client
  // credentials), and their clients send no Origin; the MCP route checks a present Origin itself.
  if (/^\/(mcp|oauth)\//.test(c.req.path)) return next();
  const origin = c.req.header("origin");
  if (origin) {
    if (!c.var.config.origins.includes(origin)) {
      throw new ApiError(403, "origin_not_allowed", "This origin may not make changes here.");
    }
    return next();
  }
  if (/^Bearer\s/i.test(c.req.header("authorization") ?? "")) return next();
  throw new ApiError(403, "origin_required", "State-changing requests must send an Origin header.");
});
