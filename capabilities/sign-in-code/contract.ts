import { z } from "@hono/zod-openapi";
import { Email, IsoTime } from "../../core/contract/common";

export const OtpStartBody = z.strictObject({ email: Email }).openapi("OtpStartBody");

export const OtpStartResponse = z
  .object({
    status: z.literal("code_sent"),
    message: z.string(),
    expires_in_seconds: z.number().int(),
    resend_after_seconds: z.number().int(),
  })
  .openapi("OtpStartResponse");

export const OtpVerifyBody = z
  .strictObject({
    email: Email,
    code: z.string().regex(/^[0-9]{6}$/, "The code is 6 digits."),
  })
  .openapi("OtpVerifyBody");

export const User = z
  .object({ id: z.string(), email: z.string(), created_at: IsoTime })
  .openapi("User");

export const SignInResponse = z
  .object({ user: User, new_user: z.boolean(), has_passkey: z.boolean() })
  .openapi("SignInResponse");
