import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../login-sessions/app-env";
import { validationHook } from "../../platform/http/validation";
import { tenantStub, unwrap } from "../../platform/tenant-stub";
import { actorOf } from "../tenancy/actor";
import type { PolicyRpc } from "./tenant-do/rpc";

import { requireTenantAccess } from "../tenancy/access";
import {
  listPolicyVersions,
  createPolicyVersion,
  getPolicyVersion,
  activatePolicyVersion,
} from "./contract";

/** The tenant layer of the policy, versioned in the tenant's Durable Object. */
export const policyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

policyRoutes.openapi(listPolicyVersions, async (c) => {
  const access = await requireTenantAccess(c, "policies.read");
  const policies = unwrap(await tenantStub<PolicyRpc>(c.env, access.tenantId).listPolicies());
  return c.json({ policies }, 200);
});

policyRoutes.openapi(createPolicyVersion, async (c) => {
  const access = await requireTenantAccess(c, "policies.write");
  const { source } = c.req.valid("json");
  const stub = tenantStub<PolicyRpc>(c.env, access.tenantId);
  const policy = unwrap(await stub.createPolicy(source, actorOf(access)));
  return c.json({ policy }, 201);
});

policyRoutes.openapi(getPolicyVersion, async (c) => {
  const access = await requireTenantAccess(c, "policies.read");
  const { v } = c.req.valid("param");
  const policy = unwrap(await tenantStub<PolicyRpc>(c.env, access.tenantId).getPolicy(v));
  return c.json({ policy }, 200);
});

policyRoutes.openapi(activatePolicyVersion, async (c) => {
  const access = await requireTenantAccess(c, "policies.activate");
  const { v } = c.req.valid("param");
  const stub = tenantStub<PolicyRpc>(c.env, access.tenantId);
  const policy = unwrap(await stub.activatePolicy(v, actorOf(access)));
  return c.json({ policy }, 200);
});
