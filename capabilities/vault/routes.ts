import { clock } from "../../platform/clock";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { can } from "../../core/permissions";
import { parseDestination, type Destination } from "../../core/secrets/destinations";
import { iso, isoOrNull } from "../../core/time";
import { auditedQuery } from "../audit/outbox";
import { database } from "../../platform/db/client";
import { ApiError, errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { json, jsonBody, Ok } from "../../core/contract/common";
import { TenantItemParams, TenantParams, tenantErrorResponses } from "../tenancy/contract";
import {
  AnswerSecretRequestBody,
  CreateSecretRequestBody,
  PutDestinationsBody,
  PutSecretBody,
  SecretList,
  SecretListQuery,
  SecretParams,
  SecretRequestList,
  SecretRequestQuery,
  SecretRequestResponse,
  SecretResponse,
  SecretSaved,
} from "./contract";
import { requireStepUp, requireTenantAccess, type TenantAccess } from "../tenancy/access";
import { openVault } from "./deks";
import { VaultError, withVaultErrors } from "./errors";
import {
  ASK_SECRET_NOTICE,
  ASK_SECRET_RESULT,
  cancelSecretRequest,
  createSecretRequest,
  getSecretRequest,
  listSecretRequests,
  requestedDestination,
  requestStatus,
} from "./secret-requests";
import type { SecretRequestRow } from "./secret-requests";
import {
  deleteSecret,
  getSecretMeta,
  listSecrets,
  putSecret,
  setSecretDestinations,
} from "./secrets";
import type { SecretMeta } from "./secrets";

/**
 * The vault API. Values are write-only: no answer, error or log line ever contains one; reads
 * give metadata and `***last4`.
 */
export const secretRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const secretJson = (s: SecretMeta) => ({
  name: s.name,
  version: s.version,
  masked: s.masked,
  dek_version: s.dek_version,
  created_at: iso(s.created_at),
  updated_at: iso(s.updated_at),
  updated_by: s.updated_by,
  destinations: s.destinations,
  unbound: s.destinations.length === 0,
});

/** Validates destinations from outside; bad ones are a 400 naming the entry. */
export function validDestinations(list: Destination[], path = "destinations"): Destination[] {
  return list.map((d, i) => {
    const parsed = parseDestination(d);
    if (typeof parsed === "string") {
      throw new ApiError(400, "invalid_request", "A destination is not valid.", [
        { path: `${path}.${i}`, message: parsed },
      ]);
    }
    return parsed;
  });
}

/**
 * The outbox statement recording a destination change (names and origins, never values), for
 * `setSecretDestinations` to batch with the write.
 */
export function destinationsAudit(
  c: Context<AppEnv>,
  access: TenantAccess,
  name: string,
  after: Destination[],
) {
  return (before: Destination[]) =>
    auditedQuery(
      c,
      database(c.env.DB),
      access,
      "secret.destinations_changed",
      { name, before: before as never, after: after as never },
      { ifChanged: true },
    );
}

const requestJson = (r: SecretRequestRow, now: number) => ({
  id: r.id,
  name: r.name,
  description: r.description,
  requested_by: r.requestedBy,
  destination: requestedDestination(r),
  status: requestStatus(r, now),
  created_at: iso(r.createdAt),
  expires_at: iso(r.expiresAt),
  fulfilled_at: isoOrNull(r.fulfilledAt),
  notice: ASK_SECRET_NOTICE,
});

secretRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/secrets",
    tags: ["vault"],
    summary: "Secret names, versions and `***last4` (never values), by name",
    request: { params: TenantParams, query: SecretListQuery },
    responses: { 200: json(SecretList), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "secrets.read_metadata");
    const { cursor, limit } = c.req.valid("query");
    const page = await listSecrets(c.env.DB, access.tenantId, { after: cursor, limit });
    return c.json({ secrets: page.secrets.map(secretJson), next_cursor: page.next }, 200);
  },
);

secretRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/secrets/{name}",
    tags: ["vault"],
    summary: "One secret's metadata (never its value)",
    request: { params: SecretParams },
    responses: { 200: json(SecretResponse), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "secrets.read_metadata");
    const { name } = c.req.valid("param");
    const secret = await getSecretMeta(c.env.DB, access.tenantId, name);
    if (!secret) throw errors.notFound("Secret");
    return c.json({ secret: secretJson(secret) }, 200);
  },
);

secretRoutes.openapi(
  createRoute({
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
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "secrets.write");
    const { name } = c.req.valid("param");
    const body = c.req.valid("json");
    if (await getSecretMeta(c.env.DB, access.tenantId, name)) {
      requireStepUp(access, "secrets.write");
    }
    const destinations = body.destinations ? validDestinations(body.destinations) : undefined;
    if (destinations && !can(access.role, "secrets.bind")) {
      throw errors.forbidden(`Your role (${access.role}) does not allow secrets.bind.`);
    }
    const result = await withVaultErrors(c.var.requestId, async () =>
      putSecret(await openVault(c.env.DB, c.var.config.vaultKeks), {
        tenantId: access.tenantId,
        name,
        value: body.value,
        actor: access.actor,
        audit: ({ version, created }) =>
          auditedQuery(
            c,
            database(c.env.DB),
            access,
            created ? "secret.stored" : "secret.updated",
            // A new secret's destinations are part of what was stored.
            created && destinations
              ? { name, version, destinations: destinations as never }
              : { name, version },
            {
              ifChanged: true,
            },
          ),
        destinationsIfNew: destinations,
      }),
    );
    if (destinations && !result.created) {
      // Stored as a new version; a live secret's destinations change only with step-up.
      throw new ApiError(
        409,
        "destinations_unchanged",
        "The value was saved, but a live secret's destinations change only through PUT …/secrets/{name}/destinations (step-up).",
      );
    }
    return c.json({ secret: secretJson(result.secret) }, result.created ? 201 : 200);
  },
);

secretRoutes.openapi(
  createRoute({
    method: "put",
    path: "/api/tenants/{t}/secrets/{name}/destinations",
    tags: ["vault"],
    summary: "Set where a secret may be sent (admin and owner, step-up; audited)",
    description:
      "Origins are scheme://host[:port] (https only for headers); `*.example.com` is the only wildcard. An empty list means the secret can be sent nowhere.",
    request: { params: SecretParams, body: jsonBody(PutDestinationsBody) },
    responses: { 200: json(SecretResponse), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "secrets.bind");
    const { name } = c.req.valid("param");
    const wanted = validDestinations(c.req.valid("json").destinations);
    const current = await getSecretMeta(c.env.DB, access.tenantId, name);
    if (!current) throw errors.notFound("Secret");
    // Provider bindings belong to the provider's configuration and are kept as they are.
    const destinations = [
      ...current.destinations.filter((d) => d.via.kind === "provider"),
      ...wanted,
    ];
    const changed = await setSecretDestinations(c.env.DB, {
      tenantId: access.tenantId,
      name,
      destinations,
      actor: access.actor,
      now: clock.now(),
      audit: destinationsAudit(c, access, name, destinations),
    });
    if (!changed) throw errors.notFound("Secret");
    return c.json({ secret: secretJson(changed.secret) }, 200);
  },
);

secretRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/api/tenants/{t}/secrets/{name}",
    tags: ["vault"],
    summary: "Delete a secret (its ciphertext is erased)",
    request: { params: SecretParams },
    responses: { 200: json(Ok), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "secrets.delete");
    const { name } = c.req.valid("param");
    const deleted = await deleteSecret(c.env.DB, {
      tenantId: access.tenantId,
      name,
      actor: access.actor,
      now: clock.now(),
      audit: auditedQuery(
        c,
        database(c.env.DB),
        access,
        "secret.deleted",
        { name },
        { ifChanged: true },
      ),
    });
    if (!deleted) throw errors.notFound("Secret");
    return c.json({ ok: true as const }, 200);
  },
);

secretRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/secret-requests",
    tags: ["ask_secret"],
    summary: "Secrets agents asked for (pending by default)",
    request: { params: TenantParams, query: SecretRequestQuery },
    responses: { 200: json(SecretRequestList), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "secrets.read_metadata");
    const { status } = c.req.valid("query");
    const now = clock.now();
    const rows = await listSecretRequests(c.env.DB, access.tenantId, now, status);
    return c.json({ requests: rows.map((r) => requestJson(r, now)) }, 200);
  },
);

secretRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/secret-requests",
    tags: ["ask_secret"],
    summary: "Ask a person for a secret by name (ask_secret)",
    description:
      "The console shows the request as a masked field. The value goes straight to the vault; the requester only ever learns that it was saved.",
    request: { params: TenantParams, body: jsonBody(CreateSecretRequestBody) },
    responses: { 201: json(SecretRequestResponse, "Requested"), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "steps.propose");
    const body = c.req.valid("json");
    const now = clock.now();
    const [destination] = validDestinations(
      [{ origin: body.destination.origin, via: { kind: "header", name: body.destination.header } }],
      "destination",
    );
    const row = await createSecretRequest(c.env.DB, {
      tenantId: access.tenantId,
      name: body.name,
      description: body.description,
      requestedBy: access.actor,
      destination: destination!,
      now,
      ttlMs: body.expires_in_seconds === undefined ? undefined : body.expires_in_seconds * 1000,
      audit: (r) =>
        auditedQuery(c, database(c.env.DB), access, "secret_request.created", {
          request_id: r.id,
          name: r.name,
          requested_by: r.requestedBy,
        }),
    });
    return c.json({ request: requestJson(row, now) }, 201);
  },
);

secretRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/secret-requests/{id}",
    tags: ["ask_secret"],
    summary: "One request's status",
    request: { params: TenantItemParams },
    responses: { 200: json(SecretRequestResponse), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "secrets.read_metadata");
    const { id } = c.req.valid("param");
    const row = await getSecretRequest(c.env.DB, access.tenantId, id);
    if (!row) throw errors.notFound("Request");
    return c.json({ request: requestJson(row, clock.now()) }, 200);
  },
);

secretRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/secret-requests/{id}/answer",
    tags: ["ask_secret"],
    summary: "Answer a request with the value; the answer is only “secret saved”",
    request: { params: TenantItemParams, body: jsonBody(AnswerSecretRequestBody) },
    responses: { 200: json(SecretSaved), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "secrets.write");
    const { id } = c.req.valid("param");
    const { value } = c.req.valid("json");
    const row = await getSecretRequest(c.env.DB, access.tenantId, id);
    if (!row) throw errors.notFound("Request");
    if (await getSecretMeta(c.env.DB, access.tenantId, row.name)) {
      requireStepUp(access, "secrets.write");
    }
    const destination = requestedDestination(row);
    const saved = await withVaultErrors(c.var.requestId, async () => {
      if (requestStatus(row, clock.now()) !== "pending") {
        throw new VaultError("conflict", "This request for a secret is no longer pending.");
      }
      // The person answering sees the destination the request names; it binds a new secret
      // only (an existing secret keeps its destinations).
      return putSecret(await openVault(c.env.DB, c.var.config.vaultKeks), {
        tenantId: access.tenantId,
        name: row.name,
        value,
        actor: access.actor,
        fulfilsRequest: row.id,
        audit: ({ version, created }) =>
          auditedQuery(
            c,
            database(c.env.DB),
            access,
            created ? "secret.stored" : "secret.updated",
            created && destination
              ? {
                  name: row.name,
                  version,
                  request_id: row.id,
                  destinations: [destination] as never,
                }
              : { name: row.name, version, request_id: row.id },
            { ifChanged: true },
          ),
        destinationsIfNew: destination ? [destination] : [],
      });
    });
    return c.json({ result: ASK_SECRET_RESULT }, 200);
  },
);

secretRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/api/tenants/{t}/secret-requests/{id}",
    tags: ["ask_secret"],
    summary: "Decline a pending request",
    request: { params: TenantItemParams },
    responses: { 200: json(Ok), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "secrets.write");
    const { id } = c.req.valid("param");
    const row = await getSecretRequest(c.env.DB, access.tenantId, id);
    if (!row) throw errors.notFound("Request");
    await withVaultErrors(c.var.requestId, () =>
      cancelSecretRequest(c.env.DB, {
        tenantId: access.tenantId,
        id,
        now: clock.now(),
        actor: access.actor,
        audit: auditedQuery(
          c,
          database(c.env.DB),
          access,
          "secret_request.declined",
          { request_id: id, name: row.name },
          { ifChanged: true },
        ),
      }),
    );
    return c.json({ ok: true as const }, 200);
  },
);
