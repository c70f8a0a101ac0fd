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
import { database } from "../../platform/db/client";
import { liveTokenByHash, touchTokenLastUsed } from "../tokens/repository";
import { liveSession, touchSession, type LiveSession, type LiveSessionKey } from "./repository";

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

/**
 * A live token whose creator is still a member of its tenant. Tokens are revoked when their
 * creator leaves or is demoted below them; the join makes that hold even for a missed revocation.
 */
export async function tokenPrincipal(c: Context<AppEnv>, credential: string, now: number) {
  if (!API_TOKEN_PATTERN.test(credential)) return undefined;
  const db = database(c.env.DB);
  const row = await liveTokenByHash(db, await hashApiToken(credential), now);
  if (!row) return undefined;
  if (row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_GRANULARITY_MS) {
    c.executionCtx.waitUntil(touchTokenLastUsed(db, row.id, now, now - LAST_USED_GRANULARITY_MS));
  }
  const principal: TokenPrincipal = {
    kind: "token",
    tokenId: row.id,
    tenantId: row.tenantId,
    role: row.role,
    userId: row.createdBy,
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
    const row = await liveSession(database(c.env.DB), await liveSessionKey(c, token, now));
    if (row) c.set("principal", sessionPrincipal(c, row, now));
  }
  await next();
});

/**
 * Routes that check the session inside their own single D1 round trip (with the data they
 * read), so the middleware does not look it up first. Each calls `liveSessionKey` itself.
 */
const SELF_AUTHENTICATING = new Set(["GET /api/me"]);
const authenticatesItself = (c: Context<AppEnv>) =>
  SELF_AUTHENTICATING.has(`${c.req.method} ${c.req.path}`);

/**
 * The key of a live session (`isLiveSession` in ./repository.ts) for this token at `now`, under
 * the configured lifetime and idle timeout. Every request evaluates it against D1 itself, so a
 * revocation holds from the very next request, in every isolate.
 */
export async function liveSessionKey(
  c: Context<AppEnv>,
  token: string,
  now: number,
): Promise<LiveSessionKey> {
  const { sessionLifetimeMs, sessionIdleMs } = c.var.config;
  return {
    tokenHash: await sha256Hex(token),
    now,
    createdAfter: now - sessionLifetimeMs,
    seenAfter: now - sessionIdleMs,
  };
}

/** The principal of a live session row; renews its idle timer (at most every 5 minutes). */
export function sessionPrincipal(
  c: Context<AppEnv>,
  row: LiveSession,
  now: number,
): SessionPrincipal {
  if (now - row.lastSeenAt > TOUCH_AFTER_MS) {
    c.executionCtx.waitUntil(touchSession(database(c.env.DB), row.sessionId, now));
  }
  return {
    kind: "session",
    userId: row.userId,
    email: row.email,
    sessionId: row.sessionId,
    authenticatedAt: row.authenticatedAt,
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
