import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { tenantStub, unwrap } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { PolicyRpc } from "./tenant-do/rpc";
import { errorResponses, json, jsonBody } from "../../core/contract/common";
import { PolicyBody, PolicyVersion, TenantParam, VersionParams } from "../runs/contract";
import { requireTenantAccess } from "../tenancy/access";

/** The tenant layer of the policy, versioned in the tenant's Durable Object. */
export const policyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

policyRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/policies",
    tags: ["policies"],
    summary: "Policy versions, newest first",
    request: { params: TenantParam },
    responses: { 200: json(z.object({ policies: z.array(PolicyVersion) })), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "policies.read");
    const policies = unwrap(await tenantStub<PolicyRpc>(c.env, access.tenantId).listPolicies());
    return c.json({ policies }, 200);
  },
);

policyRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/policies",
    tags: ["policies"],
    summary: "Store a new policy version (not yet active); lint errors come back with line:column",
    request: { params: TenantParam, body: jsonBody(PolicyBody) },
    responses: { 201: json(z.object({ policy: PolicyVersion })), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "policies.write");
    const { source } = c.req.valid("json");
    const stub = tenantStub<PolicyRpc>(c.env, access.tenantId);
    const policy = unwrap(await stub.createPolicy(source, actorOf(access)));
    return c.json({ policy }, 201);
  },
);

policyRoutes.openapi(
  createRoute({
    method: "get",
    path: "/api/tenants/{t}/policies/{v}",
    tags: ["policies"],
    summary: "One policy version with its source",
    request: { params: VersionParams },
    responses: {
      200: json(z.object({ policy: PolicyVersion.extend({ source: z.string() }) })),
      ...errorResponses,
    },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "policies.read");
    const { v } = c.req.valid("param");
    const policy = unwrap(await tenantStub<PolicyRpc>(c.env, access.tenantId).getPolicy(v));
    return c.json({ policy }, 200);
  },
);

policyRoutes.openapi(
  createRoute({
    method: "post",
    path: "/api/tenants/{t}/policies/{v}/activate",
    tags: ["policies"],
    summary: "Make a version the active tenant layer (audited)",
    request: { params: VersionParams },
    responses: { 200: json(z.object({ policy: PolicyVersion })), ...errorResponses },
  }),
  async (c) => {
    const access = await requireTenantAccess(c, "policies.activate");
    const { v } = c.req.valid("param");
    const stub = tenantStub<PolicyRpc>(c.env, access.tenantId);
    const policy = unwrap(await stub.activatePolicy(v, actorOf(access)));
    return c.json({ policy }, 200);
  },
);
