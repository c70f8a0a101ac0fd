import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { can } from "../../core/permissions";
import { parseDestination, type Destination } from "../../core/secrets/destinations";
import { iso, isoOrNull } from "../../core/time";
import { auditedQuery } from "../audit/outbox";
import { database } from "../../platform/db/client";
import { ApiError, errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";

import {
  listSecretsRoute,
  getSecret,
  putSecretRoute,
  putSecretDestinations,
  deleteSecretRoute,
  listSecretRequestsRoute,
  createSecretRequestRoute,
  getSecretRequestRoute,
  answerSecretRequest,
  deleteSecretRequest,
} from "./contract";
import { requireStepUp, authorize, type TenantAccess } from "../tenancy/access";
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

secretRoutes.openapi(listSecretsRoute, async (c) => {
  const access = authorize(c, "secrets.read_metadata");
  const { cursor, limit } = c.req.valid("query");
  const page = await listSecrets(c.env.DB, access.tenantId, { after: cursor, limit });
  return c.json({ secrets: page.secrets.map(secretJson), next_cursor: page.next }, 200);
});

secretRoutes.openapi(getSecret, async (c) => {
  const access = authorize(c, "secrets.read_metadata");
  const { name } = c.req.valid("param");
  const secret = await getSecretMeta(c.env.DB, access.tenantId, name);
  if (!secret) throw errors.notFound("Secret");
  return c.json({ secret: secretJson(secret) }, 200);
});

secretRoutes.openapi(putSecretRoute, async (c) => {
  const access = authorize(c, "secrets.write");
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
});

secretRoutes.openapi(putSecretDestinations, async (c) => {
  const access = authorize(c, "secrets.bind");
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
});

secretRoutes.openapi(deleteSecretRoute, async (c) => {
  const access = authorize(c, "secrets.delete");
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
});

secretRoutes.openapi(listSecretRequestsRoute, async (c) => {
  const access = authorize(c, "secrets.read_metadata");
  const { status } = c.req.valid("query");
  const now = clock.now();
  const rows = await listSecretRequests(c.env.DB, access.tenantId, now, status);
  return c.json({ requests: rows.map((r) => requestJson(r, now)) }, 200);
});

secretRoutes.openapi(createSecretRequestRoute, async (c) => {
  const access = authorize(c, "steps.propose");
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
});

secretRoutes.openapi(getSecretRequestRoute, async (c) => {
  const access = authorize(c, "secrets.read_metadata");
  const { id } = c.req.valid("param");
  const row = await getSecretRequest(c.env.DB, access.tenantId, id);
  if (!row) throw errors.notFound("Request");
  return c.json({ request: requestJson(row, clock.now()) }, 200);
});

secretRoutes.openapi(answerSecretRequest, async (c) => {
  const access = authorize(c, "secrets.write");
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
});

secretRoutes.openapi(deleteSecretRequest, async (c) => {
  const access = authorize(c, "secrets.write");
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
});
