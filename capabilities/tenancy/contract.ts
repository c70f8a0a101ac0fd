import { z } from "@hono/zod-openapi";
import { findSecrets, secretLabel } from "../../core/secrets";
import { ROLES } from "../../core/permissions";
import { Email, ErrorResponse, errorResponses, Id, IsoTime } from "../../core/contract/common";
import { DisplayName } from "../../core/contract/text";

export const RoleSchema = z.enum(ROLES).openapi("Role");

/**
 * Refuses text holding something that looks like a credential, naming the kind but never echoing
 * it: names and descriptions are stored and shown in clear, unlike vault values.
 */
export function refuseCredentials(text: string, ctx: z.RefinementCtx): void {
  const found = findSecrets(text)[0];
  if (found) {
    ctx.addIssue({
      code: "custom",
      message: `This contains what looks like ${secretLabel(found.kind)}. Keep credentials in the vault, not here.`,
    });
  }
}

/** Short human labels (tenant and token names): visible text only, never a pasted credential. */
const Label = (what: string) => DisplayName(64, what).superRefine(refuseCredentials);

export const TenantName = Label("tenant");
export const TokenName = Label("token");

export const TenantParams = z.object({ t: Id });
export const MemberParams = z.object({ t: Id, user_id: Id });
export const TenantItemParams = z.object({ t: Id, id: Id });

export const Tenant = z
  .object({
    id: z.string(),
    name: z.string(),
    created_at: IsoTime,
    role: RoleSchema,
    tokens_may_approve: z.boolean(),
  })
  .openapi("Tenant");
export const TenantResponse = z.object({ tenant: Tenant }).openapi("TenantResponse");

export const TenantNameBody = z.strictObject({ name: TenantName }).openapi("TenantNameBody");

export const TenantPatchBody = z
  .strictObject({
    name: TenantName.optional(),
    /** Whether API tokens may decide approvals; off by default (only people signed in). */
    tokens_may_approve: z.boolean().optional(),
  })
  .refine((b) => b.name !== undefined || b.tokens_may_approve !== undefined, {
    message: "Give a name or a setting to change.",
  })
  .openapi("TenantPatchBody");

export const Member = z
  .object({ user_id: z.string(), email: z.string(), role: RoleSchema, joined_at: IsoTime })
  .openapi("Member");
export const MemberList = z.object({ members: z.array(Member) }).openapi("MemberList");
export const MemberResponse = z.object({ member: Member }).openapi("MemberResponse");

export const ChangeRoleBody = z.strictObject({ role: RoleSchema }).openapi("ChangeRoleBody");

export const Invite = z
  .object({
    id: z.string(),
    email: z.string(),
    role: RoleSchema,
    invited_by: z.string(),
    created_at: IsoTime,
    expires_at: IsoTime,
    status: z.enum(["pending", "accepted", "revoked", "expired"]),
  })
  .openapi("Invite");
export const InviteList = z.object({ invites: z.array(Invite) }).openapi("InviteList");
export const InviteResponse = z.object({ invite: Invite }).openapi("InviteResponse");

export const CreateInviteBody = z
  .strictObject({ email: Email, role: RoleSchema })
  .openapi("CreateInviteBody");

export const InviteTokenBody = z
  .strictObject({ token: z.string().min(1).max(4096) })
  .openapi("InviteTokenBody");

export const InvitePreview = z
  .object({
    tenant_name: z.string(),
    role: RoleSchema,
    email: z.string(),
    invited_by: z.string(),
    expires_at: IsoTime,
  })
  .openapi("InvitePreview");

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

const errorJson = (description: string) => ({
  description,
  content: { "application/json": { schema: ErrorResponse } },
});

/** Every tenant route may also answer 404 (no such tenant, or not yours) and 409. */
export const tenantErrorResponses = {
  ...errorResponses,
  404: errorJson("No such tenant (or you are not a member), or no such item"),
  409: errorJson("Conflict (e.g. the last owner, a changed item)"),
} as const;
