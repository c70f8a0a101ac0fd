import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import { describeUserAgent } from "../../core/user-agent";
import { userJson } from "./accounts";
import { clearSessionCookie, readSessionCookie } from "../login-sessions/cookies";
import {
  liveSessionKey,
  requireSession,
  sessionPrincipal,
  STEP_UP_WINDOW_MS,
} from "../login-sessions/principal";
import { requestInfo } from "../login-sessions/sign-in";
import { securityEventQueries } from "./security-notices";
import { database } from "../../platform/db/client";
import { pageOf, rowsBefore } from "./time-cursor";
import { meOfLiveSession } from "./repository";
import {
  liveSessionsOf,
  loginEventsPage,
  revokeSessionOf,
  revokeSessionsOfExcept,
} from "../login-sessions/repository";
import { iso } from "../../core/time";
import { errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import {
  getMe,
  listLoginSessions,
  revokeLoginSession,
  revokeAllLoginSessions,
  listLoginEvents,
} from "./contract";

export const meRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

meRoutes.openapi(getMe, async (c) => {
  // A bearer is judged alone (and no token acts on /api/me); the cookie is checked in the
  // same D1 round trip as the data (one batch, every statement gated on the live session).
  const token = c.req.header("authorization") === undefined ? readSessionCookie(c) : undefined;
  if (!token || token.length > 128) throw errors.unauthenticated();
  const now = clock.now();
  const { me: row, memberships } = await meOfLiveSession(
    database(c.env.DB),
    await liveSessionKey(c, token, now),
  );
  if (!row) throw errors.unauthenticated();
  const p = sessionPrincipal(c, row, now);
  return c.json(
    {
      user: userJson({ id: p.userId, email: p.email, createdAt: row.createdAt }),
      memberships,
      session: {
        id: p.sessionId,
        authenticated_at: iso(p.authenticatedAt),
        step_up_valid_until: iso(p.authenticatedAt + STEP_UP_WINDOW_MS),
      },
      has_passkey: row.hasPasskey,
    },
    200,
  );
});

meRoutes.openapi(listLoginSessions, async (c) => {
  const p = requireSession(c);
  const { sessionLifetimeMs, sessionIdleMs } = c.var.config;
  const now = clock.now();
  const live = await liveSessionsOf(database(c.env.DB), {
    userId: p.userId,
    now,
    createdAfter: now - sessionLifetimeMs,
    seenAfter: now - sessionIdleMs,
  });
  return c.json(
    {
      sessions: live.map((s) => ({
        id: s.id,
        current: s.id === p.sessionId,
        auth_method: s.authMethod,
        location: s.location,
        created_at: iso(s.createdAt),
        last_seen_at: iso(s.lastSeenAt),
        // Whichever comes first: the absolute lifetime or the idle timeout.
        expires_at: iso(
          Math.min(s.expiresAt, s.createdAt + sessionLifetimeMs, s.lastSeenAt + sessionIdleMs),
        ),
        ip: s.ip,
        ...describeUserAgent(s.userAgent),
      })),
    },
    200,
  );
});

meRoutes.openapi(revokeLoginSession, async (c) => {
  const p = requireSession(c);
  const { id } = c.req.valid("param");
  const now = clock.now();
  const db = database(c.env.DB);
  const logged = securityEventQueries(db, {
    userId: p.userId,
    kind: "session_revoked",
    detail: { session_id: id },
    ip: requestInfo(c).ip,
    now,
    ifChanged: true,
  });
  const [result] = await db.batch([revokeSessionOf(db, p.userId, id, now), ...logged.queries]);
  if (result.meta.changes === 0) throw errors.notFound("Session");
  if (id === p.sessionId) clearSessionCookie(c);
  return c.json({ ok: true as const }, 200);
});

meRoutes.openapi(revokeAllLoginSessions, async (c) => {
  const p = requireSession(c);
  const { keep_current } = c.req.valid("json");
  const now = clock.now();
  const db = database(c.env.DB);
  const [result] = await db.batch([
    revokeSessionsOfExcept(db, p.userId, keep_current ? p.sessionId : null, now),
    ...securityEventQueries(db, {
      userId: p.userId,
      kind: "sessions_revoked",
      detail: { kept_current: keep_current ? 1 : 0 },
      ip: requestInfo(c).ip,
      now,
    }).queries,
  ]);
  if (!keep_current) clearSessionCookie(c);
  return c.json({ revoked: result.meta.changes }, 200);
});

meRoutes.openapi(listLoginEvents, async (c) => {
  const p = requireSession(c);
  const { cursor, limit } = c.req.valid("query");
  const results = await loginEventsPage(database(c.env.DB), {
    userId: p.userId,
    ...rowsBefore(cursor),
    limit: limit + 1,
  });
  const { page, next_cursor } = pageOf(results, limit);
  return c.json(
    {
      events: page.map((e) => ({ ...e, created_at: iso(e.created_at) })),
      next_cursor,
    },
    200,
  );
});
