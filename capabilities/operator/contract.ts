import { errorResponses, json, jsonBody } from "../../core/contract/common";
import { z, createRoute } from "@hono/zod-openapi";
import { tenantErrorResponses } from "../tenancy/contract";
import { RewrapResult, RewrapBody, OperatorVaultStatus } from "../vault/contract";

export const Check = z.object({
  id: z.string(),
  status: z.enum(["ok", "warn", "error"]),
  message: z.string(),
});
const DependencyStatus = z.enum(["ok", "unavailable", "read_only", "error"]);
const Dependencies = z.object({ d1: DependencyStatus, durable_objects: DependencyStatus });

/** `/health`: what `checkHealth` (health.ts) answers. */
export const HealthReport = z
  .union([
    z.object({ status: z.literal("ok"), checks: Dependencies }),
    z.object({ status: z.literal("unavailable"), checks: Dependencies }),
    z.object({ status: z.literal("misconfigured"), problems: z.array(z.string()) }),
  ])
  .openapi("Health");

export const getHealth = createRoute({
  method: "get",
  path: "/health",
  tags: ["ops"],
  summary: "Whether D1 and the Durable Objects answer and the configuration is valid (no auth)",
  responses: {
    200: json(HealthReport),
    503: json(HealthReport, "Unavailable or misconfigured (see Retry-After)"),
  },
});

export const getDoctor = createRoute({
  method: "get",
  path: "/api/doctor",
  tags: ["ops"],
  summary: "Risky or missing settings (names only, never values)",
  description:
    "With an API token (or `?tenant=` for a signed-in member who may read secret metadata), also lists the tenant's secrets that have no destinations yet.",
  request: { query: z.object({ tenant: z.string().min(1).max(128).optional() }) },
  responses: {
    200: json(z.object({ status: z.enum(["ok", "warn", "error"]), checks: z.array(Check) })),
    ...errorResponses,
  },
});

export const getOperatorVaultStatus = createRoute({
  method: "get",
  path: "/api/operator/vault/status",
  tags: ["operator"],
  summary: "KEK ring ids and how many live DEKs each KEK wraps",
  responses: { 200: json(OperatorVaultStatus), ...tenantErrorResponses },
});

export const rewrapOperatorVault = createRoute({
  method: "post",
  path: "/api/operator/vault/rewrap",
  tags: ["operator"],
  summary: "KEK rotation: rewrap every tenant's DEKs under the active KEK (resumable)",
  description:
    "Put the new KEK first in VAULT_KEKS (keeping the old one), then call until `status` is `complete`; only then remove the old KEK. No secret is re-encrypted.",
  request: { body: jsonBody(RewrapBody) },
  responses: { 200: json(RewrapResult), ...tenantErrorResponses },
});
