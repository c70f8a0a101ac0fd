import { MAX_POLICY_SOURCE_CHARS } from "../../core/policy/limits";
import { IsoTime, errorResponses, json, jsonBody } from "../../core/contract/common";
export const VersionParams = TenantParam.extend({
  v: z.coerce.number().int().min(1).max(1_000_000),
});

export const PolicyBody = z
  .strictObject({ source: z.string().min(1).max(MAX_POLICY_SOURCE_CHARS) })
  .openapi("PolicyBody");

export const PolicyVersion = z
  .object({
    version: z.number().int(),
    bundle_id: z.string(),
    author: z.string(),
    created_at: IsoTime,
    activated_at: IsoTime.nullable(),
    active: z.boolean(),
  })
  .openapi("PolicyVersion");
export type PolicyVersionView = z.output<typeof PolicyVersion>;

import { TenantParam } from "../tenancy/contract";

import { z, createRoute } from "@hono/zod-openapi";

export const listPolicyVersions = createRoute({
  method: "get",
  path: "/api/tenants/{t}/policies",
  tags: ["policies"],
  summary: "Policy versions, newest first",
  request: { params: TenantParam },
  responses: { 200: json(z.object({ policies: z.array(PolicyVersion) })), ...errorResponses },
});

export const createPolicyVersion = createRoute({
  method: "post",
  path: "/api/tenants/{t}/policies",
  tags: ["policies"],
  summary: "Store a new policy version (not yet active); lint errors come back with line:column",
  request: { params: TenantParam, body: jsonBody(PolicyBody) },
  responses: { 201: json(z.object({ policy: PolicyVersion })), ...errorResponses },
});

export const getPolicyVersion = createRoute({
  method: "get",
  path: "/api/tenants/{t}/policies/{v}",
  tags: ["policies"],
  summary: "One policy version with its source",
  request: { params: VersionParams },
  responses: {
    200: json(z.object({ policy: PolicyVersion.extend({ source: z.string() }) })),
    ...errorResponses,
  },
});

export const activatePolicyVersion = createRoute({
  method: "post",
  path: "/api/tenants/{t}/policies/{v}/activate",
  tags: ["policies"],
  summary: "Make a version the active tenant layer (audited)",
  request: { params: VersionParams },
  responses: { 200: json(z.object({ policy: PolicyVersion })), ...errorResponses },
});
