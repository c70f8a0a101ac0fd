import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import { describeUserAgent } from "../../core/user-agent";
import { userJson } from "./accounts";
import { clearSessionCookie, readSessionCookie } from "../login-sessions/cookies";
import {
  LIVE_SESSION_SQL,
  liveSessionParams,
  requireSession,
  sessionPrincipal,
  STEP_UP_WINDOW_MS,
  type SessionRow,
} from "../login-sessions/principal";
import { requestInfo } from "../login-sessions/sign-in";
import { securityEventStatements } from "./security-notices";
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
  const params = await liveSessionParams(c, token, now);
  const db = c.env.DB;
  const [me, memberships] = await db.batch([
    db
      .prepare(
        `SELECT s.id AS session_id, s.user_id, u.email, s.authenticated_at, s.last_seen_at,
                  u.created_at, EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = s.user_id) AS has_passkey
             FROM login_sessions s JOIN users u ON u.id = s.user_id WHERE ${LIVE_SESSION_SQL}`,
      )
      .bind(...params),
    db
      .prepare(
        `SELECT m.tenant_id, t.name AS tenant_name, m.role
             FROM login_sessions s JOIN memberships m ON m.user_id = s.user_id
             JOIN tenants t ON t.id = m.tenant_id
            WHERE ${LIVE_SESSION_SQL} ORDER BY m.created_at`,
      )
      .bind(...params),
  ]);
  const row = me!.results[0] as
    (SessionRow & { created_at: number; has_passkey: number }) | undefined;
  if (!row) throw errors.unauthenticated();
  const p = sessionPrincipal(c, row, now);
  return c.json(
    {
      user: userJson({ id: p.userId, email: p.email, createdAt: row.created_at }),
      memberships: memberships!.results as {
        tenant_id: string;
        tenant_name: string;
        role: string;
      }[],
      session: {
        id: p.sessionId,
        authenticated_at: iso(p.authenticatedAt),
        step_up_valid_until: iso(p.authenticatedAt + STEP_UP_WINDOW_MS),
      },
      has_passkey: row.has_passkey === 1,
    },
    200,
  );
});

interface SessionListRow {
  id: string;
  auth_method: "email_code" | "passkey" | "qr";
  location: string | null;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
}

meRoutes.openapi(listLoginSessions, async (c) => {
  const p = requireSession(c);
  const { sessionLifetimeMs, sessionIdleMs } = c.var.config;
  const now = clock.now();
  const { results } = await c.env.DB.prepare(
    `SELECT s.id, s.auth_method, s.created_at, s.last_seen_at, s.expires_at, s.ip, s.user_agent,
              (SELECT e.location FROM login_events e WHERE e.session_id = s.id) AS location
         FROM login_sessions s
        WHERE s.user_id = ?1 AND s.revoked_at IS NULL AND s.expires_at > ?2
          AND s.created_at > ?3 AND s.last_seen_at > ?4 ORDER BY s.last_seen_at DESC`,
  )
    .bind(p.userId, now, now - sessionLifetimeMs, now - sessionIdleMs)
    .all<SessionListRow>();
  return c.json(
    {
      sessions: results.map((s) => ({
        id: s.id,
        current: s.id === p.sessionId,
        auth_method: s.auth_method,
        location: s.location,
        created_at: iso(s.created_at),
        last_seen_at: iso(s.last_seen_at),
        // Whichever comes first: the absolute lifetime or the idle timeout.
        expires_at: iso(
          Math.min(s.expires_at, s.created_at + sessionLifetimeMs, s.last_seen_at + sessionIdleMs),
        ),
        ip: s.ip,
        ...describeUserAgent(s.user_agent),
      })),
    },
    200,
  );
});

meRoutes.openapi(revokeLoginSession, async (c) => {
  const p = requireSession(c);
  const { id } = c.req.valid("param");
  const now = clock.now();
  const logged = securityEventStatements(c.env.DB, {
    userId: p.userId,
    kind: "session_revoked",
    detail: { session_id: id },
    ip: requestInfo(c).ip,
    now,
    ifChanged: true,
  });
  const [result] = await c.env.DB.batch([
    c.env.DB.prepare(
      "UPDATE login_sessions SET revoked_at = ?3 WHERE id = ?1 AND user_id = ?2 AND revoked_at IS NULL",
    ).bind(id, p.userId, now),
    ...logged.statements,
  ]);
  if (result!.meta.changes === 0) throw errors.notFound("Session");
  if (id === p.sessionId) clearSessionCookie(c);
  return c.json({ ok: true as const }, 200);
});

meRoutes.openapi(revokeAllLoginSessions, async (c) => {
  const p = requireSession(c);
  const { keep_current } = c.req.valid("json");
  const now = clock.now();
  const db = c.env.DB;
  const [result] = await db.batch([
    db
      .prepare(
        `UPDATE login_sessions SET revoked_at = ?2
            WHERE user_id = ?1 AND revoked_at IS NULL AND (?3 = 0 OR id != ?4)`,
      )
      .bind(p.userId, now, keep_current ? 1 : 0, p.sessionId),
    ...securityEventStatements(db, {
      userId: p.userId,
      kind: "sessions_revoked",
      detail: { kept_current: keep_current ? 1 : 0 },
      ip: requestInfo(c).ip,
      now,
    }).statements,
  ]);
  if (!keep_current) clearSessionCookie(c);
  return c.json({ revoked: result!.meta.changes }, 200);
});

meRoutes.openapi(listLoginEvents, async (c) => {
  const p = requireSession(c);
  const { cursor, limit } = c.req.valid("query");
  const [afterTime, afterId] = cursor ? cursor.split("_") : [String(Number.MAX_SAFE_INTEGER), ""];
  const { results } = await c.env.DB.prepare(
    `SELECT id, session_id, method, new_device, created_at, ip, location, device, browser, os
         FROM login_events
        WHERE user_id = ?1 AND (created_at < ?2 OR (created_at = ?2 AND id > ?3))
        ORDER BY created_at DESC, id LIMIT ?4`,
  )
    .bind(p.userId, Number(afterTime), afterId, limit + 1)
    .all<{
      id: string;
      session_id: string;
      method: "email_code" | "passkey" | "qr";
      new_device: number;
      created_at: number;
      ip: string | null;
      location: string | null;
      device: string;
      browser: string;
      os: string;
    }>();
  const page = results.slice(0, limit);
  return c.json(
    {
      events: page.map((e) => ({
        ...e,
        new_device: e.new_device === 1,
        created_at: iso(e.created_at),
      })),
      next_cursor: results.length > limit ? `${page.at(-1)!.created_at}_${page.at(-1)!.id}` : null,
    },
    200,
  );
});
