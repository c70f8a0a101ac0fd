import { z } from "@hono/zod-openapi";
import { Email, IsoTime } from "../../core/contract/common";

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

/** `ABCD-EFGH`: 8 characters of Crockford base32 (no I, L, O, U), the dash optional. */
export const DeviceCode = z
  .string()
  .max(16)
  .transform((value, ctx) => {
    const compact = value.toUpperCase().replace(/[\s-]/g, "");
    if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(compact)) {
      ctx.addIssue({
        code: "custom",
        message: "The code is 8 letters and digits, like ABCD-2345.",
      });
      return z.NEVER;
    }
    return compact;
  })
  .openapi({ type: "string", example: "K7QM-4XPD" });

export const DeviceSignInStarted = z
  .object({
    code: z.string(),
    /** The console address a signed-in device opens (what the QR code holds). */
    approve_url: z.string(),
    expires_at: IsoTime,
  })
  .openapi("DeviceSignInStarted");

export const DeviceSignInPoll = z
  .object({
    status: z.enum(["pending", "denied", "expired", "signed_in"]),
    user: z.object({ id: z.string(), email: z.string(), created_at: IsoTime }).optional(),
    has_passkey: z.boolean().optional(),
  })
  .openapi("DeviceSignInPoll");

export const DeviceCodeBody = z.strictObject({ code: DeviceCode }).openapi("DeviceCodeBody");

export const DeviceSignInRequest = z
  .object({
    code: z.string(),
    device: z.string(),
    browser: z.string(),
    os: z.string(),
    location: z.string().nullable(),
    ip: z.string().nullable(),
    created_at: IsoTime,
    expires_at: IsoTime,
  })
  .openapi("DeviceSignInRequest");
