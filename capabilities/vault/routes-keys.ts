import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { iso, isoOrNull } from "../../core/time";
import { audited } from "../audit/outbox";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { json, jsonBody } from "../../core/contract/common";
import { TenantParams, tenantErrorResponses } from "../tenancy/contract";
import {
  KeyStatus,
  RewrapBody,
  RewrapResult,
  RotateBody,
  RotationProgress,
} from "./contract";
import { requireTenantAccess } from "../tenancy/access";
import { openVault, tenantDeks } from "./deks";
import { withVaultErrors } from "./errors";
import { keyring } from "./keyring";
import { deksNotUnder, rewrapDeks } from "./rewrap";
import { rotateDek, secretsBehind } from "./rotate-dek";

/** A tenant's vault keys: status, DEK rotation and KEK rewrap. Never any key material. */
export const keyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

keyRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/keys",
    tags: ["vault"],
    summary: "Vault key status: DEK versions, rotation progress, KEK rewrap needed",
    request: { params: TenantParams },
    responses: { 200: json(KeyStatus), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "keys.read");
    const db = c.env.DB;
    const { ring } = await keyring(c.var.config.vaultKeks);
    const deks = await tenantDeks(db, access.tenantId);
    const { results: counts } = await db
      .prepare(
        `SELECT dek_version, COUNT(*) AS n FROM secrets
          WHERE tenant_id = ?1 AND deleted_at IS NULL GROUP BY dek_version`,
      )
      .bind(access.tenantId)
      .all<{ dek_version: number; n: number }>();
    const perVersion = new Map(counts.map((r) => [r.dek_version, r.n]));
    const active = deks.find((d) => d.state === "active");
    const remaining = active ? await secretsBehind(db, access.tenantId, active.version) : 0;
    return c.json(
      {
        active_kek: ring.active.id,
        active_dek_version: active?.version ?? null,
        deks: deks.map((d) => ({
          version: d.version,
          state: d.state,
          kek_id: d.kek_id,
          created_at: iso(d.created_at),
          rewrapped_at: isoOrNull(d.rewrapped_at),
          destroyed_at: isoOrNull(d.destroyed_at),
          secrets: perVersion.get(d.version) ?? 0,
        })),
        rotation: { in_progress: remaining > 0, remaining },
        rewrap: { needed: await deksNotUnder(db, ring.active.id, access.tenantId) },
      },
      200,
    );
  },
);

keyRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/keys/rotate",
    tags: ["vault"],
    summary: "Rotate the tenant's DEK, or resume an unfinished rotation (step-up)",
    description:
      "Starts a new DEK version if no rotation is under way, then re-encrypts up to `max_secrets` secrets in batches. Every secret stays readable throughout; call again while `status` is `in_progress`.",
    request: { params: TenantParams, body: jsonBody(RotateBody) },
    responses: { 200: json(RotationProgress), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "keys.rotate_dek");
    const { max_secrets } = c.req.valid("json");
    const progress = await withVaultErrors(c.var.requestId, async () =>
      rotateDek(await openVault(c.env.DB, c.var.config.vaultKeks), access.tenantId, {
        maxSecrets: max_secrets,
        audit: (change) => audited(c, access, "dek.rotated", change, { ifChanged: true }),
      }),
    );
    return c.json(progress, 200);
  },
);

keyRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/keys/rewrap",
    tags: ["vault"],
    summary: "Rewrap this tenant's DEKs under the active KEK (step-up)",
    request: { params: TenantParams, body: jsonBody(RewrapBody) },
    responses: { 200: json(RewrapResult), ...tenantErrorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "keys.rewrap");
    const { limit } = c.req.valid("json");
    const vault = await openVault(c.env.DB, c.var.config.vaultKeks);
    const result = await rewrapDeks(vault, {
      tenantId: access.tenantId,
      limit,
      audit: ({ tenantId: _, ...change }) =>
        audited(c, access, "kek.rewrapped", change, { ifChanged: true }),
    });
    return c.json(result, 200);
  },
);
