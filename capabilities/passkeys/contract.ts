import { z, createRoute } from "@hono/zod-openapi";
import { IsoTime, errorResponses, json, jsonBody, Ok, Id } from "../../core/contract/common";
import { DisplayName } from "../../core/contract/text";
import { SignInResponse } from "../sign-in-code/contract";

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

export const PasskeyParams = z.object({ id: Id });
export const passkeySignInOptions = createRoute({
  method: "post",
  path: "/api/auth/passkey/options",
  tags: ["passkeys"],
  summary: "Start a usernameless passkey sign-in (also for conditional UI)",
  responses: { 200: json(WebAuthnOptions), ...errorResponses },
});

export const verifyPasskeySignIn = createRoute({
  method: "post",
  path: "/api/auth/passkey/verify",
  tags: ["passkeys"],
  summary: "Sign in with a passkey assertion",
  request: { body: jsonBody(PasskeyAssertionBody) },
  responses: { 200: json(SignInResponse, "Signed in; session cookie set"), ...errorResponses },
});

export const passkeyRegistrationOptions = createRoute({
  method: "post",
  path: "/api/me/passkeys/options",
  tags: ["passkeys"],
  summary: "Start registering a passkey for the signed-in person",
  responses: { 200: json(WebAuthnOptions), ...errorResponses },
});

export const registerPasskeyRoute = createRoute({
  method: "post",
  path: "/api/me/passkeys",
  tags: ["passkeys"],
  summary: "Finish registering a passkey",
  request: { body: jsonBody(RegisterPasskeyBody) },
  responses: {
    201: json(z.object({ passkey: Passkey }), "Registered"),
    409: json(Ok, "Already registered"),
    ...errorResponses,
  },
});

export const listPasskeysRoute = createRoute({
  method: "get",
  path: "/api/me/passkeys",
  tags: ["passkeys"],
  summary: "The signed-in person's passkeys",
  responses: { 200: json(PasskeyList), ...errorResponses },
});

export const renamePasskey = createRoute({
  method: "patch",
  path: "/api/me/passkeys/{id}",
  tags: ["passkeys"],
  summary: "Rename a passkey",
  request: { params: PasskeyParams, body: jsonBody(RenamePasskeyBody) },
  responses: {
    200: json(z.object({ passkey: Passkey })),
    404: json(Ok, "No such passkey"),
    ...errorResponses,
  },
});

export const deletePasskey = createRoute({
  method: "delete",
  path: "/api/me/passkeys/{id}",
  tags: ["passkeys"],
  summary: "Delete a passkey (needs a sign-in or step-up within 10 minutes)",
  description:
    "Every account has a confirmed email address (sign-up is by email code), so deleting the last passkey still leaves a way in.",
  request: { params: PasskeyParams },
  responses: { 200: json(Ok), 404: json(Ok, "No such passkey"), ...errorResponses },
});

export const stepUpOptions = createRoute({
  method: "post",
  path: "/api/auth/step-up/options",
  tags: ["step-up"],
  summary: "Start re-confirming with one of your passkeys",
  responses: { 200: json(WebAuthnOptions), ...errorResponses },
});

export const verifyStepUp = createRoute({
  method: "post",
  path: "/api/auth/step-up/verify",
  tags: ["step-up"],
  summary: "Re-confirm with a passkey; sensitive actions are allowed for 10 minutes",
  request: { body: jsonBody(PasskeyAssertionBody) },
  responses: { 200: json(StepUpResponse), ...errorResponses },
});

export const stepUpWithCode = createRoute({
  method: "post",
  path: "/api/auth/step-up/otp",
  tags: ["step-up"],
  summary: "Re-confirm with a fresh email code (request one with /api/auth/otp/start first)",
  request: { body: jsonBody(StepUpOtpBody) },
  responses: { 200: json(StepUpResponse), ...errorResponses },
});
