import { z } from "@hono/zod-openapi";
import { IsoTime } from "../../core/contract/common";
import { DisplayName } from "../../core/contract/text";

const b64url = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[A-Za-z0-9_-]+$/, "must be base64url");
const transports = z
  .array(z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"]))
  .max(8);

export const RegistrationResponse = z
  .object({
    id: b64url,
    rawId: b64url,
    type: z.literal("public-key"),
    response: z.object({
      clientDataJSON: b64url,
      attestationObject: z
        .string()
        .min(1)
        .max(16384)
        .regex(/^[A-Za-z0-9_-]+$/),
      transports: transports.optional(),
      authenticatorData: b64url.optional(),
      publicKey: b64url.optional(),
      publicKeyAlgorithm: z.number().int().optional(),
    }),
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  })
  .openapi("RegistrationResponseJSON");

export const AuthenticationResponse = z
  .object({
    id: b64url,
    rawId: b64url,
    type: z.literal("public-key"),
    response: z.object({
      clientDataJSON: b64url,
      authenticatorData: b64url,
      signature: b64url,
      userHandle: b64url.optional(),
    }),
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  })
  .openapi("AuthenticationResponseJSON");

export const PasskeyName = DisplayName(64, "passkey");

export const RegisterPasskeyBody = z
  .strictObject({ response: RegistrationResponse, name: PasskeyName.optional() })
  .openapi("RegisterPasskeyBody");

export const PasskeyAssertionBody = z
  .strictObject({ response: AuthenticationResponse })
  .openapi("PasskeyAssertionBody");

export const RenamePasskeyBody = z.strictObject({ name: PasskeyName }).openapi("RenamePasskeyBody");

export const EmptyBody = z.strictObject({}).openapi("EmptyBody");

export const Passkey = z
  .object({
    id: z.string(),
    name: z.string(),
    created_at: IsoTime,
    last_used_at: IsoTime.nullable(),
    device_type: z.enum(["singleDevice", "multiDevice"]),
    backed_up: z.boolean(),
    transports: z.array(z.string()),
    aaguid: z.string(),
  })
  .openapi("Passkey");

export const PasskeyList = z.object({ passkeys: z.array(Passkey) }).openapi("PasskeyList");

/** WebAuthn options are produced by @simplewebauthn/server; described loosely here. */
export const WebAuthnOptions = z
  .object({ challenge: z.string() })
  .passthrough()
  .openapi("WebAuthnOptions");

export const StepUpResponse = z
  .object({ ok: z.literal(true), step_up_valid_until: IsoTime })
  .openapi("StepUpResponse");

export const StepUpOtpBody = z
  .strictObject({ code: z.string().regex(/^[0-9]{6}$/, "The code is 6 digits.") })
  .openapi("StepUpOtpBody");
