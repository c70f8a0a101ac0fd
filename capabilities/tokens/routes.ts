import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";

import { iso, isoOrNull } from "../../core/time";
import { auditedQuery } from "../audit/outbox";
import { database } from "../../platform/db/client";
import { requestInfo } from "../login-sessions/sign-in";
import { securityEventQueries, sendSecurityNotice } from "../account/security-notices";
import { ApiError, errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";

import { isElevatedRole } from "../../core/step-up";
import { requireStepUp, authorize } from "../tenancy/access";
import { forgetAuthority } from "../runs/authority";
import { hashApiToken, newApiToken } from "./api-tokens";
import { checkGrant } from "../tenancy/members";
import { revokeGrant } from "../tenancy/revoke-grant";
import { emailOfUser } from "../tenancy/member-repository";
import { tenantNameById } from "../tenancy/tenant-repository";
import { liveTokenById, revokeToken, storeToken, tokensOfTenant, type ApiToken } from "./tokens";
import { listApiTokens, createApiToken, revokeApiToken } from "./contract";

export const tokenRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const MAX_TOKEN_LIFETIME_MS = 366 * 24 * 60 * 60 * 1000;

const tokenJson = (t: ApiToken, creatorEmail: string | null, now: number) => ({
  id: t.id,
  name: t.name,
  role: t.role,
  created_by: creatorEmail ?? "a former member",
  created_at: iso(t.createdAt),
  expires_at: isoOrNull(t.expiresAt),
  last_used_at: isoOrNull(t.lastUsedAt),
  revoked_at: isoOrNull(t.revokedAt),
  status:
    t.revokedAt !== null
      ? ("revoked" as const)
      : t.expiresAt !== null && t.expiresAt <= now
        ? ("expired" as const)
        : ("active" as const),
  scopes: t.scopes.split(" ").filter((s): s is "api" | "mcp" => s === "api" || s === "mcp"),
});

tokenRoutes.openapi(listApiTokens, async (c) => {
  const access = authorize(c, "tokens.read");
  const results = await tokensOfTenant(database(c.env.DB), access.tenantId);
  const now = clock.now();
  return c.json({ tokens: results.map((t) => tokenJson(t.token, t.creatorEmail, now)) }, 200);
});

tokenRoutes.openapi(createApiToken, async (c) => {
  const access = authorize(c, "tokens.create");
  const body = c.req.valid("json");
  checkGrant(access.role, body.role);
  if (isElevatedRole(body.role)) requireStepUp(access, "tokens.create");
  const now = clock.now();
  const expiresAt = body.expires_at === undefined ? null : Date.parse(body.expires_at);
  if (expiresAt !== null && (expiresAt <= now || expiresAt > now + MAX_TOKEN_LIFETIME_MS)) {
    throw new ApiError(400, "invalid_request", "The request is not valid.", [
      { path: "expires_at", message: "The expiry must be in the future and within a year." },
    ]);
  }
  const token = newApiToken();
  const row: ApiToken = {
    id: crypto.randomUUID(),
    tenantId: access.tenantId,
    name: body.name,
    role: body.role,
    tokenHash: await hashApiToken(token),
    createdBy: access.userId,
    createdAt: now,
    expiresAt,
    lastUsedAt: null,
    revokedAt: null,
    scopes: [...new Set(body.scopes)].sort().join(" "),
  };
  const db = database(c.env.DB);
  const tenantName = await tenantNameById(db, access.tenantId);
  const facts = {
    token_id: row.id,
    name: row.name,
    role: row.role,
    expires_at: isoOrNull(expiresAt),
  };
  // A token that can manage members or the vault is worth an email to the person it acts for.
  const notice =
    row.role === "owner" || row.role === "admin"
      ? securityEventQueries(db, {
          userId: access.userId,
          kind: "admin_token_created",
          detail: {
            tenant_id: access.tenantId,
            tenant_name: tenantName ?? access.tenantId,
            token_id: row.id,
            token_name: row.name,
            role: row.role,
            expires_at: isoOrNull(expiresAt),
          },
          ip: requestInfo(c).ip,
          now,
        })
      : null;
  await storeToken(db, row, [
    auditedQuery(c, db, access, "token.created", facts, { now }),
    ...(notice?.queries ?? []),
  ]);
  if (notice) sendSecurityNotice(c, notice);
  const creatorEmail = await emailOfUser(db, access.userId);
  return c.json({ token, api_token: tokenJson(row, creatorEmail, now) }, 201);
});

tokenRoutes.openapi(revokeApiToken, async (c) => {
  const access = authorize(c, "tokens.revoke");
  await revokeGrant(c, access, c.req.valid("param").id, {
    noun: "Token",
    find: liveTokenById,
    revoke: revokeToken,
    event: "token.revoked",
    facts: (id, token) => ({
      token_id: id,
      name: token.name,
      role: token.role,
      expires_at: isoOrNull(token.expiresAt),
    }),
  });
  await forgetAuthority(c.env, access.tenantId);
  return c.json({ ok: true as const }, 200);
});
