import { z, createRoute } from "@hono/zod-openapi";
import { findSecrets, secretLabel } from "../../core/secrets";
import { ROLES } from "../../core/permissions";
import {
  Email,
  ErrorResponse,
  errorResponses,
  Id,
  IsoTime,
  json,
  jsonBody,
  Ok,
} from "../../core/contract/common";
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

export const listInvites = createRoute({
  method: "get",
  path: "/api/tenants/{t}/invites",
  tags: ["invites"],
  summary: "Invitations of the tenant, newest first",
  request: { params: TenantParams },
  responses: { 200: json(InviteList), ...tenantErrorResponses },
});

export const createInvite = createRoute({
  method: "post",
  path: "/api/tenants/{t}/invites",
  tags: ["invites"],
  summary: "Invite someone by email (signed link, single use, 7 days)",
  description:
    "A new invitation to the same address cancels the previous one. You can only invite to roles your own role could grant.",
  request: { params: TenantParams, body: jsonBody(CreateInviteBody) },
  responses: {
    201: json(InviteResponse, "Invitation sent"),
    ...tenantErrorResponses,
    503: json(InviteResponse, "The email could not be sent; nothing was stored"),
  },
});

export const deleteInvite = createRoute({
  method: "delete",
  path: "/api/tenants/{t}/invites/{id}",
  tags: ["invites"],
  summary: "Cancel a pending invitation",
  request: { params: TenantItemParams },
  responses: { 200: json(Ok), ...tenantErrorResponses },
});

export const previewInvite = createRoute({
  method: "post",
  path: "/api/invites/preview",
  tags: ["invites"],
  summary: "What an invitation link offers (for the page the link opens)",
  request: { body: jsonBody(InviteTokenBody) },
  responses: { 200: json(InvitePreview), ...tenantErrorResponses },
});

export const acceptInviteRoute = createRoute({
  method: "post",
  path: "/api/invites/accept",
  tags: ["invites"],
  summary: "Accept an invitation as the signed-in person it was sent to",
  description:
    "Sign in (or sign up) with the invited email address by email code or passkey first. The link works once.",
  request: { body: jsonBody(InviteTokenBody) },
  responses: { 200: json(TenantResponse, "Joined"), ...tenantErrorResponses },
});

export const Transfer = z
  .object({
    id: z.string(),
    tenant_id: z.string(),
    tenant_name: z.string(),
    from: z.object({ user_id: z.string(), email: z.string() }),
    to: z.object({ user_id: z.string(), email: z.string() }),
    created_at: IsoTime,
    expires_at: IsoTime,
  })
  .openapi("OwnershipTransfer");

export const TransferParams = z.object({ id: Id });
export const getOwnershipTransfer = createRoute({
  method: "get",
  path: "/api/tenants/{t}/transfer",
  tags: ["tenants"],
  summary: "The pending ownership offer of the tenant, if any",
  request: { params: TenantParams },
  responses: { 200: json(z.object({ transfer: Transfer.nullable() })), ...tenantErrorResponses },
});

export const startOwnershipTransfer = createRoute({
  method: "post",
  path: "/api/tenants/{t}/transfer",
  tags: ["tenants"],
  summary: "Offer ownership to a member (owner, step-up); they become owner only when they accept",
  request: {
    params: TenantParams,
    body: jsonBody(z.strictObject({ user_id: Id }).openapi("TransferBody")),
  },
  responses: { 201: json(z.object({ transfer: Transfer })), ...tenantErrorResponses },
});

export const cancelOwnershipTransfer = createRoute({
  method: "delete",
  path: "/api/tenants/{t}/transfer",
  tags: ["tenants"],
  summary: "Withdraw the pending ownership offer (owner, step-up)",
  request: { params: TenantParams },
  responses: { 200: json(Ok), ...tenantErrorResponses },
});

export const listMyOwnershipTransfers = createRoute({
  method: "get",
  path: "/api/me/ownership-transfers",
  tags: ["tenants"],
  summary: "Ownership offers waiting for you to accept or decline",
  responses: { 200: json(z.object({ transfers: z.array(Transfer) })), ...tenantErrorResponses },
});

export const acceptOwnershipTransfer = createRoute({
  method: "post",
  path: "/api/me/ownership-transfers/{id}/accept",
  tags: ["tenants"],
  summary:
    "Accept an ownership offer made to you: you become owner, the owner who offered becomes admin",
  request: { params: TransferParams },
  responses: { 200: json(Ok), ...tenantErrorResponses },
});

export const declineOwnershipTransfer = createRoute({
  method: "post",
  path: "/api/me/ownership-transfers/{id}/decline",
  tags: ["tenants"],
  summary: "Decline an ownership offer made to you",
  request: { params: TransferParams },
  responses: { 200: json(Ok), ...tenantErrorResponses },
});

export const createTenantRoute = createRoute({
  method: "post",
  path: "/api/tenants",
  tags: ["tenants"],
  summary: "Create a tenant; you become its owner",
  request: { body: jsonBody(TenantNameBody) },
  responses: { 201: json(TenantResponse, "Created"), ...tenantErrorResponses },
});

export const getTenant = createRoute({
  method: "get",
  path: "/api/tenants/{t}",
  tags: ["tenants"],
  summary: "The tenant and your role in it",
  request: { params: TenantParams },
  responses: { 200: json(TenantResponse), ...tenantErrorResponses },
});

export const updateTenant = createRoute({
  method: "patch",
  path: "/api/tenants/{t}",
  tags: ["tenants"],
  summary: "Rename the tenant, or change whether API tokens may decide approvals",
  request: { params: TenantParams, body: jsonBody(TenantPatchBody) },
  responses: { 200: json(TenantResponse), ...tenantErrorResponses },
});

export const deleteTenantRoute = createRoute({
  method: "delete",
  path: "/api/tenants/{t}",
  tags: ["tenants"],
  summary: "Delete the tenant (step-up within 10 minutes; crypto-shreds the vault first)",
  description:
    "In one transaction: every data-encryption key is destroyed (its wrapped material erased), then the tenant's secrets, requests, tokens, invites, memberships and the tenant itself are deleted.",
  request: { params: TenantParams },
  responses: { 200: json(Ok), ...tenantErrorResponses },
});

export const leaveTenant = createRoute({
  method: "post",
  path: "/api/tenants/{t}/leave",
  tags: ["members"],
  summary: "Leave the tenant (not as its last owner); your API tokens in it are revoked",
  request: { params: TenantParams },
  responses: { 200: json(Ok), ...tenantErrorResponses },
});

export const listMembersRoute = createRoute({
  method: "get",
  path: "/api/tenants/{t}/members",
  tags: ["members"],
  summary: "Members and their roles",
  request: { params: TenantParams },
  responses: { 200: json(MemberList), ...tenantErrorResponses },
});

export const changeMemberRole = createRoute({
  method: "patch",
  path: "/api/tenants/{t}/members/{user_id}",
  tags: ["members"],
  summary: "Change a member's role (within your own role; never the last owner away)",
  request: { params: MemberParams, body: jsonBody(ChangeRoleBody) },
  responses: { 200: json(MemberResponse), ...tenantErrorResponses },
});

export const removeMemberRoute = createRoute({
  method: "delete",
  path: "/api/tenants/{t}/members/{user_id}",
  tags: ["members"],
  summary: "Remove a member (step-up within 10 minutes; never the last owner)",
  request: { params: MemberParams },
  responses: { 200: json(Ok), ...tenantErrorResponses },
});

export const TenantParam = z.object({ t: z.string().min(1).max(128) });
