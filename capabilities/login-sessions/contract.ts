import { z } from "@hono/zod-openapi";
import { User } from "../sign-in-code/contract";
import { IsoTime } from "../../core/contract/common";

export { User };

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

export const SignInMethod = z.enum(["email_code", "passkey", "qr"]);

export const SessionInfo = z
  .object({
    id: z.string(),
    current: z.boolean(),
    auth_method: SignInMethod,
    /** Where the session started (its sign-in's approximate place), when known. */
    location: z.string().nullable(),
    created_at: IsoTime,
    last_seen_at: IsoTime,
    expires_at: IsoTime,
    ip: z.string().nullable(),
    device: z.string(),
    browser: z.string(),
    os: z.string(),
  })
  .openapi("Session");

export const SessionList = z.object({ sessions: z.array(SessionInfo) }).openapi("SessionList");

export const LoginEvent = z
  .object({
    id: z.string(),
    method: SignInMethod,
    /** The first sign-in to this account from this browser. */
    new_device: z.boolean(),
    /** The session it started (to match with the sessions list). */
    session_id: z.string(),
    created_at: IsoTime,
    ip: z.string().nullable(),
    location: z.string().nullable(),
    device: z.string(),
    browser: z.string(),
    os: z.string(),
  })
  .openapi("LoginEvent");

export const LoginEventList = z
  .object({ events: z.array(LoginEvent), next_cursor: z.string().nullable() })
  .openapi("LoginEventList");

export const RevokeAllBody = z
  .strictObject({ keep_current: z.boolean().default(false) })
  .openapi("RevokeAllBody");

export const RevokedCount = z.object({ revoked: z.number().int() }).openapi("RevokedCount");

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
