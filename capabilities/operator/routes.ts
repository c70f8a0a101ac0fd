import { auditQuery, drainPendingAuditOutboxes } from "../audit/outbox";
import { database } from "../../platform/db/client";
import { clock } from "../../platform/clock";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { sha256Hex } from "../../core/crypto/hash";
import { fromHex, timingSafeEqual } from "../../core/encoding";
import { enforceRateLimit } from "../../platform/rate-limit";
import { requestInfo } from "../login-sessions/sign-in";
import { ApiError, errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { json, jsonBody } from "../../core/contract/common";
import { tenantErrorResponses } from "../tenancy/contract";
import { OperatorVaultStatus, RewrapBody, RewrapResult } from "../vault/contract";
import { bearerCredential } from "../tokens/api-tokens";
import { openVault } from "../vault/deks";
import { keyring } from "../vault/keyring";
import { deksByKek, deksNotUnder, rewrapDeks } from "../vault/rewrap";

/**
 * Platform operator endpoints, across tenants. Enabled only when the `OPERATOR_TOKEN` secret is
 * set (otherwise they answer 404) and authorised by `Authorization: Bearer <OPERATOR_TOKEN>`.
 * Answers are plain JSON for scripts and the CLI.
 */
export const operatorRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const FAILED_ATTEMPTS = { limit: 20, windowMs: 10 * 60 * 1000 };

async function requireOperator(c: Context<AppEnv>): Promise<void> {
  const expected = c.var.config.operatorToken;
  if (!expected) throw new ApiError(404, "not_found", "No such endpoint.");
  const given = bearerCredential(c.req.header("authorization"));
  // Compare digests so the comparison is constant-time whatever the lengths.
  const ok =
    given !== undefined &&
    timingSafeEqual(fromHex(await sha256Hex(given)), fromHex(await sha256Hex(expected)));
  if (!ok) {
    await enforceRateLimit(
      c.env.DB,
      { key: `operator-auth:ip:${requestInfo(c).ip ?? "unknown"}`, ...FAILED_ATTEMPTS },
      clock.now(),
    );
    throw errors.unauthenticated();
  }
}

// Before body validation, so nobody learns anything from these routes without the token.
operatorRoutes.use("/api/operator/*", async (c, next) => {
  await requireOperator(c);
  await next();
});

operatorRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/operator/vault/status",
    tags: ["operator"],
    summary: "KEK ring ids and how many live DEKs each KEK wraps",
    responses: { 200: json(OperatorVaultStatus), ...tenantErrorResponses },
  }),
  async (c) => {
    const { ring } = await keyring(c.var.config.vaultKeks);
    return c.json(
      {
        active_kek: ring.active.id,
        ring: [...ring.byId.keys()],
        deks_by_kek: await deksByKek(c.env.DB),
        needs_rewrap: await deksNotUnder(c.env.DB, ring.active.id),
      },
      200,
    );
  },
);

operatorRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/operator/vault/rewrap",
    tags: ["operator"],
    summary: "KEK rotation: rewrap every tenant's DEKs under the active KEK (resumable)",
    description:
      "Put the new KEK first in VAULT_KEKS (keeping the old one), then call until `status` is `complete`; only then remove the old KEK. No secret is re-encrypted.",
    request: { body: jsonBody(RewrapBody) },
    responses: { 200: json(RewrapResult), ...tenantErrorResponses },
  }),
  async (c) => {
    const { limit } = c.req.valid("json");
    const vault = await openVault(c.env.DB, c.var.config.vaultKeks);
    const result = await rewrapDeks(vault, {
      limit,
      audit: ({ tenantId, ...change }) =>
        auditQuery(
          database(c.env.DB),
          {
            tenantId,
            type: "kek.rewrapped",
            actor: { kind: "system", id: "operator" },
            data: change,
          },
          clock.now(),
          { ifChanged: true },
        ),
    });
    await drainPendingAuditOutboxes(c.env);
    return c.json(result, 200);
  },
);
