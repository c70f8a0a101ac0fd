import { auditQuery, drainPendingAuditOutboxes } from "../audit/outbox";
import { database } from "../../platform/db/client";
import { clock } from "../../platform/clock";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { sha256Hex } from "../../core/crypto/hash";
import { fromHex, timingSafeEqual } from "../../core/encoding";
import { enforceRateLimit } from "../../platform/rate-limit";
import { requestInfo } from "../login-sessions/sign-in";
import { ApiError, errors } from "../../platform/http/errors";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";

import { bearerCredential } from "../tokens/api-tokens";
import { openVault } from "../vault/deks";
import { keyring } from "../vault/keyring";
import { deksByKek, deksNotUnder, rewrapDeks } from "../vault/rewrap";
import { getOperatorVaultStatus, rewrapOperatorVault } from "./contract";

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

operatorRoutes.openapi(getOperatorVaultStatus, async (c) => {
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
});

operatorRoutes.openapi(rewrapOperatorVault, async (c) => {
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
});
