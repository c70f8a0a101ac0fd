import { clock } from "../../platform/clock";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Role } from "../../core/permissions";
import { iso, isoOrNull } from "../../core/time";
import { audited } from "../audit/outbox";
import { requestInfo } from "../login-sessions/sign-in";
import { securityEventStatements, sendSecurityNotice } from "../account/security-notices";
import { ApiError, errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { json, jsonBody, Ok } from "../../core/contract/common";
import {
  ApiTokenList,
  CreatedToken,
  CreateTokenBody,
  TenantItemParams,
  TenantParams,
  tenantErrorResponses,
} from "../tenancy/contract";
import { isElevatedRole } from "../../core/step-up";
import { requireStepUp, requireTenantAccess } from "../tenancy/access";
import { forgetAuthority } from "../runs/authority";
import { hashApiToken, newApiToken } from "./api-tokens";
import { checkGrant } from "../tenancy/members";

export const tokenRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const MAX_TOKEN_LIFETIME_MS = 366 * 24 * 60 * 60 * 1000;

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  creator_email: string | null;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
  scopes: string;
}

const tokenJson = (t: TokenRow, now: number) => ({
  id: t.id,
  name: t.name,
  role: t.role,
  created_by: t.creator_email ?? "a former member",
  created_at: iso(t.created_at),
  expires_at: isoOrNull(t.expires_at),
  last_used_at: isoOrNull(t.last_used_at),
  revoked_at: isoOrNull(t.revoked_at),
  status:
    t.revoked_at !== null
      ? ("revoked" as const)
      : t.expires_at !== null && t.expires_at <= now
        ? ("expired" as const)
        : ("active" as const),
  scopes: t.scopes.split(" ").filter((s): s is "api" | "mcp" => s === "api" || s === "mcp"),
});

const TOKEN_SELECT = `SELECT t.id, t.name, t.role, u.email AS creator_email, t.created_at,
  t.expires_at, t.last_used_at, t.revoked_at, t.scopes FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by`;

tokenRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/tokens",
    tags: ["tokens"],
    summary: "API tokens of the tenant (never the tokens themselves)",
    request: { params: TenantParams },
    responses: { 200: json(ApiTokenList), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "tokens.read");
    const { results } = await c.env.DB.prepare(
      `${TOKEN_SELECT} WHERE t.tenant_id = ?1 ORDER BY t.created_at DESC LIMIT 500`,
    )
      .bind(access.tenantId)
      .all<TokenRow>();
    const now = clock.now();
    return c.json({ tokens: results.map((t) => tokenJson(t, now)) }, 200);
  },
);

tokenRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/tokens",
    tags: ["tokens"],
    summary: "Create an API token (shown once) with a role no higher than yours",
    description:
      "Use it as `Authorization: Bearer gth_…` on this tenant's routes. Only its SHA-256 is stored.",
    request: { params: TenantParams, body: jsonBody(CreateTokenBody) },
    responses: {
      201: json(CreatedToken, "Created; the token is in this answer only"),
      ...tenantErrorResponses,
    },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "tokens.create");
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
    const row: TokenRow = {
      id: crypto.randomUUID(),
      name: body.name,
      role: body.role,
      creator_email: null,
      created_at: now,
      expires_at: expiresAt,
      last_used_at: null,
      revoked_at: null,
      scopes: [...new Set(body.scopes)].sort().join(" "),
    };
    const db = c.env.DB;
    const tenant = await db
      .prepare("SELECT name FROM tenants WHERE id = ?1")
      .bind(access.tenantId)
      .first<{ name: string }>();
    const facts = {
      token_id: row.id,
      name: row.name,
      role: row.role,
      expires_at: isoOrNull(expiresAt),
    };
    // A token that can manage members or the vault is worth an email to the person it acts for.
    const notice =
      row.role === "owner" || row.role === "admin"
        ? securityEventStatements(db, {
            userId: access.userId,
            kind: "admin_token_created",
            detail: {
              tenant_id: access.tenantId,
              tenant_name: tenant?.name ?? access.tenantId,
              token_id: row.id,
              token_name: row.name,
              role: row.role,
              expires_at: isoOrNull(expiresAt),
            },
            ip: requestInfo(c).ip,
            now,
          })
        : null;
    await db.batch([
      db
        .prepare(
          `INSERT INTO api_tokens (id, tenant_id, name, role, token_hash, created_by, created_at, expires_at, scopes)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
        )
        .bind(
          row.id,
          access.tenantId,
          row.name,
          row.role,
          await hashApiToken(token),
          access.userId,
          now,
          expiresAt,
          row.scopes,
        ),
      audited(c, access, "token.created", facts, { now }),
      ...(notice?.statements ?? []),
    ]);
    if (notice) sendSecurityNotice(c, notice);
    const creator = await c.env.DB.prepare("SELECT email FROM users WHERE id = ?1")
      .bind(access.userId)
      .first<{ email: string }>();
    return c.json(
      { token, api_token: tokenJson({ ...row, creator_email: creator?.email ?? null }, now) },
      201,
    );
  },
);

tokenRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/api/tenants/{t}/tokens/{id}",
    tags: ["tokens"],
    summary: "Revoke an API token (takes effect on its next request)",
    request: { params: TenantItemParams },
    responses: { 200: json(Ok), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "tokens.revoke");
    const { id } = c.req.valid("param");
    const token = await c.env.DB.prepare(
      "SELECT name, role, expires_at FROM api_tokens WHERE id = ?1 AND tenant_id = ?2 AND revoked_at IS NULL",
    )
      .bind(id, access.tenantId)
      .first<{ name: string; role: Role; expires_at: number | null }>();
    if (!token) throw errors.notFound("Token");
    checkGrant(access.role, token.role);
    await c.env.DB.batch([
      c.env.DB.prepare(
        "UPDATE api_tokens SET revoked_at = ?3 WHERE id = ?1 AND tenant_id = ?2 AND revoked_at IS NULL",
      ).bind(id, access.tenantId, clock.now()),
      audited(
        c,
        access,
        "token.revoked",
        {
          token_id: id,
          name: token.name,
          role: token.role,
          expires_at: isoOrNull(token.expires_at),
        },
        { ifChanged: true },
      ),
    ]);
    await forgetAuthority(c.env, access.tenantId);
    return c.json({ ok: true as const }, 200);
  },
);
