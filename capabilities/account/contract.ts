import { User } from "../sign-in-code/contract";
import { z, createRoute } from "@hono/zod-openapi";
import { Email, IsoTime, errorResponses, json, jsonBody, Ok, Id } from "../../core/contract/common";

export const Membership = z
  .object({ tenant_id: z.string(), tenant_name: z.string(), role: z.string() })
  .openapi("Membership");

export const MeResponse = z
  .object({
    user: User,
    memberships: z.array(Membership),
    session: z.object({ id: z.string(), authenticated_at: IsoTime, step_up_valid_until: IsoTime }),
    has_passkey: z.boolean(),
  })
  .openapi("Me");

export const Cursor = z.object({
  cursor: z
    .string()
    .regex(/^[0-9]{1,15}_[0-9a-f-]{36}$/, "invalid cursor")
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const SecurityEvent = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ example: "passkey_added" }),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    ip: z.string().nullable(),
    created_at: IsoTime,
  })
  .openapi("SecurityEvent");

export const SecurityEventList = z
  .object({ events: z.array(SecurityEvent), next_cursor: z.string().nullable() })
  .openapi("SecurityEventList");

import {
  LoginEventList,
  RevokedCount,
  RevokeAllBody,
  SessionList,
} from "../login-sessions/contract";

/** Issue 17: account self-service and cross-device sign-in. */
export const ChangeEmailBody = z.strictObject({ new_email: Email }).openapi("ChangeEmailBody");

export const ChangeEmailStarted = z
  .object({
    status: z.literal("code_sent"),
    new_email: z.string(),
    expires_at: IsoTime,
  })
  .openapi("ChangeEmailStarted");

export const ConfirmEmailBody = z
  .strictObject({ code: z.string().regex(/^[0-9]{6}$/, "The code is 6 digits.") })
  .openapi("ConfirmEmailBody");

export const EmailChanged = z
  .object({ ok: z.literal(true), email: z.string() })
  .openapi("EmailChanged");

export const AccountDeleted = z
  .object({
    ok: z.literal(true),
    deleted_tenants: z.array(z.object({ id: z.string(), name: z.string() })),
    left_tenants: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi("AccountDeleted");

export const deleteAccount = createRoute({
  method: "delete",
  path: "/api/me",
  tags: ["me"],
  summary: "Delete your account (step-up)",
  description:
    "409 `sole_owner` (naming the tenants in `issues`) while you are the only owner of a tenant with other members.",
  responses: {
    200: json(AccountDeleted),
    409: json(AccountDeleted, "Sole owner"),
    ...errorResponses,
  },
});

export const startEmailChange = createRoute({
  method: "post",
  path: "/api/me/email/change",
  tags: ["me"],
  summary: "Start changing your email address: a code goes to the new address (step-up)",
  request: { body: jsonBody(ChangeEmailBody) },
  responses: { 202: json(ChangeEmailStarted, "Code sent"), ...errorResponses },
});

export const confirmEmailChange = createRoute({
  method: "post",
  path: "/api/me/email/confirm",
  tags: ["me"],
  summary: "Finish changing your email address with the code sent to it (step-up)",
  description:
    "The previous address is told, with a link that puts it back and signs out every session.",
  request: { body: jsonBody(ConfirmEmailBody) },
  responses: {
    200: json(EmailChanged),
    409: json(EmailChanged, "Address taken"),
    ...errorResponses,
  },
});

export const getMe = createRoute({
  method: "get",
  path: "/api/me",
  tags: ["me"],
  summary: "The signed-in person, their tenants and this session",
  responses: { 200: json(MeResponse), ...errorResponses },
});

export const listLoginSessions = createRoute({
  method: "get",
  path: "/api/me/login-sessions",
  tags: ["me"],
  summary: "Active sessions of the signed-in person",
  responses: { 200: json(SessionList), ...errorResponses },
});

export const revokeLoginSession = createRoute({
  method: "delete",
  path: "/api/me/login-sessions/{id}",
  tags: ["me"],
  summary: "Revoke one of your sessions",
  request: { params: z.object({ id: Id }) },
  responses: { 200: json(Ok), 404: json(Ok, "No such session"), ...errorResponses },
});

export const revokeAllLoginSessions = createRoute({
  method: "post",
  path: "/api/me/login-sessions/revoke-all",
  tags: ["me"],
  summary: "Sign out everywhere (optionally keeping this session)",
  request: { body: jsonBody(RevokeAllBody) },
  responses: { 200: json(RevokedCount), ...errorResponses },
});

export const listLoginEvents = createRoute({
  method: "get",
  path: "/api/me/login-events",
  tags: ["me"],
  summary: "Sign-in history, newest first",
  request: { query: Cursor },
  responses: { 200: json(LoginEventList), ...errorResponses },
});

export const listSecurityEvents = createRoute({
  method: "get",
  path: "/api/me/security-events",
  tags: ["me"],
  summary: "Your security log, newest first",
  request: { query: Cursor },
  responses: { 200: json(SecurityEventList), ...errorResponses },
});

export const whoami = createRoute({
  method: "get",
  path: "/api/whoami",
  tags: ["me"],
  summary: "The caller: a signed-in person, an API token (with its tenant and role) or a run",
  responses: {
    200: json(
      z.object({
        kind: z.enum(["session", "token", "run"]),
        user_id: z.string().nullable(),
        tenant_id: z.string().nullable(),
        role: z.string().nullable(),
      }),
    ),
    ...errorResponses,
  },
});
