import {
  RoleSchema,
  TokenName,
  tenantErrorResponses,
  TenantItemParams,
  TenantParams,
} from "../tenancy/contract";
import { IsoTime, Ok, json, jsonBody } from "../../core/contract/common";

/** `api`: the REST API; `mcp`: the tenant's MCP endpoint (headless MCP clients). */
export const TokenScope = z.enum(["api", "mcp"]);

export const ApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    role: RoleSchema,
    created_by: z.string(),
    created_at: IsoTime,
    expires_at: IsoTime.nullable(),
    last_used_at: IsoTime.nullable(),
    revoked_at: IsoTime.nullable(),
    status: z.enum(["active", "expired", "revoked"]),
    scopes: z.array(TokenScope),
  })
  .openapi("ApiToken");
export const ApiTokenList = z.object({ tokens: z.array(ApiToken) }).openapi("ApiTokenList");

export const CreateTokenBody = z
  .strictObject({
    name: TokenName,
    role: RoleSchema,
    expires_at: z.iso
      .datetime({ offset: true, message: "Give the expiry as an ISO-8601 date and time." })
      .optional(),
    scopes: z.array(TokenScope).min(1).max(2).default(["api"]),
  })
  .openapi("CreateTokenBody");

export const CreatedToken = z
  .object({
    token: z.string().openapi({ description: "Shown once; only its SHA-256 is stored." }),
    api_token: ApiToken,
  })
  .openapi("CreatedToken");
import { createRoute, z } from "@hono/zod-openapi";

export const listApiTokens = createRoute({
  method: "get",
  path: "/api/tenants/{t}/tokens",
  tags: ["tokens"],
  summary: "API tokens of the tenant (never the tokens themselves)",
  request: { params: TenantParams },
  responses: { 200: json(ApiTokenList), ...tenantErrorResponses },
});

export const createApiToken = createRoute({
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
});

export const revokeApiToken = createRoute({
  method: "delete",
  path: "/api/tenants/{t}/tokens/{id}",
  tags: ["tokens"],
  summary: "Revoke an API token (takes effect on its next request)",
  request: { params: TenantItemParams },
  responses: { 200: json(Ok), ...tenantErrorResponses },
});
