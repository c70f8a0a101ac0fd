import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { sha256Hex } from "../../core/crypto/hash";
import { errors } from "../http/errors";
import type { AppEnv } from "../http/context";
import { readSessionCookie } from "./cookies";

/** Who is calling. Sessions are people in the console; tokens arrive with the tenants issue. */
export interface SessionPrincipal {
  kind: "session";
  userId: string;
  email: string;
  sessionId: string;
  authenticatedAt: number;
}

export type Principal = SessionPrincipal;

const TOUCH_AFTER_MS = 5 * 60 * 1000;
export const STEP_UP_WINDOW_MS = 10 * 60 * 1000;

interface SessionRow {
  session_id: string;
  user_id: string;
  email: string;
  authenticated_at: number;
  last_seen_at: number;
}

/** Resolves the session cookie, if any, into `c.var.principal`. Never fails the request. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const token = readSessionCookie(c);
  if (token && token.length <= 128) {
    const now = Date.now();
    const row = await c.env.DB.prepare(
      `SELECT s.id AS session_id, s.user_id, u.email, s.authenticated_at, s.last_seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ?1 AND s.revoked_at IS NULL AND s.expires_at > ?2`,
    )
      .bind(await sha256Hex(token), now)
      .first<SessionRow>();
    if (row) {
      c.set("principal", {
        kind: "session",
        userId: row.user_id,
        email: row.email,
        sessionId: row.session_id,
        authenticatedAt: row.authenticated_at,
      });
      if (now - row.last_seen_at > TOUCH_AFTER_MS) {
        c.executionCtx.waitUntil(
          c.env.DB.prepare("UPDATE sessions SET last_seen_at = ?1 WHERE id = ?2")
            .bind(now, row.session_id)
            .run(),
        );
      }
    }
  }
  await next();
});

export function requireSession(c: Context<AppEnv>): SessionPrincipal {
  const p = c.var.principal;
  if (!p || p.kind !== "session") throw errors.unauthenticated();
  return p;
}

/** Sensitive actions need a sign-in or step-up within the last 10 minutes. */
export function requireRecentAuth(c: Context<AppEnv>): SessionPrincipal {
  const p = requireSession(c);
  if (Date.now() - p.authenticatedAt > STEP_UP_WINDOW_MS) throw errors.stepUpRequired();
  return p;
}
