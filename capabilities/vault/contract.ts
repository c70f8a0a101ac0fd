import { z, createRoute } from "@hono/zod-openapi";
import { utf8 } from "../../core/encoding";
import { MAX_SECRET_VALUE_BYTES, SECRET_NAME_PATTERN } from "../../core/secrets/limits";
import { Id, IsoTime, json, jsonBody, Ok } from "../../core/contract/common";
import {
  refuseCredentials,
  tenantErrorResponses,
  TenantParams,
  TenantItemParams,
} from "../tenancy/contract";

export const SecretName = z
  .string()
  .regex(SECRET_NAME_PATTERN, "Secret names are A-Z, 0-9 and _, start with a letter, ≤ 64 long.")
  .openapi({ example: "GITHUB_TOKEN" });

export const SecretParams = z.object({ t: Id, name: SecretName });

/** Write-only. Messages never include the value. */
export const SecretValue = z
  .string()
  .min(1, "The value is empty.")
  .refine((v) => utf8.encode(v).length <= MAX_SECRET_VALUE_BYTES, {
    message: `The value exceeds ${MAX_SECRET_VALUE_BYTES} bytes.`,
  })
  .openapi({ format: "password", writeOnly: true });

/** Where a secret may be sent: an origin pattern and how the value travels there. */
export const Destination = z
  .strictObject({
    origin: z.string().max(300).openapi({
      example: "https://api.github.com",
      description: "scheme://host[:port]; *.example.com for subdomains",
    }),
    via: z.discriminatedUnion("kind", [
      z.strictObject({
        kind: z.literal("header"),
        name: z.string().min(1).max(100).openapi({ example: "authorization" }),
      }),
      z.strictObject({ kind: z.literal("provider"), id: z.string().min(1).max(64) }),
    ]),
  })
  .openapi("SecretDestination");

export const Destinations = z.array(Destination).max(20);

/** A header destination given by a person or an API client (provider bindings come from providers). */
export const HeaderDestination = Destination.refine((d) => d.via.kind === "header", {
  message: "provider destinations are set by configuring the provider",
});

export const PutSecretBody = z
  .strictObject({
    value: SecretValue,
    /** Only for a new secret (admin and owner); a live secret's destinations change via …/destinations. */
    destinations: z.array(HeaderDestination).max(20).optional(),
  })
  .openapi("PutSecretBody");

export const PutDestinationsBody = z
  .strictObject({ destinations: z.array(HeaderDestination).max(20) })
  .openapi("PutDestinationsBody");

export const SecretMeta = z
  .object({
    name: z.string(),
    version: z.number().int(),
    masked: z.string().openapi({ example: "***9f2a" }),
    dek_version: z.number().int(),
    created_at: IsoTime,
    updated_at: IsoTime,
    updated_by: z.string(),
    destinations: Destinations,
    /** True when the secret has no destinations: it cannot be sent anywhere until bound. */
    unbound: z.boolean(),
  })
  .openapi("SecretMeta");
export const SecretResponse = z.object({ secret: SecretMeta }).openapi("SecretResponse");
export const SecretList = z
  .object({ secrets: z.array(SecretMeta), next_cursor: z.string().nullable() })
  .openapi("SecretList");

export const SecretListQuery = z.object({
  cursor: SecretName.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const DekInfo = z
  .object({
    version: z.number().int(),
    state: z.enum(["active", "retired", "destroyed"]),
    kek_id: z.string().nullable(),
    created_at: IsoTime,
    rewrapped_at: IsoTime.nullable(),
    destroyed_at: IsoTime.nullable(),
    secrets: z.number().int(),
  })
  .openapi("DekInfo");

export const KeyStatus = z
  .object({
    active_kek: z.string(),
    active_dek_version: z.number().int().nullable(),
    deks: z.array(DekInfo),
    rotation: z.object({ in_progress: z.boolean(), remaining: z.number().int() }),
    rewrap: z.object({ needed: z.number().int() }),
  })
  .openapi("KeyStatus");

export const RotateBody = z
  .strictObject({ max_secrets: z.number().int().min(1).max(10_000).default(5_000) })
  .openapi("RotateBody");

export const RotationProgress = z
  .object({
    started: z.boolean(),
    status: z.enum(["complete", "in_progress"]),
    active_version: z.number().int(),
    reencrypted: z.number().int(),
    remaining: z.number().int(),
  })
  .openapi("RotationProgress");

export const RewrapBody = z
  .strictObject({ limit: z.number().int().min(1).max(10_000).default(1_000) })
  .openapi("RewrapBody");

export const RewrapResult = z
  .object({
    status: z.enum(["complete", "in_progress"]),
    active_kek: z.string(),
    rewrapped: z.number().int(),
    remaining: z.number().int(),
    failed: z.array(
      z.object({
        tenant_id: z.string(),
        version: z.number().int(),
        kek_id: z.string().nullable(),
        reason: z.enum(["unknown_kek", "decrypt_failed", "bad_input"]),
      }),
    ),
  })
  .openapi("RewrapResult");

export const OperatorVaultStatus = z
  .object({
    active_kek: z.string(),
    ring: z.array(z.string()),
    deks_by_kek: z.record(z.string(), z.number().int()),
    needs_rewrap: z.number().int(),
  })
  .openapi("OperatorVaultStatus");

export const SecretRequestDescription = z
  .string()
  .trim()
  .min(1, "Say what the secret is for.")
  .max(500)
  .superRefine(refuseCredentials);

/** A secret request names where the secret is meant to go (shown to the person answering). */
export const RequestedDestination = z.strictObject({
  origin: z.string().max(300).openapi({ example: "https://api.github.com" }),
  header: z.string().min(1).max(100).default("authorization"),
});

export const CreateSecretRequestBody = z
  .strictObject({
    name: SecretName,
    description: SecretRequestDescription,
    destination: RequestedDestination,
    expires_in_seconds: z
      .number()
      .int()
      .min(60)
      .max(24 * 60 * 60)
      .optional(),
  })
  .openapi("CreateSecretRequestBody");

export const SecretRequest = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    requested_by: z.string(),
    destination: Destination.nullable(),
    status: z.enum(["pending", "fulfilled", "cancelled", "expired"]),
    created_at: IsoTime,
    expires_at: IsoTime,
    fulfilled_at: IsoTime.nullable(),
    notice: z.string().openapi({ example: "Stored encrypted, never sent to the AI." }),
  })
  .openapi("SecretRequest");
export const SecretRequestResponse = z
  .object({ request: SecretRequest })
  .openapi("SecretRequestResponse");
export const SecretRequestList = z
  .object({ requests: z.array(SecretRequest) })
  .openapi("SecretRequestList");
export const SecretRequestQuery = z.object({
  status: z.enum(["pending", "all"]).default("pending"),
});

export const AnswerSecretRequestBody = z
  .strictObject({ value: SecretValue })
  .openapi("AnswerSecretRequestBody");

export const SecretSaved = z.object({ result: z.literal("secret saved") }).openapi("SecretSaved");

export const getKeyStatus = createRoute({
  method: "get",
  path: "/api/tenants/{t}/keys",
  tags: ["vault"],
  summary: "Vault key status: DEK versions, rotation progress, KEK rewrap needed",
  request: { params: TenantParams },
  responses: { 200: json(KeyStatus), ...tenantErrorResponses },
});

export const rotateKey = createRoute({
  method: "post",
  path: "/api/tenants/{t}/keys/rotate",
  tags: ["vault"],
  summary: "Rotate the tenant's DEK, or resume an unfinished rotation (step-up)",
  description:
    "Starts a new DEK version if no rotation is under way, then re-encrypts up to `max_secrets` secrets in batches. Every secret stays readable throughout; call again while `status` is `in_progress`.",
  request: { params: TenantParams, body: jsonBody(RotateBody) },
  responses: { 200: json(RotationProgress), ...tenantErrorResponses },
});

export const rewrapSecrets = createRoute({
  method: "post",
  path: "/api/tenants/{t}/keys/rewrap",
  tags: ["vault"],
  summary: "Rewrap this tenant's DEKs under the active KEK (step-up)",
  request: { params: TenantParams, body: jsonBody(RewrapBody) },
  responses: { 200: json(RewrapResult), ...tenantErrorResponses },
});

export const listSecretsRoute = createRoute({
  method: "get",
  path: "/api/tenants/{t}/secrets",
  tags: ["vault"],
  summary: "Secret names, versions and `***last4` (never values), by name",
  request: { params: TenantParams, query: SecretListQuery },
  responses: { 200: json(SecretList), ...tenantErrorResponses },
});

export const getSecret = createRoute({
  method: "get",
  path: "/api/tenants/{t}/secrets/{name}",
  tags: ["vault"],
  summary: "One secret's metadata (never its value)",
  request: { params: SecretParams },
  responses: { 200: json(SecretResponse), ...tenantErrorResponses },
});

export const putSecretRoute = createRoute({
  method: "put",
  path: "/api/tenants/{t}/secrets/{name}",
  tags: ["vault"],
  summary: "Store a secret, or its next version",
  description:
    "Encrypted with AES-256-GCM under the tenant's current data-encryption key. The answer has metadata only.",
  request: { params: SecretParams, body: jsonBody(PutSecretBody) },
  responses: {
    200: json(SecretResponse, "New version stored"),
    201: json(SecretResponse, "Created"),
    ...tenantErrorResponses,
  },
});

export const putSecretDestinations = createRoute({
  method: "put",
  path: "/api/tenants/{t}/secrets/{name}/destinations",
  tags: ["vault"],
  summary: "Set where a secret may be sent (admin and owner, step-up; audited)",
  description:
    "Origins are scheme://host[:port] (https only for headers); `*.example.com` is the only wildcard. An empty list means the secret can be sent nowhere.",
  request: { params: SecretParams, body: jsonBody(PutDestinationsBody) },
  responses: { 200: json(SecretResponse), ...tenantErrorResponses },
});

export const deleteSecretRoute = createRoute({
  method: "delete",
  path: "/api/tenants/{t}/secrets/{name}",
  tags: ["vault"],
  summary: "Delete a secret (its ciphertext is erased)",
  request: { params: SecretParams },
  responses: { 200: json(Ok), ...tenantErrorResponses },
});

export const listSecretRequestsRoute = createRoute({
  method: "get",
  path: "/api/tenants/{t}/secret-requests",
  tags: ["ask_secret"],
  summary: "Secrets agents asked for (pending by default)",
  request: { params: TenantParams, query: SecretRequestQuery },
  responses: { 200: json(SecretRequestList), ...tenantErrorResponses },
});

export const createSecretRequestRoute = createRoute({
  method: "post",
  path: "/api/tenants/{t}/secret-requests",
  tags: ["ask_secret"],
  summary: "Ask a person for a secret by name (ask_secret)",
  description:
    "The console shows the request as a masked field. The value goes straight to the vault; the requester only ever learns that it was saved.",
  request: { params: TenantParams, body: jsonBody(CreateSecretRequestBody) },
  responses: { 201: json(SecretRequestResponse, "Requested"), ...tenantErrorResponses },
});

export const getSecretRequestRoute = createRoute({
  method: "get",
  path: "/api/tenants/{t}/secret-requests/{id}",
  tags: ["ask_secret"],
  summary: "One request's status",
  request: { params: TenantItemParams },
  responses: { 200: json(SecretRequestResponse), ...tenantErrorResponses },
});

export const answerSecretRequest = createRoute({
  method: "post",
  path: "/api/tenants/{t}/secret-requests/{id}/answer",
  tags: ["ask_secret"],
  summary: "Answer a request with the value; the answer is only “secret saved”",
  request: { params: TenantItemParams, body: jsonBody(AnswerSecretRequestBody) },
  responses: { 200: json(SecretSaved), ...tenantErrorResponses },
});

export const deleteSecretRequest = createRoute({
  method: "delete",
  path: "/api/tenants/{t}/secret-requests/{id}",
  tags: ["ask_secret"],
  summary: "Decline a pending request",
  request: { params: TenantItemParams },
  responses: { 200: json(Ok), ...tenantErrorResponses },
});
