import { clock } from "../../platform/clock";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { sha256Hex } from "../../core/crypto/hash";
import type { Role } from "../../core/permissions";
import { stepUpFresh, STEP_UP_WINDOW_MS } from "../../core/step-up";
import type { StepUpOperationName } from "../../core/step-up";
import { errors } from "../../platform/http/errors";
import type { AppEnv } from "./app-env";
import {
  API_TOKEN_PATTERN,
  bearerCredential,
  hashApiToken,
  LAST_USED_GRANULARITY_MS,
} from "../tokens/api-tokens";
import { readSessionCookie } from "./cookies";

/** Who is calling: a person in the console (session cookie) or an API client (bearer token). */
export interface SessionPrincipal {
  kind: "session";
  userId: string;
  email: string;
  sessionId: string;
  authenticatedAt: number;
}

/**
 * A tenant API token. It acts only on its own tenant's routes, with its own role, and never on
 * `/api/me*` or anything that needs a person (step-up). `userId` is the person who created it.
 */
export interface TokenPrincipal {
  kind: "token";
  tokenId: string;
  tenantId: string;
  role: Role;
  userId: string;
  /** `api` and/or `mcp`: where the token may be used. */
  scopes: string[];
}

export type Principal = SessionPrincipal | TokenPrincipal;

/** `last_seen_at` is written at most this often, so the idle timeout is exact to 5 minutes. */
const TOUCH_AFTER_MS = 5 * 60 * 1000;
export { STEP_UP_WINDOW_MS };

export interface SessionRow {
  session_id: string;
  user_id: string;
  email: string;
  authenticated_at: number;
  last_seen_at: number;
}

interface TokenRow {
  id: string;
  tenant_id: string;
  role: Role;
  created_by: string;
  last_used_at: number | null;
  scopes: string;
}

/**
 * A live token whose creator is still a member of its tenant. Tokens are revoked when their
 * creator leaves or is demoted below them; the join makes that hold even for a missed revocation.
 */
export async function tokenPrincipal(c: Context<AppEnv>, credential: string, now: number) {
  if (!API_TOKEN_PATTERN.test(credential)) return undefined;
  const row = await c.env.DB.prepare(
    `SELECT t.id, t.tenant_id, t.role, t.created_by, t.last_used_at, t.scopes
       FROM api_tokens t
       JOIN memberships m ON m.tenant_id = t.tenant_id AND m.user_id = t.created_by
      WHERE t.token_hash = ?1 AND t.revoked_at IS NULL
        AND (t.expires_at IS NULL OR t.expires_at > ?2)`,
  )
    .bind(await hashApiToken(credential), now)
    .first<TokenRow>();
  if (!row) return undefined;
  if (row.last_used_at === null || now - row.last_used_at >= LAST_USED_GRANULARITY_MS) {
    c.executionCtx.waitUntil(
      c.env.DB.prepare(
        `UPDATE api_tokens SET last_used_at = ?2
          WHERE id = ?1 AND (last_used_at IS NULL OR last_used_at <= ?3)`,
      )
        .bind(row.id, now, now - LAST_USED_GRANULARITY_MS)
        .run(),
    );
  }
  const principal: TokenPrincipal = {
    kind: "token",
    tokenId: row.id,
    tenantId: row.tenant_id,
    role: row.role,
    userId: row.created_by,
    scopes: row.scopes.split(" "),
  };
  return principal;
}

/**
 * Resolves the caller into `c.var.principal`; never fails the request (routes decide). A request
 * with an Authorization header is judged by that header alone: a cookie is not consulted, so a
 * bogus bearer (which also exempts the request from the Origin check) can never ride a session.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const authorization = c.req.header("authorization");
  if (authorization !== undefined) {
    const credential = bearerCredential(authorization);
    const token = credential ? await tokenPrincipal(c, credential, clock.now()) : undefined;
    // A token without the `api` scope (an MCP-only token) is nobody on the REST API.
    if (token?.scopes.includes("api")) c.set("principal", token);
    return next();
  }
  const token = readSessionCookie(c);
  if (token && token.length <= 128 && !authenticatesItself(c)) {
    const now = clock.now();
    const row = await c.env.DB.prepare(
      `SELECT s.id AS session_id, s.user_id, u.email, s.authenticated_at, s.last_seen_at
         FROM login_sessions s JOIN users u ON u.id = s.user_id WHERE ${LIVE_SESSION_SQL}`,
    )
      .bind(...(await liveSessionParams(c, token, now)))
      .first<SessionRow>();
    if (row) c.set("principal", sessionPrincipal(c, row, now));
  }
  await next();
});

/**
 * Routes that check the session inside their own single D1 round trip (with the data they
 * read), so the middleware does not look it up first. Each calls `liveSessionParams` itself.
 */
const SELF_AUTHENTICATING = new Set(["GET /api/me"]);
const authenticatesItself = (c: Context<AppEnv>) =>
  SELF_AUTHENTICATING.has(`${c.req.method} ${c.req.path}`);

/**
 * The one definition of a live session, over `sessions s`: this token, not revoked, within its
 * absolute lifetime (also when the configured lifetime shrank after sign-in) and its idle
 * timeout. Parameters ?1–?4 come from `liveSessionParams`. Every request evaluates it against
 * D1 itself, so a revocation holds from the very next request, in every isolate.
 */
export const LIVE_SESSION_SQL = `s.token_hash = ?1 AND s.revoked_at IS NULL AND s.expires_at > ?2
  AND s.created_at > ?3 AND s.last_seen_at > ?4`;

export async function liveSessionParams(
  c: Context<AppEnv>,
  token: string,
  now: number,
): Promise<[string, number, number, number]> {
  const { sessionLifetimeMs, sessionIdleMs } = c.var.config;
  return [await sha256Hex(token), now, now - sessionLifetimeMs, now - sessionIdleMs];
}

/** The principal of a live session row; renews its idle timer (at most every 5 minutes). */
export function sessionPrincipal(
  c: Context<AppEnv>,
  row: SessionRow,
  now: number,
): SessionPrincipal {
  if (now - row.last_seen_at > TOUCH_AFTER_MS) {
    c.executionCtx.waitUntil(
      c.env.DB.prepare("UPDATE login_sessions SET last_seen_at = ?1 WHERE id = ?2")
        .bind(now, row.session_id)
        .run(),
    );
  }
  return {
    kind: "session",
    userId: row.user_id,
    email: row.email,
    sessionId: row.session_id,
    authenticatedAt: row.authenticated_at,
  };
}

export function requireSession(c: Context<AppEnv>): SessionPrincipal {
  const p = c.var.principal;
  if (!p || p.kind !== "session") throw errors.unauthenticated();
  return p;
}

/**
 * A person whose session was confirmed within the step-up window (core/step-up.ts): the
 * operations of STEP_UP_OPERATIONS. API tokens never qualify.
 */
export function requireFreshSession(
  p: SessionPrincipal,
  operation: StepUpOperationName,
  now = clock.now(),
): SessionPrincipal {
  if (!stepUpFresh(p.authenticatedAt, now)) throw errors.stepUpRequired(operation);
  return p;
}

/** Account operations of the step-up list (passkeys, email, the account itself). */
export function requireRecentAuth(
  c: Context<AppEnv>,
  operation: StepUpOperationName,
): SessionPrincipal {
  return requireFreshSession(requireSession(c), operation);
}
